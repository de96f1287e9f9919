// The console's three "back to normal" buttons do different things: each is named by what it does, and says what
// will change before it is pressed (the planned end it restores, the item the clock has on, NEXT's planned start).
import type { StateJson } from '../../../core/contract/state.ts';
import type { ItemJson } from '../../../core/schedule/screen-json.ts';
import { clockTime } from '../../lib/format.ts';
import { timedItem } from './timer-view.ts';

/** The program's own times of an item (its `start`/`end` are the live ones). */
export function planned(item: ItemJson): { start: string; end: string } {
  return { start: item.plannedStart, end: item.plannedEnd };
}

/** timer.reset: the timed item ends at its planned time again ("10:10"), null when nothing is timed. */
export function plannedEndOfTimer(state: StateJson): string | null {
  const item = timedItem(state);
  return item ? clockTime(planned(item).end, state.timezone) : null;
}

/** follow: what the program has on at `now` in this room (planned times), which the screens will show. */
export function clockItem(state: Pick<StateJson, 'day'>, now: number): ItemJson | null {
  return (
    state.day.find((item) => {
      const p = planned(item);
      return Date.parse(p.start) <= now && now < Date.parse(p.end) && !item.location;
    }) ?? null
  );
}

/**
 * delay.set 0: when NEXT starts once AV's delay is cleared: its planned time ("10:10"), or later when a timer's own
 * lateness stays (+5 min given: "10:15"). `asPlanned` says which.
 */
export function nextWithoutDelay(state: StateJson): { time: string; asPlanned: boolean } | null {
  if (!state.next) return null;
  const without = state.late.withoutDeclaredMs;
  return {
    time: clockTime(Date.parse(state.next.plannedStart) + without, state.timezone),
    asPlanned: without === 0,
  };
}
