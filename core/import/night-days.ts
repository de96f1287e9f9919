// When the days of an imported schedule end: the program's dayChange, for an event whose days run past midnight.
// One function for every importer: frab/pretalx (days listed, their ends, and the conference's own day_change),
// Indico and iCalendar (no days: an event's night is the evening it continues).
import { programDay, zoneOffset } from '../time.ts';

/** A day as the schedule lists it: its date and, when given, its end (`day_end`, ISO with offset). */
export interface FrabDay {
  index: number;
  date: string | null;
  /** When the day ends, as an instant (null when the schedule does not say or it cannot be read). */
  end: number | null;
}

/** An event once placed in time, with the date of the day it is listed under (null: the source lists no days). */
export interface PlacedEvent {
  dayDate: string | null;
  title: string;
  start: number;
  end: number;
}

export interface NightDays {
  /** "03:00": the program's dayChange; null: days are calendar dates. */
  dayChange: string | null;
  /** What the import report says about it (none when nothing runs past midnight and nothing was stated). */
  notes: string[];
}

/** Past this time of the next morning, an end says nothing about a night (a 26-hour hackathon ends the next evening). */
const NOON = 12 * 60;

/**
 * The day change a schedule needs. Needed when an event of a day starts or ends after its midnight, by noon the
 * next morning; then:
 * - the schedule's own day change (frab's `conference.day_change`, `stated`) when every event then counts on the day
 *   it is listed under;
 * - else the latest such time, of the events and of the days' own ends (`day_end`), rounded up to the hour: "03:00"
 *   for days that end at 03:00, "04:00" for pretalx's 03:59.
 * With nothing past midnight, none (days are calendar dates, as before), whatever the schedule states: FOSDEM's
 * "09:00" would make the screens count 08:30 on Sunday as Saturday.
 */
export function nightDayChange(
  events: PlacedEvent[],
  zone: string,
  options: { days?: FrabDay[]; stated?: string | null } = {},
): NightDays {
  const notes: string[] = [];
  const stated = options.stated ? readDayChange(options.stated) : null;
  if (options.stated && stated === null) {
    notes.push(
      `the schedule's day_change "${options.stated}" is not used: a day change is a time from "00:00" to "12:00"`,
    );
  }
  let needed = -1;
  let why = '';
  const consider = (minutes: number, reason: () => string) => {
    if (minutes > needed) {
      needed = minutes;
      why = reason();
    }
  };
  let night = false;
  let firstNight = '';
  for (const e of events) {
    if (!isDate(e.dayDate)) continue;
    const start = minutesIntoNight(e.dayDate, e.start, zone);
    const end = minutesIntoNight(e.dayDate, e.end, zone);
    // A start at 01:00 needs the day to change after 01:00; an end at 01:00 (ends are exclusive) at 01:00 or later.
    if (!night && ((start !== null && start >= 0) || (end !== null && end > 0))) {
      firstNight =
        start !== null && start >= 0
          ? `"${e.title}" starts ${wallText(e.start, zone)}`
          : `"${e.title}" ends ${wallText(e.end, zone)}`;
    }
    if (start !== null && start >= 0) {
      night = true;
      consider(start + 1, () => `"${e.title}" starts ${wallText(e.start, zone)}`);
    }
    if (end !== null && end > 0) {
      night = true;
      consider(end, () => `"${e.title}" ends ${wallText(e.end, zone)}`);
    }
  }
  if (!night) {
    if (stated !== null && stated !== 0) {
      notes.push(
        `the schedule's day_change "${clock(stated)}" is not used: nothing runs past midnight, so the days are calendar dates (screens say "today" from midnight)`,
      );
    }
    return { dayChange: null, notes };
  }
  if (stated !== null) {
    const moved = misplaced(events, zone, stated);
    if (moved.length === 0) {
      notes.push(
        `the days run past midnight (${firstNight}): dayChange "${clock(stated)}", the schedule's own day_change`,
      );
      return { dayChange: stated === 0 ? null : clock(stated), notes };
    }
    const first = moved[0]!;
    const later = programDay(first.start, zone, stated) > first.dayDate!;
    notes.push(
      `the schedule's day_change "${clock(stated)}" is not used: "${first.title}" (${wallText(first.start, zone)}, listed on ${first.dayDate}) would count on the ${later ? 'next day' : 'day before'}${moved.length > 1 ? ` (and ${moved.length - 1} more)` : ''}`,
    );
  }
  for (const day of options.days ?? []) {
    if (!isDate(day.date) || day.end === null) continue;
    const end = minutesIntoNight(day.date, day.end, zone);
    if (end !== null && end > 0) consider(end, () => `day ${day.index} ends ${wallText(day.end!, zone)}`);
  }
  const minutes = Math.min(NOON, Math.ceil(needed / 60) * 60);
  const dayChange = clock(minutes);
  let note = `the days run past midnight (${why}): dayChange set to "${dayChange}", so a talk at 01:00 belongs to the day before`;
  const moved = misplaced(events, zone, minutes);
  if (moved.length > 0) {
    const first = moved[0]!;
    note += `; ${moved.length} event${moved.length === 1 ? '' : 's'} then count${moved.length === 1 ? 's' : ''} on another day than the one ${moved.length === 1 ? 'it is' : 'they are'} listed under (first: "${first.title}", ${wallText(first.start, zone)}, listed on ${first.dayDate})`;
  }
  notes.push(note);
  return { dayChange, notes };
}

/** Minutes after midnight of a stated day change, "04:00" or frab's "04:00:00" (seconds round up); null if unusable. */
function readDayChange(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]) + (Number(m[3] ?? 0) > 0 ? 1 : 0);
  return minutes <= NOON ? minutes : null;
}

/** The minutes after midnight a stated day change gives, for placing a bare "01:00" (null when unusable). */
export function statedDayChange(text: string | null): number | null {
  return text ? readDayChange(text) : null;
}

/** The events listed under a day that would count on another with days changing `minutes` after midnight. */
function misplaced(events: PlacedEvent[], zone: string, minutes: number): PlacedEvent[] {
  return events.filter((e) => isDate(e.dayDate) && programDay(e.start, zone, minutes) !== e.dayDate);
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const isDate = (d: string | null): d is string => d !== null && /^\d{4}-\d{2}-\d{2}$/.test(d);

/**
 * Minutes after the midnight that ends `date` (the wall clock in `zone`) at which `at` falls, when it is that night
 * or the next morning by noon; null otherwise (during the day itself, or later).
 */
function minutesIntoNight(date: string, at: number, zone: string): number | null {
  const nextMidnight = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  if (!Number.isFinite(nextMidnight)) return null;
  const minutes = Math.round((at + zoneOffset(zone, at) * 60_000 - nextMidnight) / 60_000);
  return minutes >= 0 && minutes <= NOON ? minutes : null;
}

/** "28 December 01:00": the wall clock of an instant in `zone`. */
function wallText(at: number, zone: string): string {
  const wall = new Date(at + zoneOffset(zone, at) * 60_000);
  const month = wall.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${wall.getUTCDate()} ${month} ${wall.toISOString().slice(11, 16)}`;
}
