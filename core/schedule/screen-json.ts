// The stable JSON shape of a screen (`roomcue at --json`, GET /api/state): instants as ISO 8601 with the program's offset.
import { isoInZone } from '../time.ts';
import type { Screen } from './resolve.ts';
import type { Timeline, TimelineItem } from './timeline.ts';

export interface PersonJson {
  name: string;
  affiliation: string | null;
}

export interface ItemJson {
  id: string;
  kind: TimelineItem['kind'];
  title: string;
  subtitle: string | null;
  /** Live times (after delays and timers). */
  start: string;
  end: string;
  /** The program's times. */
  plannedStart: string;
  plannedEnd: string;
  /** The program-zone date the item is on, "2026-06-29". */
  day: string;
  speakers: PersonJson[];
  room: string | null;
  /** null when the item is in a room; where to go otherwise. */
  location: { id: string; name: string; address: string | null; url: string | null } | null;
  session: { id: string; title: string; chairs: string[]; moderators: string[] } | null;
  url: string | null;
  /** Cancelled: shown struck, with the reason when there is one, until its end. */
  cancelled: { reason: string | null } | null;
}

export interface CurrentItemJson extends ItemJson {
  /** Whole seconds until the end (rounded up, as a countdown shows them). */
  remainingSeconds: number;
}

export interface ScreenJson {
  at: string;
  timezone: string;
  /** When a day of the event ends and the next begins, "05:00" in the program's zone ("00:00": at midnight). */
  dayChange: string;
  room: string;
  phase: Screen['phase'];
  current: CurrentItemJson[];
  next: ItemJson | null;
  later: ItemJson[];
}

interface ItemIsos {
  zone: string;
  start: string;
  end: string;
  plannedStart: string;
  plannedEnd: string;
}

/**
 * An item's four times, formatted once and kept with the item for as long as it lives: every state repeats the same
 * items (a few hundred times in the control view's), and the program's items live as long as the program. An item
 * moved by a delay or a timer is a new object each time the screen is resolved: its times go with it.
 */
const isos = new WeakMap<TimelineItem, ItemIsos>();

function itemIsos(item: TimelineItem, zone: string): ItemIsos {
  const kept = isos.get(item);
  if (kept?.zone === zone) return kept;
  const made = {
    zone,
    start: isoInZone(item.start, zone),
    end: isoInZone(item.end, zone),
    plannedStart: isoInZone(item.plannedStart, zone),
    plannedEnd: isoInZone(item.plannedEnd, zone),
  };
  isos.set(item, made);
  return made;
}

export function itemJson(item: TimelineItem, zone: string): ItemJson {
  const times = itemIsos(item, zone);
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    subtitle: item.subtitle,
    start: times.start,
    end: times.end,
    plannedStart: times.plannedStart,
    plannedEnd: times.plannedEnd,
    day: item.day,
    speakers: item.speakers.map((p) => ({ name: p.name, affiliation: p.affiliation })),
    room: item.room,
    location: item.location
      ? {
          id: item.location.id,
          name: item.location.name,
          address: item.location.address ?? null,
          url: item.location.url ?? null,
        }
      : null,
    session: item.session
      ? {
          id: item.session.id,
          title: item.session.title,
          chairs: item.session.chairs.map((p) => p.name),
          moderators: item.session.moderators.map((p) => p.name),
        }
      : null,
    url: item.url,
    cancelled: item.cancelled,
  };
}

export function screenJson(timeline: Timeline, screen: Screen): ScreenJson {
  const zone = timeline.zone;
  return {
    at: isoInZone(screen.at, zone),
    timezone: zone,
    dayChange: timeline.program.dayChange ?? '00:00',
    room: screen.room,
    phase: screen.phase,
    current: screen.current.map((item) => ({
      ...itemJson(item, zone),
      remainingSeconds: Math.ceil((item.end - screen.at) / 1000),
    })),
    next: screen.next ? itemJson(screen.next, zone) : null,
    later: screen.later.map((item) => itemJson(item, zone)),
  };
}
