// Issue 10's property: for random programs, random operator actions (undo/redo and the overtime policy included)
// and clock jumps back and forth, the door, the chair and the control are given the same "on stage", the same end
// times and the same lateness, and NEXT never starts before the item on stage ends unless the program overlaps them.
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import type { Action } from '../../core/live/actions.ts';
import { publicLateMinutes } from '../../core/live/live-screen.ts';
import { ActionRejected } from '../../core/live/reducer.ts';
import type { Program } from '../../core/program/schema.ts';
import { buildTimeline, type Timeline } from '../../core/schedule/timeline.ts';
import { createClock } from '../../server/clock.ts';
import { localDateTime } from '../../core/edits/program-actions.ts';
import type { ProgramSource } from '../../server/program/program-watcher.ts';
import { Show } from '../../server/show.ts';
import { FUZZ_TIMEOUT_MS, instantNear, runs, validProgram } from './arbitraries.ts';

vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS });

const actionPlan = fc.oneof(
  fc.constantFrom(
    { type: 'timer.start' },
    { type: 'timer.pause' },
    { type: 'timer.resume' },
    { type: 'timer.reset' },
    { type: 'item.end' },
    { type: 'item.previous' },
    { type: 'follow' },
    { type: 'undo' },
    { type: 'redo' },
    { type: 'undo' },
  ),
  fc.record({ type: fc.constant('timer.add'), seconds: fc.integer({ min: -3600, max: 3600 }) }),
  fc.record({ type: fc.constant('delay.set'), minutes: fc.integer({ min: 0, max: 90 }) }),
  fc.record({ type: fc.constant('goto'), pick: fc.nat() }),
  // Operators' edits of the program: a cancelled item is no one's stage, a move or a swap changes what is on.
  fc.record({ type: fc.constant('program.item.cancel'), pick: fc.nat() }),
  fc.record({ type: fc.constant('program.item.restore'), pick: fc.nat() }),
  fc.record({ type: fc.constant('program.item.swap'), pick: fc.nat(), other: fc.nat() }),
  fc.record({ type: fc.constant('program.item.move'), pick: fc.nat(), minutes: fc.integer({ min: -120, max: 120 }) }),
  fc.record({
    type: fc.constant('overtime.policy'),
    policy: fc.constantFrom('hold' as const, 'clock' as const, 'always' as const),
    limitMinutes: fc.integer({ min: 1, max: 30 }),
  }),
);

const step = fc.record({
  plan: actionPlan,
  room: fc.nat(),
  /** The show clock moves by this much before the action: mostly forward, sometimes back (NTP, a rehearsal). */
  jumpMs: fc.oneof(
    fc.integer({ min: 0, max: 90_000 }),
    fc.integer({ min: 0, max: 45 * 60_000 }),
    fc.integer({ min: -20 * 60_000, max: 0 }),
  ),
  /** A later look at the same state, as a screen refreshing on its own would have. */
  lookMs: fc.integer({ min: 0, max: 3 * 3600_000 }),
});

function toAction(plan: { type: string; pick?: number; [k: string]: unknown }, timeline: Timeline, room: string) {
  const { pick, ...rest } = plan;
  const any = (n: number) => timeline.items[n % timeline.items.length]!;
  if (plan.type === 'program.item.cancel' || plan.type === 'program.item.restore')
    return { type: plan.type, itemId: any(pick!).id } as Action;
  if (plan.type === 'program.item.swap')
    return { type: plan.type, a: any(pick!).id, b: any(plan.other as number).id } as Action;
  if (plan.type === 'program.item.move') {
    const item = any(pick!);
    const start = localDateTime(item.plannedStart + (plan.minutes as number) * 60_000, timeline.zone);
    return { type: plan.type, itemId: item.id, start } as Action;
  }
  if (plan.type === 'goto') {
    // Mostly an item of the room; in a room with none, any item (refused).
    const inRoom = timeline.rooms.get(room)!.items;
    const items = inRoom.length > 0 ? inRoom : timeline.items;
    return { type: 'goto', room, itemId: items[pick! % items.length]!.id } as Action;
  }
  return { ...rest, room } as Action;
}

function source(program: Program): ProgramSource {
  return {
    current: { file: 'fuzz.json', program, diagnostics: [], loadedAt: 0 },
    problem: null,
    onChange: () => () => {},
    close: () => {},
  };
}

/** What every view must agree on: the state less what the control alone gets (program warnings, every day). */
// What only the control view gets (warnings, every day, edits, notes, presets) aside, every view is told the same.
const shared = ({ program: _p, day: _day, days: _d, edits: _e, presets: _s, notes: _n, ...rest }: StateJson) => rest;

function expectCoherent(timeline: Timeline, s: StateJson, at: number): void {
  const ms = (iso: string) => Date.parse(iso);
  // One answer to "what is on stage": the stage, the timer and the items on agree.
  expect(s.stage.itemId).toBe(s.timer?.itemId ?? null);
  expect(s.stage.endsAtMs).toBe(s.timer?.endsAtMs ?? null);
  if (s.stage.itemId) {
    const item = s.current.find((i) => i.id === s.stage.itemId);
    expect(item, 'the item on stage is among the items on').toBeDefined();
    expect(item!.location).toBeNull();
    expect(s.stage.overtime).toBe(at >= s.stage.endsAtMs!);
    // Its end on the door is the chair's zero, unless it is past its time (held, or waiting for the next start).
    if (!s.stage.overtime) expect(ms(item!.end)).toBe(s.stage.endsAtMs);
    else if (s.mode === 'follow') expect(ms(item!.end)).toBeGreaterThan(at); // (AV's pin stays whatever its end)
    if (s.stage.held) expect(s.stage.overtime).toBe(true);
  } else {
    expect(s.stage.held).toBe(false);
    expect(s.stage.away).toBe(s.current.some((i) => i.location !== null));
    // Nobody is on stage: whatever is on here is cancelled, away, or nothing is.
    for (const i of s.current) expect(i.cancelled !== null || i.location !== null).toBe(true);
  }
  if (s.stage.itemId) expect(s.current.find((i) => i.id === s.stage.itemId)!.cancelled).toBeNull();
  // NEXT never starts before the item on stage ends, unless the program itself overlaps them.
  if (s.next && s.stage.itemId) {
    const onStage = timeline.byId.get(s.stage.itemId)!;
    const overlapInProgram = s.next.plannedStart !== undefined && ms(s.next.plannedStart) < onStage.plannedEnd;
    const stageEnd = s.stage.overtime ? at : s.stage.endsAtMs!;
    if (!overlapInProgram) expect(ms(s.next.start)).toBeGreaterThanOrEqual(stageEnd);
  }
  if (s.next) {
    expect(s.nextStart!.atMs).toBe(ms(s.next.start));
    expect(s.nextStart!.plannedAtMs).toBe(ms(s.next.plannedStart));
    expect(s.nextStart!.today).toBe(s.next.day === s.today);
    if (s.nextStart!.afterCurrent) expect(s.stage.held).toBe(true);
  } else expect(s.nextStart).toBeNull();
  // One lateness, rounded one way, the same as the old field.
  expect(s.late.ms).toBeGreaterThanOrEqual(0);
  expect(s.late.minutes).toBe(publicLateMinutes(s.late.ms));
  expect(s.delayMinutes).toBe(s.late.minutes);
  if (s.mode === 'follow' && s.next) expect(s.late.ms).toBe(Math.max(0, ms(s.next.start) - ms(s.next.plannedStart)));
  expect(s.late.cause === null).toBe(s.late.ms === 0);
}

describe('every view is given one coherent stage', () => {
  test('random actions and clock jumps: door, chair and control agree; NEXT waits for the stage', () => {
    fc.assert(
      fc.property(
        validProgram.chain((p) => {
          const timeline = buildTimeline(p.program);
          const edges = timeline.items.flatMap((i) => [i.start, i.end]);
          return fc.tuple(
            fc.constant(p.program),
            fc.constant(timeline),
            instantNear(edges),
            fc.array(step, { minLength: 1, maxLength: 10 }),
          );
        }),
        ([program, timeline, start, steps]) => {
          let real = 0;
          const clock = createClock({ startAt: start, realNow: () => real });
          const show = new Show(source(program), null, clock, timeline.mainRoom);
          try {
            const rooms = [...timeline.rooms.keys()];
            for (const st of steps) {
              real += st.jumpMs;
              const room = rooms[st.room % rooms.length]!;
              try {
                show.dispatch(toAction(st.plan, buildTimeline(show.program), room));
              } catch (err) {
                if (!(err instanceof ActionRejected)) throw err;
              }
              const merged = buildTimeline(show.program);
              for (const look of [0, st.lookMs]) {
                real += look;
                for (const r of rooms) {
                  const control = show.state(r, 'control');
                  const door = show.state(r, 'public');
                  expect(shared(door)).toEqual(shared(control));
                  expect(door.days).toEqual([]);
                  expect(door.day).toEqual([]);
                  expectCoherent(merged, control, clock.now());
                }
                real -= look;
              }
            }
          } finally {
            show.close();
          }
        },
      ),
      { numRuns: runs(150) },
    );
  });
});
