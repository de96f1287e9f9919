// When the days of an imported schedule end: the program's dayChange, for an event whose days run past midnight.
// One function for every importer: frab/pretalx list their days (and may state the day change), Indico and
// iCalendar do not (an event's night is then the evening it runs on from).
import type { ProgramInput } from '../program/schema.ts';
import { localDate, parseLocal, programDay, zoneOffset } from '../time.ts';

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
 * The latest day change inferred from the events: an event of the day before that ends after 06:00 runs around the
 * clock (a 24-hour hackathon until 12:00), and a day change at its end would count the next morning as the day
 * before on every screen. Its end is not taken as the night's; the schedule's own day change may be later (to 12:00).
 */
const LATEST_INFERRED = 6 * 60;
/** Without listed days, an event starting within this much of the end of what runs before it continues that evening. */
const RUNS_ON = 90 * 60_000;

interface NightPoint {
  /** Minutes after the midnight that ends the event's day by which the day must not have changed yet. */
  minutes: number;
  why: string;
  /** An end (of an event or a listed day), not a start. */
  end: boolean;
}

/**
 * The day change a schedule needs. Needed when an event of a day starts or ends after its midnight, by noon the
 * next morning (the day of an event is the day it is listed under; without listed days, the evening it runs on
 * from without a break of 90 minutes); then:
 * - the schedule's own day change (frab's `conference.day_change`, `stated`) when every event then counts on the day
 *   it is listed under;
 * - else the latest such time by 06:00, of the events and of the days' own ends (`day_end`), rounded up to the
 *   hour: "03:00" for days that end at 03:00, "04:00" for pretalx's 03:59. An end after 06:00 is an event running
 *   around the clock and is not taken; with nothing else past midnight there is none.
 * With nothing past midnight, none (days are calendar dates, as before), whatever the schedule states: FOSDEM's
 * "09:00" would make the screens count 08:30 on Sunday as Saturday.
 */
export function nightDayChange(
  events: PlacedEvent[],
  zone: string,
  options: { days?: FrabDay[]; stated?: string | null } = {},
): NightDays {
  const notes: string[] = [];
  const listed = events.some((e) => e.dayDate !== null);
  const placed = listed ? events : withEvenings(events, zone);
  const stated = options.stated ? readDayChange(options.stated) : null;
  if (options.stated && stated === null) {
    notes.push(
      `the schedule's day_change "${options.stated}" is not used: a day change is a time from "00:00" to "12:00"`,
    );
  }
  const points = nightPoints(placed, zone);
  if (points.length === 0) {
    if (stated !== null && stated !== 0) {
      notes.push(
        `the schedule's day_change "${clock(stated)}" is not used: nothing runs past midnight, so the days are calendar dates (screens say "today" from midnight)`,
      );
    }
    return { dayChange: null, notes };
  }
  const past = listed
    ? `the days run past midnight`
    : `the source gives no day bounds; an evening runs on past midnight`;
  if (stated !== null) {
    const moved = misplaced(placed, zone, stated);
    if (moved.length === 0) {
      notes.push(`${past} (${points[0]!.why}): dayChange "${clock(stated)}", the schedule's own day_change`);
      return { dayChange: stated === 0 ? null : clock(stated), notes };
    }
    notes.push(`the schedule's day_change "${clock(stated)}" is not used: ${wouldMove(moved, zone, stated)}`);
  }
  points.push(...dayEndPoints(options.days ?? [], zone));
  const inferred = inferDayChange(points, placed, zone, listed, past);
  notes.push(inferred.note);
  return { dayChange: inferred.dayChange, notes };
}

/** "\"Night talk\" (28 December 01:00, listed on 2026-12-27) would count on the next day (and 2 more)". */
function wouldMove(moved: PlacedEvent[], zone: string, minutes: number): string {
  const first = moved[0]!;
  const later = programDay(first.start, zone, minutes) > first.dayDate!;
  return `"${first.title}" (${wallText(first.start, zone)}, listed on ${first.dayDate}) would count on the ${later ? 'next day' : 'day before'}${moved.length > 1 ? ` (and ${moved.length - 1} more)` : ''}`;
}

/** The listed days' own ends after their midnight (`day_end`): a day that ends at 03:00 changes then. */
function dayEndPoints(days: FrabDay[], zone: string): NightPoint[] {
  return days.flatMap((day) => {
    if (!isDate(day.date) || day.end === null) return [];
    const end = minutesIntoNight(day.date, day.end, zone);
    return end !== null && end > 0
      ? [{ minutes: end, why: `day ${day.index} ends ${wallText(day.end, zone)}`, end: true }]
      : [];
  });
}

/**
 * The day change the night's times give: the latest by 06:00, rounded up to the hour; an end after 06:00 runs
 * around the clock and is not taken (none at all when nothing else is past midnight). With the note saying so.
 */
function inferDayChange(
  points: NightPoint[],
  placed: PlacedEvent[],
  zone: string,
  listed: boolean,
  past: string,
): { dayChange: string | null; note: string } {
  const aroundTheClock = points.find((p) => p.end && p.minutes > LATEST_INFERRED);
  const aroundNote =
    aroundTheClock && `${aroundTheClock.why.replace(' ends ', ' runs around the clock (ends ')}, after 06:00)`;
  const taken = points.filter((p) => p.minutes <= LATEST_INFERRED);
  if (taken.length === 0) {
    return {
      dayChange: null,
      note: `${aroundNote ?? `${points[0]!.why}, after 06:00`}: no dayChange is inferred from it, the days are calendar dates; set dayChange in the program if its night belongs to the day before`,
    };
  }
  const latest = taken.reduce((a, b) => (b.minutes > a.minutes ? b : a));
  const minutes = Math.ceil(latest.minutes / 60) * 60;
  const dayChange = clock(minutes);
  let note = `${past} (${latest.why}): dayChange set to "${dayChange}", so the night until ${dayChange} belongs to the day before`;
  if (aroundNote) note += `; ${aroundNote}: its end is not taken as the night's`;
  const moved = misplaced(placed, zone, minutes);
  if (moved.length > 0) {
    const first = moved[0]!;
    const under = listed ? 'listed under' : 'runs on from';
    note += `; ${moved.length} event${moved.length === 1 ? '' : 's'} then count${moved.length === 1 ? 's' : ''} on another day than the one ${moved.length === 1 ? 'it' : 'they'} ${under} (first: "${first.title}", ${wallText(first.start, zone)}, ${listed ? 'listed on' : 'the evening of'} ${first.dayDate})`;
  }
  return { dayChange, note };
}

/**
 * The same for a program an importer built (Indico, iCalendar: no days listed, no day change stated): every item,
 * in sessions or not, read in the program's zone.
 */
export function programNightDays(program: ProgramInput): NightDays {
  const zone = program.timezone;
  const events: PlacedEvent[] = [];
  const items = [...(program.sessions ?? []).flatMap((s) => s.items), ...(program.items ?? [])];
  for (const item of items) {
    const start = parseLocal(item.start, zone);
    const end = parseLocal(item.end, zone);
    if (start.ok && end.ok && end.at > start.at)
      events.push({ dayDate: null, title: item.title, start: start.at, end: end.at });
  }
  return nightDayChange(events, zone);
}

/** The times after a day's midnight that its events reach (starts, and ends after midnight), in the events' order. */
function nightPoints(events: PlacedEvent[], zone: string): NightPoint[] {
  const points: NightPoint[] = [];
  for (const e of events) {
    if (!isDate(e.dayDate)) continue;
    const start = minutesIntoNight(e.dayDate, e.start, zone);
    const end = minutesIntoNight(e.dayDate, e.end, zone);
    // A start at 01:00 needs the day to change after 01:00; an end at 01:00 (ends are exclusive) at 01:00 or later.
    if (start !== null && start >= 0)
      points.push({ minutes: start + 1, why: `"${e.title}" starts ${wallText(e.start, zone)}`, end: false });
    if (end !== null && end > 0)
      points.push({ minutes: end, why: `"${e.title}" ends ${wallText(e.end, zone)}`, end: true });
  }
  return points;
}

/**
 * Events without a listed day, each given the day whose evening it runs on from: in time order, an event that starts
 * after midnight by 06:00, within 90 minutes of the end of what ran before it, belongs to that event's day; any other
 * to its own date.
 */
function withEvenings(events: PlacedEvent[], zone: string): PlacedEvent[] {
  const sorted = [...events].sort((a, b) => a.start - b.start);
  let runEnd = -Infinity;
  let day: string | null = null;
  return sorted.map((e) => {
    const into = day === null ? null : minutesIntoNight(day, e.start, zone);
    const runsOn = e.start <= runEnd + RUNS_ON && into !== null && into <= LATEST_INFERRED;
    day = runsOn ? day : localDate(e.start, zone);
    runEnd = Math.max(runEnd, e.end);
    return { ...e, dayDate: day };
  });
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
