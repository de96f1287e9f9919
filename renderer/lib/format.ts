// Times and durations as screens show them: always in the program's zone, in the view's language. The browser's Intl
// does the time-zone work (no date library in the views: it was most of what a screen downloaded).
import type { Lang } from '../../core/schedule/kinds.ts';

const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

/** Intl formatters are costly to make: one per zone, language and shape, kept (a screen uses a handful). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

const NUMERIC: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
};

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The parts of the last date formatted into parts. Each part is an object `{ type, value }` whose hidden class (map) V8
 * makes by adding the two fields to a plain object; a map that no live object has is dropped at the next garbage
 * collection, and with it the optimised code of every function that read such parts (this file's, run at every tick
 * of a screen), compiled again afterwards with a new map, day after day (docs/performance.md, "Optimised code that a
 * garbage collection drops"). Keeping the last parts alive keeps their map, and that code, for good.
 */
let keptParts: Intl.DateTimeFormatPart[] = [];
function partsOf(format: Intl.DateTimeFormat, at: number): Intl.DateTimeFormatPart[] {
  keptParts = format.formatToParts(at);
  return keptParts;
}

/** The wall-clock reading in `zone` at an instant. */
export function wallTime(at: number, zone: string): WallTime {
  // Read into locals, not into an object grown field by field (its maps too would die at each collection).
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const p of partsOf(formatter(zone, 'en-US', NUMERIC), at)) {
    switch (p.type) {
      case 'year':
        year = Number(p.value);
        break;
      case 'month':
        month = Number(p.value);
        break;
      case 'day':
        day = Number(p.value);
        break;
      case 'hour':
        hour = Number(p.value) % 24;
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'second':
        second = Number(p.value);
        break;
    }
  }
  return { year, month, day, hour, minute, second };
}

/** How far `zone` is ahead of UTC at an instant, in ms (+2 h in Paris in summer). */
export function zoneOffsetMs(at: number, zone: string): number {
  const w = wallTime(at, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock reading in `zone` names, or null when that reading does not exist there (skipped by a
 * summer-time change). Of two instants (the hour repeated in autumn), the first.
 */
export function instantOf(w: WallTime, zone: string): number | null {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // The offset can only be one of the offsets a few hours either side: try each, keep those that read back right.
  const candidates = [
    ...new Set([
      zoneOffsetMs(asUtc - 86_400_000 / 2, zone),
      zoneOffsetMs(asUtc, zone),
      zoneOffsetMs(asUtc + 86_400_000 / 2, zone),
    ]),
  ]
    .map((offset) => asUtc - offset)
    .filter((at) => {
      const back = wallTime(at, zone);
      return (
        back.year === w.year &&
        back.month === w.month &&
        back.day === w.day &&
        back.hour === w.hour &&
        back.minute === w.minute
      );
    })
    .sort((a, b) => a - b);
  return candidates[0] ?? null;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "10:50" from an ISO instant or epoch ms, in `zone`. */
export function clockTime(at: string | number, zone: string): string {
  const w = wallTime(typeof at === 'number' ? at : Date.parse(at), zone);
  return `${two(w.hour)}:${two(w.minute)}`;
}

/** "Monday 29 June" / "lundi 29 juin". */
export function dayLine(at: number, zone: string, lang: Lang): string {
  const parts = partsOf(formatter(zone, LOCALE[lang], DAY_LINE), at);
  return `${partOf(parts, 'weekday')} ${partOf(parts, 'day')} ${partOf(parts, 'month')}`;
}

// The helpers of what a screen formats all day are module functions, not closures made at each call: each such
// closure is a new function that V8 compiles again after every garbage collection (docs/performance.md).
const DAY_LINE: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };

function partOf(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  for (const p of parts) if (p.type === type) return p.value;
  return '';
}

/** A countdown: "39:59", "1:05:00"; at zero and below it counts up, "+0:05". Whole seconds, rounded up. */
export function countdown(remainingMs: number): string {
  const over = remainingMs <= 0;
  const total = over ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  const body = `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
  return over ? `+${body}` : body;
}

/** "25 min", "1 h 05", "45 s": a duration for a sentence (the same in English and French). */
export function shortDuration(ms: number, _lang?: Lang): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  // Rounded up like a countdown, with a second's grace for clock noise: 40:00.4 left still reads "40 min".
  const minutes = Math.ceil((seconds - 1) / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

/** The language a view was asked for (?lang=fr), English otherwise. */
export function langFrom(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'fr' ? 'fr' : 'en';
}
