// Lateness and the items it must not move: a booking away from the room (the dinner at a restaurant, the lunch at
// the school's) keeps its time, and planned free time absorbs lateness before it reaches what follows.
// Each test reads what a screen shows: the door's NEXT card time, the chair's NEXT line, the control's row.
import { describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { clockTime } from '../../renderer/lib/format.ts';
import { announcedLate } from '../../renderer/lib/stage.ts';
import { nextLine } from '../../renderer/views/chair/display.ts';
import { timeRange } from '../../renderer/views/signage/text.ts';
import { loadShippedProgram, timelineOf, tinyProgram } from '../helpers.ts';
import { at, play, state } from './play.ts';

const dp2e = buildTimeline(loadShippedProgram());

/** What each screen shows of an item: the door's card range, the control's row (its live times). */
const doorNext = (s: StateJson) => `${s.next!.id} ${timeRange(s.next!, s.timezone)}`;
const controlRow = (s: StateJson, id: string) => {
  const row = s.day.find((i) => i.id === id)!;
  return `${clockTime(row.start, s.timezone)}–${clockTime(row.end, s.timezone)}`;
};

describe('a booking away from the room keeps its time', () => {
  // The chair started the closing at 17:50 and it runs on: held in overtime, 49 min past its end at 18:49.
  const held = play(dp2e, [['2026-06-29T17:50', { type: 'timer.start' }]]);

  test('the day’s last talk held to 18:49: the door, the chair and the control still say the dinner is at 19:00', () => {
    const s = state(dp2e, held, '2026-06-29T18:49');
    expect(s.stage).toMatchObject({ itemId: 'd1-closing', held: true, overtime: true });
    expect(doorNext(s)).toBe('d1-dinner 19:00–21:00');
    expect(nextLine(s, at(dp2e, '2026-06-29T18:49'), 'en')).toMatchObject({ id: 'd1-dinner', time: '19:00' });
    expect(controlRow(s, 'd1-dinner')).toBe('19:00–21:00');
    // Nothing that follows is late: the dinner is on time, and no screen says the room runs late.
    expect(s.late.ms).toBe(0);
    expect(announcedLate(s, at(dp2e, '2026-06-29T18:49'))).toBe(0);
  });

  test('policy "clock": the closing run out at 18:00 leaves then, not when the dinner starts at 19:00', () => {
    const clock = play(dp2e, [
      ['2026-06-29T17:00', { type: 'overtime.policy', policy: 'clock' }],
      ['2026-06-29T17:50', { type: 'timer.start' }],
    ]);
    const s = state(dp2e, clock, '2026-06-29T18:30');
    expect(s.current.map((i) => i.id)).toEqual([]);
    expect(s.timer).toBeNull();
    expect(doorNext(s)).toBe('d1-dinner 19:00–21:00');
  });

  test('AV’s "running 20 min late" moves the room’s talks, not the restaurant’s dinner', () => {
    const late = play(dp2e, [['2026-06-29T17:00', { type: 'delay.set', minutes: 20 }]]);
    const s = state(dp2e, late, '2026-06-29T17:05');
    expect(controlRow(s, 'd1-closing')).toBe('18:10–18:20');
    expect(controlRow(s, 'd1-dinner')).toBe('19:00–21:00');
  });

  test('a morning held 10 min into the lunch at the school’s restaurant: lunch at 12:40, the afternoon on time', () => {
    const morning = play(dp2e, [['2026-06-29T12:00', { type: 'timer.start' }]]);
    const s = state(dp2e, morning, '2026-06-29T12:50');
    expect(s.stage).toMatchObject({ itemId: 'd1-calvin', held: true });
    expect(controlRow(s, 'd1-lunch')).toBe('12:40–13:40');
    expect(doorNext(s)).toBe('d1-olukotun 13:40–14:20');
    expect(s.late.minutes).toBe(0);
  });
});

describe('planned free time absorbs lateness', () => {
  // First 09:00–09:30, then 15 min of nothing, Second 09:45–10:15, Third 10:15–10:45.
  const gap = timelineOf({
    ...tinyProgram(),
    sessions: [],
    items: [
      { id: 'first', kind: 'talk', title: 'First', start: '2026-06-29T09:00', end: '2026-06-29T09:30' },
      { id: 'second', kind: 'talk', title: 'Second', start: '2026-06-29T09:45', end: '2026-06-29T10:15' },
      { id: 'third', kind: 'talk', title: 'Third', start: '2026-06-29T10:15', end: '2026-06-29T10:45' },
    ],
  });
  const held = play(gap, [['2026-06-29T09:00', { type: 'timer.start' }]]);

  test('First held 10 min over: Second still at 09:45, on time', () => {
    const s = state(gap, held, '2026-06-29T09:40');
    expect(s.stage).toMatchObject({ itemId: 'first', held: true });
    expect(doorNext(s)).toBe('second 09:45–10:15');
    expect(s.late.ms).toBe(0);
  });

  test('First held 20 min over: the gap took 15, Second and Third run 5 min late', () => {
    const s = state(gap, held, '2026-06-29T09:50');
    expect(s.nextStart).toMatchObject({ afterCurrent: true });
    expect(controlRow(s, 'third')).toBe('10:20–10:50');
    expect(s.late.minutes).toBe(5);
    // Moved on at 09:50: Second starts then, 5 min late, Third with it.
    const on = state(gap, play(gap, [['2026-06-29T09:50', { type: 'item.end' }]], held), '2026-06-29T09:51');
    expect(doorNext(on)).toBe('third 10:20–10:50');
    expect(on.late.minutes).toBe(5);
  });

  test('a late start of 10 min on First: Second at 09:45 all the same', () => {
    const s = state(gap, play(gap, [['2026-06-29T09:10', { type: 'timer.start' }]]), '2026-06-29T09:15');
    expect(s.stage.endsAtMs).toBe(at(gap, '2026-06-29T09:40'));
    expect(doorNext(s)).toBe('second 09:45–10:15');
    expect(s.late.minutes).toBe(0);
  });

  test('policy "clock": First touched and run out at 09:30 leaves then; it does not linger into the gap', () => {
    const clock = play(gap, [
      ['2026-06-29T08:59', { type: 'overtime.policy', policy: 'clock' }],
      ['2026-06-29T09:00', { type: 'timer.start' }],
    ]);
    const s = state(gap, clock, '2026-06-29T09:35');
    expect(s.current.map((i) => i.id)).toEqual([]);
    expect(doorNext(s)).toBe('second 09:45–10:15');
    // Given 5 min less (run out at 09:25), it stays until its planned end, 09:30: no gap nobody planned.
    const short = play(gap, [['2026-06-29T09:10', { type: 'timer.add', seconds: -300 }]], clock);
    expect(state(gap, short, '2026-06-29T09:27').current.map((i) => i.id)).toEqual(['first']);
    expect(state(gap, short, '2026-06-29T09:31').current.map((i) => i.id)).toEqual([]);
  });
});
