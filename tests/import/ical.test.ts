// The iCalendar importer: exports from real tools, the four ways a time is given, repeats, and what it refuses.
import { readFileSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { describe, expect, test } from 'vitest';
import { importIcal, MAX_OCCURRENCES } from '../../core/import/ical.ts';
import type { ImportOptions } from '../../core/import/types.ts';
import { ianaZoneFor, WINDOWS_TO_IANA } from '../../core/import/windows-zones.ts';
import { parseProgramJson } from '../../core/program/parse.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import { repoPath, screenAt, timelineOf } from '../helpers.ts';

const fixture = (name: string) => readFileSync(repoPath(`tests/fixtures/import/${name}`), 'utf8');

function imported(text: string, options?: ImportOptions) {
  const result = importIcal(text, options);
  if (!result.ok) throw new Error(result.error);
  return result;
}

const item = (program: ProgramInput, title: string) => {
  const found = program.items?.find((i) => i.title === title);
  if (!found) throw new Error(`no item "${title}"`);
  return found;
};

/** A calendar of one event, with optional calendar lines (VTIMEZONE, X-WR-TIMEZONE) before it. */
function calendar(start: string, end: string, head = '', extra = ''): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Roomcue tests//EN',
    head,
    'BEGIN:VEVENT',
    'UID:one@test',
    'SUMMARY:The talk',
    start,
    end,
    extra,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
    .filter(Boolean)
    .join('\r\n');
}

const PARIS_VTIMEZONE = (tzid: string) =>
  [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');

describe('iCalendar fixtures import into valid programs', () => {
  test.each([
    { file: 'paris-vtimezone.ics', zone: 'Europe/Paris', items: 10, rooms: 3 },
    { file: 'outlook-windows.ics', zone: 'Europe/Berlin', items: 9, rooms: 3 },
    { file: 'floating-wr-timezone.ics', zone: 'Europe/Lisbon', items: 3, rooms: 1 },
    { file: 'utc-times.ics', zone: 'UTC', items: 3, rooms: 2 },
  ])('$file', ({ file, zone, items, rooms }) => {
    const { program, format } = imported(fixture(file));
    expect(format).toBe('ical');
    const { diagnostics } = parseProgramJson(program);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(program.timezone).toBe(zone);
    expect(program.items).toHaveLength(items);
    expect(program.rooms).toHaveLength(rooms);
  });
});

describe('a Thunderbird export with a VTIMEZONE for Europe/Paris, across the change to summer time', () => {
  const { program, notes } = imported(fixture('paris-vtimezone.ics'));

  test.each([
    {
      label: 'TZID with the VTIMEZONE, winter',
      title: 'Parallel programs that explain themselves',
      start: '2026-03-28T09:00',
      end: '2026-03-28T10:00',
    },
    {
      label: '09:30Z in winter (CET)',
      title: 'Graph neural networks on a budget',
      start: '2026-03-28T10:30',
      end: '2026-03-28T11:30',
    },
    {
      label: '07:00Z in summer (CEST)',
      title: 'Quantum compilers in practice',
      start: '2026-03-29T09:00',
      end: '2026-03-29T09:45',
    },
    {
      label: 'DURATION instead of DTEND',
      title: 'Who maintains our compilers?',
      start: '2026-03-29T11:00',
      end: '2026-03-29T12:00',
    },
    {
      label: 'a talk across midnight',
      title: 'Night hack: last demos',
      start: '2026-03-28T23:30',
      end: '2026-03-29T00:30',
    },
  ])('$label', ({ title, start, end }) => {
    expect(item(program, title)).toMatchObject({ start, end });
  });

  test('a daily coffee break keeps its wall-clock time on both sides of the change', () => {
    const coffee = program.items!.filter((i) => i.title === 'Pause café');
    expect(coffee.map((i) => [i.id, i.start, i.end])).toEqual([
      ['coffee-20260328T0900', '2026-03-28T10:00', '2026-03-28T10:30'],
      ['coffee-20260329T0800', '2026-03-29T10:00', '2026-03-29T10:30'],
    ]);
    expect(notes).toContainEqual(expect.objectContaining({ message: 'repeats: expanded into 2 occurrence(s)' }));
  });

  test('LOCATION becomes the room, CATEGORIES and SUMMARY the kind, DESCRIPTION and URL carried over', () => {
    expect(program.rooms).toEqual([
      { id: 'hall-a', name: 'Hall A' },
      { id: 'amphi-turing', name: 'Amphi Turing' },
      { id: 'salle-lovelace', name: 'Salle Lovelace' },
    ]);
    expect(item(program, 'Parallel programs that explain themselves')).toMatchObject({
      kind: 'keynote',
      room: 'amphi-turing',
      abstract: 'Why tools should say what they did, and how.\nA keynote for everyone.',
      url: 'https://journees-dp.example.org/talks/opening-keynote',
      speakers: [],
    });
    expect(
      Object.fromEntries(
        ['Accueil des participants', 'Pause café', 'Déjeuner', 'Closing remarks'].map((t) => [
          t,
          item(program, t).kind,
        ]),
      ),
    ).toEqual({
      'Accueil des participants': 'registration',
      'Pause café': 'break',
      Déjeuner: 'meal',
      'Closing remarks': 'closing',
    });
  });

  test('all-day and cancelled events are dropped with a note', () => {
    expect(notes.filter((n) => n.kind === 'dropped').map((n) => [n.where, n.message])).toEqual([
      ['event "Journées DP 2026" (UID conf-days@journees-dp.example.org)', 'an all-day event (DATE, no time of day)'],
      ['event "Withdrawn talk" (UID cancelled@journees-dp.example.org)', 'STATUS:CANCELLED'],
    ]);
    expect(notes).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('made "talk" by default'), kind: 'guessed' }),
    );
  });

  test('the engine shows the talk across midnight as current after midnight', () => {
    const timeline = timelineOf(program);
    const screen = screenAt(timeline, '2026-03-29T00:15', 'salle-lovelace');
    expect(screen.current.map((i) => i.title)).toEqual(['Night hack: last demos']);
  });
});

describe('an Outlook export with Windows time zone names', () => {
  const { program, notes } = imported(fixture('outlook-windows.ics'));

  test.each([
    {
      tzid: 'W. Europe Standard Time (VTIMEZONE in the file)',
      title: 'Kick-off and welcome',
      start: '2026-06-29T09:00',
    },
    { tzid: 'Romance Standard Time', title: 'Keynote from Paris: the European market', start: '2026-06-29T10:00' },
    { tzid: 'GMT Standard Time', title: 'London update', start: '2026-06-29T13:00' },
    { tzid: 'Eastern Standard Time', title: 'Remote talk from New York', start: '2026-06-29T16:00' },
    { tzid: 'Pacific Standard Time', title: 'Remote talk from Seattle', start: '2026-06-29T17:00' },
    { tzid: 'Tokyo Standard Time (the day before in Berlin)', title: 'Tokyo wrap-up', start: '2026-06-29T18:00' },
    { tzid: 'Customized Time Zone (+05:30, VTIMEZONE only)', title: 'Bangalore team sync', start: '2026-06-30T11:00' },
  ])('$tzid', ({ title, start }) => {
    expect(item(program, title).start).toBe(start);
  });

  test('the program zone is the most common TZID, mapped to IANA; the others are noted', () => {
    expect(program.timezone).toBe('Europe/Berlin');
    expect(program.event).toEqual({ id: 'partner-summit-2026', name: 'Partner summit 2026' });
    const messages = notes.map((n) => n.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^events use Europe\/Berlin, .*America\/Los_Angeles.*converted/),
    );
    expect(messages).toContainEqual(expect.stringContaining('"Customized Time Zone" is defined in the file'));
    expect(messages).toContainEqual(expect.stringContaining('ORGANIZER/ATTENDEE of 1 item(s) not imported'));
  });

  test('long Outlook UIDs become short, distinct ids', () => {
    const ids = program.items!.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^040000008200-[0-9a-f]{8}$/);
  });
});

describe('a calendar of floating times with X-WR-TIMEZONE and no locations', () => {
  const { program, notes } = imported(fixture('floating-wr-timezone.ics'));

  test('DURATION gives the end; an event with no end is dropped; relative URLs are dropped', () => {
    expect(program.items!.map((i) => [i.title, i.start, i.end, i.kind])).toEqual([
      ['Welcome', '2026-09-15T09:30', '2026-09-15T10:00', 'opening'],
      ['Clean data pipelines', '2026-09-15T10:00', '2026-09-15T10:45', 'talk'],
      ['Poster session', '2026-09-15T11:00', '2026-09-15T12:00', 'poster'],
    ]);
    expect(item(program, 'Clean data pipelines')).not.toHaveProperty('url');
    expect(notes).toEqual(
      expect.arrayContaining([
        {
          where: 'event "Open questions (no end given)" (UID ldw-03)',
          message: 'no DTEND or DURATION',
          kind: 'dropped',
        },
        { where: '', message: '1 URL value(s) that are not http(s) links dropped', kind: 'dropped' },
        { where: '', message: 'no event has a LOCATION: everything is in a single room "Main"', kind: 'guessed' },
        {
          where: '',
          message: 'floating times (no TZID, no Z) are read in Europe/Lisbon (X-WR-TIMEZONE)',
          kind: 'guessed',
        },
      ]),
    );
    expect(program.event).toEqual({ id: 'lisbon-data-workshop', name: 'Lisbon Data Workshop' });
    expect(program.rooms).toEqual([{ id: 'main', name: 'Main' }]);
  });
});

describe('the four ways of giving a time', () => {
  test.each([
    {
      label: 'UTC ("Z"), program zone from the default zone',
      text: calendar('DTSTART:20260629T070000Z', 'DTEND:20260629T080000Z'),
      options: { defaultZone: 'Europe/Paris' },
      zone: 'Europe/Paris',
      start: '2026-06-29T09:00',
    },
    {
      label: 'a TZID defined by a VTIMEZONE in the file',
      text: calendar(
        'DTSTART;TZID=Heure de Paris:20260629T090000',
        'DTEND;TZID=Heure de Paris:20260629T100000',
        `X-WR-TIMEZONE:Europe/Paris\r\n${PARIS_VTIMEZONE('Heure de Paris')}`,
      ),
      options: {},
      zone: 'Europe/Paris',
      start: '2026-06-29T09:00',
    },
    {
      label: 'a TZID that is an IANA name, without VTIMEZONE',
      text: calendar('DTSTART;TZID=America/New_York:20260629T090000', 'DTEND;TZID=America/New_York:20260629T100000'),
      options: { defaultZone: 'Asia/Tokyo' },
      zone: 'America/New_York',
      start: '2026-06-29T09:00',
    },
    {
      label: 'a Windows TZID, without VTIMEZONE',
      text: calendar(
        'DTSTART;TZID="Romance Standard Time":20260629T090000',
        'DTEND;TZID="Romance Standard Time":20260629T100000',
      ),
      options: {},
      zone: 'Europe/Paris',
      start: '2026-06-29T09:00',
    },
    {
      label: 'floating, in the default zone',
      text: calendar('DTSTART:20260629T090000', 'DTEND:20260629T100000'),
      options: { defaultZone: 'Asia/Tokyo' },
      zone: 'Asia/Tokyo',
      start: '2026-06-29T09:00',
    },
    {
      label: 'floating, in X-WR-TIMEZONE when there is no default zone',
      text: calendar('DTSTART:20260629T090000', 'DTEND:20260629T100000', 'X-WR-TIMEZONE:Pacific/Auckland'),
      options: {},
      zone: 'Pacific/Auckland',
      start: '2026-06-29T09:00',
    },
  ])('$label', ({ text, options, zone, start }) => {
    const { program } = imported(text, options);
    expect(program.timezone).toBe(zone);
    expect(program.items![0]).toMatchObject({ start, end: start.replace('T09', 'T10') });
    expect(parseProgramJson(program).program).not.toBeNull();
  });

  test('the same instant in another program zone: 07:00Z is 09:00 in Paris in June', () => {
    const text = calendar('DTSTART:20260629T070000Z', 'DTEND:20260629T080000Z', 'X-WR-TIMEZONE:Europe/Paris');
    expect(imported(text).program.items![0]).toMatchObject({ start: '2026-06-29T09:00', end: '2026-06-29T10:00' });
  });

  test('floating times with neither a default zone nor X-WR-TIMEZONE are read in UTC, with notes', () => {
    const { program, notes } = imported(calendar('DTSTART:20260629T090000', 'DTEND:20260629T100000'));
    expect(program.timezone).toBe('UTC');
    expect(program.items![0]!.start).toBe('2026-06-29T09:00');
    expect(notes.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        'the calendar names no time zone: the program is in UTC (give a default zone to choose one)',
        'floating times (no TZID, no Z) are read in UTC (give a default zone)',
      ]),
    );
  });

  test('the default zone wins for floating times, and a different X-WR-TIMEZONE is noted', () => {
    const { program, notes } = imported(fixture('floating-wr-timezone.ics'), { defaultZone: 'Europe/Paris' });
    expect(program.timezone).toBe('Europe/Lisbon');
    expect(item(program, 'Welcome').start).toBe('2026-09-15T08:30'); // 09:30 in Paris is 08:30 in Lisbon
    expect(notes.map((n) => n.message)).toContain(
      'floating times (no TZID, no Z) are read in Europe/Paris (the default zone), although X-WR-TIMEZONE says Europe/Lisbon',
    );
  });

  test('a VTIMEZONE that disagrees with the IANA rules is used as written, with a note', () => {
    const winterOnly = [
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'DTSTART:19700101T000000',
      'END:STANDARD',
      'END:VTIMEZONE',
    ].join('\r\n');
    const { program, notes } = imported(
      calendar('DTSTART;TZID=Europe/Paris:20260629T090000', 'DTEND;TZID=Europe/Paris:20260629T100000', winterOnly),
    );
    expect(program.items![0]!.start).toBe('2026-06-29T10:00'); // 09:00 at +01:00 is 10:00 in Paris's summer
    expect(notes.map((n) => n.message)).toContainEqual(
      expect.stringContaining('disagrees with the IANA rules of Europe/Paris'),
    );
  });

  test('an unknown TZID without VTIMEZONE is read in the default zone, with a note', () => {
    const text = calendar(
      'DTSTART;TZID=Somewhere Standard Time:20260629T090000',
      'DTEND;TZID=Somewhere Standard Time:20260629T100000',
    );
    const { program, notes } = imported(text, { defaultZone: 'Europe/Madrid' });
    expect(program).toMatchObject({ timezone: 'Europe/Madrid', items: [{ start: '2026-06-29T09:00' }] });
    expect(notes.map((n) => n.message)).toContain(
      'unknown time zone "Somewhere Standard Time" with no VTIMEZONE: its times are read in Europe/Madrid',
    );
  });
});

describe('repeating events', () => {
  test('EXDATE removes an occurrence, RECURRENCE-ID moves one, a cancelled override is left out', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'X-WR-TIMEZONE:Europe/Paris',
      'BEGIN:VEVENT',
      'UID:standup@test',
      'SUMMARY:Stand-up',
      'DTSTART;TZID=Europe/Paris:20260629T083000',
      'DTEND;TZID=Europe/Paris:20260629T084500',
      'RRULE:FREQ=DAILY;COUNT=5',
      'EXDATE;TZID=Europe/Paris:20260630T083000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:standup@test',
      'RECURRENCE-ID;TZID=Europe/Paris:20260701T083000',
      'SUMMARY:Stand-up (late)',
      'DTSTART;TZID=Europe/Paris:20260701T093000',
      'DTEND;TZID=Europe/Paris:20260701T100000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:standup@test',
      'RECURRENCE-ID;TZID=Europe/Paris:20260702T083000',
      'SUMMARY:Stand-up',
      'STATUS:CANCELLED',
      'DTSTART;TZID=Europe/Paris:20260702T083000',
      'DTEND;TZID=Europe/Paris:20260702T084500',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { program, notes } = imported(text);
    expect(program.items!.map((i) => [i.title, i.start, i.end])).toEqual([
      ['Stand-up', '2026-06-29T08:30', '2026-06-29T08:45'],
      ['Stand-up (late)', '2026-07-01T09:30', '2026-07-01T10:00'],
      ['Stand-up', '2026-07-03T08:30', '2026-07-03T08:45'],
    ]);
    expect(notes).toContainEqual({
      where: 'event "Stand-up" (UID standup@test)',
      message: 'repeats: expanded into 3 occurrence(s); 1 cancelled left out',
      kind: 'guessed',
    });
  });

  test.each([
    { label: 'a daily rule without end stops after a year', rule: 'FREQ=DAILY', count: 367 },
    {
      label: `a rule every 30 minutes stops after ${MAX_OCCURRENCES}`,
      rule: 'FREQ=MINUTELY;INTERVAL=30',
      count: MAX_OCCURRENCES,
    },
  ])('$label', ({ rule, count }) => {
    const text = calendar('DTSTART:20260629T090000Z', 'DTEND:20260629T091500Z', '', `RRULE:${rule}`);
    const { program, notes } = imported(text);
    expect(program.items).toHaveLength(count);
    expect(notes).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining(`stopped after ${MAX_OCCURRENCES} or a year`),
        kind: 'dropped',
      }),
    );
  });
});

describe('what the importer refuses', () => {
  test.each([
    { label: 'an empty file', text: '', error: 'the file is empty: expected an iCalendar file (BEGIN:VCALENDAR)' },
    { label: 'JSON', text: '{"results": {}}', error: 'not an iCalendar file: it should begin with BEGIN:VCALENDAR' },
    {
      label: 'a truncated download',
      text: fixture('broken.ics'),
      error: 'not a valid iCalendar file: invalid ical body. component began but did not end',
    },
    {
      label: 'a calendar without events',
      text: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
      error: 'the calendar has no events (no VEVENT)',
    },
    {
      label: 'only all-day events',
      text: calendar('DTSTART;VALUE=DATE:20260629', 'DTEND;VALUE=DATE:20260630'),
      error: 'no usable events in the calendar (see the notes: all-day, cancelled or without times)',
    },
  ])('$label', ({ text, error }) => {
    expect(importIcal(text)).toEqual({ ok: false, format: 'ical', error });
  });

  test('an unknown default zone', () => {
    const result = importIcal(fixture('utc-times.ics'), { defaultZone: 'Mars/Olympus' });
    expect(result).toEqual({ ok: false, format: 'ical', error: 'unknown default time zone "Mars/Olympus"' });
  });

  test('two events sharing a UID (a careless exporter) are both kept, with distinct ids', () => {
    const second =
      'BEGIN:VEVENT\r\nUID:one@test\r\nSUMMARY:Another talk\r\nDTSTART:20260629T110000Z\r\nDTEND:20260629T120000Z\r\nEND:VEVENT\r\nEND:VCALENDAR';
    const text = calendar('DTSTART:20260629T090000Z', 'DTEND:20260629T100000Z').replace('END:VCALENDAR', second);
    expect(imported(text).program.items!.map((i) => [i.id, i.title])).toEqual([
      ['one', 'The talk'],
      ['one-2', 'Another talk'],
    ]);
  });

  test('a value ical.js cannot read drops that event only', () => {
    const text = calendar('DTSTART:garbage', 'DTEND:20260629T100000Z').replace(
      'END:VCALENDAR',
      'BEGIN:VEVENT\r\nUID:two@test\r\nSUMMARY:Fine\r\nDTSTART:20260629T110000Z\r\nDTEND:20260629T120000Z\r\nEND:VEVENT\r\nEND:VCALENDAR',
    );
    const { program, notes } = imported(text);
    expect(program.items!.map((i) => i.title)).toEqual(['Fine']);
    expect(notes).toContainEqual(
      expect.objectContaining({ where: 'event "The talk" (UID one@test)', kind: 'dropped' }),
    );
  });
});

describe('Windows time zone names', () => {
  test('every IANA name in the table is known to this runtime', () => {
    const unknown = [...WINDOWS_TO_IANA].filter(([, iana]) => !IANAZone.isValidZone(iana));
    expect(unknown).toEqual([]);
  });

  test.each([
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['romance standard time', 'Europe/Paris'],
    ['"Pacific Standard Time"', 'America/Los_Angeles'],
    ['Eastern Standard Time', 'America/New_York'],
    ['GMT Standard Time', 'Europe/London'],
    ['Tokyo Standard Time', 'Asia/Tokyo'],
    ['europe/paris', 'Europe/Paris'],
    ['/mozilla.org/20050126_1/Europe/Paris', 'Europe/Paris'],
    ['/softwarestudio.org/Olson_20011030_5/America/New_York', 'America/New_York'],
    ['Customized Time Zone', null],
  ])('%s → %s', (name, iana) => {
    expect(ianaZoneFor(name)).toBe(iana);
  });
});

describe('days that run past midnight, inferred (iCalendar gives no day bounds)', () => {
  /** A calendar of events in Europe/Paris: [title, start, end] as 20261205T220000. */
  const events = (list: [string, string, string][]) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Roomcue tests//EN',
      'X-WR-TIMEZONE:Europe/Paris',
      ...list.flatMap(([title, start, end], n) => [
        'BEGIN:VEVENT',
        `UID:e${n}@test`,
        `SUMMARY:${title}`,
        `DTSTART;TZID=Europe/Paris:${start}`,
        `DTEND;TZID=Europe/Paris:${end}`,
        'LOCATION:Club',
        'END:VEVENT',
      ]),
      'END:VCALENDAR',
    ].join('\r\n');
  /** The calendar of `list` imported: its program, and the import's notes about its dayChange. */
  const night = (list: [string, string, string][]) => {
    const { program, notes } = imported(events(list));
    return { program, notes: notes.filter((n) => /dayChange/.test(n.message)).map((n) => n.message) };
  };

  test('a concert and a night cinema running on from it: dayChange "02:00", the 23:45 film is the evening\'s', () => {
    const { program, notes } = night([
      ['Concert', '20261205T220000', '20261205T233000'],
      ['Night cinema', '20261205T234500', '20261206T011500'],
      ['Morning talk', '20261206T100000', '20261206T110000'],
    ]);
    expect(program.dayChange).toBe('02:00');
    expect(notes).toEqual([
      'the source gives no day bounds; an evening runs on past midnight ("Night cinema" ends 6 December 01:15): dayChange set to "02:00", so the night until 02:00 belongs to the day before',
    ]);
    const t = timelineOf(program);
    expect(screenAt(t, '2026-12-06T01:30', 'club').phase).toBe('between-days');
    expect(screenAt(t, '2026-12-06T01:30', 'club').next?.title).toBe('Morning talk');
  });

  test('the Paris calendar with a night hack until 00:30 (the night summer time begins) gets "01:00"', () => {
    const { program } = imported(fixture('paris-vtimezone.ics'));
    expect(program.dayChange).toBe('01:00');
    expect(timelineOf(program).items.find((i) => i.title === 'Night hack: last demos')!.day).toBe('2026-03-28');
  });

  test('a 24-hour hackathon with a pizza at 02:00: "03:00" from the pizza, the hackathon\'s noon end not taken', () => {
    const { program, notes } = night([
      ['Hackathon', '20261205T120000', '20261206T120000'],
      ['Midnight pizza', '20261206T020000', '20261206T023000'],
      ['Demos', '20261206T130000', '20261206T140000'],
    ]);
    expect(program.dayChange).toBe('03:00');
    expect(notes).toEqual([
      'the source gives no day bounds; an evening runs on past midnight ("Midnight pizza" ends 6 December 02:30): dayChange set to "03:00", so the night until 03:00 belongs to the day before; "Hackathon" runs around the clock (ends 6 December 12:00, after 06:00): its end is not taken as the night\'s',
    ]);
  });
});
