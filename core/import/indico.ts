// From an Indico timetable export (/export/timetable/<id>.json) to a program: session blocks, contributions, breaks.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { dict } from '../own.ts';
import type { ItemKind, ProgramInput } from '../program/schema.ts';
import type { ImportNote, ImportOptions, ImportResult } from './types.ts';
import { ianaZoneFor } from './windows-zones.ts';
import { IdPool, idFromForeign, kindFromLabel, mostCommon, plainText, sampleOf, slugify } from './shared.ts';

type ItemInput = NonNullable<ProgramInput['items']>[number];
type SessionInput = NonNullable<ProgramInput['sessions']>[number];
type Json = Record<string, unknown>;
type EntryType = 'session' | 'contribution' | 'break';

const FORMAT = 'indico-json';
const MEAL = /\b(lunch|dinner|d[ée]jeuner|d[iî]ner|breakfast|banquet|repas|meal)\b/i;

export function importIndico(text: string, options: ImportOptions = {}): ImportResult {
  const fail = (error: string): ImportResult => ({ ok: false, format: FORMAT, error });
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return fail(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const found = findTimetable(root);
  if ('error' in found) return fail(found.error);
  const defaultZone = options.defaultZone ? ianaZoneFor(options.defaultZone) : null;
  if (options.defaultZone && !defaultZone) return fail(`unknown default time zone "${options.defaultZone}"`);

  const notes: ImportNote[] = [];
  const note = (where: string, message: string, kind: ImportNote['kind']) => notes.push({ where, message, kind });
  if (found.otherEvents.length)
    note('', `the export holds several events: imported ${found.eventId}, left out ${found.otherEvents}`, 'dropped');

  // Session blocks that run past midnight are listed under both days: keep each entry once.
  const seen = new Set<string>();
  const tops: Json[] = [];
  for (const day of Object.keys(found.days).sort()) {
    for (const [key, value] of Object.entries(obj(found.days[day]) ?? {})) {
      const entry = obj(value);
      if (!entry || seen.has(str(entry.id) || key)) continue;
      seen.add(str(entry.id) || key);
      tops.push({ ...entry, id: str(entry.id) || key });
    }
  }
  const all = tops.flatMap((e) => [e, ...childEntries(e)]);
  if (!all.length) return fail('the Indico timetable has no entries: is anything scheduled in the event?');

  const zone = programZone(all, defaultZone, note);
  // Indico lists session blocks first: read the day in time order, so rooms come in the order they are first used.
  const startOf = (e: Json) => readDate(e.startDate, zone)?.toMillis() ?? Infinity;
  tops.sort((a, b) => startOf(a) - startOf(b));
  const ids = new IdPool();
  const uniqueId = (base: string) => ids.claim(base);
  const people = dict<{ name: string; affiliation?: string }>();
  const personIds = new Map<string, string>();
  const personRef = (p: unknown): string[] => {
    const person = obj(p);
    const name = personName(p);
    if (!name) return [];
    const key = name.toLowerCase();
    const known = personIds.get(key);
    const affiliation = str(person?.affiliation) || str(person?.institution);
    if (known) {
      if (affiliation && !people[known]!.affiliation) people[known]!.affiliation = affiliation;
      return [known];
    }
    const id = uniqueId(slugify(name, 'person'));
    personIds.set(key, id);
    people[id] = affiliation ? { name, affiliation } : { name };
    return [id];
  };
  const rooms: { id: string; name: string }[] = [];
  const roomIds = new Map<string, string>();
  const roomOf = (e: Json): string | undefined => {
    const short = str(e.room);
    const full = str(e.roomFullname) || str(e.room_fullname);
    const key = (short || full).toLowerCase();
    if (!key) return undefined;
    const name = full.length > short.length ? full : short;
    const known = rooms.find((r) => r.id === roomIds.get(key));
    if (known) {
      if (name.length > known.name.length) known.name = name; // a later entry may give the full name
      return known.id;
    }
    const id = uniqueId(slugify(short || full, 'room'));
    roomIds.set(key, id);
    rooms.push({ id, name });
    return id;
  };
  const kindGuesses = new Map<string, string[]>();
  const guessed = (kind: ItemKind, reason: string, title: string) =>
    kindGuesses.set(`${kind}|${reason}`, [...(kindGuesses.get(`${kind}|${reason}`) ?? []), title]);
  let relativeLinks = 0;
  const time = (e: Json, where: string): { start: string; end: string } | null => {
    const start = readDate(e.startDate, zone);
    let end = readDate(e.endDate, zone);
    const minutes = num(e.duration);
    if (start && !end && minutes && minutes > 0) end = start.plus({ minutes });
    if (!start || !end) note(where, `no readable ${start ? 'end time or duration' : 'start time'}`, 'dropped');
    else if (end <= start)
      note(where, `it ends at ${hm(end, zone)}, not after its start ${hm(start, zone)}`, 'dropped');
    else return { start: local(start, zone), end: local(end, zone) };
    return null;
  };
  const roomless: string[] = [];
  /** Entries with a venue but no room: in the venue's main room, or away from the rooms if the venue differs. */
  const elsewhere: { item: ItemInput; where: string; place: string }[] = [];

  const toItem = (e: Json, type: EntryType, where: string, session?: { room?: string; isPoster: boolean }) => {
    const span = time(e, where);
    if (!span) return null;
    let title = str(e.title);
    if (!title) {
      title = type === 'break' ? 'Break' : 'Untitled';
      note(where, `no title: called "${title}"`, 'guessed');
    }
    let kind: ItemKind = 'talk';
    // A title that only says it is a talk ("Lightning talks") is no hint: talks are the default.
    const named = kindFromLabel(title) ?? kindFromLabel(str(e.type));
    const hint = named === 'talk' ? undefined : named;
    if (type === 'break') kind = MEAL.test(title) ? 'meal' : 'break';
    else if (session?.isPoster) kind = 'poster';
    else if (hint) kind = hint;
    if (kind === 'meal') guessed(kind, 'as breaks whose title names a meal', title);
    else if (session?.isPoster && type !== 'break') guessed(kind, 'as they are in a poster session', title);
    else if (type !== 'break') guessed(kind, hint ? 'from the title' : 'by default (no hint in the title)', title);
    let room = roomOf(e);
    if (session && room === session.room) room = undefined;
    const away = !session && !room ? str(e.location) || str(e.venueName) : '';
    if (!session && !room && !away) roomless.push(where);
    const item: ItemInput = {
      id: uniqueId(idFromForeign(str(e.id), type.charAt(0))),
      kind,
      title,
      ...span,
      speakers: type === 'contribution' ? peopleOf(e, ['presenters', 'speakers'], true).flatMap(personRef) : [],
    };
    if (room) item.room = room;
    if (away) elsewhere.push({ item, where, place: away });
    const abstract = plainText(str(e.description));
    if (abstract) item.abstract = abstract;
    const link = str(e.url);
    if (isHttpUrl(link)) item.url = link;
    else if (link) relativeLinks++;
    return item;
  };

  const sessions: SessionInput[] = [];
  const items: ItemInput[] = [];
  for (const e of tops) {
    const type = entryType(e);
    const where = describe(type ?? 'entry', e);
    if (!type) note(where, `unknown entry type "${str(e.entryType) || str(e._type)}"`, 'dropped');
    if (type !== 'session') {
      const item = type ? toItem(e, type, where) : null;
      if (item) items.push(item);
      continue;
    }
    const sessionTitle = str(e.sessionTitle) || str(e.title) || 'Session';
    const block = str(e.slotTitle) || (str(e.sessionTitle) ? str(e.title) : '');
    const title = block && block !== sessionTitle ? `${sessionTitle}: ${block}` : sessionTitle;
    const span = time(e, where);
    if (!span) continue;
    const room = roomOf(e);
    const isPoster = e.isPoster === true || e.isPoster === 'true';
    const children: ItemInput[] = [];
    for (const child of childEntries(e)) {
      const childType = entryType(child);
      const childWhere = `${where}, ${describe(childType ?? 'entry', child)}`;
      if (childType === 'session' || !childType) note(childWhere, 'not a contribution or break', 'dropped');
      const item =
        childType && childType !== 'session' ? toItem(child, childType, childWhere, { room, isPoster }) : null;
      if (item) children.push(item);
    }
    if (!room) roomless.push(where);
    if (!children.length) {
      const item = toItem({ ...e, title }, 'contribution', where, { isPoster });
      if (item) items.push(item);
      note(where, 'a session block with no contributions: imported as a single item, without its conveners', 'guessed');
      continue;
    }
    const session: SessionInput = {
      id: uniqueId(idFromForeign(str(e.id), 's')),
      title,
      ...span,
      chairs: peopleOf(e, ['conveners', 'convenors', 'chairs'], false).flatMap(personRef),
      items: children.sort(byStart),
    };
    if (room) session.room = room;
    sessions.push(session);
  }
  if (!sessions.length && !items.length) return fail('no usable entries in the Indico timetable (see the times)');

  for (const [key, titles] of kindGuesses) {
    const [kind, reason] = key.split('|');
    const sample = sampleOf(titles);
    note('', `${titles.length} entr${titles.length > 1 ? 'ies' : 'y'} made "${kind}" ${reason}: ${sample}`, 'guessed');
  }
  if (relativeLinks)
    note('', `${relativeLinks} link(s) without a server (relative or not http) dropped from the items`, 'dropped');

  const name = options.sourceName?.trim() || `Indico event ${found.eventId || 'import'}`;
  const namedAfter = options.sourceName?.trim() ? 'the source' : 'the event id';
  note('', `the timetable export has no event title: named after ${namedAfter}, "${name}"`, 'guessed');
  const mainVenue = mostCommon(all.map((e) => str(e.location) || str(e.venueName)));
  const venue = mainVenue ?? name;
  if (!mainVenue) note('', `no location (venue) in the export: the venue is called "${venue}"`, 'guessed');
  const locations: { id: string; name: string }[] = [];
  for (const { item, where, place } of elsewhere) {
    if (place === mainVenue) {
      roomless.push(where);
      continue;
    }
    let location = locations.find((l) => l.name === place);
    if (!location) locations.push((location = { id: uniqueId(slugify(place, 'location')), name: place }));
    item.location = location.id;
    note(where, `no room but the location "${place}": shown on every screen as away from the rooms`, 'guessed');
  }
  if (!rooms.length) {
    rooms.push({ id: 'main', name: 'Main' });
    note('', 'no entry names a room: everything is in a single room "Main"', 'guessed');
  } else for (const where of roomless) note(where, `no room: shown in the main room "${rooms[0]!.name}"`, 'guessed');
  const eventUrl = all.map((e) => /^(https?:\/\/\S+?\/event\/[^/\s]+\/)/.exec(str(e.url))?.[1]).find(Boolean);
  const program: ProgramInput = {
    formatVersion: 1,
    event: { id: slugify(name, 'event'), name, ...(eventUrl ? { url: eventUrl } : {}) },
    timezone: zone,
    venue: { name: venue },
    rooms,
    ...(locations.length ? { locations } : {}),
    people,
    sessions: sessions.sort(byStart),
    items: items.sort(byStart),
  };
  return { ok: true, format: FORMAT, program, notes };
}

function findTimetable(root: unknown): { eventId: string; days: Json; otherEvents: string } | { error: string } {
  const isDays = (v: unknown) => {
    const keys = Object.keys(obj(v) ?? {});
    return keys.length > 0 && keys.every((k) => /^\d{8}$/.test(k));
  };
  const top = obj(root);
  const expected = 'expected {"results": {"<event id>": {"<YYYYMMDD>": {<entries>}}}} from /export/timetable/<id>.json';
  if (!top) return { error: `not an Indico timetable: ${expected}` };
  if (Array.isArray(top.results)) return { error: `this is an Indico event export, not its timetable: ${expected}` };
  const results = obj(top.results) ?? top;
  if (isDays(results)) return { eventId: '', days: results, otherEvents: '' };
  const events = Object.entries(results).filter(([, v]) => isDays(v));
  if (!events.length) return { error: `not an Indico timetable, or an empty one: ${expected}` };
  const [eventId, days] = events[0]!;
  return {
    eventId,
    days: obj(days)!,
    otherEvents: events
      .slice(1)
      .map(([id]) => id)
      .join(', '),
  };
}

/** The zone most entries are given in; the others are converted into it. */
function programZone(
  entries: Json[],
  defaultZone: string | null,
  note: (where: string, message: string, kind: ImportNote['kind']) => void,
): string {
  const names = entries.flatMap((e) => [obj(e.startDate)?.tz, obj(e.endDate)?.tz].map(str).filter(Boolean));
  const zones = names.flatMap((n) => ianaZoneFor(n) ?? []);
  const zone = mostCommon(zones) ?? defaultZone ?? 'UTC';
  for (const unknown of new Set(names.filter((n) => !ianaZoneFor(n))))
    note('', `unknown time zone "${unknown}": those times are read in ${zone}`, 'guessed');
  if (new Set(zones).size > 1)
    note('', `entries use several time zones (${[...new Set(zones)].join(', ')}): all converted to ${zone}`, 'guessed');
  if (!zones.length)
    note(
      '',
      `the entries give no time zone: times read in ${zone}${defaultZone ? '' : ' (no default zone given)'}`,
      'guessed',
    );
  return zone;
}

function readDate(v: unknown, zone: string): DateTime | null {
  if (typeof v === 'string') {
    const dt = DateTime.fromISO(v.trim().replace(' ', 'T'), { zone, setZone: true });
    return dt.isValid ? dt : null;
  }
  const o = obj(v);
  const date = str(o?.date);
  const time = (str(o?.time) || '00:00:00').replace(/^(\d):/, '0$1:');
  if (!o || !date) return null;
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: ianaZoneFor(str(o.tz)) ?? zone });
  return dt.isValid ? dt : null;
}

function local(dt: DateTime, zone: string): string {
  const there = dt.setZone(zone);
  return there.toFormat(there.second ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
}

function hm(dt: DateTime, zone: string): string {
  return dt.setZone(zone).toFormat('yyyy-MM-dd HH:mm');
}

function personName(p: unknown): string {
  const person = obj(p);
  const first = str(person?.first_name) || str(person?.firstName);
  const last = str(person?.last_name) || str(person?.familyName) || str(person?.lastName);
  const name =
    typeof p === 'string'
      ? p
      : str(person?.name) || str(person?.fullName) || str(person?.person_name) || `${first} ${last}`;
  return name.replace(/\s+/g, ' ').trim();
}

function isHttpUrl(link: string): boolean {
  return /^https?:\/\//i.test(link) && z.url().safeParse(link).success;
}

function entryType(e: Json): EntryType | null {
  const t = `${str(e.entryType)} ${str(e._type)}`.toLowerCase();
  if (/session|linkedtimesch/.test(t) || (!t.trim() && obj(e.entries))) return 'session';
  if (/contrib/.test(t)) return 'contribution';
  if (/break/.test(t)) return 'break';
  return null;
}

/** The people of an entry under the first key that has some; newer Indico puts them all in personLinks with roles. */
function peopleOf(e: Json, keys: string[], speakersOnly: boolean): unknown[] {
  for (const key of keys) {
    const v = e[key];
    if (Array.isArray(v) && v.length) return v;
    if (typeof v === 'string' && v.trim()) return [v];
  }
  const links = Array.isArray(e.personLinks) ? e.personLinks : [];
  const withRoles = links.filter((p) => Array.isArray(obj(p)?.roles));
  if (!speakersOnly || !withRoles.length) return links;
  return withRoles.filter((p) => (obj(p)!.roles as unknown[]).includes('speaker'));
}

function childEntries(e: Json): Json[] {
  return Object.values(obj(e.entries) ?? {}).flatMap((c) => {
    const child = obj(c);
    return child ? [child] : [];
  });
}

function describe(type: string, e: Json): string {
  return `${type} "${str(e.sessionTitle) || str(e.title)}"${str(e.id) ? ` (id ${str(e.id)})` : ''}`;
}

function byStart<T extends { start: string }>(a: T, b: T): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

function obj(v: unknown): Json | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

function num(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}
