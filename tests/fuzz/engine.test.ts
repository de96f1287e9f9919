// Property tests of the engine and the live reducer on random valid programs, in zones with DST changes in range.
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { stateJson } from '../../core/contract/state.ts';
import type { Action } from '../../core/live/actions.ts';
import { effectiveIndex, resolveLive, roomLive } from '../../core/live/live-screen.ts';
import { ActionRejected, reduce } from '../../core/live/reducer.ts';
import { emptyLive, type LiveState } from '../../core/live/state.ts';
import { isBreakKind } from '../../core/schedule/kinds.ts';
import { resolveScreen, type Screen } from '../../core/schedule/resolve.ts';
import { screenJson } from '../../core/schedule/screen-json.ts';
import { buildTimeline, type RoomIndex, type Timeline } from '../../core/schedule/timeline.ts';
import { nextDayChange, programDay } from '../../core/time.ts';
import { BUILTIN_NAMES, FUZZ_TIMEOUT_MS, instantNear, runs, validProgram } from './arbitraries.ts';

vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS });

const boundariesOf = (timeline: Timeline) => timeline.items.flatMap((i) => [i.start, i.end]);

/** The rules every screen follows, checked against a scan of the room's (possibly live-shifted) items. */
function expectScreenRules(screen: Screen, index: RoomIndex, at: number): void {
  const ids = (items: { id: string }[]) => items.map((i) => i.id);
  for (const item of screen.current) {
    expect(item.start).toBeLessThanOrEqual(at);
    expect(item.end).toBeGreaterThan(at);
  }
  // Every item on is current (the binary search and the prefix maximum miss none), in the index's order.
  expect(ids(screen.current)).toEqual(ids(index.items.filter((i) => i.start <= at && at < i.end)));
  const next = index.items.find((i) => i.start > at) ?? null;
  expect(screen.next?.id ?? null).toBe(next?.id ?? null);
  if (screen.next) expect(screen.next.start).toBeGreaterThan(at);
  for (const item of screen.later) {
    expect(item.start).toBeGreaterThanOrEqual(screen.next!.start);
    expect(item.day).toBe(screen.next!.day);
  }
  if (screen.current.length > 0) {
    const allBreaks = screen.current.every((i) => isBreakKind(i.kind));
    expect(screen.phase).toBe(allBreaks ? 'in-break' : 'in-session');
  } else if (!screen.next) expect(screen.phase).toBe('after-event');
  else if (index.items.every((i) => i.start > at)) expect(screen.phase).toBe('before-event');
  else expect(['in-break', 'between-days']).toContain(screen.phase);
}

describe('days of the event on random programs (midnight, or days changing at 02:30 or 05:00)', () => {
  test("an item's day is its start's; the room's today holds until nextDayChange, then the next day begins", () => {
    fc.assert(
      fc.property(
        validProgram.chain((p) => {
          const timeline = buildTimeline(p.program);
          return fc.tuple(fc.constant(timeline), fc.array(instantNear(boundariesOf(timeline)), { maxLength: 8 }));
        }),
        ([timeline, instants]) => {
          const { zone, dayChange } = timeline;
          for (const item of timeline.items) expect(item.day).toBe(programDay(item.start, zone, dayChange));
          for (const at of instants) {
            const today = programDay(at, zone, dayChange);
            const ends = nextDayChange(at, zone, dayChange);
            expect(ends).toBeGreaterThan(at);
            expect(programDay(ends - 1, zone, dayChange)).toBe(today);
            expect(programDay(ends, zone, dayChange) > today).toBe(true);
            expect(ends - at).toBeLessThanOrEqual(26 * 3_600_000);
            expect(resolveLive(timeline, emptyLive(), timeline.mainRoom, at).today).toBe(today);
          }
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

describe('resolveScreen on random programs', () => {
  test('current items contain the instant, next starts after it, later is on next’s day', () => {
    fc.assert(
      fc.property(
        validProgram.chain((p) => {
          const timeline = buildTimeline(p.program);
          return fc.tuple(fc.constant(timeline), fc.array(instantNear(boundariesOf(timeline)), { maxLength: 8 }));
        }),
        ([timeline, instants]) => {
          for (const [room, index] of timeline.rooms) {
            for (const at of instants) {
              const screen = resolveScreen(timeline, room, at);
              expectScreenRules(screen, index, at);
              for (const item of screenJson(timeline, screen).current) {
                expect(item.remainingSeconds).toBeGreaterThanOrEqual(0);
              }
            }
          }
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

/** An action with its ids chosen by index, so one generator fits every program. */
const actionPlan = fc.oneof(
  fc.constantFrom(
    { type: 'timer.start' },
    { type: 'timer.pause' },
    { type: 'timer.resume' },
    { type: 'timer.reset' },
    { type: 'item.end' },
    { type: 'follow' },
    { type: 'message.clear' },
    { type: 'blackout', on: true },
  ),
  fc.record({ type: fc.constant('timer.add'), seconds: fc.integer({ min: -7200, max: 7200 }) }),
  fc.record({ type: fc.constant('delay.set'), minutes: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ type: fc.constant('goto'), pick: fc.nat() }),
  fc.record({
    type: fc.constant('message.set'),
    to: fc.constantFrom('speaker' as const, 'public' as const),
    untilMin: fc.option(fc.integer({ min: -5, max: 90 }), { nil: undefined }),
  }),
);
type ActionPlan = { type: string; pick?: number; untilMin?: number | undefined; [k: string]: unknown };

const step = fc.record({
  plan: actionPlan,
  room: fc.nat(),
  /** Minutes since the previous action (0: the same instant). */
  gapMin: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 60 })),
  gapMs: fc.integer({ min: 0, max: 59_999 }),
  /** A later look at the same state, as a screen refreshing on its own would have. */
  lookMin: fc.integer({ min: 0, max: 180 }),
  /** Sometimes the action names a room (or, for goto, an item) called like a built-in (`constructor`, `__proto__`…). */
  stranger: fc.option(fc.constantFrom(...BUILTIN_NAMES), { nil: undefined, freq: 3 }),
});

function toAction(plan: ActionPlan, timeline: Timeline, room: string, at: number): Action {
  const { pick, untilMin, ...rest } = plan;
  // Any item of the program: one of another room is refused, like an unknown one.
  const items = timeline.items;
  if (plan.type === 'goto') return { type: 'goto', room, itemId: items[pick! % items.length]!.id };
  if (plan.type === 'message.set') {
    const until = untilMin === undefined ? undefined : new Date(at + untilMin * 60_000).toISOString();
    return { ...rest, room, text: 'Please wrap up', ...(until ? { until } : {}) } as Action;
  }
  return { ...rest, room } as Action;
}

/** The live rules: follow mode obeys the engine's rules on live times; manual mode shows the pinned item alone. */
function expectLiveRules(timeline: Timeline, live: LiveState, room: string, at: number): void {
  const screen = resolveLive(timeline, live, room, at);
  const r = roomLive(live, room);
  if (screen.mode === 'follow') {
    expectScreenRules(screen, effectiveIndex(timeline.rooms.get(room)!, r, at), at);
  } else {
    expect(screen.current.map((i) => i.id)).toEqual([r.manualItemId]);
    if (screen.next) expect(screen.next.start).toBeGreaterThanOrEqual(screen.current[0]!.start);
    for (const item of screen.later) {
      expect(item.start).toBeGreaterThanOrEqual(screen.next!.start);
      expect(item.day).toBe(screen.next!.day);
    }
  }
  // No countdown for an item away from the room (the dinner): only for what happens here.
  expect(screen.timer === null).toBe(screen.current.every((i) => i.location !== null));
  if (screen.timer) {
    expect(screen.current.map((i) => i.id)).toContain(screen.timer.itemId);
    // Negative time left only in overtime, and overtime only at zero or below.
    expect(screen.timer.remainingMs <= 0).toBe(screen.timer.phase === 'overtime');
    if (screen.timer.running) expect(screen.timer.pausedAt).toBeNull();
    else expect(screen.timer.pausedAt).not.toBeNull();
  }
  expect(Number.isInteger(screen.delayMinutes) && screen.delayMinutes >= 0).toBe(true);
  for (const m of [screen.messages.speaker, screen.messages.public]) if (m?.until) expect(m.until).toBeGreaterThan(at);
  const json = stateJson(timeline, screen, {
    seq: live.seq,
    clock: { now: at, serverTime: at, speed: 1, rehearsal: false },
    program: { file: 'fuzz.json', loadedAt: '', warnings: [], warningCount: 0, warningKinds: [], problem: null },
    storeWarning: null,
  });
  if (screen.mode === 'follow')
    for (const item of json.current) expect(item.remainingSeconds).toBeGreaterThanOrEqual(0);
  if (json.timer && json.timer.remainingSeconds < 0) expect(json.timer.phase).toBe('overtime');
}

describe('resolveLive after random actions', () => {
  test('every action either applies or is refused with ActionRejected, and the live rules hold after it', () => {
    fc.assert(
      fc.property(
        validProgram.chain((p) => {
          const timeline = buildTimeline(p.program);
          return fc.tuple(
            fc.constant(timeline),
            instantNear(boundariesOf(timeline)),
            fc.array(step, { minLength: 1, maxLength: 12 }),
          );
        }),
        ([timeline, start, steps]) => {
          const rooms = [...timeline.rooms.keys()];
          let live = emptyLive();
          let at = start;
          for (const s of steps) {
            at += s.gapMin * 60_000 + s.gapMs;
            const room = rooms[s.room % rooms.length]!;
            let action = toAction(s.plan, timeline, room, at);
            // A name that is no room (or no item) of this program is refused by name, like any unknown one.
            let unknown: string | null = null;
            if (s.stranger !== undefined) {
              if (action.type === 'goto' && s.room % 2 === 0) {
                action = { ...action, itemId: s.stranger };
                if (!timeline.rooms.get(room)!.items.some((i) => i.id === s.stranger)) unknown = s.stranger;
              } else {
                action = { ...action, room: s.stranger };
                if (!timeline.rooms.has(s.stranger)) unknown = s.stranger;
              }
            }
            try {
              const after = reduce(timeline, live, action, at, timeline.mainRoom);
              expect(unknown).toBeNull();
              expect(after.seq).toBe(live.seq + 1);
              live = after;
            } catch (err) {
              if (!(err instanceof ActionRejected)) throw err;
              expect(err.message).not.toBe('');
              if (unknown !== null) expect(err.message).toContain(`"${unknown}"`);
            }
            for (const other of rooms) {
              expectLiveRules(timeline, live, other, at);
              expectLiveRules(timeline, live, other, at + s.lookMin * 60_000);
            }
          }
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
