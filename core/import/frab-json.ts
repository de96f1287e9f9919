// frab/pretalx schedule.json (the c3voc format): read leniently into the frab model, then mapped by frab-common.
import { type FrabEvent, type FrabPerson, type FrabSchedule, mapFrabSchedule, text } from './frab-common.ts';
import { jsonErrorReason } from './detect.ts';
import type { ImportOptions, ImportResult } from './types.ts';

type Json = Record<string, unknown>;

const record = (value: unknown): Json | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function importFrabJson(source: string, options: ImportOptions = {}): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, format: 'frab-json', error: `not valid JSON: ${jsonErrorReason(err)}` };
  }
  return importFrabJsonValue(json, options);
}

/** The same, from JSON already parsed (the format detector has parsed it once). */
export function importFrabJsonValue(json: unknown, options: ImportOptions = {}): ImportResult {
  const schedule = record(record(json)?.schedule);
  const conference = record(schedule?.conference);
  if (!schedule || !conference) {
    return {
      ok: false,
      format: 'frab-json',
      error: 'not a frab/pretalx schedule.json: there is no "schedule" with a "conference" in it',
    };
  }
  const events: FrabEvent[] = [];
  list(conference.days).forEach((rawDay, position) => {
    const day = record(rawDay);
    if (!day) return;
    const index = Number(text(day.index) ?? position + 1);
    const rooms = record(day.rooms) ?? {};
    for (const [roomName, roomEvents] of Object.entries(rooms)) {
      for (const raw of list(roomEvents)) {
        const event = record(raw);
        if (event) events.push(readEvent(event, index, text(day.date), text(day.day_start ?? day.start), roomName));
      }
    }
  });
  // Schedule version 2 lists its events flat, with ISO start and end.
  for (const raw of list(schedule.events)) {
    const event = record(raw);
    if (event) events.push(readEvent(event, 0, null, null, null));
  }
  const rooms = list(conference.rooms)
    .map((r) => text(r) ?? text(record(r)?.name))
    .filter((r): r is string => r !== null);
  const result: FrabSchedule = {
    title: text(conference.title),
    acronym: text(conference.acronym),
    timeZone: text(conference.time_zone_name),
    venue: text(conference.venue),
    url: text(conference.url),
    baseUrl: text(schedule.base_url) ?? text(conference.base_url),
    rooms,
    events,
  };
  return mapFrabSchedule(result, 'frab-json', options);
}

function readEvent(
  e: Json,
  day: number,
  dayDate: string | null,
  dayStart: string | null,
  listedRoom: string | null,
): FrabEvent {
  const ownRoom = text(e.room) ?? text(record(e.room)?.name);
  const startIsIso = typeof e.start === 'string' && e.start.includes('T');
  return {
    day,
    dayDate,
    dayStart,
    room: text(listedRoom) ?? ownRoom,
    id: text(e.id) ?? text(e.code),
    guid: text(e.guid),
    title: text(e.title),
    subtitle: text(e.subtitle),
    date: text(e.date) ?? (startIsIso ? text(e.start) : null),
    start: startIsIso ? null : text(e.start),
    duration: text(e.duration),
    end: text(e.end),
    type: text(e.type),
    track: text(e.track) ?? text(record(e.track)?.name),
    persons: list(e.persons ?? e.participants).map(readPerson),
    abstract: text(e.abstract),
    description: text(e.description),
    url: text(e.url),
  };
}

function readPerson(raw: unknown): FrabPerson {
  const p = record(raw);
  if (!p) return { name: text(raw), bio: null };
  return {
    name: text(p.public_name) ?? text(p.name) ?? text(p.full_name),
    bio: text(p.biography) ?? text(p.bio),
  };
}
