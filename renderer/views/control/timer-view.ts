// The timer as the console shows it, computed locally from the last state and the show clock.
import type { StateJson, TimerJson } from '../../../core/contract/state.ts';
import { timerPhase, type TimerPhase } from '../../../core/live/timer-phase.ts';
import type { ItemJson } from '../../../core/schedule/screen-json.ts';

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
