// Shared by the live tests: actions played through the show's history at program-local times, and the state every
// view of a room receives then (the door, the chair and the control read the same JSON).
import { stateJson, type StateJson } from '../../core/contract/state.ts';
import type { Action } from '../../core/live/actions.ts';
import { applyAction, emptyShowState, historyLabels, type ShowState } from '../../core/live/history.ts';
import { resolveLive } from '../../core/live/live-screen.ts';
import type { Timeline } from '../../core/schedule/timeline.ts';
import { parseInstant } from '../../core/time.ts';

/** A program-local date-time ("2026-06-29T17:50") as an instant. */
export function at(tl: Timeline, local: string): number {
  const p = parseInstant(local, tl.zone);
  if (!p.ok) throw new Error(p.reason);
  return p.at;
}

/** Applies [local time, action] steps in the main room through the history, as the server does. */
export function play(tl: Timeline, steps: [string, Action][], from: ShowState = emptyShowState()): ShowState {
  return steps.reduce((s, [t, action]) => applyAction(tl, s, action, at(tl, t), tl.mainRoom), from);
}

/** The state the main room's views receive at a local time (or an instant). */
export function state(tl: Timeline, s: ShowState, t: string | number): StateJson {
  const ms = typeof t === 'number' ? t : at(tl, t);
  return stateJson(tl, resolveLive(tl, s.live, tl.mainRoom, ms), {
    elsewhere: [],
    seq: s.live.seq,
    clock: { now: ms, serverTime: ms, speed: 1, rehearsal: false },
    program: { file: 'x.json', loadedAt: '', warnings: [], warningCount: 0, warningKinds: [], problem: null },
    storeWarning: null,
    history: historyLabels(s, tl.mainRoom),
  });
}
