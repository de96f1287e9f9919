// The Indico importer: a timetable export becomes sessions, items, rooms and people; guesses and drops are noted.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importIndico } from '../../core/import/indico.ts';
import type { ImportOptions } from '../../core/import/types.ts';
import { parseProgramJson } from '../../core/program/parse.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import { repoPath, screenAt, timelineOf } from '../helpers.ts';

const fixture = (name: string) => readFileSync(repoPath(`tests/fixtures/import/${name}`), 'utf8');

function imported(text: string, options?: ImportOptions) {
  const result = importIndico(text, options);
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** Every item of the program, in sessions or not, by title. */
const items = (program: ProgramInput) => [
  ...(program.sessions ?? []).flatMap((s) => s.items),
  ...(program.items ?? []),
];
const item = (program: ProgramInput, title: string) => {
  const found = items(program).find((i) => i.title === title);
  if (!found) throw new Error(`no item "${title}"`);
  return found;
};

/** A timetable of top-level entries on one day, as Indico nests them. */
const timetable = (entries: Record<string, unknown>[]) =>
  JSON.stringify({ results: { '42': { '20261005': Object.fromEntries(entries.map((e, i) => [`c${i}`, e])) } } });
const at = (date: string, time: string, tz?: string) => ({ date, time, ...(tz ? { tz } : {}) });

describe('a conference timetable (2 days, 2 rooms, sessions, breaks, a session past midnight)', () => {
  const { program, notes, format } = imported(fixture('indico-timetable.json'));

  test('is a valid program in the zone of its entries', () => {
    expect(format).toBe('indico-json');
    const { diagnostics } = parseProgramJson(program);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(program.timezone).toBe('Europe/Zurich');
    expect(program.event).toEqual({
      id: 'indico-event-1234',
      name: 'Indico event 1234',
      url: 'https://indico.example.org/event/1234/',
    });
    expect(program.venue).toEqual({ name: 'CERN' });
  });

  test('rooms come from room / roomFullname, the fuller name kept', () => {
    expect(program.rooms).toEqual([
      { id: '500-1-001', name: '500-1-001 - Main Auditorium' },
      { id: '40-s2-a01-salle-anderson', name: '40/S2-A01 - Salle Anderson' },
    ]);
  });

  test('session blocks become sessions with their conveners as chairs and their contributions and breaks', () => {
    expect(program.sessions!.map((s) => [s.id, s.title, s.start, s.end, s.room, s.chairs])).toEqual([
      ['s10', 'Plenary I', '2026-09-14T09:20', '2026-09-14T10:40', '500-1-001', ['maria-rossi']],
      [
        's11',
        'Computing: Part 1',
        '2026-09-14T11:10',
        '2026-09-14T12:30',
        '40-s2-a01-salle-anderson',
        ['wei-zhang', 'maria-rossi'],
      ],
      ['s12', 'Detectors', '2026-09-14T11:10', '2026-09-14T12:30', '500-1-001', ['claire-dubois']],
      ['s13', 'Posters', '2026-09-14T14:00', '2026-09-14T15:30', '40-s2-a01-salle-anderson', ['chidi-okafor']],
      ['s20', 'Evening hackathon', '2026-09-14T22:00', '2026-09-15T00:30', '40-s2-a01-salle-anderson', ['lena-muller']],
      ['s14', 'Plenary II', '2026-09-15T09:00', '2026-09-15T10:30', '500-1-001', ['ana-silva']],
      ['s15', 'Computing: Part 2', '2026-09-15T11:00', '2026-09-15T12:00', '40-s2-a01-salle-anderson', ['wei-zhang']],
    ]);
    expect(program.sessions![5]!.items.map((i) => [i.id, i.kind])).toEqual([
      ['c110', 'keynote'],
      ['b4', 'break'],
      ['c111', 'talk'],
    ]);
  });

  test('a session block listed under both days is imported once, its last talk across midnight', () => {
    expect(program.sessions!.filter((s) => s.id === 's20')).toHaveLength(1);
    expect(item(program, 'Lightning demos')).toMatchObject({ start: '2026-09-14T23:45', end: '2026-09-15T00:30' });
    const screen = screenAt(timelineOf(program), '2026-09-15T00:10', '40-s2-a01-salle-anderson');
    expect(screen.current.map((i) => i.title)).toEqual(['Lightning demos']);
  });

  test('Indico gives no day bounds: the evening running past midnight sets the dayChange, and the note says so', () => {
    expect(program.dayChange).toBe('01:00');
    expect(notes.filter((n) => /dayChange/.test(n.message))).toEqual([
      {
        where: '',
        kind: 'guessed',
        message:
          'the source gives no day bounds; an evening runs on past midnight ("Lightning demos" ends 15 September 00:30): dayChange set to "01:00", so the night until 01:00 belongs to the day before',
      },
    ]);
    const t = timelineOf(program);
    expect(t.items.find((i) => i.title === 'Lightning demos')!.day).toBe('2026-09-14');
    expect(screenAt(t, '2026-09-15T00:40', '40-s2-a01-salle-anderson').phase).toBe('between-days');
  });

  test.each([
    { title: 'Opening and welcome', kind: 'opening' },
    { title: 'Keynote: The next decade of accelerator physics', kind: 'keynote' },
    { title: 'Invited talk: Quantum sensors for dark matter searches', kind: 'keynote' },
    { title: 'A gas mixture study for RPCs', kind: 'poster' },
    { title: 'Panel discussion: Open science in big collaborations', kind: 'panel' },
    { title: 'Closing remarks', kind: 'closing' },
    { title: 'Registration and welcome coffee', kind: 'break' },
    { title: 'Lunch', kind: 'meal' },
    { title: 'Déjeuner', kind: 'meal' },
    { title: 'Columnar analysis at scale', kind: 'talk' },
  ])('$title is a $kind', ({ title, kind }) => {
    expect(item(program, title).kind).toBe(kind);
  });

  test('people are de-duplicated by name, with slug ids and the first affiliation given', () => {
    expect(Object.keys(program.people!)).toEqual([
      'maria-rossi',
      'ana-silva',
      'jan-novak',
      'wei-zhang',
      'chidi-okafor',
      'lena-muller',
      'claire-dubois',
    ]);
    expect(program.people!['jan-novak']).toEqual({
      name: 'Jan Novák',
      affiliation: 'Czech Technical University in Prague',
    });
    expect(item(program, 'Panel discussion: Open science in big collaborations').speakers).toEqual([
      'maria-rossi',
      'ana-silva',
      'wei-zhang',
    ]);
  });

  test('a contribution outside sessions is a top-level item in its room, with text from the HTML description', () => {
    expect(item(program, 'Panel discussion: Open science in big collaborations')).toMatchObject({
      id: 'c109',
      room: '500-1-001',
      url: 'https://indico.example.org/event/1234/contributions/109/',
    });
    expect(item(program, 'Keynote: The next decade of accelerator physics').abstract).toBe(
      'Where the field goes after the HL-LHC & what it needs.',
    );
  });

  test('entries without a room: in the main room, or away from the rooms when they name another location', () => {
    expect(item(program, 'Coffee break').room).toBeUndefined();
    expect(program.locations).toEqual([{ id: 'restaurant-1', name: 'Restaurant 1' }]);
    expect(item(program, 'Lunch')).toMatchObject({ location: 'restaurant-1' });
    expect(notes.filter((n) => n.message.startsWith('no room: shown')).map((n) => n.where)).toEqual([
      'break "Registration and welcome coffee" (id b1)',
      'break "Coffee break" (id b2)',
    ]);
  });

  test('each distinct kind guess is one note', () => {
    const kindNotes = notes.filter((n) => / made "/.test(n.message)).map((n) => n.message);
    expect(kindNotes).toContain(
      '2 entries made "keynote" from the title: "Keynote: The next decade of accelerator physics", "Invited talk: Quantum sensors for dark matter searches"',
    );
    expect(kindNotes).toContain('2 entries made "meal" as breaks whose title names a meal: "Lunch", "Déjeuner"');
    expect(kindNotes).toContainEqual(expect.stringMatching(/^9 entries made "talk" by default/));
    expect(notes).toContainEqual({
      where: '',
      message: 'the timetable export has no event title: named after the event id, "Indico event 1234"',
      kind: 'guessed',
    });
  });

  test('the source name names the event', () => {
    const { program: named, notes: namedNotes } = imported(fixture('indico-timetable.json'), {
      sourceName: 'HEP Days 2026',
    });
    expect(named.event).toMatchObject({ id: 'hep-days-2026', name: 'HEP Days 2026' });
    expect(namedNotes.map((n) => n.message)).toContain(
      'the timetable export has no event title: named after the source, "HEP Days 2026"',
    );
  });
});

describe('what real exports vary in', () => {
  const { program, notes } = imported(fixture('indico-variants.json'));

  test('is still a valid program', () => {
    expect(parseProgramJson(program).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(program.timezone).toBe('Europe/Berlin');
  });

  test('newer personLinks (speakers by role), "speakers" with person_name, unpadded times, durations as text', () => {
    const session = program.sessions![0]!;
    expect(session).toMatchObject({
      title: 'Morning session: Block A',
      start: '2026-11-03T09:00',
      chairs: ['jonas-weber'],
    });
    expect(session.items.map((i) => [i.title, i.start, i.end, i.speakers])).toEqual([
      ['Welcome', '2026-11-03T09:00', '2026-11-03T09:15', ['jonas-weber']],
      ['Sparse models on small GPUs', '2026-11-03T09:15', '2026-11-03T10:00', ['eva-schmidt', 'karl-becker']],
    ]);
    expect(program.people).toEqual({
      'jonas-weber': { name: 'Jonas Weber', affiliation: 'TU Dresden' },
      'eva-schmidt': { name: 'Eva Schmidt', affiliation: 'TU Dresden' },
      'karl-becker': { name: 'Karl Becker' },
    });
  });

  test('drops and guesses are noted where they happen', () => {
    expect(notes.filter((n) => n.where).map((n) => [n.where, n.message, n.kind])).toEqual([
      [
        'session "Morning session" (id s1), contribution "A talk that ends before it starts" (id c3)',
        'it ends at 2026-11-03 10:00, not after its start 2026-11-03 10:15',
        'dropped',
      ],
      ['session "Morning session" (id s1), entry "Something else" (id x9)', 'not a contribution or break', 'dropped'],
      ['break "" (id b1)', 'no title: called "Break"', 'guessed'],
      [
        'session "Poster walk" (id s2)',
        'a session block with no contributions: imported as a single item, without its conveners',
        'guessed',
      ],
      ['contribution "Talk with no time" (id c4)', 'no readable start time', 'dropped'],
    ]);
    expect(item(program, 'Poster walk')).toMatchObject({ kind: 'poster', start: '2026-11-03T11:00' });
    expect(notes.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        '1 link(s) without a server (relative or not http) dropped from the items',
        'no entry names a room: everything is in a single room "Main"',
      ]),
    );
    expect(program.rooms).toEqual([{ id: 'main', name: 'Main' }]);
  });
});

describe('time zones', () => {
  test('entries in several zones are converted to the most common one, with a note', () => {
    const text = timetable([
      {
        entryType: 'Contribution',
        id: 'c1',
        title: 'A',
        startDate: at('2026-10-05', '09:00:00', 'Europe/Zurich'),
        endDate: at('2026-10-05', '09:30:00', 'Europe/Zurich'),
      },
      {
        entryType: 'Contribution',
        id: 'c2',
        title: 'B',
        startDate: at('2026-10-05', '10:00:00', 'Europe/Zurich'),
        endDate: at('2026-10-05', '10:30:00', 'Europe/Zurich'),
      },
      {
        entryType: 'Contribution',
        id: 'c3',
        title: 'C',
        startDate: at('2026-10-05', '05:00:00', 'America/New_York'),
        endDate: at('2026-10-05', '05:30:00', 'America/New_York'),
      },
    ]);
    const { program, notes } = imported(text);
    expect(program.timezone).toBe('Europe/Zurich');
    expect(item(program, 'C')).toMatchObject({ start: '2026-10-05T11:00', end: '2026-10-05T11:30' });
    expect(notes.map((n) => n.message)).toContain(
      'entries use several time zones (Europe/Zurich, America/New_York): all converted to Europe/Zurich',
    );
  });

  test.each([
    {
      label: 'with a default zone',
      options: { defaultZone: 'Asia/Tokyo' },
      zone: 'Asia/Tokyo',
      message: 'the entries give no time zone: times read in Asia/Tokyo',
    },
    {
      label: 'without one',
      options: {},
      zone: 'UTC',
      message: 'the entries give no time zone: times read in UTC (no default zone given)',
    },
  ])('entries without tz are read in the default zone, else UTC, $label', ({ options, zone, message }) => {
    const text = timetable([
      {
        entryType: 'Contribution',
        id: 'c1',
        title: 'A',
        startDate: at('2026-10-05', '09:00:00'),
        endDate: at('2026-10-05', '09:30:00'),
      },
    ]);
    const { program, notes } = imported(text, options);
    expect(program).toMatchObject({ timezone: zone, items: [{ start: '2026-10-05T09:00', end: '2026-10-05T09:30' }] });
    expect(notes.map((n) => n.message)).toContain(message);
  });

  test('an unknown tz name is read in the zone of the other entries, with a note', () => {
    const text = timetable([
      {
        entryType: 'Contribution',
        id: 'c1',
        title: 'A',
        startDate: at('2026-10-05', '09:00:00', 'Europe/Zurich'),
        endDate: at('2026-10-05', '09:30:00', 'Europe/Zurich'),
      },
      {
        entryType: 'Contribution',
        id: 'c2',
        title: 'B',
        startDate: at('2026-10-05', '10:00:00', 'CET+1'),
        endDate: at('2026-10-05', '10:30:00', 'CET+1'),
      },
    ]);
    const { program, notes } = imported(text, { defaultZone: 'Asia/Tokyo' });
    expect(program).toMatchObject({ timezone: 'Europe/Zurich' });
    expect(item(program, 'B')).toMatchObject({ start: '2026-10-05T10:00', end: '2026-10-05T10:30' });
    expect(notes.map((n) => n.message)).toContain('unknown time zone "CET+1": those times are read in Europe/Zurich');
  });

  test('ISO strings with an offset are accepted too', () => {
    const text = timetable([
      {
        entryType: 'Contribution',
        id: 'c1',
        title: 'A',
        startDate: '2026-10-05T07:00:00Z',
        endDate: '2026-10-05T07:30:00Z',
      },
    ]);
    expect(imported(text, { defaultZone: 'Europe/Paris' }).program.items![0]).toMatchObject({
      start: '2026-10-05T09:00',
    });
  });
});

describe('what the importer refuses', () => {
  const expected = 'expected {"results": {"<event id>": {"<YYYYMMDD>": {<entries>}}}} from /export/timetable/<id>.json';
  test.each([
    { label: 'text that is not JSON', text: 'BEGIN:VCALENDAR', error: /^not valid JSON: / },
    { label: 'a JSON array', text: '[1, 2]', error: `not an Indico timetable: ${expected}` },
    {
      label: 'an event export',
      text: '{"results": [{"_type": "Conference"}]}',
      error: `this is an Indico event export, not its timetable: ${expected}`,
    },
    {
      label: 'unrelated JSON',
      text: '{"schedule": {}}',
      error: `not an Indico timetable, or an empty one: ${expected}`,
    },
    {
      label: 'a timetable with no entries',
      text: '{"results": {"42": {"20261005": {}}}}',
      error: 'the Indico timetable has no entries: is anything scheduled in the event?',
    },
    {
      label: 'entries without usable times',
      text: timetable([{ entryType: 'Contribution', id: 'c1', title: 'A' }]),
      error: 'no usable entries in the Indico timetable (see the times)',
    },
  ])('$label', ({ text, error }) => {
    const result = importIndico(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.format).toBe('indico-json');
      if (typeof error === 'string') expect(result.error).toBe(error);
      else expect(result.error).toMatch(error);
    }
  });

  test('an unknown default zone', () => {
    expect(importIndico(fixture('indico-variants.json'), { defaultZone: 'Nowhere/City' })).toEqual({
      ok: false,
      format: 'indico-json',
      error: 'unknown default time zone "Nowhere/City"',
    });
  });
});

describe('days that run past midnight, inferred (Indico gives no day bounds)', () => {
  const entry = (id: string, title: string, date: string, time: string, duration: number) => ({
    entryType: 'Contribution',
    id,
    title,
    startDate: at(date, time, 'Europe/Paris'),
    duration: String(duration),
    room: 'Amphi',
  });

  test('an event alone after midnight, hours after the evening ended, is no night of the day before', () => {
    const { program, notes } = imported(
      timetable([
        entry('a', 'Evening talk', '2026-10-05', '19:00:00', 60),
        entry('b', 'Launch watch', '2026-10-06', '01:30:00', 60),
        entry('c', 'Morning talk', '2026-10-06', '09:00:00', 60),
      ]),
    );
    expect(program.dayChange).toBeUndefined();
    expect(notes.filter((n) => /dayChange/.test(n.message))).toEqual([]);
  });

  test('a 24-hour hackathon runs around the clock: no dayChange (not "12:00"), and the note says why', () => {
    const { program, notes } = imported(
      timetable([
        entry('a', 'Hackathon', '2026-10-05', '12:00:00', 24 * 60),
        entry('b', 'Demos', '2026-10-06', '13:00:00', 60),
      ]),
    );
    expect(program.dayChange).toBeUndefined();
    expect(notes.filter((n) => /dayChange/.test(n.message)).map((n) => n.message)).toEqual([
      '"Hackathon" runs around the clock (ends 6 October 12:00, after 06:00): no dayChange is inferred from it, the days are calendar dates; set dayChange in the program if its night belongs to the day before',
    ]);
  });
});
