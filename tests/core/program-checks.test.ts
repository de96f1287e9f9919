// Program validation: every broken program gets an error naming the JSON path and the problem.
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../core/program/diagnostics.ts';
import { parseProgramJson, parseProgramText } from '../../core/program/parse.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import { tinyProgram } from '../helpers.ts';

type Edit = (p: ProgramInput & { [k: string]: unknown }) => void;
const s0 = (p: ProgramInput) => p.sessions![0]!;

function diagnosticsOf(edit: Edit) {
  const program = tinyProgram() as ProgramInput & { [k: string]: unknown };
  edit(program);
  return parseProgramJson(program);
}

describe('errors: the program is refused, with path and reason', () => {
  test.each<{ label: string; edit: Edit; path: string; message: RegExp }>([
    {
      label: 'end before start',
      edit: (p) => (s0(p).items[1]!.end = '2026-06-29T09:10'),
      path: 'sessions[0].items[1]',
      message: /^end 09:10 is before start 09:30$/,
    },
    {
      label: 'zero-length item',
      edit: (p) => (p.items![0]!.end = '2026-06-29T10:00'),
      path: 'items[0]',
      message: /same as start/,
    },
    {
      label: 'session ends before it starts',
      edit: (p) => (s0(p).end = '2026-06-29T08:00'),
      path: 'sessions[0]',
      message: /end 08:00 is before start 09:00/,
    },
    {
      label: 'time without the T',
      edit: (p) => (s0(p).items[0]!.start = '2026-06-29 09:00'),
      path: 'sessions[0].items[0].start',
      message: /local date-time/,
    },
    {
      label: 'a date that does not exist',
      edit: (p) => (p.items![0]!.start = '2026-02-30T10:00'),
      path: 'items[0]',
      message: /not a valid date-time/,
    },
    {
      label: 'a time skipped by summer time',
      edit: (p) => {
        p.items![0]!.start = '2026-03-29T02:30';
        p.items![0]!.end = '2026-03-29T04:00';
      },
      path: 'items[0]',
      message: /does not exist in Europe\/Paris/,
    },
    {
      label: 'unknown kind',
      edit: (p) => ((s0(p).items[0] as { kind: string }).kind = 'lecture'),
      path: 'sessions[0].items[0].kind',
      message: /^"lecture" is not allowed: expected one of "registration".*"social"$/,
    },
    {
      label: 'unknown speaker',
      edit: (p) => (s0(p).items[1]!.speakers = ['grace']),
      path: 'sessions[0].items[1].speakers[0]',
      message: /unknown person "grace"/,
    },
    {
      label: 'a speaker named like a built-in',
      edit: (p) => (s0(p).items[1]!.speakers = ['constructor']),
      path: 'sessions[0].items[1].speakers[0]',
      message: /unknown person "constructor"/,
    },
    {
      label: 'a year before 1900',
      edit: (p) => {
        p.items![0]!.start = '0050-06-29T10:00';
        p.items![0]!.end = '0050-06-29T10:30';
      },
      path: 'items[0]',
      message: /^start "0050-06-29T10:00" is not a valid date-time/,
    },
    {
      label: 'unknown chair',
      edit: (p) => (s0(p).chairs = ['nobody']),
      path: 'sessions[0].chairs[0]',
      message: /unknown person "nobody"/,
    },
    {
      label: 'unknown room',
      edit: (p) => (p.items![0]!.room = 'Z'),
      path: 'items[0].room',
      message: /unknown room "Z"/,
    },
    {
      label: 'unknown location',
      edit: (p) => (p.items![0]!.location = 'moon'),
      path: 'items[0].location',
      message: /unknown location "moon"/,
    },
    {
      label: 'duplicate ids',
      edit: (p) => (p.items![0]!.id = 't1'),
      path: 'items[0]',
      message: /duplicate id "t1" \(already used at sessions\[0\]\.items\[0\]\)/,
    },
    {
      label: 'unknown time zone',
      edit: (p) => (p.timezone = 'Europe/Pariss'),
      path: 'timezone',
      message: /unknown time zone "Europe\/Pariss"/,
    },
    {
      label: 'missing title',
      edit: (p) => delete (s0(p).items[0] as { title?: string }).title,
      path: 'sessions[0].items[0].title',
      message: /missing/,
    },
    {
      label: 'misspelt field',
      edit: (p) => ((p.items![0] as Record<string, unknown>).titel = 'x'),
      path: 'items[0]',
      message: /unknown field "titel"/,
    },
    {
      label: 'wrong format version',
      edit: (p) => ((p as { formatVersion: number }).formatVersion = 2),
      path: 'formatVersion',
      message: /^2 is not allowed: expected 1$/,
    },
    { label: 'no rooms', edit: (p) => (p.rooms = []), path: 'rooms', message: /.+/ },
    { label: 'main room not a room', edit: (p) => (p.mainRoom = 'B'), path: 'mainRoom', message: /unknown room "B"/ },
  ])('$label', ({ edit, path, message }) => {
    const { program, diagnostics } = diagnosticsOf(edit);
    expect(program).toBeNull();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(
      errors.filter((d) => d.path === path && message.test(d.message)),
      JSON.stringify(errors),
    ).toHaveLength(1);
  });

  test('the message a user reads names the file, the path and the times', () => {
    const { diagnostics } = diagnosticsOf((p) => (s0(p).items[1]!.end = '2026-06-29T09:10'));
    expect(formatDiagnostic('talks.json', diagnostics[0]!)).toBe(
      'talks.json: error: sessions[0].items[1]: end 09:10 is before start 09:30',
    );
  });
});

describe('warnings: legal but suspicious, the program still loads', () => {
  test.each<{ label: string; edit: Edit; path: string; message: RegExp }>([
    {
      label: 'overlap in one room',
      edit: (p) => (p.items![0]!.start = '2026-06-29T09:50'),
      path: 'items[0]',
      message: /"Coffee" overlaps "Second" \(sessions\[0\]\.items\[1\]\) in room A from 09:50 to 10:00/,
    },
    {
      label: 'item outside its session',
      edit: (p) => (s0(p).items[1]!.end = '2026-06-29T10:15'),
      path: 'sessions[0].items[1]',
      message: /outside its session "Morning"/,
    },
    {
      label: 'TBA chair',
      edit: (p) => (s0(p).chairs = ['TBA']),
      path: 'sessions[0].chairs[0]',
      message: /chair is TBA/,
    },
    {
      label: 'TBA speaker',
      edit: (p) => (s0(p).items[1]!.speakers = ['TBA']),
      path: 'sessions[0].items[1].speakers[0]',
      message: /speaker is TBA/,
    },
    { label: 'fixed-offset zone', edit: (p) => (p.timezone = 'UTC'), path: 'timezone', message: /fixed offset/ },
  ])('$label', ({ edit, path, message }) => {
    const { program, diagnostics } = diagnosticsOf(edit);
    expect(program).not.toBeNull();
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(
      diagnostics.filter((d) => d.path === path && message.test(d.message)),
      JSON.stringify(diagnostics),
    ).toHaveLength(1);
  });

  test('items in different rooms at the same time are not an overlap', () => {
    const { diagnostics } = diagnosticsOf((p) => {
      p.rooms!.push({ id: 'B', name: 'Room B' });
      p.items!.push({
        id: 'b2',
        kind: 'talk',
        title: 'Parallel',
        start: '2026-06-29T09:00',
        end: '2026-06-29T09:30',
        room: 'B',
      });
    });
    expect(diagnostics).toEqual([]);
  });

  test('the tiny program is clean', () => {
    expect(diagnosticsOf(() => {}).diagnostics).toEqual([]);
  });
});

describe('JSON syntax errors give the line', () => {
  test.each([
    { label: 'trailing comma', text: '{\n  "formatVersion": 1,\n}', line: 3 },
    { label: 'cut short', text: '{\n  "formatVersion": 1,\n  "event": {', line: 3 },
    { label: 'not JSON at all', text: 'hello', line: 1 },
    { label: 'a bare word as a value', text: '{\n  "formatVersion": 1,\n  "event": hello\n}', line: 3 },
  ])('$label', ({ text, line }) => {
    const { program, diagnostics } = parseProgramText(text);
    expect(program).toBeNull();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toMatch(/^not valid JSON/);
    expect(diagnostics[0]!.line).toBe(line);
  });

  test('a byte-order mark is not an error', () => {
    expect(parseProgramText(`\uFEFF${JSON.stringify(tinyProgram())}`).program).not.toBeNull();
  });
});

describe('overlaps: one warning per item, whatever the number of pairs', () => {
  /** `n` items in room A (or where `place` puts them), all from 09:00 to 18:00 but the first, to 09:30. */
  function crowded(n: number, place: (k: number) => { room?: string; location?: string } = () => ({ room: 'A' })) {
    const p = tinyProgram();
    p.rooms!.push({ id: 'B', name: 'Room B' });
    p.locations = [{ id: 'garden', name: 'Garden' }];
    p.sessions = [];
    p.items = Array.from({ length: n }, (_, k) => ({
      id: `c${k}`,
      kind: 'talk' as const,
      title: `Talk ${k}`,
      start: '2026-06-29T09:00',
      end: '2026-06-29T18:00',
      ...place(k),
    }));
    p.items[0]!.end = '2026-06-29T09:30';
    return parseProgramJson(p);
  }

  test('2,000 items all at once: 1,999 warnings, each naming one item and counting the others', () => {
    const { program, diagnostics } = crowded(2000);
    expect(program).not.toBeNull();
    const overlaps = diagnostics.filter((d) => d.kind === 'overlap');
    expect(overlaps).toHaveLength(1999);
    expect(overlaps.at(-1)!.message).toBe(
      '"Talk 1999" overlaps "Talk 0" (items[0]) in room A from 09:00 to 09:30 and 1998 other items',
    );
    expect(overlaps[0]!.message).toBe('"Talk 1" overlaps "Talk 0" (items[0]) in room A from 09:00 to 09:30');
  });

  test('an item away from the rooms meets every room; rooms do not meet each other', () => {
    // c0 in A (09:00–09:30), c1 in B, c2 in the garden, c3 in A: c1 meets nothing before it, c2 meets c0 and c1,
    // c3 meets c0 (its room) and c2 (away), not c1.
    const rooms = ['A', 'B', null, 'A'];
    const { diagnostics } = crowded(4, (k) => (rooms[k] ? { room: rooms[k]! } : { location: 'garden' }));
    const byPath = Object.fromEntries(diagnostics.map((d) => [d.path, d.message]));
    expect(Object.keys(byPath).sort()).toEqual(['items[2]', 'items[3]']);
    expect(byPath['items[2]']).toMatch(
      /^"Talk 2" overlaps "Talk 0" \(items\[0\]\) in room A from 09:00 to 09:30 and 1 other item$/,
    );
    expect(byPath['items[3]']).toMatch(
      /^"Talk 3" overlaps "Talk 0" \(items\[0\]\) in room A from 09:00 to 09:30 and 1 other item$/,
    );
  });

  test('an item that starts when another ends does not overlap it', () => {
    const { diagnostics } = diagnosticsOf((p) => (p.items![0]!.start = '2026-06-29T10:00'));
    expect(diagnostics.filter((d) => d.kind === 'overlap')).toEqual([]);
  });
});
