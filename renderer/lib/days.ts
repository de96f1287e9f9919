// Days of the event in the program's zone, whatever the machine's: which day an instant belongs to, counted from the
// program's day change ("05:00": the 01:00 talk of a congress night is still that day's).
import { dayLine, wallTime } from './format.ts';
import type { Lang } from '../../core/schedule/kinds.ts';

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
export function dayChangeOf(text: string | undefined | null): number {
  const m = text ? /^(\d{2}):(\d{2})$/.exec(text) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/**
 * "2026-06-29": the day of the event an instant belongs to in `zone`, days changing `dayChange` minutes after
 * midnight (by the wall clock, so the nights the clocks change are no different). With 0, the calendar date.
 */
export function eventDay(at: number, zone: string, dayChange: number): string {
  if (dayChange === 0) return localDate(at, zone);
  const w = wallTime(at, zone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute - dayChange)).toISOString().slice(0, 10);
}

/** Days from the day `from` to the day `to` ("2026-06-29" → "2026-06-30": 1). */
export function daysApart(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "Tuesday 30 June" / "mardi 30 juin" of a day of the event, "2026-06-30" (the day's own name, not a night's date). */
export function dayName(day: string, lang: Lang): string {
  return dayLine(Date.parse(`${day}T12:00:00Z`), 'UTC', lang);
}
