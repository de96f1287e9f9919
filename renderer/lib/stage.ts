// What every view derives the same way from the server's answer to "what is on stage": overtime, the one lateness,
// and when NEXT starts. The server decides; these only count on from the state's instant to the show clock.
import type { StateJson } from '../../core/contract/state.ts';
import type { ItemJson } from '../../core/schedule/screen-json.ts';

type State = Pick<StateJson, 'at' | 'timer' | 'delayMinutes' | 'next' | 'later' | 'stage' | 'nextStart' | 'late'> &
  Partial<Pick<StateJson, 'nextInRoom' | 'current'>>;

/** A lateness as the screens say it: the whole minutes NEXT's shown time moved (core's publicLateMinutes). */
export function spokenMinutes(ms: number): number {
  return ms < 60_000 ? 0 : Math.floor(ms / 60_000);
}

/** How many minutes late the room runs at `now`: the server's one lateness, counted on while it grows. */
export function lateMinutes(state: State, now: number): number {
  const late = state.late;
  if (!late.growing) return late.minutes;
  return spokenMinutes(late.ms + Math.max(0, now - Date.parse(state.at)));
}

/**
 * The lateness a screen announces ("Running 10 min late"): none when the only cause is time a person gave the talk
 * on purpose (+5 min): the moved times say it, a "late" banner would not be true. Once anything else makes the room
 * late too (AV's delay, a late start), the whole lateness is announced: NEXT really starts that much later.
 */
export function announcedLate(state: State, now: number): number {
  return state.late?.onPurpose ? 0 : lateMinutes(state, now);
}

/**
 * How long `itemId` has run past its time at `now` (null when it has not): the item on stage whose zero is past.
 */
export function overtimeMs(state: State, itemId: string, now: number): number | null {
  const stage = state.stage;
  if (stage.endsAtMs === null || stage.away) return null;
  if (stage.itemId !== itemId && !inItsSlot(state, itemId)) return null;
  // A paused timer's zero moves with the clock: its overtime is frozen at what the server said.
  const timer = state.timer;
  if (timer && timer.itemId === stage.itemId && !timer.running) {
    return timer.remainingSeconds <= 0 ? -timer.remainingSeconds * 1000 : null;
  }
  return now >= stage.endsAtMs ? now - stage.endsAtMs : null;
}

/**
 * When the time of `itemId` was up, while it runs past it on stage (null when it does not): the countdown's zero, from
 * which the chair counts its "+7:10" and of which the control's timer says "ends at 10:10". Its live end is no use to
 * a screen then: held, it is the instant of the last state (the clock, a minute at a time); not held, the next item's
 * start. A paused timer's zero moves with the clock: its time was up when it had run its length before the pause.
 */
export function timeUpAt(state: State, itemId: string, now: number): number | null {
  if (overtimeMs(state, itemId, now) === null) return null;
  const timer = state.timer;
  if (timer && timer.itemId === state.stage.itemId && !timer.running && timer.pausedAt !== null) {
    // To the millisecond (its zero at the state's instant, less the pause so far): remainingSeconds is rounded up, and
    // a zero at 10:10:59.6 read 10:11 once paused.
    return timer.endsAtMs - (Date.parse(state.at) - Date.parse(timer.pausedAt));
  }
  return state.stage.endsAtMs;
}

/**
 * Whether `itemId` is on now in the very same slot as the item on stage (a talk and its introduction): it starts,
 * runs over and ends with it (core's twin), so its card reads the same times and overtime.
 */
function inItsSlot(state: State, itemId: string): boolean {
  const current = state.current ?? [];
  const onStage = current.find((i) => i.id === state.stage.itemId);
  const item = current.find((i) => i.id === itemId);
  return (
    onStage !== undefined &&
    item !== undefined &&
    !item.location &&
    item.plannedStart === onStage.plannedStart &&
    item.plannedEnd === onStage.plannedEnd
  );
}

/** NEXT waits for the talk on stage to end ("after this talk, planned 10:10"): its planned start, else null. */
export function afterCurrent(state: State): number | null {
  const n = state.nextStart;
  return n?.afterCurrent ? n.plannedAtMs : null;
}

/** The next item that happens in this room (the chair counts to it; the dinner away is not one). */
export function nextInRoom(state: State): ItemJson | null {
  if (state.nextInRoom !== undefined) return state.nextInRoom;
  return [state.next, ...state.later].find((i): i is ItemJson => i !== null && !i.location) ?? null;
}

/** Whether the item the server times is on stage only because a person holds it past its time. */
export function held(state: State): { untilMs: number | null } | null {
  return state.stage.held ? { untilMs: state.stage.holdUntilMs } : null;
}
