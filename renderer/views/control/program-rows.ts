// The rows of today's program as the operator sees them: which is on, which is next, and which jumps need a second tap.
import type { ItemJson } from '../../../core/schedule/screen-json.ts';

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

/** "Jack Dongarra, Yutong Lu". */
export function speakerNames(item: ItemJson): string {
  return item.speakers.map((s) => s.name).join(', ');
}
