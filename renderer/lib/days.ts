// Days of the event in the program's zone, whatever the machine's: which day an instant belongs to, counted from the
// program's day change ("05:00": the 01:00 talk of a congress night is still that day's).
import { dayLine, wallTime } from './format.ts';
import type { Lang } from '../../core/schedule/kinds.ts';
import { dayChangeMinutes, eventDayOf } from '../../core/day-change.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** "2026-06-30": the calendar date of an instant in `zone`. */
export function localDate(at: number, zone: string): string {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(zone, format);
  }
  return format.format(at);
}

/** Minutes after midnight of the state's `dayChange` ("05:00" → 300); 0 (midnight) when absent or unreadable. */
export const dayChangeOf = dayChangeMinutes;

/**
 * "2026-06-29": the day of the event an instant belongs to in `zone`, days changing `dayChange` minutes after
 * midnight: core's rule (`eventDayOf`, shared with the engine's `programDay`), on the browser's offsets. With 0,
 * the calendar date.
 */
export function eventDay(at: number, zone: string, dayChange: number): string {
  if (dayChange === 0) return localDate(at, zone);
  return eventDayOf(at, dayChange, (t) => zoneOffsetMinutes(t, zone));
}

/** The zone's UTC offset in minutes at an instant, from its wall clock. */
function zoneOffsetMinutes(at: number, zone: string): number {
  const w = wallTime(at, zone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

/** Days from the day `from` to the day `to` ("2026-06-29" → "2026-06-30": 1). */
export function daysApart(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "Tuesday 30 June" / "mardi 30 juin" of a day of the event, "2026-06-30" (the day's own name, not a night's date). */
export function dayName(day: string, lang: Lang): string {
  return dayLine(Date.parse(`${day}T12:00:00Z`), 'UTC', lang);
}
