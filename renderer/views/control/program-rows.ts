// The rows of today's program as the operator sees them: which is on, which is next, and which jumps need a second tap.
import type { StateJson } from '../../../core/contract/state.ts';
import { isBreakKind } from '../../../core/schedule/kinds.ts';
import type { ItemJson } from '../../../core/schedule/screen-json.ts';
import { afterCurrent, nextInRoom, overtimeMs, timeUpAt } from '../../lib/stage.ts';

export type RowState = 'current' | 'next' | 'done' | 'upcoming';

/** Jumping to an item starting more than this far from now (either way) asks for a second tap. */
export const FAR_MS = 60 * 60_000;

export interface DayMarks {
  current: { id: string }[];
  next: { id: string } | null;
}

/** The server decides what is on and next; the clock only tells finished rows from the rest. */
export function rowState(item: ItemJson, marks: DayMarks, now: number): RowState {
  if (marks.current.some((c) => c.id === item.id)) return 'current';
  if (marks.next?.id === item.id) return 'next';
  return Date.parse(item.end) <= now ? 'done' : 'upcoming';
}

/**
 * A tap that would do something drastic asks for a second one: restarting what is on, or a jump far from now
 * (a mis-tap while scrolling on a tablet). Jumping to the next item, or one close to now, is immediate.
 */
export function needsConfirm(item: ItemJson, state: RowState, now: number): boolean {
  if (state === 'current') return true;
  if (state === 'next') return false;
  return Math.abs(Date.parse(item.start) - now) > FAR_MS;
}

type StageState = Pick<
  StateJson,
  'at' | 'timer' | 'delayMinutes' | 'next' | 'later' | 'stage' | 'nextStart' | 'late' | 'nextInRoom' | 'current'
>;

/** The times a row shows, and what it says beside them while the item on stage runs over. */
export interface RowTimes {
  start: string | number;
  end: string | number;
  /** How long it has run past its time (counted on with the clock), null when it has not. */
  overMs: number | null;
  /** Its planned times, shown while the item on stage is held past its time and this row follows it. */
  planned: boolean;
  /** It is the item that waits for the one held on stage: "after this talk", or "after the break". */
  after: 'talk' | 'break' | null;
}

/**
 * A row's times: its live ones, but never a time that moves with the clock. Run past its time (held on stage, or in
 * the very same slot as the item held, or not held until the next item starts), it ends when its time was up (stage.ts
 * timeUpAt: the timer's "ends at 10:10", the chair's zero) and runs over: "09:30–10:10 · running 7 min over", not
 * "09:30–10:17", whose end is only the instant of the last state. While it is held (NEXT waits "after this talk,
 * planned 10:10", `nextStart.afterCurrent`) the live times of what follows are only projections from that instant
 * (10:12, then 10:13…): each row still to come reads its planned times instead, as the door's day list does, and the
 * item waiting for it says "after this talk" (the chair's "after this talk (planned 10:10)"), or "after the break"
 * when a break or a meal is held. The "Running late" panel says how late the room runs.
 */
export function rowTimes(item: ItemJson, state: StageState, now: number): RowTimes {
  const overMs = overtimeMs(state, item.id, now);
  if (overMs !== null)
    return { start: item.start, end: timeUpAt(state, item.id, now)!, overMs, planned: false, after: null };
  const live: RowTimes = { start: item.start, end: item.end, overMs: null, planned: false, after: null };
  if (afterCurrent(state) === null || state.current.some((c) => c.id === item.id) || Date.parse(item.end) <= now)
    return live;
  const onStage = state.current.find((c) => c.id === state.stage.itemId);
  const after = nextInRoom(state)?.id !== item.id ? null : onStage && isBreakKind(onStage.kind) ? 'break' : 'talk';
  return { start: item.plannedStart, end: item.plannedEnd, overMs: null, planned: true, after };
}

/**
 * A day's rows as the console lists them: each item's state and times (`rowState`, `rowTimes`), in the server's order,
 * except that rows showing their planned times (an item held past its time) are in the order of those times, in the
 * places such rows take: the lunch away at 12:40 never comes before a talk planned at 12:00 whose projected start
 * passed it. The rows on now and the finished ones stay where they are.
 */
export function programRows(
  items: readonly ItemJson[],
  state: StageState,
  now: number,
): { item: ItemJson; state: RowState; times: RowTimes }[] {
  const rows = items.map((item) => ({ item, state: rowState(item, state, now), times: rowTimes(item, state, now) }));
  const slots = rows.flatMap((r, i) => (r.times.planned ? [i] : []));
  const sorted = slots.map((i) => rows[i]!).sort((a, b) => instant(a.times.start) - instant(b.times.start));
  slots.forEach((slot, k) => (rows[slot] = sorted[k]!));
  return rows;
}

const instant = (t: string | number): number => (typeof t === 'number' ? t : Date.parse(t));

/** "Jack Dongarra, Yutong Lu". */
export function speakerNames(item: ItemJson): string {
  return item.speakers.map((s) => s.name).join(', ');
}
