// Importing frab/pretalx schedule.json: a real pretalx export, then small hand-made files, one quirk each.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importFrabJson } from '../../core/import/frab-json.ts';
import { importProgram } from '../../core/import/index.ts';
import type { ImportOptions, ImportResult } from '../../core/import/types.ts';
import type { Item, ProgramInput } from '../../core/program/schema.ts';
import { programDay } from '../../core/time.ts';
import { parseValid, repoPath, screenAt, timelineOf } from '../helpers.ts';

type Imported = Extract<ImportResult, { ok: true }>;

function imported(text: string, options: ImportOptions = {}): Imported {
  const result = importProgram(text, options);
  if (!result.ok) throw new Error(`expected an import, got: ${result.error}`);
  parseValid(result.program); // every import passes our validator
  return result;
}
const fixture = (name: string, options: ImportOptions = {}) =>
  imported(readFileSync(repoPath(`tests/fixtures/import/${name}`), 'utf8'), options);
const items = (p: ProgramInput): Item[] => p.items as Item[];
const byTitle = (r: Imported, title: string) => {
  const item = items(r.program).find((i) => i.title === title);
  if (!item) throw new Error(`no item "${title}"`);
  return item;
};
const notes = (r: Imported) => r.notes.map((n) => `${n.kind}: ${n.where ? `${n.where}: ` : ''}${n.message}`);

describe('the pretalx DemoCon export', () => {
  const democon = imported(readFileSync(repoPath('tests/fixtures/import/pretalx-democon.json'), 'utf8'));
  const timeline = timelineOf(democon.program);

  test('becomes a valid program: 36 events in 2 rooms, in the order the conference lists them', () => {
    expect(democon.format).toBe('frab-json');
    expect(democon.program.event).toMatchObject({ id: 'democon', name: 'DemoCon' });
    expect(democon.program.timezone).toBe('Etc/GMT-1');
    expect(democon.program.rooms).toEqual([
      { id: 'gray-room', name: 'Gray Room' },
      { id: 'tan-room', name: 'Tan Room' },
    ]);
    expect(democon.program.mainRoom).toBe('gray-room');
    expect(democon.program.items).toHaveLength(36);
  });

  test.each([
    {
      label: 'the first talk',
      title: 'Focused 5thgeneration hardware',
      start: '2020-12-14T09:00',
      end: '2020-12-14T09:30',
      room: 'gray-room',
      kind: 'talk',
    },
    {
      label: 'a 90-minute workshop',
      title: 'Managed stable function',
      start: '2020-12-14T09:00',
      end: '2020-12-14T10:30',
      room: 'tan-room',
      kind: 'talk',
    },
    {
      label: 'the last talk of day 3',
      title: 'Seamless real-time installation',
      start: '2020-12-16T15:00',
      end: '2020-12-16T15:30',
      room: 'gray-room',
      kind: 'talk',
    },
  ])('$label: the time the export prints ("date" with +01:00, "start"), its room and kind', (c) => {
    expect(byTitle(democon, c.title)).toMatchObject({ start: c.start, end: c.end, room: c.room, kind: c.kind });
  });

  test('speakers become people once each, even across many talks', () => {
    expect(byTitle(democon, 'Networked modular help-desk').speakers).toEqual(['maria-williams', 'mariah-estrada']);
    const curtis = items(democon.program).filter((i) => i.speakers.includes('curtis-andrews'));
    expect(curtis).toHaveLength(5);
    expect(Object.keys(democon.program.people!)).toHaveLength(27);
    expect(democon.program.people!['curtis-andrews']?.name).toBe('Curtis Andrews');
  });

  test('the report says what was guessed: workshops as talks, and the zone of the dates, not the one declared', () => {
    expect(notes(democon)).toContain('guessed: type "Workshop" read as kind "talk" (9 events)');
    expect(notes(democon)[0]).toBe(
      "guessed: time_zone_name is UTC but the dates are written with +01:00: screens show the times the export prints, in Etc/GMT-1 (UTC+01:00 all year); give the event's own zone with --zone (e.g. --zone Europe/Berlin) if it has summer time",
    );
    expect(democon.notes.filter((n) => n.kind === 'dropped')).toEqual([]);
  });

  test('--zone names the zone that gives the printed times, summer time included', () => {
    const berlin = imported(readFileSync(repoPath('tests/fixtures/import/pretalx-democon.json'), 'utf8'), {
      defaultZone: 'Europe/Berlin',
    });
    expect(berlin.program.timezone).toBe('Europe/Berlin');
    expect(byTitle(berlin, 'Focused 5thgeneration hardware').start).toBe('2020-12-14T09:00');
    expect(notes(berlin)[0]).toMatch(/in Europe\/Berlin, as given with --zone/);
  });

  test.each([
    { at: '2020-12-14T08:10Z', room: 'gray-room', phase: 'in-session', now: 'Focused 5thgeneration hardware' },
    { at: '2020-12-14T08:10Z', room: 'tan-room', phase: 'in-session', now: 'Managed stable function' },
    { at: '2020-12-14T10:45Z', room: 'gray-room', phase: 'in-session', now: 'Focused contextually-based help-desk' },
    { at: '2020-12-15T13:15Z', room: 'tan-room', phase: 'in-session', now: 'Synergized uniform toolset' },
    { at: '2020-12-16T14:29Z', room: 'gray-room', phase: 'in-session', now: 'Seamless real-time installation' },
  ])('at $at in $room the screen shows "$now"', ({ at, room, phase, now }) => {
    const screen = screenAt(timeline, at, room);
    expect(screen.phase).toBe(phase);
    expect(screen.current.map((i) => i.title)).toEqual([now]);
  });

  test('between talks the room is in a break with the next talk; after the last one, the event is over', () => {
    const gap = screenAt(timeline, '2020-12-14T09:45Z', 'gray-room');
    expect(gap.phase).toBe('in-break');
    expect(gap.next?.title).toBe('Focused contextually-based help-desk');
    expect(screenAt(timeline, '2020-12-16T15:00Z', 'gray-room').phase).toBe('after-event');
  });
});

describe('hand-made schedule.json files', () => {
  test('durations: HH:MM, hours past 24, D:HH:MM, a bare number; zero, negative and unreadable ones are dropped', () => {
    const r = fixture('frab-durations.json');
    expect(byTitle(r, 'Forty-five minutes')).toMatchObject({ start: '2026-06-29T10:00', end: '2026-06-29T10:45' });
    expect(byTitle(r, 'Hackathon over 24 hours')).toMatchObject({ start: '2026-06-29T11:00', end: '2026-06-30T12:30' });
    expect(byTitle(r, 'One day and two hours')).toMatchObject({ start: '2026-06-29T12:00', end: '2026-06-30T14:00' });
    expect(byTitle(r, 'Ninety as a number').end).toBe('2026-06-29T17:30');
    expect(byTitle(r, 'Hours minutes seconds').end).toBe('2026-06-29T18:45');
    const titles = items(r.program).map((i) => i.title);
    for (const gone of ['Lasts nothing', 'Negative', 'Unreadable duration']) expect(titles).not.toContain(gone);
    const report = notes(r);
    expect(report).toContain(
      'dropped: day 1, room Saal 1, event "Lasts nothing" (id 4): its duration "00:00" is not positive: left out',
    );
    expect(report).toContain(
      'dropped: day 1, room Saal 1, event "Negative" (id 5): its duration "-00:30" is not positive: left out',
    );
    expect(report).toContain(
      'dropped: day 1, room Saal 1, event "Unreadable duration" (id 6): unreadable duration "soon": left out',
    );
    expect(report).toContain('guessed: durations given as a bare number read as minutes (1 event)');
  });

  test('a talk across midnight ends the next day; a bare "01:00" on a day that starts at 10:00 is the next morning', () => {
    const r = fixture('frab-across-midnight.json');
    expect(byTitle(r, 'Talk across midnight')).toMatchObject({ start: '2026-12-27T23:30', end: '2026-12-28T00:30' });
    expect(byTitle(r, 'Listed on day 1, after midnight')).toMatchObject({
      start: '2026-12-28T01:00',
      end: '2026-12-28T01:30',
    });
    const screen = screenAt(timelineOf(r.program), '2026-12-28T00:15', 'saal-1');
    expect(screen.current.map((i) => i.title)).toEqual(['Talk across midnight']);
    expect(screen.next?.title).toBe('Listed on day 1, after midnight');
    // The day ends at 04:00 (day_end): the program's days change then, and the 01:00 talk is day 1's.
    expect(r.program.dayChange).toBe('04:00');
    expect(timelineOf(r.program).items.map((i) => i.day)).toEqual(['2026-12-27', '2026-12-27', '2026-12-27']);
  });

  test("pretalx's days (04:00 to 03:59) with nothing past midnight: days stay calendar dates", () => {
    const democon = imported(readFileSync(repoPath('tests/fixtures/import/pretalx-democon.json'), 'utf8'));
    expect(democon.program.dayChange).toBeUndefined();
  });

  test("no time_zone_name: the given zone, else the dates' own offset, and the report says so", () => {
    const given = fixture('frab-no-time-zone.json', { defaultZone: 'Europe/Paris' });
    expect(given.program.timezone).toBe('Europe/Paris');
    expect(byTitle(given, 'With an offset').start).toBe('2026-06-29T10:00');
    expect(byTitle(given, 'Start only').start).toBe('2026-06-29T11:00');
    expect(notes(given)).toContain('guessed: no time_zone_name: used Europe/Paris as given');

    // No zone given: the dates' own offset says what clock the export prints.
    const own = fixture('frab-no-time-zone.json');
    expect(own.program.timezone).toBe('Etc/GMT-2');
    expect(byTitle(own, 'With an offset').start).toBe('2026-06-29T10:00');
    expect(byTitle(own, 'Start only').start).toBe('2026-06-29T11:00');
    expect(notes(own).join('\n')).toMatch(
      /no time_zone_name; the dates are written with \+02:00: screens show the times/,
    );
  });

  test('duplicate ids get a suffix and a note; missing or odd ids are made up', () => {
    const r = fixture('frab-duplicate-ids.json');
    expect(items(r.program).map((i) => i.id)).toEqual(['7', '7-2', '7-3', 'event-4', 'not-an-id']);
    expect(notes(r)).toContain(
      'guessed: day 1, room Room A, event "Second with id 7" (id 7): id "7" is used twice: this one became "7-2"',
    );
  });

  test.each([
    { title: 'Badges', kind: 'registration' },
    { title: 'Welcome', kind: 'opening' },
    { title: 'Opening keynote', kind: 'keynote' },
    { title: 'Coffee', kind: 'break' },
    { title: 'A lecture', kind: 'talk' },
    { title: 'Hands on', kind: 'talk' },
    { title: 'Lunch', kind: 'meal' },
    { title: 'Afternoon pause', kind: 'break' },
    { title: 'Posters', kind: 'poster' },
    { title: 'Podium', kind: 'panel' },
    { title: 'Experts discuss', kind: 'panel' },
    { title: 'Goodbye', kind: 'closing' },
    { title: 'Conference party', kind: 'social' },
    { title: 'Main track talk', kind: 'talk' },
  ])('kinds from type and track: "$title" is a $kind', ({ title, kind }) => {
    expect(byTitle(fixture('frab-kinds.json'), title).kind).toBe(kind);
  });

  test('each guessed kind is reported once per type, with how many events; types that name a kind are not', () => {
    const report = notes(fixture('frab-kinds.json'));
    expect(report).toContain('guessed: type "maintrack" (not one Roomcue knows) read as kind "talk" (2 events)');
    expect(report).toContain('guessed: type "other", track "Breaks" read as kind "break" (1 event)');
    expect(report).toContain('guessed: type "Coffee Break" read as kind "break" (1 event)');
    expect(report.join('\n')).not.toMatch(/type "(Keynote|Poster|Panel|Closing|Registration)"/);
  });

  test('rooms follow conference.rooms, not the order events come in; the first is the main room', () => {
    const r = fixture('frab-kinds.json');
    expect(r.program.rooms!.map((room) => room.id)).toEqual(['amphi', 'salle-b', 'foyer']);
    expect(r.program.mainRoom).toBe('amphi');
  });

  test('persons: null lists and entries, the same name once, a namesake apart, numbers and nulls as fields', () => {
    const r = fixture('frab-persons-null.json');
    expect(byTitle(r, 'Nobody known').speakers).toEqual([]);
    expect(byTitle(r, 'A null among people').speakers).toEqual(['jose-nunez']);
    expect(byTitle(r, 'Same speaker again').speakers).toEqual(['jose-nunez']);
    expect(byTitle(r, 'A namesake').speakers).toEqual(['jose-nunez-2', 'plain-string-person']);
    expect(r.program.people!['jose-nunez']).toEqual({ name: 'José Núñez', bio: 'Speaks twice.' });
    expect(byTitle(r, '1984')).toMatchObject({ id: '55', kind: 'talk', abstract: 'Only a description.' });
    expect(byTitle(r, '1984').subtitle).toBeUndefined();
  });

  test('clock changes: a time skipped in spring and one that happens twice in autumn are dropped with a note', () => {
    const r = fixture('frab-dst-changes.json');
    expect(items(r.program).map((i) => i.title)).toEqual(['Spring morning', 'Across the autumn change']);
    expect(byTitle(r, 'Across the autumn change')).toMatchObject({
      start: '2026-10-25T01:30',
      end: '2026-10-25T03:30',
    });
    const report = notes(r).join('\n');
    expect(report).toMatch(/"In the spring gap" \(id 61\): its start .* does not exist in Europe\/Paris/);
    expect(report).toMatch(/"First of the two 02:30s" \(id 63\): 2026-10-25T02:30 happens twice in Europe\/Paris/);
  });
});

describe('unusable schedule.json', () => {
  test.each([
    { label: 'not JSON', text: '{ "schedule": ', error: /^not valid JSON/ },
    { label: 'JSON without a schedule', text: '{ "hello": "world" }', error: /no "schedule" with a "conference"/ },
    {
      label: 'a schedule without events',
      text: '{ "schedule": { "conference": { "title": "Empty", "days": [] } } }',
      error: /the schedule has no events/,
    },
    {
      label: 'events that cannot be placed',
      text: '{ "schedule": { "conference": { "title": "X", "days": [{ "rooms": { "A": [{ "title": "T" }] } }] } } }',
      error: /none of the 1 events could be placed \(first: day 1, room A, event "T": no date and no start time/,
    },
  ])('$label: a clear error, no exception', ({ text, error }) => {
    const result = importFrabJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe("the schedule's own day_change (conference.day_change)", () => {
  /** The across-midnight fixture (days to 04:00, a talk at 01:00 listed under day 1) with a day_change of its own. */
  type FrabNightJson = {
    schedule: { conference: { day_change?: unknown; days: { day_end?: string; rooms: Record<string, unknown[]> }[] } };
  };
  const withDayChange = (dayChange: unknown, edit: (json: FrabNightJson) => void = () => {}) => {
    const json = JSON.parse(
      readFileSync(repoPath('tests/fixtures/import/frab-across-midnight.json'), 'utf8'),
    ) as FrabNightJson;
    json.schedule.conference.day_change = dayChange;
    edit(json);
    return imported(JSON.stringify(json));
  };
  const nightNotes = (r: Imported) => notes(r).filter((n) => /day_change|dayChange|midnight/.test(n));

  test('is used when the days run past midnight: "06:00" over the "04:00" the days\' ends give', () => {
    const r = withDayChange('06:00');
    expect(r.program.dayChange).toBe('06:00');
    expect(nightNotes(r)).toEqual([
      'guessed: the days run past midnight ("Talk across midnight" ends 28 December 00:30): dayChange "06:00", the schedule\'s own day_change',
    ]);
    expect(timelineOf(r.program).items.map((i) => i.day)).toEqual(['2026-12-27', '2026-12-27', '2026-12-27']);
  });

  test('seconds as frab writes them ("04:30:00") are read', () => {
    expect(withDayChange('04:30:00').program.dayChange).toBe('04:30');
  });

  test('when nothing runs past midnight (FOSDEM\'s "09:00:00" for talks from 09:30), days stay calendar dates', () => {
    const r = withDayChange('09:00:00', (json) => {
      const day = json.schedule.conference.days[0]!;
      delete day.day_end;
      day.rooms['Saal 1'] = day.rooms['Saal 1']!.slice(0, 1);
    });
    expect(r.program.dayChange).toBeUndefined();
    expect(nightNotes(r)).toEqual([
      'guessed: the schedule\'s day_change "09:00" is not used: nothing runs past midnight, so the days are calendar dates (screens say "today" from midnight)',
    ]);
  });

  test('one that would move a listed event to another day is not used: the inference decides, and the note says why', () => {
    const r = withDayChange('01:00');
    expect(r.program.dayChange).toBe('04:00');
    expect(nightNotes(r)).toEqual([
      'guessed: the schedule\'s day_change "01:00" is not used: "Listed on day 1, after midnight" (28 December 01:00, listed on 2026-12-27) would count on the next day',
      'guessed: the days run past midnight (day 1 ends 28 December 04:00): dayChange set to "04:00", so the night until 04:00 belongs to the day before',
    ]);
  });

  test.each(['25:00', '13:00', 'soon', 5])(
    'an unreadable or too late day_change (%s) is said, and the inference decides',
    (raw) => {
      const r = withDayChange(raw);
      expect(r.program.dayChange).toBe('04:00');
      expect(nightNotes(r)[0]).toBe(
        `guessed: the schedule's day_change "${raw}" is not used: a day change is a time from "00:00" to "12:00"`,
      );
    },
  );
});

describe('a 24-hour hackathon (events around the clock)', () => {
  const hackathon = (extra: object[] = []) =>
    imported(
      JSON.stringify({
        schedule: {
          conference: {
            acronym: 'hack24',
            title: 'Hack 24',
            time_zone_name: 'Europe/Berlin',
            days: [
              {
                index: 1,
                date: '2026-11-07',
                rooms: {
                  Hall: [
                    { id: 1, date: '2026-11-07T11:00:00+01:00', duration: '00:30', title: 'Kick-off' },
                    { id: 2, date: '2026-11-07T12:00:00+01:00', duration: '24:00', title: 'Hacking' },
                    ...extra,
                  ],
                },
              },
              {
                index: 2,
                date: '2026-11-08',
                rooms: { Hall: [{ id: 3, date: '2026-11-08T12:30:00+01:00', duration: '01:30', title: 'Demos' }] },
              },
            ],
          },
        },
      }),
    );
  const nightNotes = (r: Imported) => notes(r).filter((n) => /dayChange/.test(n));

  test('gets no dayChange (it was "12:00": at 11:00 on day 2 the screens said day 1), and the note says why', () => {
    const r = hackathon();
    expect(r.program.dayChange).toBeUndefined();
    expect(nightNotes(r)).toEqual([
      'guessed: "Hacking" runs around the clock (ends 8 November 12:00, after 06:00): no dayChange is inferred from it, the days are calendar dates; set dayChange in the program if its night belongs to the day before',
    ]);
    const t = timelineOf(r.program);
    expect(programDay(Date.parse('2026-11-08T11:00:00+01:00'), t.zone, t.dayChange)).toBe('2026-11-08');
  });

  test('with a night talk at 01:00 listed under day 1, the talk decides: "02:00"', () => {
    const r = hackathon([{ id: 4, date: '2026-11-08T01:00:00+01:00', duration: '00:45', title: 'Night talk' }]);
    expect(r.program.dayChange).toBe('02:00');
    expect(nightNotes(r)).toEqual([
      'guessed: the days run past midnight ("Night talk" ends 8 November 01:45): dayChange set to "02:00", so the night until 02:00 belongs to the day before; "Hacking" runs around the clock (ends 8 November 12:00, after 06:00): its end is not taken as the night\'s',
    ]);
  });
});
