// When the days of a frab/pretalx schedule end: the program's dayChange, for a congress whose days run past midnight.
import { programDay, zoneOffset } from '../time.ts';

/** A day as the schedule lists it: its date and, when given, its end (`day_end`, ISO with offset). */
export interface FrabDay {
  index: number;
  date: string | null;
  /** When the day ends, as an instant (null when the schedule does not say or it cannot be read). */
  end: number | null;
}

/** An event once placed in time, with the date of the day it is listed under. */
export interface PlacedEvent {
  dayDate: string | null;
  title: string;
  start: number;
  end: number;
}

export interface NightDays {
  /** "03:00": the program's dayChange. */
  dayChange: string;
  /** What the import report says about it. */
  note: string;
}

/** Past this time of the next morning, an end says nothing about a night (a 26-hour hackathon ends the next evening). */
const NOON = 12 * 60;

/**
 * The day change a schedule needs, or null when its days end by midnight (then calendar dates are its days, as
 * before). Needed when an event listed under a day starts or ends after midnight, by noon the next morning; then it
 * is the latest such time, of the events and of the days' own ends (`day_end`), rounded up to the hour: "03:00" for
 * days that end at 03:00, "04:00" for pretalx's 03:59.
 */
export function nightDayChange(events: PlacedEvent[], days: FrabDay[], zone: string): NightDays | null {
  let needed = -1;
  let why = '';
  const consider = (minutes: number, reason: () => string) => {
    if (minutes > needed) {
      needed = minutes;
      why = reason();
    }
  };
  let night = false;
  for (const e of events) {
    if (!isDate(e.dayDate)) continue;
    const start = minutesIntoNight(e.dayDate, e.start, zone);
    const end = minutesIntoNight(e.dayDate, e.end, zone);
    // A start at 01:00 needs the day to change after 01:00; an end at 01:00 (ends are exclusive) at 01:00 or later.
    if (start !== null && start >= 0) {
      night = true;
      consider(start + 1, () => `"${e.title}" starts ${wallText(e.start, zone)}`);
    }
    if (end !== null && end > 0) {
      night = true;
      consider(end, () => `"${e.title}" ends ${wallText(e.end, zone)}`);
    }
  }
  if (!night) return null;
  for (const day of days) {
    if (!isDate(day.date) || day.end === null) continue;
    const end = minutesIntoNight(day.date, day.end, zone);
    if (end !== null && end > 0) consider(end, () => `day ${day.index} ends ${wallText(day.end!, zone)}`);
  }
  const minutes = Math.min(NOON, Math.ceil(needed / 60) * 60);
  const dayChange = `${String(minutes / 60).padStart(2, '0')}:00`;
  let note = `the days run past midnight (${why}): dayChange set to "${dayChange}", so a talk at 01:00 belongs to the day before`;
  const misplaced = events.filter((e) => isDate(e.dayDate) && programDay(e.start, zone, minutes) !== e.dayDate);
  if (misplaced.length > 0) {
    const first = misplaced[0]!;
    note += `; ${misplaced.length} event${misplaced.length === 1 ? '' : 's'} then count${misplaced.length === 1 ? 's' : ''} on another day than the one ${misplaced.length === 1 ? 'it is' : 'they are'} listed under (first: "${first.title}", ${wallText(first.start, zone)}, listed on ${first.dayDate})`;
  }
  return { dayChange, note };
}

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
