// Hole 2 of issue 12: every field a view renders is bounded by the schema, and links are web pages only.
import { describe, expect, test } from 'vitest';
import { importProgram } from '../../core/import/index.ts';
import { shorten } from '../../core/import/fit-limits.ts';
import { parseProgramJson } from '../../core/program/parse.ts';
import { LIMITS, type ProgramInput } from '../../core/program/schema.ts';
import { tinyProgram } from '../helpers.ts';

const LONG_URL = `https://example.org/talk?${'x'.repeat(2_300)}`;

function withFirstItem(change: Record<string, unknown>): ProgramInput {
  const p = tinyProgram();
  Object.assign(p.sessions![0]!.items[0]!, change);
  return p;
}
const errors = (p: ProgramInput) =>
  parseProgramJson(p)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.path}: ${d.message}`);

describe('the program format refuses what a screen cannot show', () => {
  test.each([
    { label: 'a 2,300-character url', change: { url: LONG_URL }, error: 'url: is longer than 2,000 characters' },
    {
      label: 'a javascript: url',
      change: { url: 'javascript:alert(1)' },
      error: 'url: expected a web address starting with http:// or https://',
    },
    {
      label: 'a data: url',
      change: { url: 'data:text/html,<b>x</b>' },
      error: 'url: expected a web address starting with http:// or https://',
    },
    {
      label: 'a 301-character title',
      change: { title: 'T'.repeat(301) },
      error: 'title: is longer than 300 characters',
    },
    {
      label: 'a 301-character subtitle',
      change: { subtitle: 's'.repeat(301) },
      error: 'subtitle: is longer than 300 characters',
    },
    { label: 'a 101-character id', change: { id: 'i'.repeat(101) }, error: 'id: is longer than 100 characters' },
  ])('$label', ({ change, error }) => {
    expect(errors(withFirstItem(change))).toEqual([`sessions[0].items[0].${error}`]);
  });

  test('names of people, rooms, the venue and the event are bounded', () => {
    const p = tinyProgram();
    const long = 'N'.repeat(LIMITS.name + 1);
    p.people!.ada!.name = long;
    p.rooms[0]!.name = long;
    p.venue.name = long;
    p.event.name = long;
    expect(errors(p).sort()).toEqual(
      ['event.name', 'people.ada.name', 'rooms[0].name', 'venue.name'].map(
        (f) => `${f}: is longer than 150 characters`,
      ),
    );
  });

  test('at the limits the program is fine', () => {
    const p = withFirstItem({ title: 'T'.repeat(LIMITS.title), url: `https://e.org/${'x'.repeat(LIMITS.url - 14)}` });
    expect(errors(p)).toEqual([]);
  });
});

describe('an import with over-long fields and foreign links', () => {
  const pretalx = (title: string, url: string) =>
    JSON.stringify({
      schedule: {
        version: '1',
        conference: {
          acronym: 'x',
          title: 'X',
          start: '2026-06-29',
          end: '2026-06-29',
          daysCount: 1,
          time_zone_name: 'Europe/Paris',
          rooms: [{ name: 'Hall' }],
          days: [
            {
              index: 1,
              date: '2026-06-29',
              rooms: {
                Hall: [
                  {
                    guid: 'g1',
                    id: 1,
                    date: '2026-06-29T09:00:00+02:00',
                    start: '09:00',
                    duration: '00:30',
                    room: 'Hall',
                    slug: 's',
                    title,
                    type: 'Talk',
                    url,
                    persons: [],
                  },
                ],
              },
            },
          ],
        },
      },
    });

  test('is shortened and dropped with notes, and the program is valid', () => {
    const result = importProgram(pretalx('Long '.repeat(200), 'javascript:alert(1)'));
    if (!result.ok) throw new Error(result.error);
    const item = result.program.items![0]!;
    expect(item.title.length).toBe(LIMITS.title);
    expect(item.title.endsWith('…')).toBe(true);
    expect(item.url).toBeUndefined();
    expect(result.notes.map((n) => `${n.where}: ${n.message}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/title shortened to 300 characters$/),
        expect.stringMatching(/link left out \(not http\(s\)\)$/),
      ]),
    );
    expect(parseProgramJson(result.program).program).not.toBeNull();
  });

  test('a 2,300-character link is left out', () => {
    const result = importProgram(pretalx('Talk', LONG_URL));
    if (!result.ok) throw new Error(result.error);
    expect(result.program.items![0]!.url).toBeUndefined();
    expect(parseProgramJson(result.program).program).not.toBeNull();
  });

  test('shortening never leaves half of an emoji', () => {
    expect(shorten('ab😀cd', 4)).toBe('ab…');
    expect(shorten('abcdef', 4)).toBe('abc…');
  });
});
