// A program's days when they run past midnight ("dayChange"): the 01:00 talk of a congress night is tonight's.
import { describe, expect, test } from 'vitest';
import { resolveLive, screenChanges } from '../../core/live/live-screen.ts';
import { reduce } from '../../core/live/reducer.ts';
import { timingReport } from '../../core/report/timing.ts';
import { emptyLive } from '../../core/live/state.ts';
import { parseProgramJson } from '../../core/program/parse.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import { screenJson } from '../../core/schedule/screen-json.ts';
import { nextDayChange, programDay, parseLocal } from '../../core/time.ts';
import { screenAt, timelineOf, tinyProgram } from '../helpers.ts';

/** Day 1 (Monday 29 June) runs until 02:00 on Tuesday; day 2 starts at 10:00. */
function nightProgram(dayChange: string | null = '05:00'): ProgramInput {
  const p = tinyProgram();
  p.sessions = [];
  p.items = [
    { id: 'evening', kind: 'talk', title: 'Evening talk', start: '2026-06-29T22:00', end: '2026-06-29T23:30' },
    { id: 'night', kind: 'talk', title: 'Night talk', start: '2026-06-30T01:00', end: '2026-06-30T02:00' },
    { id: 'morning', kind: 'talk', title: 'Day 2 opener', start: '2026-06-30T10:00', end: '2026-06-30T11:00' },
    { id: 'noon', kind: 'talk', title: 'Day 2 noon', start: '2026-06-30T12:00', end: '2026-06-30T13:00' },
  ];
  if (dayChange !== null) p.dayChange = dayChange;
  return p;
}

const at = (local: string) => {
  const parsed = parseLocal(local, 'Europe/Paris');
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.at;
};

describe('a day that runs past midnight (dayChange "05:00")', () => {
  test('the 01:00 talk belongs to the day before, in the timeline and in the JSON', () => {
    const t = timelineOf(nightProgram());
    expect(t.byId.get('night')!.day).toBe('2026-06-29');
    expect(t.byId.get('morning')!.day).toBe('2026-06-30');
    expect(screenJson(t, screenAt(t, '2026-06-29T23:45')).next!.day).toBe('2026-06-29');
  });

  test('at 23:45 the 01:00 talk is next, tonight: a break, not "between days", and day 2 is not "later"', () => {
    const s = screenAt(timelineOf(nightProgram()), '2026-06-29T23:45');
    expect(s.next?.id).toBe('night');
    expect(s.phase).toBe('in-break');
    expect(s.later.map((i) => i.id)).toEqual([]);
  });

  test('after the night talk, the screen is between days until day 2 begins', () => {
    const t = timelineOf(nightProgram());
    const s = screenAt(t, '2026-06-30T02:30');
    expect(s.phase).toBe('between-days');
    expect(s.next?.id).toBe('morning');
    expect(s.later.map((i) => i.id)).toEqual(['noon']);
  });

  test("the room's today, its day list and its days follow the day change", () => {
    const t = timelineOf(nightProgram());
    const half = resolveLive(t, emptyLive(), 'A', at('2026-06-30T00:30'));
    expect(half.today).toBe('2026-06-29');
    expect(half.day.map((i) => i.id)).toEqual(['evening', 'night']);
    expect(half.days.map((d) => [d.date, d.items.map((i) => i.id)])).toEqual([
      ['2026-06-29', ['evening', 'night']],
      ['2026-06-30', ['morning', 'noon']],
    ]);
    expect(resolveLive(t, emptyLive(), 'A', at('2026-06-30T05:00')).today).toBe('2026-06-30');
    expect(resolveLive(t, emptyLive(), 'A', at('2026-06-30T04:59')).today).toBe('2026-06-29');
  });

  test("AV's delay set at 00:30 moves the night talk (tonight's), not day 2", () => {
    const t = timelineOf(nightProgram());
    const now = at('2026-06-30T00:30');
    const live = reduce(t, emptyLive(), { type: 'delay.set', minutes: 10 }, now, 'A');
    const s = resolveLive(t, live, 'A', now);
    expect(s.next?.id).toBe('night');
    expect(s.late.minutes).toBe(10);
    expect(s.days[1]!.items.map((i) => i.start)).toEqual([at('2026-06-30T10:00'), at('2026-06-30T12:00')]);
  });

  test("the chair's Start times the talk on now that began before the day changed, running late or not", () => {
    // Days change at midnight (no dayChange): the evening's last talk runs 23:30-00:30, on day 1.
    const p = nightProgram(null);
    p.items![0] = {
      id: 'evening',
      kind: 'talk',
      title: 'Evening talk',
      start: '2026-06-29T23:30',
      end: '2026-06-30T00:30',
    };
    const t = timelineOf(p);
    const late = reduce(t, emptyLive(), { type: 'delay.set', minutes: 10 }, at('2026-06-29T23:35'), 'A');
    for (const live of [emptyLive(), late]) {
      const started = reduce(t, live, { type: 'timer.start' }, at('2026-06-30T00:05'), 'A');
      expect(started.rooms['A']!.timer?.itemId).toBe('evening');
    }
  });

  test("Next after a talk that overran past the day change moves to the rest of its day, never to tomorrow's", () => {
    // Days change at midnight (no dayChange). The last talk, started late at 23:20, runs until 00:10.
    const p = nightProgram(null);
    p.items = [
      { id: 'last', kind: 'talk', title: 'Last talk', start: '2026-06-29T23:00', end: '2026-06-29T23:50' },
      { id: 'closing', kind: 'closing', title: 'Closing', start: '2026-06-29T23:50', end: '2026-06-29T23:59' },
      { id: 'morning', kind: 'talk', title: 'Day 2 opener', start: '2026-06-30T10:00', end: '2026-06-30T11:00' },
    ];
    const t = timelineOf(p);
    const late = reduce(t, emptyLive(), { type: 'timer.start' }, at('2026-06-29T23:20'), 'A');
    const next = reduce(t, late, { type: 'item.end' }, at('2026-06-30T00:05'), 'A');
    expect(resolveLive(t, next, 'A', at('2026-06-30T00:05')).current.map((i) => i.id)).toEqual(['closing']);
    // With no closing, what follows is tomorrow's opener: not put on now at 00:05; Next ends the last talk.
    const t2 = timelineOf({ ...p, items: p.items.filter((i) => i.id !== 'closing') });
    const late2 = reduce(t2, emptyLive(), { type: 'timer.start' }, at('2026-06-29T23:20'), 'A');
    const ended = resolveLive(
      t2,
      reduce(t2, late2, { type: 'item.end' }, at('2026-06-30T00:05'), 'A'),
      'A',
      at('2026-06-30T00:05'),
    );
    expect(ended.current.map((i) => i.id)).toEqual([]);
    expect([ended.next?.id, ended.next?.start]).toEqual(['morning', at('2026-06-30T10:00')]);
  });

  test("the timing report of day 1 has the night talk; day 2's has not", () => {
    const t = timelineOf(nightProgram());
    expect(timingReport(t, [], 'A', '2026-06-29').rows.map((r) => r.itemId)).toEqual(['evening', 'night']);
    expect(timingReport(t, [], 'A', '2026-06-30').rows.map((r) => r.itemId)).toEqual(['morning', 'noon']);
  });

  test('without a day change the days are calendar dates, as before', () => {
    const t = timelineOf(nightProgram(null));
    expect(t.byId.get('night')!.day).toBe('2026-06-30');
    const s = screenAt(t, '2026-06-29T23:45');
    expect(s.phase).toBe('between-days');
    expect(s.later.map((i) => i.id)).toEqual(['morning', 'noon']);
  });
});

describe('programDay', () => {
  test.each([
    { label: 'before the change, the day before', local: '2026-06-30T04:59', change: 300, day: '2026-06-29' },
    { label: 'at the change, the new day', local: '2026-06-30T05:00', change: 300, day: '2026-06-30' },
    { label: 'in the evening, the same date', local: '2026-06-29T23:59', change: 300, day: '2026-06-29' },
    { label: 'midnight by default', local: '2026-06-30T00:00', change: 0, day: '2026-06-30' },
    // The night summer time begins in Paris (02:00 → 03:00): 04:30 is still the night of the 28th.
    { label: 'the night clocks go forward', local: '2026-03-29T04:30', change: 300, day: '2026-03-28' },
    { label: 'the morning after clocks go forward', local: '2026-03-29T05:00', change: 300, day: '2026-03-29' },
    // The night summer time ends (03:00 → 02:00): the wall clock decides, not 24 hours.
    { label: 'the night clocks go back', local: '2026-10-25T04:59', change: 300, day: '2026-10-24' },
    { label: 'the morning after clocks go back', local: '2026-10-25T05:00', change: 300, day: '2026-10-25' },
  ])('$label: $local with the day changing at minute $change is $day', ({ local, change, day }) => {
    expect(programDay(at(local), 'Europe/Paris', change)).toBe(day);
  });
});

describe('nextDayChange: when the screens\' "today" moves on', () => {
  test.each([
    { label: 'late in the evening', local: '2026-06-29T23:45', change: 300, next: '2026-06-30T05:00' },
    { label: 'in the night', local: '2026-06-30T04:59', change: 300, next: '2026-06-30T05:00' },
    { label: 'at the change', local: '2026-06-30T05:00', change: 300, next: '2026-07-01T05:00' },
    { label: 'midnight by default', local: '2026-06-29T10:00', change: 0, next: '2026-06-30T00:00' },
    { label: 'the night the clocks go back', local: '2026-10-24T22:00', change: 300, next: '2026-10-25T05:00' },
  ])('$label: from $local, $next', ({ local, change, next }) => {
    expect(nextDayChange(at(local), 'Europe/Paris', change)).toBe(at(next));
  });

  test('a day change the clocks skip (02:30 the night summer time begins) is when they jump past it', () => {
    // 02:00 CET becomes 03:00 CEST at 01:00 UTC on 29 March 2026.
    expect(nextDayChange(at('2026-03-28T23:00'), 'Europe/Paris', 150)).toBe(Date.UTC(2026, 2, 29, 1, 0));
  });

  test('the server pushes at the day change: at 02:30, the next change of the screen is 05:00, before day 2 begins', () => {
    const t = timelineOf(nightProgram());
    const now = at('2026-06-30T02:30');
    expect(Math.min(...screenChanges(resolveLive(t, emptyLive(), 'A', now), now))).toBe(at('2026-06-30T05:00'));
  });
});

describe('a day change in the hour the clocks repeat: the day changes at the first one, once', () => {
  // Paris, 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC, so 02:00-02:59 happens twice.
  // Los Angeles, 1 November 2026: 02:00 PDT becomes 01:00 PST at 09:00 UTC, so 01:00-01:59 happens twice.
  test.each([
    { zone: 'Europe/Paris', change: 150, utc: '2026-10-25T00:15Z', wall: 'the first 02:15', day: '2026-10-24' },
    { zone: 'Europe/Paris', change: 150, utc: '2026-10-25T00:30Z', wall: 'the first 02:30', day: '2026-10-25' },
    { zone: 'Europe/Paris', change: 150, utc: '2026-10-25T00:59Z', wall: 'the first 02:59', day: '2026-10-25' },
    { zone: 'Europe/Paris', change: 150, utc: '2026-10-25T01:00Z', wall: 'the second 02:00', day: '2026-10-25' },
    { zone: 'Europe/Paris', change: 150, utc: '2026-10-25T01:29Z', wall: 'the second 02:29', day: '2026-10-25' },
    { zone: 'Europe/Paris', change: 150, utc: '2026-10-25T01:30Z', wall: 'the second 02:30', day: '2026-10-25' },
    { zone: 'Europe/Paris', change: 300, utc: '2026-10-25T01:30Z', wall: 'the second 02:30', day: '2026-10-24' },
    { zone: 'Europe/Paris', change: 300, utc: '2026-10-25T04:00Z', wall: '05:00', day: '2026-10-25' },
    { zone: 'America/Los_Angeles', change: 90, utc: '2026-11-01T08:29Z', wall: 'the first 01:29', day: '2026-10-31' },
    { zone: 'America/Los_Angeles', change: 90, utc: '2026-11-01T08:30Z', wall: 'the first 01:30', day: '2026-11-01' },
    { zone: 'America/Los_Angeles', change: 90, utc: '2026-11-01T09:10Z', wall: 'the second 01:10', day: '2026-11-01' },
    { zone: 'America/Los_Angeles', change: 120, utc: '2026-11-01T09:10Z', wall: 'the second 01:10', day: '2026-10-31' },
  ])('$zone, days changing at minute $change: $wall is $day', ({ zone, change, utc, day }) => {
    expect(programDay(Date.parse(utc), zone, change)).toBe(day);
  });

  test("the next day change is the first 02:30, and after it the next morning's", () => {
    expect(nextDayChange(at('2026-10-24T22:00'), 'Europe/Paris', 150)).toBe(Date.parse('2026-10-25T00:30Z'));
    // At the second 02:10 the day has already changed: the next change is Monday's 02:30.
    expect(nextDayChange(Date.parse('2026-10-25T01:10Z'), 'Europe/Paris', 150)).toBe(at('2026-10-26T02:30'));
    expect(nextDayChange(Date.parse('2026-10-31T20:00Z'), 'America/Los_Angeles', 90)).toBe(
      Date.parse('2026-11-01T08:30Z'),
    );
  });

  test("the server pushes at the first 02:30, and the room's today stays Sunday through the repeated hour", () => {
    const p = nightProgram('02:30');
    p.items = [
      { id: 'sat', kind: 'talk', title: 'Saturday night', start: '2026-10-24T23:00', end: '2026-10-25T01:00' },
      { id: 'sun', kind: 'talk', title: 'Sunday', start: '2026-10-25T10:00', end: '2026-10-25T11:00' },
    ];
    const t = timelineOf(p);
    const night = Date.parse('2026-10-25T00:10Z'); // the first 02:10, between the talks
    expect(Math.min(...screenChanges(resolveLive(t, emptyLive(), 'A', night), night))).toBe(
      Date.parse('2026-10-25T00:30Z'),
    );
    for (const utc of ['2026-10-25T00:30Z', '2026-10-25T01:00Z', '2026-10-25T01:29Z', '2026-10-25T01:30Z']) {
      const s = resolveLive(t, emptyLive(), 'A', Date.parse(utc));
      expect([utc, s.today]).toEqual([utc, '2026-10-25']);
      // No push at the second 02:30: today does not move again until Monday.
      expect(s.todayEnds).toBe(at('2026-10-26T02:30'));
    }
  });
});

describe('dayChange in the program file', () => {
  test.each([
    { value: '5:00', why: 'a single-digit hour' },
    { value: '25:00', why: 'no such hour' },
    { value: '14:00', why: 'in the afternoon' },
    { value: '05:00:00', why: 'seconds' },
    { value: '5am', why: 'not a clock time' },
  ])('"$value" is refused ($why), the message naming dayChange', ({ value }) => {
    const { program, diagnostics } = parseProgramJson({ ...nightProgram(), dayChange: value });
    expect(program).toBeNull();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('dayChange');
    expect(errors[0]!.message).toMatch(/"00:00" to "12:00"/);
  });

  test('a day change in the hour the clocks repeat is not warned about: the day changes once, at the first', () => {
    const p = nightProgram('02:30');
    p.items = [
      { id: 'sat', kind: 'talk', title: 'Saturday night', start: '2026-10-24T23:00', end: '2026-10-25T01:00' },
      { id: 'sun', kind: 'talk', title: 'Sunday', start: '2026-10-25T10:00', end: '2026-10-25T11:00' },
    ];
    const { program, diagnostics } = parseProgramJson(p);
    expect(program).not.toBeNull();
    expect(diagnostics.filter((d) => d.path === 'dayChange')).toEqual([]);
  });

  test.each(['00:00', '05:00', '12:00'])('"%s" is accepted', (value) => {
    expect(parseProgramJson({ ...nightProgram(), dayChange: value }).program?.dayChange).toBe(value);
  });

  test('an item early in the morning that no night before leads up to is flagged: it would count as the day before', () => {
    const p = nightProgram();
    p.items!.push({
      id: 'early',
      kind: 'registration',
      title: 'Early registration',
      start: '2026-06-29T04:30',
      end: '2026-06-29T09:00',
    });
    const { program, diagnostics } = parseProgramJson(p);
    expect(program).not.toBeNull();
    const warning = diagnostics.find((d) => d.path === 'items[4]');
    expect(warning?.message).toBe(
      '"Early registration" starts at 04:30, before the day change at 05:00: it counts as a day of its own, Sunday 28 June; move dayChange earlier (e.g. "04:00") if the day starts then',
    );
    // The night talk leads on from the evening before: no warning.
    expect(diagnostics.some((d) => d.path === 'items[1]')).toBe(false);
  });
});
