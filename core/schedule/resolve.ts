// The schedule engine: what a room's screen shows at an instant. Start inclusive, end exclusive.
import { programDay, type DayClock, type Instant } from '../time.ts';
import { isBreakKind } from './kinds.ts';
import type { RoomIndex, Timeline, TimelineItem } from './timeline.ts';

export const PHASES = ['before-event', 'in-session', 'in-break', 'between-days', 'after-event'] as const;
export type Phase = (typeof PHASES)[number];

export interface Screen {
  at: Instant;
  room: string;
  phase: Phase;
  /** Every item on now, in time order (overlapping items are all current). */
  current: TimelineItem[];
  /** The first item to start after `at`: in this room, or away from the rooms for everyone (the dinner). */
  next: TimelineItem | null;
  /** The rest of the next item's day after it. */
  later: TimelineItem[];
}

export class UnknownRoomError extends Error {
  constructor(
    readonly room: string,
    readonly known: string[],
  ) {
    super(`unknown room "${room}" (rooms: ${known.join(', ')})`);
  }
}

export function resolveScreen(timeline: Timeline, room: string, at: Instant): Screen {
  const index = timeline.rooms.get(room);
  if (!index) throw new UnknownRoomError(room, [...timeline.rooms.keys()]);
  return resolveInIndex(index, timeline, room, at);
}

/** The same lookup on any room index, e.g. one whose times the live adjustments moved; `days` says when days change. */
export function resolveInIndex(index: RoomIndex, days: DayClock, room: string, at: Instant): Screen {
  const { items, maxEnd } = index;

  const firstAfter = upperBound(items, at); // items[0..firstAfter) have started
  const current: TimelineItem[] = [];
  for (let j = firstAfter - 1; j >= 0 && maxEnd[j]! > at; j--) {
    if (items[j]!.end > at) current.push(items[j]!);
  }
  current.reverse();

  const next = items[firstAfter] ?? null;
  const later: TimelineItem[] = [];
  if (next) {
    for (let j = firstAfter + 1; j < items.length && items[j]!.day === next.day; j++) later.push(items[j]!);
  }

  let phase: Phase;
  if (current.length > 0) phase = current.every((i) => isBreakKind(i.kind)) ? 'in-break' : 'in-session';
  else if (!next) phase = 'after-event';
  else if (firstAfter === 0) phase = 'before-event';
  else {
    const lastDay = programDay(maxEnd[firstAfter - 1]! - 1, days.zone, days.dayChange);
    phase = lastDay === next.day ? 'in-break' : 'between-days';
  }

  return { at, room, phase, current, next, later };
}

/** Index of the first item that starts after `at`. */
function upperBound(items: TimelineItem[], at: Instant): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
