// How far along an item is and how long it has left, counted locally from the state (the server does not tick).
import type { TimerJson } from '../../../core/contract/state.ts';
import type { ItemJson } from '../../../core/schedule/screen-json.ts';

/** Context key: a function giving the show clock's speed (1, or a rehearsal's), for what moves by itself. */
export const CLOCK_SPEED = Symbol('clock speed');

export interface ItemProgress {
  /** When the item ends as things stand: the running timer's end, else the item's (live) end. */
  endMs: number;
  /** Negative once past the end. */
  remainingMs: number;
  /** 0 at the start, 1 at the end (clamped). */
  fraction: number;
  paused: boolean;
}

/** The countdown of `item` at `now`: from the timer when it times this item (a paused one is frozen), else from the end. */
export function itemProgress(
  item: Pick<ItemJson, 'id' | 'start' | 'end'>,
  timer: TimerJson | null,
  now: number,
): ItemProgress {
  const startMs = Date.parse(item.start);
  const timed = timer !== null && timer.itemId === item.id;
  const paused = timed && !timer.running;
  const remainingMs = timed
    ? timer.running
      ? timer.endsAtMs - now
      : timer.remainingSeconds * 1000
    : Date.parse(item.end) - now;
  const endMs = now + remainingMs;
  const length = endMs - startMs;
  const fraction = length <= 0 ? 1 : Math.min(1, Math.max(0, (now - startMs) / length));
  return { endMs, remainingMs, fraction, paused };
}

/** Milliseconds until `item` starts (negative once started). */
export function untilStart(item: Pick<ItemJson, 'start'>, now: number): number {
  return Date.parse(item.start) - now;
}
