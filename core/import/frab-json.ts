// frab/pretalx schedule.json (the c3voc format): read leniently through a zod schema into the frab model, then
// mapped by frab-common.
import { z } from 'zod';
import { type FrabEvent, type FrabPerson, type FrabSchedule, mapFrabSchedule, text } from './frab-common.ts';
import { jsonErrorReason } from './detect.ts';
import type { ImportOptions, ImportResult } from './types.ts';

/** Text of any scalar (see `text`): the JSON's own types vary between exporters. */
const Text = z.unknown().optional().transform(text);
/** A name given as text or as an object with a name ("track": "Main" or "track": {"name": "Main"}). */
const NameOrText = z
  .unknown()
  .optional()
  .transform((v) => text(v) ?? (isRecord(v) ? text(v.name) : null));

/** A list whose entries that do not fit are left out (as are lists that are not lists). */
function listOf<T extends z.ZodType>(entry: T) {
  return z
    .unknown()
    .optional()
    .transform((v) =>
      (Array.isArray(v) ? v : []).flatMap((raw) => {
        const parsed = entry.safeParse(raw);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    );
}

const FrabJsonPerson = z.union([
  z
    .looseObject({ public_name: Text, name: Text, full_name: Text, biography: Text, bio: Text })
    .transform((p): FrabPerson => ({ name: p.public_name ?? p.name ?? p.full_name, bio: p.biography ?? p.bio })),
  z.unknown().transform((v): FrabPerson => ({ name: text(v), bio: null })),
]);

const FrabJsonEvent = z.looseObject({
  id: Text,
  code: Text,
  guid: Text,
  title: Text,
  subtitle: Text,
  date: Text,
  start: Text,
  duration: Text,
  end: Text,
  type: Text,
  track: NameOrText,
  room: NameOrText,
  persons: z.unknown().optional(),
  participants: z.unknown().optional(),
  abstract: Text,
  description: Text,
  url: Text,
});
type FrabJsonEvent = z.output<typeof FrabJsonEvent>;

const FrabJsonDay = z.looseObject({
  index: Text,
  date: Text,
  day_start: Text,
  start: Text,
  day_end: Text,
  end: Text,
  // Rooms by name: read as entries, so a room called "__proto__" or "constructor" is an ordinary room.
  rooms: z
    .unknown()
    .optional()
    .transform((v) =>
      isRecord(v)
        ? Object.entries(v).map(([room, events]) => ({ room, events: listOf(FrabJsonEvent).parse(events) }))
        : [],
    ),
});

/** schedule.json as exporters write it (frab, pretalx, c3voc): everything optional, every scalar read as text. */
export const FrabJsonFile = z.looseObject({
  schedule: z.looseObject({
    base_url: Text,
    conference: z.looseObject({
      title: Text,
      acronym: Text,
      time_zone_name: Text,
      day_change: Text,
      venue: Text,
      url: Text,
      base_url: Text,
      rooms: listOf(NameOrText),
      days: listOf(FrabJsonDay),
    }),
    // Schedule version 2 lists its events flat, with ISO start and end.
    events: listOf(FrabJsonEvent),
  }),
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function importFrabJson(source: string, options: ImportOptions = {}): ImportResult {
  let json: unknown;
  const text = source.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, format: 'frab-json', error: `not valid JSON: ${jsonErrorReason(err, text)}` };
  }
  return importFrabJsonValue(json, options);
}

/** The same, from JSON already parsed (the format detector has parsed it once). */
export function importFrabJsonValue(json: unknown, options: ImportOptions = {}): ImportResult {
  const parsed = FrabJsonFile.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      format: 'frab-json',
      error: 'not a frab/pretalx schedule.json: there is no "schedule" with a "conference" in it',
    };
  }
  const { schedule } = parsed.data;
  const { conference } = schedule;
  const events: FrabEvent[] = [];
  conference.days.forEach((day, position) => {
    const index = Number(day.index ?? position + 1);
    for (const { room, events: roomEvents } of day.rooms)
      for (const e of roomEvents) events.push(toFrabEvent(e, index, day.date, day.day_start ?? day.start, room));
  });
  for (const e of schedule.events) events.push(toFrabEvent(e, 0, null, null, null));
  const result: FrabSchedule = {
    title: conference.title,
    acronym: conference.acronym,
    timeZone: conference.time_zone_name,
    venue: conference.venue,
    url: conference.url,
    baseUrl: schedule.base_url ?? conference.base_url,
    rooms: conference.rooms.filter((r): r is string => r !== null),
    days: conference.days.map((day, position) => ({
      index: Number(day.index ?? position + 1),
      date: day.date,
      end: day.day_end ?? day.end,
    })),
    dayChange: conference.day_change,
    events,
  };
  return mapFrabSchedule(result, 'frab-json', options);
}

function toFrabEvent(
  e: FrabJsonEvent,
  day: number,
  dayDate: string | null,
  dayStart: string | null,
  listedRoom: string | null,
): FrabEvent {
  const startIsIso = e.start !== null && e.start.includes('T');
  return {
    day,
    dayDate,
    dayStart,
    room: text(listedRoom) ?? e.room,
    id: e.id ?? e.code,
    guid: e.guid,
    title: e.title,
    subtitle: e.subtitle,
    date: e.date ?? (startIsIso ? e.start : null),
    start: startIsIso ? null : e.start,
    duration: e.duration,
    end: e.end,
    type: e.type,
    track: e.track,
    persons: listOf(FrabJsonPerson).parse(e.persons ?? e.participants),
    abstract: e.abstract,
    description: e.description,
    url: e.url,
  };
}
