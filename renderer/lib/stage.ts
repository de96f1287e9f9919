// What every view derives the same way from the server's answer to "what is on stage": overtime, the one lateness,
// and when NEXT starts. The server decides; these only count on from the state's instant to the show clock.
import type { StateJson } from '../../core/contract/state.ts';
import type { ItemJson } from '../../core/schedule/screen-json.ts';

/** The fields the issue-10 model adds to the state (docs/api.md, "On stage"); optional while a server lacks them. */
interface OnStage {
  stage?: {
    itemId: string | null;
    touched: boolean;
    endsAtMs: number | null;
    overtime: boolean;
    held: boolean;
    holdUntilMs: number | null;
    away: boolean;
  };
  nextStart?: { atMs: number; afterCurrent: boolean; plannedAtMs: number; day: string; today: boolean } | null;
  late?: { ms: number; minutes: number; growing: boolean; cause: string | null };
  nextInRoom?: ItemJson | null;
}

type State = Pick<StateJson, 'at' | 'timer' | 'delayMinutes' | 'next' | 'later'> & OnStage;

/** A lateness as a person says it: under a minute is on time, else the nearest minute. */
export function spokenMinutes(ms: number): number {
  return ms < 60_000 ? 0 : Math.round(ms / 60_000);
}

/** How many minutes late the room runs at `now`: the server's one lateness, counted on while it grows. */
export function lateMinutes(state: State, now: number): number {
  const late = state.late;
  if (!late) return state.delayMinutes;
  if (!late.growing) return late.minutes;
  return spokenMinutes(late.ms + Math.max(0, now - Date.parse(state.at)));
}

/**
 * The lateness a screen announces ("Running 10 min late"): none when the only cause is time a person gave the talk
 * on purpose (+5 min): the moved times say it, a "late" banner would not be true.
 */
export function announcedLate(state: State, now: number): number {
  return state.late?.cause === 'added' ? 0 : lateMinutes(state, now);
}

/**
 * How long `itemId` has run past its time at `now` (null when it has not): the item on stage whose zero is past.
 * Without the on-stage answer, a timer a person set that went past zero (the only overtime older servers hold).
 */
export function overtimeMs(state: State, itemId: string, now: number): number | null {
  const stage = state.stage;
  if (stage) {
    if (stage.itemId !== itemId || stage.endsAtMs === null || stage.away) return null;
    return now >= stage.endsAtMs ? now - stage.endsAtMs : null;
  }
  const timer = state.timer;
  if (!timer || timer.itemId !== itemId || timer.source !== 'timer') return null;
  const over = timer.running ? now - timer.endsAtMs : -timer.remainingSeconds * 1000;
  return over >= 0 ? over : null;
}

/** NEXT waits for the talk on stage to end ("after this talk, planned 10:10"): its planned start, else null. */
export function afterCurrent(state: State): number | null {
  const n = state.nextStart;
  return n && n.afterCurrent ? n.plannedAtMs : null;
}

/** The next item that happens in this room (the chair counts to it; the dinner away is not one). */
export function nextInRoom(state: State): ItemJson | null {
  if (state.nextInRoom !== undefined) return state.nextInRoom;
  return [state.next, ...state.later].find((i): i is ItemJson => i !== null && !i.location) ?? null;
}

/** Whether the item the server times is on stage only because a person holds it past its time. */
export function held(state: State): { untilMs: number | null } | null {
  const stage = state.stage;
  return stage && stage.held ? { untilMs: stage.holdUntilMs } : null;
}
