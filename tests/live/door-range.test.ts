// The times the door's card on now shows, from the state every view of the room receives: a talk running over, a
// talk paused in overtime, a talk the chair (re)started late. What the chair counts and the control's timer says
// ("ends at 10:10", "+7:19") is what the door's range must agree with.
import { describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { applyAction, emptyShowState } from '../../core/live/history.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { clockTime } from '../../renderer/lib/format.ts';
import { afterCurrent, overtimeMs, timeUpAt } from '../../renderer/lib/stage.ts';
import { nowRange, runningOverText } from '../../renderer/views/signage/text.ts';
import { loadShippedProgram } from '../helpers.ts';
import { at, play, state } from './play.ts';

const dp2e = buildTimeline(loadShippedProgram());
const KEYNOTE = 'd1-dongarra';

/** The door's NOW card as a passer-by reads it: "09:30–10:10 · running 7 min over". */
function doorNow(s: StateJson, local: string, id = KEYNOTE): string {
  const now = at(dp2e, local);
  const item = s.current.find((i) => i.id === id)!;
  const over = overtimeMs(s, id, now);
  const range = nowRange(item, s.timezone, timeUpAt(s, id, now));
  return over === null ? range : `${range} · ${runningOverText(over, 'en')}`;
}

describe('a talk held on stage past its time', () => {
  // The chair paused and resumed the keynote for 10 s: a person touched its timer, so it is held when its time is up.
  const touched = play(dp2e, [
    ['2026-06-29T09:45', { type: 'timer.pause' }],
    ['2026-06-29T09:45:10', { type: 'timer.resume' }],
  ]);

  test('7 min over: the range ends when its time was up (10:10), not at the instant of the last state (10:17)', () => {
    const s = state(dp2e, touched, '2026-06-29T10:17:20');
    expect(s.stage).toMatchObject({ itemId: KEYNOTE, held: true, overtime: true });
    expect(doorNow(s, '2026-06-29T10:17:20')).toBe('09:30–10:10 · running 7 min over');
    // The control's timer says the same end; the chair counts its "+7:10" from the same zero.
    expect(clockTime(s.timer!.endsAtMs, s.timezone)).toBe('10:10');
    // NEXT waits for it, at its planned time (the chair: "after this talk (planned 10:10)").
    expect(clockTime(afterCurrent(s)!, s.timezone)).toBe('10:10');
  });

  test('the range does not move as the overtime grows (a new state each minute)', () => {
    for (const local of ['2026-06-29T10:11:05', '2026-06-29T10:14:59', '2026-06-29T10:24:30'])
      expect(doorNow(state(dp2e, touched, local), local).slice(0, 11), local).toBe('09:30–10:10');
  });

  test('paused in overtime at 10:12: still 09:30–10:10, its overtime frozen at 1 min 50 s', () => {
    const paused = play(dp2e, [['2026-06-29T10:12', { type: 'timer.pause' }]], touched);
    const s = state(dp2e, paused, '2026-06-29T10:20');
    expect(s.timer).toMatchObject({ itemId: KEYNOTE, running: false });
    expect(doorNow(s, '2026-06-29T10:20')).toBe('09:30–10:10 · running 1 min over');
  });

  test('before its time is up the range is its live times, as before', () => {
    expect(doorNow(state(dp2e, touched, '2026-06-29T10:00'), '2026-06-29T10:00')).toBe('09:30–10:10');
  });
});

describe('"Always follow the clock": run over until the next item starts, not held', () => {
  const cut = play(dp2e, [
    ['2026-06-29T09:50', { type: 'overtime.policy', policy: 'clock' }],
    ['2026-06-29T09:50', { type: 'timer.add', seconds: -300 }],
  ]);

  test('its time was up at 10:05: 09:30–10:05, running 2 min over (not 09:30–10:10, the next item’s start)', () => {
    const s = state(dp2e, cut, '2026-06-29T10:07');
    expect(s.stage).toMatchObject({ itemId: KEYNOTE, held: false, overtime: true });
    expect(doorNow(s, '2026-06-29T10:07')).toBe('09:30–10:05 · running 2 min over');
  });
});

describe('a talk the chair restarted ("Restart HPC in Transition with 40:00 left")', () => {
  // timer.start on a talk on by the clock, after its planned start: the chair's late start (docs/api.md, the log's
  // stage lines and the timing report count the talk from it; the control's row and timer show it too).
  const restarted = play(dp2e, [['2026-06-29T09:45', { type: 'timer.start' }]]);

  test('it runs from the restart for its 40 minutes: 09:45–10:25, as the control shows', () => {
    const s = state(dp2e, restarted, '2026-06-29T09:50');
    expect(doorNow(s, '2026-06-29T09:50')).toBe('09:45–10:25');
    expect(clockTime(s.timer!.endsAtMs, s.timezone)).toBe('10:25');
  });

  test('then runs over: 09:45–10:25, running 3 min over; NEXT after it, planned 10:10 (the program’s time)', () => {
    const s = state(dp2e, restarted, '2026-06-29T10:28:30');
    expect(s.stage).toMatchObject({ itemId: KEYNOTE, held: true });
    expect(doorNow(s, '2026-06-29T10:28:30')).toBe('09:45–10:25 · running 3 min over');
    expect(clockTime(afterCurrent(s)!, s.timezone)).toBe('10:10');
  });
});

describe('two items on now in the very same slot, only one timed (the welcome and its introduction)', () => {
  // The chair paused and resumed the welcome for 10 s: it is held when its time is up at 09:30:10, and the
  // introduction, in the very same slot, runs over with it (core's twin).
  const touched = play(dp2e, [
    ['2026-06-29T09:05', { type: 'timer.pause' }],
    ['2026-06-29T09:05:10', { type: 'timer.resume' }],
  ]);

  test('7 min over: both cards read 09:00–09:30 · running 7 min over, not the untimed one 09:00–09:37', () => {
    const s = state(dp2e, touched, '2026-06-29T09:37:20');
    expect(s.stage).toMatchObject({ itemId: 'd1-welcome', held: true, overtime: true });
    expect(s.current.map((i) => i.id)).toEqual(['d1-welcome', 'd1-introduction']);
    expect(doorNow(s, '2026-06-29T09:37:20', 'd1-welcome')).toBe('09:00–09:30 · running 7 min over');
    expect(doorNow(s, '2026-06-29T09:37:20', 'd1-introduction')).toBe('09:00–09:30 · running 7 min over');
  });
});

describe('paused in overtime, its time up less than a second before a minute', () => {
  // Paused 59.6 s at 09:45: the keynote's time is up at 10:10:59.6; the door reads 09:30–10:10 while it runs over.
  const base = at(dp2e, '2026-06-29T09:45');
  const touched = applyAction(
    dp2e,
    applyAction(dp2e, emptyShowState(), { type: 'timer.pause' }, base, dp2e.mainRoom),
    { type: 'timer.resume' },
    base + 59_600,
    dp2e.mainRoom,
  );

  test('pausing at 10:12 keeps 09:30–10:10 (the end does not move a minute on at the pause)', () => {
    expect(doorNow(state(dp2e, touched, '2026-06-29T10:12'), '2026-06-29T10:12')).toBe(
      '09:30–10:10 · running 1 min over',
    );
    const paused = applyAction(dp2e, touched, { type: 'timer.pause' }, at(dp2e, '2026-06-29T10:12'), dp2e.mainRoom);
    const s = state(dp2e, paused, '2026-06-29T10:12:30');
    expect(s.timer).toMatchObject({ itemId: KEYNOTE, running: false });
    expect(doorNow(s, '2026-06-29T10:12:30')).toBe('09:30–10:10 · running 1 min over');
  });
});
