// Venue wall-clock times on the console: the clock in the header, and a message's "until" typed as HH:MM.
import { instantOf, wallTime, zoneOffsetMs } from '../../lib/format.ts';

export type UntilParse =
  { ok: true; iso: string | undefined } | { ok: false; problem: 'format' | 'past' | 'gap'; time: string };

/** Tomorrow's date of a venue day (calendar arithmetic in UTC, whatever the machine's zone). */
function nextDay(d: { year: number; month: number; day: number }): { year: number; month: number; day: number } {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** Up to this far ahead, a time past today is read as tomorrow's (00:15 typed at 23:50 in a night session). */
const TOMORROW_WITHIN_MS = 12 * 3_600_000;

/**
 * `time` ("10:30", from an <input type="time">) on the venue's day of `now`, in `zone`, as ISO 8601 with the zone's
 * offset and seconds ("2026-06-29T10:30:00+02:00"). Empty: no until. A time already past today is tomorrow's when
 * that is at most 12 hours away (after midnight); otherwise it, or a time skipped by a summer-time change, is
 * refused rather than moved: the operator sees why and types another.
 */
export function untilIso(time: string, now: number, zone: string): UntilParse {
  const text = time.trim();
  if (text === '') return { ok: true, iso: undefined };
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text);
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) return { ok: false, problem: 'format', time: text };
  const label = `${String(hour).padStart(2, '0')}:${m[2]}`;
  const day = wallTime(now, zone);
  const at = instantOf({ year: day.year, month: day.month, day: day.day, hour, minute, second: 0 }, zone);
  if (at !== null && at > now) return { ok: true, iso: isoWithOffset(at, zone) };
  // The night summer time ends, the clock shows 02:00–03:00 twice: the second 02:30 may still come.
  const again = at === null ? null : secondTime(at, zone);
  if (again !== null && again > now) return { ok: true, iso: isoWithOffset(again, zone) };
  const next = nextDay(day);
  const tomorrow = instantOf({ ...next, hour, minute, second: 0 }, zone);
  if (tomorrow !== null && tomorrow - now <= TOMORROW_WITHIN_MS)
    return { ok: true, iso: isoWithOffset(tomorrow, zone) };
  if (at === null) return { ok: false, problem: 'gap', time: label };
  // Tonight's, but skipped by the change to summer time (02:30 typed at 23:50): it is a gap, not a time past today.
  const wallAhead =
    Date.UTC(next.year, next.month - 1, next.day, hour, minute) -
    Date.UTC(day.year, day.month - 1, day.day, day.hour, day.minute, day.second);
  if (tomorrow === null && wallAhead <= TOMORROW_WITHIN_MS) return { ok: false, problem: 'gap', time: label };
  return { ok: false, problem: 'past', time: label };
}

/** The instant after `at` with the same wall time, when the clock goes back over it the same day (else null). */
function secondTime(at: number, zone: string): number | null {
  const back = zoneOffsetMs(at, zone) - zoneOffsetMs(at + TOMORROW_WITHIN_MS, zone);
  if (back <= 0) return null;
  const was = wallTime(at, zone);
  const then = wallTime(at + back, zone);
  return then.day === was.day && then.hour === was.hour && then.minute === was.minute ? at + back : null;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-06-29T10:30:00+02:00": the wall time in `zone` with that zone's offset then. */
function isoWithOffset(at: number, zone: string): string {
  const w = wallTime(at, zone);
  const offsetMin = Math.round(zoneOffsetMs(at, zone) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** "10:05:12": the show clock in the venue's zone, with seconds (the operator times things to the second). */
export function venueClock(now: number, zone: string): string {
  const w = wallTime(now, zone);
  return `${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}
