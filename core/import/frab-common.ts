// The c3voc/frab schedule model, whether read from schedule.json or schedule.xml, mapped onto our program format.
import { z } from 'zod';
import { dict } from '../own.ts';
import { FORMAT_VERSION, type Item, type ItemKind, type Person, type ProgramInput } from '../program/schema.ts';
import { isKnownZone, parseLocal, zoneOffset } from '../time.ts';
import { zoneForOffsets, type OffsetSample } from './zone-from-offsets.ts';
import { nightDayChange, statedDayChange, type FrabDay, type PlacedEvent } from './night-days.ts';
import type { ImportNote, ImportOptions, ImportResult } from './types.ts';
import { IdPool, kindFromLabel, plainText, slugify } from './shared.ts';

/** A person as the reader found them. */
export interface FrabPerson {
  name: string | null;
  bio: string | null;
}

/** One event as a reader found it: every field is text or null, whatever type the source used. */
export interface FrabEvent {
  /** The day's index (or position, 1-based), for messages. */
  day: number;
  dayDate: string | null;
  /** When the day begins (ISO with offset): a bare "01:00" before it belongs to the next calendar date. */
  dayStart: string | null;
  /** The room the event is listed under, else its own "room" field. */
  room: string | null;
  id: string | null;
  guid: string | null;
  title: string | null;
  subtitle: string | null;
  /** ISO date-time, with an offset when the source is well formed: the authoritative instant. */
  date: string | null;
  /** "HH:MM" on the day, in the conference's zone; used when `date` is missing. */
  start: string | null;
  duration: string | null;
  /** ISO end, for schedules that give one instead of a duration. */
  end: string | null;
  type: string | null;
  track: string | null;
  persons: FrabPerson[];
  abstract: string | null;
  description: string | null;
  url: string | null;
}

export interface FrabSchedule {
  title: string | null;
  acronym: string | null;
  timeZone: string | null;
  venue: string | null;
  url: string | null;
  /** Base for relative event URLs. */
  baseUrl: string | null;
  /** Rooms as the conference lists them, in its order. */
  rooms: string[];
  /** The days as listed, with their ends (`day_end`): whether they run past midnight. */
  days: { index: number; date: string | null; end: string | null }[];
  /** When the conference's days change, as it says (`conference.day_change`, "04:00" or "04:00:00"). */
  dayChange: string | null;
  events: FrabEvent[];
}

/** Text of a scalar: trimmed strings, numbers written out; null for empty, missing or structured values. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const validUrl = z.url();

/**
 * Minutes of a frab duration: "00:30", "25:30" (hours past 24), "1:02:30" (D:HH:MM, as EventFahrplan reads it), or
 * a bare number of minutes. A three-part value whose middle part cannot be hours ("00:45:00") is H:MM:SS.
 */
export function parseDuration(raw: string): { minutes: number; guess?: string } | null {
  const t = raw.trim();
  if (/^-?\d+$/.test(t)) return { minutes: Number(t), guess: 'durations given as a bare number read as minutes' };
  const hm = /^(-?)(\d+):(\d{2})$/.exec(t);
  if (hm) {
    if (Number(hm[3]) > 59) return null;
    const minutes = Number(hm[2]) * 60 + Number(hm[3]);
    return { minutes: hm[1] ? -minutes : minutes };
  }
  const three = /^(\d+):(\d{1,2}):(\d{2})$/.exec(t);
  if (!three) return null;
  const [a, b, c] = [Number(three[1]), Number(three[2]), Number(three[3])];
  if (b < 24 && c < 60) return { minutes: a * 1440 + b * 60 + c };
  if (b < 60 && c < 60)
    return {
      minutes: a * 60 + b + c / 60,
      guess: 'durations like "0:45:00" (not days:hours:minutes) read as hours:minutes:seconds',
    };
  return null;
}

/** Our kind for a frab type and track; `note` says how it was guessed (null when the type names the kind). */
export function kindOf(type: string | null, track: string | null): { kind: ItemKind; note: string | null } {
  const fromType = kindFromLabel(type);
  if (fromType) return { kind: fromType, note: type!.toLowerCase() === fromType ? null : `type "${type}"` };
  const fromTrack = kindFromLabel(track);
  if (fromTrack) return { kind: fromTrack, note: `${type ? `type "${type}", ` : ''}track "${track}"` };
  return { kind: 'talk', note: type ? `type "${type}" (not one Roomcue knows)` : 'events without a type' };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** An ISO date-time: its instant when it has an offset, else its wall-clock text "YYYY-MM-DDTHH:MM:SS". */
function readIso(value: string): { at: number; offsetMinutes: number | null } | { wall: string } | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(wall);
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59 || date.getUTCDate() !== d) return null;
  const offset = m[7];
  if (!offset) return { wall: date.toISOString().slice(0, 19) };
  // "Z" says UTC, not where the event is: it is no offset to read the event's clock from.
  if (offset.toUpperCase() === 'Z') return { at: wall, offsetMinutes: null };
  const om = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset)!;
  const minutes = (om[1] === '-' ? -1 : 1) * (Number(om[2]) * 60 + Number(om[3] ?? 0));
  return { at: wall - minutes * 60_000, offsetMinutes: minutes };
}

/** "2026-06-29T09:30" (":SS" only when there are seconds): the wall clock of an instant in the zone. */
export function localDateTime(at: number, zone: string): string {
  const iso = new Date(at + zoneOffset(zone, at) * 60_000).toISOString();
  return iso.slice(17, 19) === '00' ? iso.slice(0, 16) : iso.slice(0, 19);
}

type Placed = { start: number; end: number; clockMismatch: boolean; guess?: string } | { dropped: string };

/** When an event happens: `date` when it has an offset, else the day's date and `start` in the zone. */
function placeEvent(e: FrabEvent, zone: string, dayChange: number | null): Placed {
  const fromDate = e.date ? readIso(e.date) : null;
  const start = fromDate && 'at' in fromDate ? fromDate.at : localStart(e, fromDate, zone, dayChange);
  if (typeof start !== 'number') return start;
  let clockMismatch = false;
  const clock = e.start ? CLOCK.exec(e.start) : null;
  if (clock && fromDate && 'at' in fromDate && Number(clock[1]) < 24) {
    clockMismatch = localDateTime(start, zone).slice(11, 16) !== `${clock[1]!.padStart(2, '0')}:${clock[2]}`;
  }
  let end: number | null = null;
  let guess: string | undefined;
  if (e.duration) {
    const duration = parseDuration(e.duration);
    if (!duration) return { dropped: `unreadable duration "${e.duration}"` };
    end = start + Math.round(duration.minutes * 60) * 1000;
    guess = duration.guess;
  } else if (e.end) {
    const iso = readIso(e.end);
    const local = iso && 'wall' in iso ? parseLocal(iso.wall, zone) : null;
    end = iso && 'at' in iso ? iso.at : local?.ok ? local.at : null;
  }
  if (end === null) return { dropped: 'no duration' };
  if (end <= start) return { dropped: `its duration "${e.duration ?? e.end}" is not positive` };
  return { start, end, clockMismatch, ...(guess ? { guess } : {}) };
}

/** The start from wall-clock times in the zone: a `date` without offset, or the day's date and `start`. */
function localStart(
  e: FrabEvent,
  fromDate: { wall: string } | null,
  zone: string,
  dayChange: number | null,
): number | { dropped: string } {
  if (fromDate) {
    const local = parseLocal(fromDate.wall, zone);
    return local.ok ? local.at : { dropped: `its date ${local.reason}` };
  }
  const day = e.date && /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? e.date : e.dayDate;
  const clock = e.start ? CLOCK.exec(e.start) : null;
  if (!day || !clock) return { dropped: e.date ? `unreadable date "${e.date}"` : 'no date and no start time' };
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  let wall = Date.UTC(y, mo - 1, d, Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0));
  // A day's date like "0" or "0000-00-00" names no day: the event is dropped, not a crash.
  if (!Number.isFinite(wall) || mo < 1 || mo > 12 || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) {
    return { dropped: `unreadable date "${day}"` };
  }
  const parse = () => parseLocal(new Date(wall).toISOString().slice(0, 19), zone);
  let local = parse();
  // frab days may run past midnight (day_change): "01:00" on a day that starts at 10:00 is the next morning.
  const dayStart = e.dayStart ? readIso(e.dayStart) : null;
  // Without the day's start, the conference's day_change says the same: "01:00" before a 04:00 day change.
  const beforeDayStart =
    dayStart && 'at' in dayStart
      ? local.ok && local.at < dayStart.at
      : dayChange !== null && Number(clock[1]) * 60 + Number(clock[2]) < dayChange;
  if (beforeDayStart) {
    wall += 86_400_000;
    local = parse();
  }
  return local.ok ? local.at : { dropped: `its start ${local.reason}` };
}

/** A local date-time that reads back as the same instant; null for the hour that happens twice in autumn. */
function representable(at: number, zone: string): string | null {
  const local = localDateTime(at, zone);
  const back = parseLocal(local, zone);
  return back.ok && back.at === Math.floor(at / 1000) * 1000 ? local : null;
}

export function mapFrabSchedule(
  source: FrabSchedule,
  format: 'frab-json' | 'frab-xml',
  options: ImportOptions,
): ImportResult {
  if (source.events.length === 0) return { ok: false, format, error: 'the schedule has no events' };
  const notes: ImportNote[] = [];
  const guessed = (where: string, message: string) => notes.push({ where, message, kind: 'guessed' });

  const zone = chooseZone(source, options.defaultZone, guessed);
  const name = source.title ?? source.acronym ?? options.sourceName ?? 'Imported program';
  if (!source.title) guessed('', `no conference title: the event is called "${name}"`);
  const eventId = slugify(source.acronym ?? source.title ?? options.sourceName ?? '', 'imported');
  const venue = source.venue ?? name;
  if (!source.venue) guessed('', `no venue in the source: venue.name set to "${venue}"`);

  const mapping = new FrabMapping(zone, source.baseUrl, notes, statedDayChange(source.dayChange));
  source.rooms.forEach((room) => mapping.addRoom(room));
  const items = source.events.flatMap((e, n) => mapping.item(e, n) ?? []);
  if (items.length === 0) {
    const reason = notes.find((x) => x.kind === 'dropped');
    return {
      ok: false,
      format,
      error: `none of the ${source.events.length} events could be placed${reason ? ` (first: ${reason.where}: ${reason.message})` : ''}`,
    };
  }
  mapping.summarize();
  const night = nightDayChange(mapping.placed, zone, { days: source.days.map(dayBounds), stated: source.dayChange });
  for (const note of night.notes) guessed('', note);
  // Whole-file notes first, then the events' in source order.
  notes.sort((a, b) => Number(a.where !== '') - Number(b.where !== ''));

  const rooms = mapping.rooms();
  const program: ProgramInput = {
    formatVersion: FORMAT_VERSION,
    event: { id: eventId, name, ...(validUrl.safeParse(source.url).success ? { url: source.url! } : {}) },
    timezone: zone,
    ...(night.dayChange ? { dayChange: night.dayChange } : {}),
    venue: { name: venue },
    rooms,
    mainRoom: rooms[0]!.id,
    people: mapping.people.byId,
    items,
  };
  return { ok: true, format, program, notes };
}

/** A listed day's end as an instant: ISO with an offset, else wall-clock time in the zone. */
function dayBounds(day: FrabSchedule['days'][number]): FrabDay {
  const iso = day.end ? readIso(day.end) : null;
  return { index: day.index, date: day.date, end: iso && 'at' in iso ? iso.at : null };
}

/** Frab events to items, one at a time, with the rooms, people and ids they need and the guesses to report. */
class FrabMapping {
  readonly people = new People();
  private readonly roomIds = new Map<string, string>();
  private readonly roomPool = new IdPool();
  private readonly itemIds = new IdPool();
  /** Guesses that repeat (a type's kind, a way of writing durations) are reported once, with how many events. */
  private readonly tallies = new Map<string, number>();
  private readonly mismatches: { where: string; event: FrabEvent; start: number }[] = [];
  /** Every event placed, with the day it is listed under: whether the days run past midnight. */
  readonly placed: PlacedEvent[] = [];
  private noRoom = 0;

  constructor(
    private readonly zone: string,
    private readonly baseUrl: string | null,
    private readonly notes: ImportNote[],
    /** The conference's own day change, minutes after midnight: a bare "01:00" before it is the next morning. */
    private readonly dayChange: number | null = null,
  ) {}

  private guessed(where: string, message: string): void {
    this.notes.push({ where, message, kind: 'guessed' });
  }

  private dropped(where: string, message: string): void {
    this.notes.push({ where, message, kind: 'dropped' });
  }

  private tally(message: string): void {
    this.tallies.set(message, (this.tallies.get(message) ?? 0) + 1);
  }

  addRoom(room: string): string {
    if (!this.roomIds.has(room)) this.roomIds.set(room, this.roomPool.claim(slugify(room, 'room')));
    return this.roomIds.get(room)!;
  }

  rooms(): { id: string; name: string }[] {
    if (this.roomIds.size === 0) this.addRoom('Main room');
    return [...this.roomIds].map(([name, id]) => ({ id, name }));
  }

  /** The `n`th event as an item, or null (with a note) when it cannot be placed in time. */
  item(e: FrabEvent, n: number): Item | null {
    const where = eventWhere(e);
    const times = this.times(e, where);
    if (!times) return null;
    const rawId = e.guid ?? e.id;
    // In the order the notes have always come: the id, the speakers, the title.
    const id = this.itemId(rawId, n, where);
    const { kind, note } = kindOf(e.type, e.track);
    if (note) this.tally(`${note} read as kind "${kind}"`);
    const speakers = this.speakers(e, where);
    const title = e.title ?? `Untitled event ${rawId ?? n + 1}`;
    if (!e.title) this.guessed(where, `no title: called "${title}"`);
    const item: Item = { id, kind, title, ...times, speakers };
    if (e.subtitle) item.subtitle = e.subtitle;
    if (e.room) item.room = this.addRoom(e.room);
    else this.noRoom++;
    const abstract = plainText(e.abstract) || plainText(e.description) || undefined;
    if (abstract) item.abstract = abstract;
    const url = absoluteUrl(e.url, this.baseUrl);
    if (url) item.url = url;
    else if (e.url) this.dropped(where, `url "${e.url}" is not a web address: left out`);
    return item;
  }

  private times(e: FrabEvent, where: string): { start: string; end: string } | null {
    const placed = placeEvent(e, this.zone, this.dayChange);
    if ('dropped' in placed) {
      this.dropped(where, `${placed.dropped}: left out`);
      return null;
    }
    const start = representable(placed.start, this.zone);
    const end = representable(placed.end, this.zone);
    if (!start || !end) {
      const at = localDateTime(start ? placed.end : placed.start, this.zone);
      this.dropped(
        where,
        `${at} happens twice in ${this.zone} (clocks go back): a program time cannot say which, left out`,
      );
      return null;
    }
    if (placed.clockMismatch) this.mismatches.push({ where, event: e, start: placed.start });
    this.placed.push({ dayDate: e.dayDate, title: e.title ?? '?', start: placed.start, end: placed.end });
    if (placed.guess) this.tally(placed.guess);
    return { start, end };
  }

  private itemId(rawId: string | null, n: number, where: string): string {
    const id = rawId && ID.test(rawId) ? rawId : slugify(rawId ?? '', `event-${n + 1}`);
    if (!this.itemIds.has(id)) return this.itemIds.claim(id);
    const renamed = this.itemIds.claim(id);
    this.guessed(where, `id "${id}" is used twice: this one became "${renamed}"`);
    return renamed;
  }

  private speakers(e: FrabEvent, where: string): string[] {
    const speakers: string[] = [];
    for (const person of e.persons) {
      const pid = person.name ? this.people.add(person.name, person.bio) : null;
      if (!pid) this.dropped(where, 'a person without a name: left out');
      else if (!speakers.includes(pid)) speakers.push(pid);
    }
    return speakers;
  }

  /** The notes that sum up the events: rooms guessed, repeated guesses, clocks that disagree. */
  summarize(): void {
    if (this.noRoom > 0) this.guessed('', `${count(this.noRoom, 'event')} without a room: placed in the main room`);
    for (const [message, n] of this.tallies) this.guessed('', `${message} (${count(n, 'event')})`);
    if (this.mismatches.length === 0) return;
    const { where, event, start } = this.mismatches[0]!;
    const zone = this.zone;
    const clock = localDateTime(start, zone).slice(11, 16);
    this.guessed(
      '',
      `"date" and "start" disagree in ${zone} for ${count(this.mismatches.length, 'event')} (first: ${where}: "date" ${event.date} is ${clock} in ${zone}, "start" says ${event.start}); kept the instants of "date", so screens show ${zone} clock times: if the event is elsewhere, correct time_zone_name in the export and import again`,
    );
  }
}

function eventWhere(e: FrabEvent): string {
  const shownId = e.id ?? e.guid;
  return [
    e.day ? `day ${e.day}` : '',
    e.room ? `room ${e.room}` : '',
    `event "${e.title ?? '?'}"${shownId ? ` (id ${shownId})` : ''}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Speakers by name: the same name (spacing and case aside) is one person; a namesake by slug gets "-2". */
class People {
  readonly byId: Record<string, Person> = dict();
  private readonly idByName = new Map<string, string>();
  private readonly pool = new IdPool();

  add(rawName: string, bio: string | null): string {
    const name = rawName.replace(/\s+/g, ' ');
    const key = name.toLowerCase();
    let id = this.idByName.get(key);
    if (!id) {
      id = this.pool.claim(slugify(name, 'person'));
      this.idByName.set(key, id);
      this.byId[id] = { name };
    }
    if (bio && !this.byId[id]!.bio) this.byId[id]!.bio = bio;
    return id;
  }
}

/**
 * The zone screens show times in: the declared one, unless the dates' own offsets contradict it (then a zone that
 * gives the times the export prints, --zone first); with none declared, --zone, else the dates' offsets, else UTC.
 */
function chooseZone(source: FrabSchedule, fallback: string | undefined, guessed: (w: string, m: string) => void) {
  const samples: OffsetSample[] = [];
  for (const e of source.events) {
    const iso = e.date ? readIso(e.date) : null;
    if (iso && 'at' in iso && iso.offsetMinutes !== null)
      samples.push({ at: iso.at, offsetMinutes: iso.offsetMinutes });
  }
  const declared = source.timeZone;
  if (declared && isKnownZone(declared)) {
    const choice = zoneForOffsets(declared, samples, fallback);
    if (choice.agrees) return declared;
    guessed(
      '',
      `time_zone_name is ${declared} but the dates are written with ${choice.offsets}: screens show the times the export prints, in ${choice.why}; give the event's own zone with --zone (e.g. --zone Europe/Berlin) if it has summer time`,
    );
    return choice.zone;
  }
  const said = declared ? `time_zone_name "${declared}" is not a time zone Roomcue knows` : 'no time_zone_name';
  if (fallback && isKnownZone(fallback)) {
    guessed('', `${said}: used ${fallback} as given`);
    return fallback;
  }
  const choice = zoneForOffsets('UTC', samples);
  if (!choice.agrees) {
    guessed(
      '',
      `${said}; the dates are written with ${choice.offsets}: screens show the times the export prints, in ${choice.why}; give the event's own zone with --zone (e.g. --zone Europe/Berlin) if it has summer time`,
    );
    return choice.zone;
  }
  guessed('', `${said}: times are read in UTC; give the event's zone (roomcue import --zone Europe/Berlin) to fix`);
  return 'UTC';
}

function absoluteUrl(url: string | null, base: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const full = new URL(url, base ?? undefined).href;
    return validUrl.safeParse(full).success ? full : undefined;
  } catch {
    return undefined;
  }
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
