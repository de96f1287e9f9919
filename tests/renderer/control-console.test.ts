// The console's small decisions: the countdown and its transport, answers to actions and PIN checks, addresses, screens.
import { describe, expect, test } from 'vitest';
import type { TimerJson } from '../../core/contract/state.ts';
import { actionOutcome, pinCheckResult } from '../../renderer/views/control/action-outcome.ts';
import { sortScreens } from '../../renderer/views/control/screens.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { clockTime } from '../../renderer/lib/format.ts';
import { rowTimes } from '../../renderer/views/control/program-rows.ts';
import {
  canStart,
  timedItem,
  timerDisplay,
  timerEndsAt,
  transportAction,
} from '../../renderer/views/control/timer-view.ts';
import { controlWords } from '../../renderer/views/control/words.ts';
import { loadShippedProgram } from '../helpers.ts';
import { at, play, state } from '../live/play.ts';
import { previewScale, previewUrl, withRoom } from '../../renderer/views/control/view-url.ts';

const END = Date.parse('2026-06-29T10:10:00+02:00');

function timer(over: Partial<TimerJson> = {}): TimerJson {
  return {
    itemId: 'keynote',
    source: 'schedule',
    running: true,
    startedAt: '2026-06-29T09:30:00+02:00',
    endsAtMs: END,
    endsAt: '2026-06-29T10:10:00+02:00',
    pausedAt: null,
    remainingSeconds: 600,
    phase: 'normal',
    warningSeconds: 300,
    dangerSeconds: 120,
    ...over,
  };
}

describe('countdown on the show clock', () => {
  test.each([
    { label: 'normal', left: 600_000, phase: 'normal' },
    { label: 'warning at 5 min', left: 300_000, phase: 'warning' },
    { label: 'danger at 2 min', left: 120_000, phase: 'danger' },
    { label: 'overtime at zero', left: 0, phase: 'overtime' },
    { label: 'overtime past the end', left: -65_000, phase: 'overtime' },
  ])('running: $label', ({ left, phase }) => {
    expect(timerDisplay(timer(), END - left)).toEqual({ remainingMs: left, phase });
  });

  test('paused: frozen at the remaining seconds, whatever the clock says', () => {
    const paused = timer({ running: false, remainingSeconds: 250, source: 'timer' });
    expect(timerDisplay(paused, END + 3_600_000)).toEqual({ remainingMs: 250_000, phase: 'warning' });
  });
});

describe('the timer panel’s "ends at" (the shipped program, 29 June)', () => {
  const dp2e = buildTimeline(loadShippedProgram());
  /** The panel's line as the operator reads it at `local`, from the state of `local` (or of `stateLocal`). */
  function endsAt(steps: Parameters<typeof play>[1], local: string, lang: 'en' | 'fr' = 'en', stateLocal = local) {
    const s = state(dp2e, play(dp2e, steps), stateLocal);
    return controlWords(lang).endsAt(clockTime(timerEndsAt(s, at(dp2e, local))!, s.timezone));
  }
  // The chair paused and resumed the keynote for 10 s: a person touched its timer, so it is held when its time is up
  // (at 10:10:10, the 10 s paused included).
  const touched: Parameters<typeof play>[1] = [
    ['2026-06-29T09:45', { type: 'timer.pause' }],
    ['2026-06-29T09:45:10', { type: 'timer.resume' }],
  ];
  const pausedOver: Parameters<typeof play>[1] = [...touched, ['2026-06-29T10:12', { type: 'timer.pause' }]];

  test('running, before and past zero: when the countdown reaches zero', () => {
    expect(endsAt(touched, '2026-06-29T10:05')).toBe('ends at 10:10');
    expect(endsAt(touched, '2026-06-29T10:17:20')).toBe('ends at 10:10');
    expect(endsAt(touched, '2026-06-29T10:17:20', 'fr')).toBe('fin à 10:10');
  });

  test('paused in overtime: when its time was up, frozen as the states of each minute come (it read 10:13, 10:18)', () => {
    for (const local of ['2026-06-29T10:12:30', '2026-06-29T10:15', '2026-06-29T10:20:40']) {
      expect(endsAt(pausedOver, local), local).toBe('ends at 10:10');
      expect(endsAt(pausedOver, local, 'fr'), local).toBe('fin à 10:10');
    }
    // The panel counts on from the last state between two of them: still 10:10.
    expect(endsAt(pausedOver, '2026-06-29T10:15:50', 'en', '2026-06-29T10:15')).toBe('ends at 10:10');
  });

  test('the same end as the keynote’s program row, paused in overtime and once resumed', () => {
    const resumed: Parameters<typeof play>[1] = [...pausedOver, ['2026-06-29T10:20', { type: 'timer.resume' }]];
    for (const [steps, local, end] of [
      [pausedOver, '2026-06-29T10:16', '10:10'],
      // Resumed at 10:20 after 8 min paused: its zero moved 8 min later with the pause, the row's end with it.
      [resumed, '2026-06-29T10:21', '10:18'],
    ] as const) {
      const s = state(dp2e, play(dp2e, steps), local);
      const row = rowTimes(
        s.day.find((i) => i.id === 'd1-dongarra')!,
        s,
        at(dp2e, local),
      );
      expect(clockTime(row.end, s.timezone), local).toBe(end);
      expect(endsAt(steps, local), local).toBe(`ends at ${end}`);
    }
  });

  test('paused with time left: when it would end if resumed at the last state (a projection, a minute later each minute)', () => {
    const paused: Parameters<typeof play>[1] = [['2026-06-29T10:00', { type: 'timer.pause' }]];
    expect(endsAt(paused, '2026-06-29T10:00:30')).toBe('ends at 10:10');
    expect(endsAt(paused, '2026-06-29T10:03')).toBe('ends at 10:13');
    expect(endsAt(paused, '2026-06-29T10:03:40', 'en', '2026-06-29T10:03')).toBe('ends at 10:13');
  });
});

describe('transport', () => {
  test.each([
    { label: 'nothing on', t: null, start: true, toggle: null },
    { label: 'following the schedule', t: timer(), start: true, toggle: 'timer.pause' },
    { label: 'a running timer', t: timer({ source: 'timer' }), start: false, toggle: 'timer.pause' },
    { label: 'a paused timer', t: timer({ source: 'timer', running: false }), start: false, toggle: 'timer.resume' },
  ])('$label', ({ t, start, toggle }) => {
    expect(canStart(t)).toBe(start);
    expect(transportAction(t)).toBe(toggle);
  });

  test('the timed item is found among the current items, else in the day', () => {
    const keynote = { id: 'keynote', title: 'Keynote' } as never;
    const other = { id: 'other', title: 'Other' } as never;
    expect(timedItem({ timer: timer(), current: [keynote], day: [] })).toBe(keynote);
    expect(timedItem({ timer: timer(), current: [other], day: [other, keynote] })).toBe(keynote);
    expect(timedItem({ timer: null, current: [keynote], day: [] })).toBeNull();
  });
});

describe('answers', () => {
  test.each([
    { label: 'accepted', answer: { ok: true as const }, hadPin: false, outcome: { kind: 'done' } },
    {
      label: 'PIN missing: ask',
      answer: { ok: false as const, status: 401, message: 'this action needs the PIN' },
      hadPin: false,
      outcome: { kind: 'pin', wrong: false },
    },
    {
      label: 'PIN refused: ask again, saying so',
      answer: { ok: false as const, status: 401, message: 'wrong PIN' },
      hadPin: true,
      outcome: { kind: 'pin', wrong: true },
    },
    {
      label: 'locked out',
      answer: { ok: false as const, status: 429, message: 'too many wrong PINs' },
      hadPin: true,
      outcome: { kind: 'locked', message: 'too many wrong PINs' },
    },
    {
      label: 'does not apply now',
      answer: { ok: false as const, status: 409, message: 'the timer is already paused' },
      hadPin: true,
      outcome: { kind: 'refused', message: 'the timer is already paused' },
    },
    {
      label: 'server unreachable',
      answer: { ok: false as const, status: 0, message: 'the show server cannot be reached' },
      hadPin: false,
      outcome: { kind: 'refused', message: 'the show server cannot be reached' },
    },
  ])('$label', ({ answer, hadPin, outcome }) => expect(actionOutcome(answer, hadPin)).toEqual(outcome));

  test('a PIN check: the empty action is refused as malformed (400) only once the PIN passed', () => {
    expect(pinCheckResult(200, '')).toEqual({ ok: true });
    expect(pinCheckResult(401, 'wrong PIN')).toEqual({ ok: false, status: 401, message: 'wrong PIN' });
    expect(pinCheckResult(429, 'locked')).toEqual({ ok: false, status: 429, message: 'locked' });
    // A chair PIN is right but not the console's.
    expect(pinCheckResult(200, '', 'av')).toEqual({ ok: true });
    expect(pinCheckResult(200, '', 'chair')).toEqual({
      ok: false,
      status: 403,
      message: 'a chair PIN: the control view needs the AV PIN',
    });
  });
});

describe('addresses', () => {
  test('another room keeps the language and the rest of the query', () => {
    expect(withRoom('http://h:4610/control?lang=fr', 'B 2')).toBe('/control?lang=fr&room=B+2');
    expect(withRoom('http://h:4610/control?room=A&lang=fr#x', 'B')).toBe('/control?room=B&lang=fr#x');
  });

  test('previews of the room, in the console language', () => {
    expect(previewUrl('signage', 'L108-A', 'en')).toBe('/signage?room=L108-A&preview=1');
    expect(previewUrl('chair', 'L108-A', 'fr')).toBe('/chair?room=L108-A&preview=1&lang=fr');
  });

  test('a 1920-wide screen fits the box', () => {
    expect(previewScale(480)).toBe(0.25);
    expect(previewScale(0)).toBe(0);
  });
});

test('screens: this room first, then by room, view and connection order', () => {
  const s = (id: number, view: string, room: string) => ({ id, view, room, address: '127.0.0.1', since: 0 });
  const sorted = sortScreens([s(1, 'signage', 'A'), s(2, 'chair', 'B'), s(3, 'control', 'B'), s(4, 'chair', 'A')], 'B');
  expect(sorted.map((x) => x.id)).toEqual([2, 3, 4, 1]);
});
