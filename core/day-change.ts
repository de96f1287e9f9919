// Which day of the event an instant belongs to, from the program's dayChange: one rule for the engine
// (core/time.ts, with luxon's zone offsets) and the views (renderer/lib/days.ts, with the browser's Intl), so this
// file imports nothing and keeps luxon out of the views' bundle.

/** The program zone's UTC offset in minutes at an instant. */
export type OffsetAt = (at: number) => number;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** No zone has put its clocks back by more than this. */
const LONGEST_SETBACK = 3 * HOUR;

/** Minutes after midnight of a program's `dayChange` ("05:00" → 300); 0, midnight, when absent or unreadable. */
export function dayChangeMinutes(dayChange: string | undefined | null): number {
  const m = dayChange ? /^(\d{2}):(\d{2})$/.exec(dayChange) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/**
 * "2026-06-29": the day of the event `at` belongs to, days changing `dayChange` minutes after midnight of the wall
 * clock (with 0, the calendar date): with days changing at 05:00, 01:00 on the 30th is still the night of the 29th.
 * Where the clocks go back over the day change (02:30 on the night summer time ends in Paris, when 02:00-02:59
 * happens twice), the day changes at the first 02:30 and stays changed through the repeated hour: the wall clock
 * counts as the latest it has shown.
 */
export function eventDayOf(at: number, dayChange: number, offsetAt: OffsetAt): string {
  const offset = offsetAt(at);
  const shifted = at + (offset - dayChange) * MINUTE;
  const day = isoDate(shifted);
  if (dayChange === 0) return day;
  // Only in the hours just before a day change by the wall clock can the clock have shown it already.
  const sinceChange = ((shifted % DAY) + DAY) % DAY;
  if (sinceChange < DAY - LONGEST_SETBACK) return day;
  if (offsetAt(at - LONGEST_SETBACK) <= offset) return day;
  // The clocks went back within those hours: the day as the last instant before they did.
  // Clocks change on a whole minute of UTC: search whole minutes, from one on the old offset to one on the new.
  let before = Math.floor((at - LONGEST_SETBACK) / MINUTE) * MINUTE;
  let after = Math.ceil(at / MINUTE) * MINUTE;
  while (after - before > MINUTE) {
    const mid = before + Math.floor((after - before) / 2 / MINUTE) * MINUTE;
    if (offsetAt(mid) === offset) after = mid;
    else before = mid;
  }
  const last = after - 1;
  const dayBefore = isoDate(last + (offsetAt(last) - dayChange) * MINUTE);
  return dayBefore > day ? dayBefore : day;
}

const isoDate = (shifted: number): string => new Date(shifted).toISOString().slice(0, 10);
