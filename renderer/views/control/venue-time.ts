// Venue wall-clock times on the console: the clock in the header, and a message's "until" typed as HH:MM.
import { DateTime } from 'luxon';

export type UntilParse =
  { ok: true; iso: string | undefined } | { ok: false; problem: 'format' | 'past' | 'gap'; time: string };

/**
 * `time` ("10:30", from an <input type="time">) on the venue's day of `now`, in `zone`, as ISO 8601 with the zone's
 * offset and seconds ("2026-06-29T10:30:00+02:00"). Empty: no until. A time already past today, or skipped by a
 * summer-time change, is refused rather than moved: the operator sees why and types another.
 */
export function untilIso(time: string, now: number, zone: string): UntilParse {
  const text = time.trim();
  if (text === '') return { ok: true, iso: undefined };
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text);
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) return { ok: false, problem: 'format', time: text };
  const label = `${String(hour).padStart(2, '0')}:${m[2]}`;
  const day = DateTime.fromMillis(now, { zone });
  const at = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute, second: 0, millisecond: 0 },
    { zone },
  );
  if (at.hour !== hour || at.minute !== minute) return { ok: false, problem: 'gap', time: label };
  if (at.toMillis() <= now) return { ok: false, problem: 'past', time: label };
  return { ok: true, iso: at.toISO({ suppressMilliseconds: true })! };
}

/** "10:05:12": the show clock in the venue's zone, with seconds (the operator times things to the second). */
export function venueClock(now: number, zone: string): string {
  return DateTime.fromMillis(now, { zone }).toFormat('HH:mm:ss');
}
