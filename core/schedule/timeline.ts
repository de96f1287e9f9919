// A program turned into instants and indexed per room, so that "what is on at t" is a binary search, not a scan.
import type { ItemKind, Location, Program } from '../program/schema.ts';
import { TBA } from '../program/schema.ts';
import { itemRoom, mainRoomId, placedItems } from '../program/walk.ts';
import { dayChangeMinutes, parseLocal, programDay, type DayClock, type Instant } from '../time.ts';

export interface PersonView {
  id: string | null; // null for TBA
  name: string;
  affiliation: string | null;
}

export interface SessionView {
  id: string;
  title: string;
  chairs: PersonView[];
  moderators: PersonView[];
}

export interface TimelineItem {
  id: string;
  kind: ItemKind;
  title: string;
  subtitle: string | null;
  /** Live times once a `core/live` adjustment moved the item; the program's times otherwise. */
  start: Instant;
  end: Instant;
  /** The times the program gives, whatever the live adjustments did. */
  plannedStart: Instant;
  plannedEnd: Instant;
  /** The day of the event the item starts on, "2026-06-29": its date in the program's zone, counted from `dayChange`. */
  day: string;
  /** Room id, or null when the item happens away from the rooms (see `location`). */
  room: string | null;
  location: Location | null;
  speakers: PersonView[];
  session: SessionView | null;
  abstract: string | null;
  url: string | null;
  /** The item will not happen (an operator's edit, or the program says so); the door shows it struck. */
  cancelled: { reason: string | null } | null;
  /** Timer colours: warning, then danger, when this many seconds are left. */
  thresholds: { warningSeconds: number; dangerSeconds: number };
  /** Position in the whole program's time order, a stable tie-breaker. */
  order: number;
}

export const DEFAULT_THRESHOLDS = { warningSeconds: 5 * 60, dangerSeconds: 2 * 60 };

export interface RoomIndex {
  /** This room's items and the event-wide ones, by start then end. */
  items: TimelineItem[];
  /** maxEnd[i]: the latest end among items[0..i], to find every current item without a scan. */
  maxEnd: Instant[];
}

export interface Timeline extends DayClock {
  program: Program;
  zone: string;
  /** Minutes after midnight at which a day of the event ends (the program's `dayChange`; 0: midnight). */
  dayChange: number;
  mainRoom: string;
  items: TimelineItem[];
  byId: Map<string, TimelineItem>;
  rooms: Map<string, RoomIndex>;
}

/** Builds the timeline of a program that passed `checkProgram` without errors. */
export function buildTimeline(program: Program): Timeline {
  const zone = program.timezone;
  const dayChange = dayChangeMinutes(program.dayChange);
  const person = (ref: string): PersonView => {
    if (ref === TBA) return { id: null, name: TBA, affiliation: null };
    const p = Object.hasOwn(program.people, ref) ? program.people[ref] : undefined;
    return { id: ref, name: p?.name ?? ref, affiliation: p?.affiliation ?? null };
  };
  const locations = new Map(program.locations.map((l) => [l.id, l]));
  const sessionViews = new Map(
    program.sessions.map((s) => [
      s,
      {
        id: s.id,
        title: s.title,
        chairs: s.chairs.map(person),
        moderators: s.moderators.map(person),
      } satisfies SessionView,
    ]),
  );

  const items: TimelineItem[] = placedItems(program).map(({ item, session }) => {
    const start = instant(item.start, zone);
    const end = instant(item.end, zone);
    return {
      id: item.id,
      kind: item.kind,
      title: item.title,
      subtitle: item.subtitle ?? null,
      start,
      end,
      plannedStart: start,
      plannedEnd: end,
      day: programDay(start, zone, dayChange),
      room: itemRoom(program, item, session),
      location: item.location ? (locations.get(item.location) ?? null) : null,
      speakers: item.speakers.map(person),
      session: session ? sessionViews.get(session)! : null,
      abstract: item.abstract ?? null,
      url: item.url ?? null,
      cancelled: item.cancelled ? { reason: item.cancelled.reason ?? null } : null,
      thresholds: {
        warningSeconds:
          item.timer?.warningSeconds ??
          program.timer?.byKind?.[item.kind]?.warningSeconds ??
          program.timer?.warningSeconds ??
          DEFAULT_THRESHOLDS.warningSeconds,
        dangerSeconds:
          item.timer?.dangerSeconds ??
          program.timer?.byKind?.[item.kind]?.dangerSeconds ??
          program.timer?.dangerSeconds ??
          DEFAULT_THRESHOLDS.dangerSeconds,
      },
      order: 0,
    };
  });
  items.sort(byTime);
  items.forEach((item, i) => (item.order = i));

  const rooms = new Map<string, RoomIndex>();
  for (const room of program.rooms) {
    rooms.set(room.id, indexItems(items.filter((item) => item.room === null || item.room === room.id)));
  }
  return {
    program,
    zone,
    dayChange,
    mainRoom: mainRoomId(program),
    items,
    byId: new Map(items.map((i) => [i.id, i])),
    rooms,
  };
}

/** Indexes items already sorted by `byTime`. */
export function indexItems(items: TimelineItem[]): RoomIndex {
  const maxEnd: Instant[] = [];
  let latest = -Infinity;
  for (const item of items) maxEnd.push((latest = Math.max(latest, item.end)));
  return { items, maxEnd };
}

export function byTime(a: TimelineItem, b: TimelineItem): number {
  return a.start - b.start || a.end - b.end || a.order - b.order;
}

function instant(local: string, zone: string): Instant {
  const parsed = parseLocal(local, zone);
  if (!parsed.ok) throw new Error(`buildTimeline needs a checked program: ${parsed.reason}`);
  return parsed.at;
}
