// The timer as the console shows it, computed locally from the last state and the show clock.
import type { StateJson, TimerJson } from '../../../core/contract/state.ts';
import { timerPhase, type TimerPhase } from '../../../core/live/timer-phase.ts';
import type { ItemJson } from '../../../core/schedule/screen-json.ts';
import { timeUpAt } from '../../lib/stage.ts';

export interface TimerDisplay {
  remainingMs: number;
  phase: TimerPhase;
}

/** Running: until `endsAtMs` on the show clock; paused: frozen at what the server said. */
export function timerDisplay(timer: TimerJson, showNow: number): TimerDisplay {
  const remainingMs = timer.running ? timer.endsAtMs - showNow : timer.remainingSeconds * 1000;
  return { remainingMs, phase: timerPhase(remainingMs, timer.warningSeconds, timer.dangerSeconds) };
}

/** The item the timer counts for, from the items the state carries. */
export function timedItem(state: Pick<StateJson, 'timer' | 'current' | 'day'>): ItemJson | null {
  const id = state.timer?.itemId;
  if (!id) return null;
  return state.current.find((i) => i.id === id) ?? state.day.find((i) => i.id === id) ?? null;
}

/**
 * "Start now" (timer.start) starts the item on now from this instant: offered while the clock simply follows the
 * schedule, or when nothing is on (it starts the next item). Once someone runs the timer it would be refused
 * (reset first); a paused one is resumed by the Resume button.
 */
export function canStart(timer: TimerJson | null): boolean {
  return timer === null || timer.source === 'schedule';
}

/** The transport's main button: what pressing it does now. */
export function transportAction(timer: TimerJson | null): 'timer.pause' | 'timer.resume' | null {
  if (!timer) return null;
  return timer.running ? 'timer.pause' : 'timer.resume';
}

/** What "Start now" would restart, when it restarts something: the item already on, from its full length (40:00). */
export function restartFrom(
  state: Pick<StateJson, 'startNow'>,
): { itemId: string; title: string; fromSeconds: number } | null {
  return state.startNow?.restarts ? state.startNow : null;
}

/**
 * The instant the panel's "ends at" names. Run past its zero, running or paused, it is when its time was up (stage.ts
 * timeUpAt, as the program row's end and the chair's zero): a paused timer's `endsAt` is "if resumed at the state's
 * instant", which in overtime moved a minute with each state (it read "ends at 10:13", then "10:18", for a talk whose
 * time was up at 10:10). Otherwise it is the state's `endsAt`: the zero of a running timer; for a timer paused with
 * time left, when it would end if resumed at the last state's instant, a projection the server moves a minute later
 * with each state it sends (every minute while paused), as the items after it slide.
 */
export function timerEndsAt(
  state: Pick<
    StateJson,
    'at' | 'timer' | 'delayMinutes' | 'next' | 'later' | 'stage' | 'nextStart' | 'late' | 'current'
  >,
  now: number,
): number | null {
  const timer = state.timer;
  return timer ? (timeUpAt(state, timer.itemId, now) ?? timer.endsAtMs) : null;
}
