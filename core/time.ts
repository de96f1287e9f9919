// Time at the edges: local date-times of a program's zone to instants and back, with luxon, whatever the machine's TZ.
import { DateTime, IANAZone } from 'luxon';
import { dayChangeMinutes, eventDayOf } from './day-change.ts';

export type Instant = number; // epoch milliseconds

export function isKnownZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * A zone as people read it. IANA's fixed-offset ids reverse the sign ("Etc/GMT-1" is UTC+01:00, an hour ahead), so
 * they are shown as the offset; "Etc/UTC" and "Etc/GMT" as "UTC"; a named zone (Europe/Paris) as it is.
 */
export function zoneLabel(zone: string): string {
  if (/^Etc\/(UTC|UCT|GMT|Zulu|Universal|Greenwich)$/.test(zone) || zone === 'UTC') return 'UTC';
  const fixed = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (!fixed) return zone;
  // The id's sign is the reverse of the offset's.
  return `UTC${fixed[1] === '-' ? '+' : '−'}${fixed[2]!.padStart(2, '0')}:00`;
}

export type LocalParse = { ok: true; at: Instant } | { ok: false; reason: string };

const QUARTER_HOUR = 15 * 60_000;
const offsetCache = new Map<string, number>();

/**
 * The zone's UTC offset in minutes at an instant. Real zones change offset only on quarter hours of UTC, so the
 * answer is cached per quarter hour: loading a program of thousands of items asks Intl a few dozen times, not 10,000.
 */
export function zoneOffset(zone: string, at: Instant): number {
  const key = `${zone}|${Math.floor(at / QUARTER_HOUR)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = IANAZone.create(zone).offset(at);
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads "2026-06-29T09:30" as a wall-clock time in `zone`. Refuses dates that do not exist (2026-02-30) and
 * times skipped by a summer-time change (02:30 on the last Sunday of March in Paris) instead of shifting them.
 * A time that happens twice (autumn) is read with the later, winter offset.
 */
export function parseLocal(text: string, zone: string): LocalParse {
  const m = LOCAL.exec(text);
  const invalid = { ok: false as const, reason: `"${text}" is not a valid date-time` };
  if (!m) return invalid;
  const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return invalid;
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec);
  if (new Date(wall).getUTCDate() !== d) return invalid; // 30 February rolls over into March
  let at = wall - zoneOffset(zone, wall) * 60_000;
  at = wall - zoneOffset(zone, at) * 60_000;
  if (at + zoneOffset(zone, at) * 60_000 !== wall) {
    return { ok: false, reason: `"${text}" does not exist in ${zone} (clocks skip it for summer time)` };
  }
  // West of Greenwich the guess above lands on the first of two; the rule is the later one, everywhere.
  const [, later] = wallInstants(wall, at, zone);
  return { ok: true, at: later ?? at };
}

/** The instants (one, or two in the repeated hour, in order) whose clock in `zone` reads `wall`, near `near`. */
function wallInstants(wall: number, near: Instant, zone: string): Instant[] {
  const found = new Set<Instant>();
  for (const probe of [near - 6 * 3_600_000, near, near + 6 * 3_600_000]) {
    const candidate = wall - zoneOffset(zone, probe) * 60_000;
    if (candidate + zoneOffset(zone, candidate) * 60_000 === wall) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Whether a local date-time happens twice in `zone` (the hour repeated when clocks go back, 02:00–03:00 on the last
 * Sunday of October in Paris). parseLocal reads such a time as the second one; a program should be told.
 */
export function isRepeatedLocal(text: string, zone: string): boolean {
  const read = parseLocal(text, zone);
  if (!read.ok) return false;
  return wallInstants(read.at + zoneOffset(zone, read.at) * 60_000, read.at, zone).length > 1;
}

/** As `parseLocal`, but a time that happens twice is the first one (a day change happens at the first). */
function firstLocal(text: string, zone: string): LocalParse {
  const read = parseLocal(text, zone);
  if (!read.ok) return read;
  const [first] = wallInstants(read.at + zoneOffset(zone, read.at) * 60_000, read.at, zone);
  return { ok: true, at: first ?? read.at };
}

export type InstantParse = { ok: true; at: Instant } | { ok: false; reason: string };

/** An instant typed by a user: ISO 8601 with an offset or Z, or without one in the program's zone. */
export function parseInstant(text: string, zone: string): InstantParse {
  const trimmed = text.trim();
  const hasOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(trimmed) && /T/.test(trimmed);
  if (!hasOffset && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed)) {
    const local = parseLocal(trimmed.replace(/\.\d+$/, ''), zone);
    return local;
  }
  const dt = DateTime.fromISO(trimmed, { setZone: true });
  if (!dt.isValid || !hasOffset) {
    return {
      ok: false,
      reason: `"${text}" is not an instant: use ISO 8601 like 2026-06-29T10:55 (program time), 2026-06-29T10:55+02:00 or 2026-06-29T08:55Z`,
    };
  }
  return { ok: true, at: dt.toMillis() };
}

/**
 * "2026-06-29T09:30:00+02:00": an instant as ISO 8601 with the program zone's offset. Nothing is kept per instant: a
 * screen's clock passes a new one at every state (a cache of them grew for days; see `itemIsos` in
 * core/schedule/screen-json.ts for the item times a state repeats).
 */
export function isoInZone(at: Instant, zone: string): string {
  // Every state a screen receives has a few dozen of these: formatted from the cached offset rather than by a luxon
  // DateTime each (which asks Intl for the zone's parts every time). Luxon still answers what this does not cover.
  const offset = /^(utc|gmt)$/i.test(zone) ? null : zoneOffset(zone, at);
  if (offset === null || !Number.isInteger(offset) || !Number.isFinite(at)) return luxonIso(at, zone);
  const local = new Date(at + offset * 60_000);
  const year = local.getUTCFullYear();
  if (year < 1000 || year > 9999) return luxonIso(at, zone);
  const text = local.toISOString(); // "2026-06-29T07:30:00.000Z", read as the wall clock
  const ms = text.slice(19, 23) === '.000' ? '' : text.slice(19, 23);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${text.slice(0, 19)}${ms}${sign}${hh}:${mm}`;
}

function luxonIso(at: Instant, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}

/** "2026-06-29": the program-zone calendar date of an instant. */
export function localDate(at: Instant, zone: string): string {
  return new Date(at + zoneOffset(zone, at) * 60_000).toISOString().slice(0, 10);
}

/** "09:30": the program-zone wall-clock time of an instant. */
export function localTime(at: Instant, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat('HH:mm');
}

export { dayChangeMinutes };

/**
 * "2026-06-29": the day of the event an instant belongs to, counted in `zone` from the day change (minutes after
 * midnight): with days changing at 05:00, 01:00 on the 30th is still the night of the 29th. By wall clock, so the
 * night summer time begins is no different; where the clocks repeat the day change in autumn, the day changes at
 * the first one (`eventDayOf` in core/day-change.ts, shared with the views). With 0 it is the calendar date.
 */
export function programDay(at: Instant, zone: string, dayChange: number): string {
  return eventDayOf(at, dayChange, (t) => zoneOffset(zone, t));
}

/** What decides a program's days: its zone and when a day changes (minutes after midnight). */
export interface DayClock {
  zone: string;
  dayChange: number;
}

/**
 * The first instant after `at` that belongs to the next day of the event (see `programDay`): the day change of the
 * next morning in `zone`. Where the clocks skip that time (a day change at 02:30 on the night summer time begins),
 * the first instant after it; where they repeat it (the night summer time ends), the first of the two.
 */
export function nextDayChange(at: Instant, zone: string, dayChange: number): Instant {
  const today = programDay(at, zone, dayChange);
  const next = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000 + dayChange * 60_000).toISOString();
  const read = firstLocal(next.slice(0, 16), zone);
  if (read.ok && read.at > at && programDay(read.at - 1, zone, dayChange) === today) return read.at;
  // Skipped by the clocks, or read as the second of two: the minute the wall clock passes it.
  let t = Math.max(at, (read.ok ? read.at : Date.parse(next)) - 26 * 3_600_000);
  t = Math.floor(t / 60_000) * 60_000 + 60_000;
  while (programDay(t, zone, dayChange) === today) t += 60_000;
  return t;
}
