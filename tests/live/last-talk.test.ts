// The chair ends the day's last talk: Next (item.end) with nothing to start after it today (the event's end, the
// dinner away, tomorrow's first item) ends the talk on stage now, and starts nothing.
import { describe, expect, test } from 'vitest';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { nextLine } from '../../renderer/views/chair/display.ts';
import { signageScreen } from '../../renderer/views/signage/screen.ts';
import { timeRange } from '../../renderer/views/signage/text.ts';
import { loadShippedProgram } from '../helpers.ts';
import { at, play, state } from './play.ts';

const dp2e = buildTimeline(loadShippedProgram());
const next = { type: 'item.end' } as const;

describe('Next on the day’s last talk ends it', () => {
  test('the event’s last talk, ended 5 min early: the door thanks everyone, nobody is on stage', () => {
    const ended = play(dp2e, [['2026-06-30T17:55', next]]);
    const s = state(dp2e, ended, '2026-06-30T17:55:01');
    expect(s.stage).toMatchObject({ itemId: null, overtime: false, held: false });
    expect(s.current.map((i) => i.id)).toEqual([]);
    expect(signageScreen(s).kind).toBe('after-event');
    // The chair's Undo says what it undoes, and undo gives the closing back.
    expect(s.history.undo).toBe('End Closing remarks and date for the next workshop');
    expect(s.timer).toBeNull();
  });

  test('day 1’s last talk held in overtime, ended at 18:10: the door shows the dinner at 19:00 as what is next', () => {
    const held = play(dp2e, [['2026-06-29T17:50', { type: 'timer.start' }]]);
    expect(state(dp2e, held, '2026-06-29T18:10').stage).toMatchObject({ itemId: 'd1-closing', held: true });
    const s = state(dp2e, play(dp2e, [['2026-06-29T18:10', next]], held), '2026-06-29T18:10:01');
    expect(s.stage).toMatchObject({ itemId: null, held: false, overtime: false });
    const door = signageScreen(s);
    expect(door.kind).toBe('in-break');
    expect(door.kind === 'in-break' && door.next && `${door.next.id} ${timeRange(door.next, s.timezone)}`).toBe(
      'd1-dinner 19:00–21:00',
    );
    // The chair looks to the dinner at its booked time, and no countdown runs.
    expect(nextLine(s, at(dp2e, '2026-06-29T18:10:01'), 'en')).toMatchObject({ id: 'd1-dinner', time: '19:00' });
    expect(s.timer).toBeNull();
  });

  test('ended early at 17:55 on day 1: the dinner does not start early, and stays at 19:00', () => {
    const s = state(dp2e, play(dp2e, [['2026-06-29T17:55', next]]), '2026-06-29T18:30');
    expect(s.current.map((i) => i.id)).toEqual([]);
    expect(s.next).toMatchObject({ id: 'd1-dinner' });
    expect(timeRange(s.next!, s.timezone)).toBe('19:00–21:00');
  });

  test('← (item.previous) after ending it gives the talk back with the time it had', () => {
    const ended = play(dp2e, [['2026-06-30T17:55', next]]);
    const back = state(dp2e, play(dp2e, [['2026-06-30T17:56', { type: 'item.previous' }]], ended), '2026-06-30T17:56');
    expect(back.stage).toMatchObject({ itemId: 'd2-closing' });
    expect(back.stage.endsAtMs).toBe(at(dp2e, '2026-06-30T18:00'));
  });

  test('with nothing on stage and nothing to start today, Next is still refused, saying why', () => {
    expect(() => play(dp2e, [['2026-06-29T20:00', next]])).toThrow(
      /the next item, “Registration, welcome coffee”, is on another day \(2026-06-30 at 08:30\)/,
    );
    // After the event: no "current item" to speak of.
    expect(() => play(dp2e, [['2026-06-30T18:30', next]])).toThrow(
      'nothing is on stage in this room and nothing comes after: nothing to end or start',
    );
  });

  test('Follow the clock after ending it: the talk stays over, the door still thanks everyone', () => {
    const ended = play(dp2e, [['2026-06-30T17:55', next]]);
    const followed = play(dp2e, [['2026-06-30T17:56', { type: 'follow' }]], ended);
    const s = state(dp2e, followed, '2026-06-30T17:57');
    expect(s.stage.itemId).toBeNull();
    expect(s.current.map((i) => i.id)).toEqual([]);
    expect(signageScreen(s).kind).toBe('after-event');
  });

  test('Reset after ending it gives the talk its programmed time back, and undo names the talk', () => {
    const ended = play(dp2e, [['2026-06-30T17:55', next]]);
    const reset = play(dp2e, [['2026-06-30T17:56', { type: 'timer.reset' }]], ended);
    const s = state(dp2e, reset, '2026-06-30T17:57');
    expect(s.stage.itemId).toBe('d2-closing');
    expect(s.history.undo).toBe('Timer of Closing remarks and date for the next workshop back to the program');
  });
});
