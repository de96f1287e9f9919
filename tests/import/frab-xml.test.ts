// Importing frab/pretalx schedule.xml: the same model as schedule.json, read from elements and attributes.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importFrabXml } from '../../core/import/frab-xml.ts';
import { importProgram } from '../../core/import/index.ts';
import type { ImportOptions, ImportResult } from '../../core/import/types.ts';
import type { Item } from '../../core/program/schema.ts';
import { parseValid, repoPath, screenAt, timelineOf } from '../helpers.ts';

type Imported = Extract<ImportResult, { ok: true }>;

function fixture(name: string, options: ImportOptions = {}): Imported {
  const result = importProgram(readFileSync(repoPath(`tests/fixtures/import/${name}`), 'utf8'), options);
  if (!result.ok) throw new Error(`expected an import, got: ${result.error}`);
  parseValid(result.program);
  return result;
}
const item = (r: Imported, title: string): Item => {
  const found = (r.program.items as Item[]).find((i) => i.title === title);
  if (!found) throw new Error(`no item "${title}"`);
  return found;
};
const notes = (r: Imported) => r.notes.map((n) => `${n.kind}: ${n.where ? `${n.where}: ` : ''}${n.message}`);

describe('a small schedule.xml', () => {
  const r = fixture('frab-small.xml');

  test('conference, zone, venue and rooms come from the XML; entities are decoded', () => {
    expect(r.format).toBe('frab-xml');
    expect(r.program.event).toMatchObject({ id: 'xmlcamp', name: 'XML Camp & Friends' });
    expect(r.program.timezone).toBe('Europe/Berlin');
    expect(r.program.venue).toEqual({ name: 'Kulturbrauerei' });
    expect(r.program.rooms).toEqual([
      { id: 'saal-1', name: 'Saal 1' },
      { id: 'saal-2', name: 'Saal 2' },
    ]);
  });

  test.each([
    { title: 'Opening', kind: 'opening', start: '2026-06-29T09:00', end: '2026-06-29T09:45', room: 'saal-1' },
    { title: 'Coffee', kind: 'break', start: '2026-06-29T10:00', end: '2026-06-29T10:30', room: 'saal-1' },
    { title: 'Hackathon', kind: 'talk', start: '2026-06-29T22:00', end: '2026-06-30T23:30', room: 'saal-1' },
    {
      title: 'One hour, written D:HH:MM',
      kind: 'talk',
      start: '2026-06-29T10:30',
      end: '2026-06-29T11:30',
      room: 'saal-2',
    },
    { title: 'Lunch', kind: 'meal', start: '2026-06-30T12:00', end: '2026-06-30T13:00', room: 'saal-2' },
  ])('"$title": $kind in $room, $start → $end', ({ title, ...expected }) => {
    expect(item(r, title)).toMatchObject(expected);
  });

  test('persons from <person> elements, shared across events; the abstract loses its HTML; the URL is kept', () => {
    expect(item(r, 'Hackathon').speakers).toEqual(['grace-hopper', 'ada-lovelace']);
    expect(item(r, 'Opening')).toMatchObject({
      speakers: ['ada-lovelace'],
      subtitle: 'Why we are here',
      abstract: 'Hello everyone.',
      url: 'https://example.org/xmlcamp/talk/101',
    });
    expect(Object.keys(r.program.people!)).toEqual(['ada-lovelace', 'grace-hopper', 'barbara-liskov']);
  });

  test('an event of no length is dropped, and the report says where it was', () => {
    expect(notes(r)).toContain(
      'dropped: day 2, room Saal 2, event "Lasts nothing" (id 106): its duration "00:00" is not positive: left out',
    );
  });

  test('the hackathon runs through the night: at 03:00 on day 2 it is the current item in Saal 1', () => {
    const screen = screenAt(timelineOf(r.program), '2026-06-30T03:00', 'saal-1');
    expect(screen.current.map((i) => i.title)).toEqual(['Hackathon']);
  });
});

describe('an older schedule.xml without time_zone_name or <date>', () => {
  test('times are the day and "start" in the given zone', () => {
    const r = fixture('frab-no-time-zone.xml', { defaultZone: 'Europe/Brussels' });
    expect(r.program.timezone).toBe('Europe/Brussels');
    expect(item(r, 'Keynote of the morning')).toMatchObject({
      kind: 'keynote',
      start: '2026-02-07T10:00',
      end: '2026-02-07T10:50',
      speakers: ['simon-phipps'],
    });
    expect(notes(r)).toContain('guessed: no time_zone_name: used Europe/Brussels as given');
  });

  test('without a zone at all: UTC, with a note telling how to give one', () => {
    const r = fixture('frab-no-time-zone.xml');
    expect(r.program.timezone).toBe('UTC');
    expect(item(r, 'Second talk').start).toBe('2026-02-07T11:00');
    expect(notes(r).join('\n')).toMatch(/roomcue import --zone/);
  });
});

describe('unusable schedule.xml', () => {
  test.each([
    { label: 'broken XML', text: '<schedule><day></schedule>', error: /^not valid XML: .*\(line 1, column \d+\)/ },
    { label: 'another root element', text: '<calendar><day/></calendar>', error: /root element is not <schedule>/ },
    { label: 'no events', text: '<schedule><conference><title>X</title></conference></schedule>', error: /no events/ },
  ])('$label: a clear error, no exception', ({ text, error }) => {
    const result = importFrabXml(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe('a congress whose days run past midnight (day start 10:30, day end 03:00)', () => {
  const r = fixture('frab-night.xml');

  test("the days' end sets the program's day change; the night talks keep their real dates", () => {
    expect(r.program.dayChange).toBe('03:00');
    expect(item(r, 'Night talk')).toMatchObject({ start: '2026-12-28T01:00', end: '2026-12-28T01:45' });
    expect(notes(r)).toContain(
      'guessed: the days run past midnight (day 1 ends 28 December 03:00): dayChange set to "03:00", so the night until 03:00 belongs to the day before',
    );
  });

  test('an item at 01:00 on the night of day 1 belongs to day 1: tonight at 23:45, not "between days"', () => {
    const t = timelineOf(r.program);
    expect(t.byId.get(item(r, 'Night talk').id)!.day).toBe('2026-12-27');
    expect(t.byId.get(item(r, 'Day 2 night').id)!.day).toBe('2026-12-28');
    const at0015 = screenAt(t, '2026-12-28T00:15', 'saal-1');
    expect(at0015.phase).toBe('in-break');
    expect(at0015.next?.title).toBe('Night talk');
    expect(at0015.later.map((i) => i.title)).toEqual([]);
    expect(screenAt(t, '2026-12-28T02:00', 'saal-1').phase).toBe('between-days');
  });
});

describe("the schedule's own day_change (an older frab file: days without start or end, events with a start only)", () => {
  const r = fixture('frab-day-change.xml');

  test('is the program\'s dayChange, and says so: "04:00", not the "03:00" the events alone would give', () => {
    expect(r.program.dayChange).toBe('04:00');
    expect(notes(r)).toContain(
      'guessed: the days run past midnight ("Late talk" ends 28 December 00:15): dayChange "04:00", the schedule\'s own day_change',
    );
  });

  test('a bare start before the day change is the next morning: "00:30" listed under day 1 is 28 December', () => {
    expect(item(r, 'Night talk')).toMatchObject({ start: '2026-12-28T00:30', end: '2026-12-28T01:30' });
    expect(item(r, 'Small hours talk')).toMatchObject({ start: '2026-12-28T02:00', end: '2026-12-28T02:45' });
    expect(item(r, 'Day 2 opener').start).toBe('2026-12-28T11:00');
    const t = timelineOf(r.program);
    expect(t.byId.get(item(r, 'Small hours talk').id)!.day).toBe('2026-12-27');
    expect(screenAt(t, '2026-12-28T02:15', 'saal-1').current.map((i) => i.title)).toEqual(['Small hours talk']);
  });
});
