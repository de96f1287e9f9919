// From an iCalendar file (.ics) to a program: each VEVENT (or occurrence of one) an item, each LOCATION a room.
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ProgramInput } from '../program/schema.ts';
import { programNightDays } from './night-days.ts';
import { parserReason } from './detect.ts';
import type { ImportNote, ImportOptions, ImportResult } from './types.ts';
import { ianaZoneFor } from './windows-zones.ts';
import { IdPool, idFromForeign, kindFromLabel, mostCommon, sampleOf, slugify } from './shared.ts';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type ItemInput = NonNullable<ProgramInput['items']>[number];
type Note = (where: string, message: string, kind: ImportNote['kind']) => void;

const FORMAT = 'ical';
/** A repeating event is expanded into at most this many occurrences, within a year of its first one. */
export const MAX_OCCURRENCES = 500;
const RECURRENCE_WINDOW_MS = 366 * 86_400_000;
interface Occurrence {
  component: Component;
  id: string;
  start: number;
  end: number;
}

export function importIcal(text: string, options: ImportOptions = {}): ImportResult {
  const fail = (error: string): ImportResult => ({ ok: false, format: FORMAT, error });
  const source = text.replace(/^\uFEFF/, '');
  if (!source.trim()) return fail('the file is empty: expected an iCalendar file (BEGIN:VCALENDAR)');
  if (!/^\s*BEGIN:VCALENDAR/i.test(source)) return fail('not an iCalendar file: it should begin with BEGIN:VCALENDAR');
  const defaultZone = options.defaultZone ? ianaZoneFor(options.defaultZone) : null;
  if (options.defaultZone && !defaultZone) return fail(`unknown default time zone "${options.defaultZone}"`);
  let calendars: Component[];
  try {
    const jcal: unknown = ICAL.parse(source);
    calendars = (Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal : [jcal]).map((j) => new ICAL.Component(j));
  } catch (err) {
    return fail(`not a valid iCalendar file: ${parserReason(err)}`);
  }

  const notes: ImportNote[] = [];
  const note: Note = (where, message, kind) => notes.push({ where, message, kind });
  const calendarValue = (name: string) => calendars.map((c) => textOf(c.getFirstPropertyValue(name))).find(Boolean);
  const wrTimezone = calendarValue('x-wr-timezone');
  const calendarZone = wrTimezone ? ianaZoneFor(wrTimezone) : null;
  if (wrTimezone && !calendarZone)
    note('', `X-WR-TIMEZONE "${wrTimezone}" is not a known time zone: ignored`, 'dropped');
  const zones = zoneReader(defaultZone ?? calendarZone ?? 'UTC', note);

  const vevents = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  if (!vevents.length) return fail('the calendar has no events (no VEVENT)');
  const occurrences = occurrencesOf(vevents, zones, note);
  if (!occurrences.length)
    return fail('no usable events in the calendar (see the notes: all-day, cancelled or without times)');

  const zone = programZone(zones, calendarZone, defaultZone, note);
  const { items, rooms } = itemsOf(occurrences, zone, note);
  const name =
    calendarValue('x-wr-calname') || calendarValue('name') || options.sourceName?.trim() || 'Imported calendar';
  if (!calendarValue('x-wr-calname') && !calendarValue('name'))
    note('', `the calendar has no name (X-WR-CALNAME): the event is called "${name}"`, 'guessed');
  note('', `iCalendar has no venue: the venue is called "${name}"`, 'guessed');
  const program: ProgramInput = {
    formatVersion: 1,
    event: { id: slugify(name, 'event'), name },
    timezone: zone,
    venue: { name },
    rooms,
    people: {},
    items,
  };
  // iCalendar has no days: an evening that runs on past midnight keeps its night (core/import/night-days.ts).
  const night = programNightDays(program);
  for (const message of night.notes) note('', message, 'guessed');
  if (night.dayChange) program.dayChange = night.dayChange;
  return { ok: true, format: FORMAT, program, notes };
}

/** Every VEVENT as occurrences; overrides of one occurrence (RECURRENCE-ID) go with their series. */
function occurrencesOf(vevents: Component[], zones: ZoneReader, note: Note): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const byUid = new Map<string, Component[]>();
  vevents.forEach((v, i) => {
    const uid = textOf(v.getFirstPropertyValue('uid')) || `event-${i + 1}`;
    byUid.set(uid, [...(byUid.get(uid) ?? []), v]);
  });
  for (const [uid, components] of byUid) {
    // Without exactly one series, overrides stand alone.
    const masters = components.filter((c) => !c.hasProperty('recurrence-id'));
    const overrides = components.filter((c) => c.hasProperty('recurrence-id'));
    const groups: [Component, Component[]][] =
      masters.length === 1 ? [[masters[0]!, overrides]] : components.map((c) => [c, []]);
    for (const [component, exceptions] of groups) {
      const where = `event "${textOf(component.getFirstPropertyValue('summary'))}" (UID ${uid})`;
      try {
        occurrences.push(...expand(component, exceptions, uid, where, zones, note));
      } catch (err) {
        note(where, `unreadable: ${parserReason(err)}`, 'dropped');
      }
    }
  }
  return occurrences;
}

/** X-WR-TIMEZONE, else the zone most times are given in, else the default; notes say what was converted. */
function programZone(zones: ZoneReader, calendarZone: string | null, defaultZone: string | null, note: Note): string {
  const zone = calendarZone ?? mostCommon(zones.seen) ?? defaultZone ?? 'UTC';
  if (!calendarZone && !zones.seen.length && !defaultZone)
    note('', 'the calendar names no time zone: the program is in UTC (give a default zone to choose one)', 'guessed');
  const distinct = [...new Set(zones.seen)];
  if (distinct.length > 1 || (distinct.length === 1 && distinct[0] !== zone))
    note('', `events use ${distinct.join(', ')}: their times are converted to the program's zone ${zone}`, 'guessed');
  if (zones.floating) {
    const read = defaultZone
      ? `${defaultZone} (the default zone)`
      : calendarZone
        ? `${calendarZone} (X-WR-TIMEZONE)`
        : 'UTC (give a default zone)';
    const against =
      defaultZone && calendarZone && defaultZone !== calendarZone
        ? `, although X-WR-TIMEZONE says ${calendarZone}`
        : '';
    note('', `floating times (no TZID, no Z) are read in ${read}${against}`, 'guessed');
  }
  return zone;
}

/** Occurrences in time order as items, each LOCATION a room; notes sum up the kinds guessed and what was left out. */
function itemsOf(occurrences: Occurrence[], zone: string, note: Note) {
  const ids = new IdPool();
  const rooms: { id: string; name: string }[] = [];
  const kindGuesses = new Map<string, string[]>();
  const roomless: string[] = [];
  const dropped = { links: 0, participants: 0 };
  const items: ItemInput[] = [];
  for (const occ of occurrences.sort((a, b) => a.start - b.start || a.end - b.end)) {
    const c = occ.component;
    const where = `event "${textOf(c.getFirstPropertyValue('summary'))}" (UID ${textOf(c.getFirstPropertyValue('uid')) || 'none'})`;
    let title = textOf(c.getFirstPropertyValue('summary'));
    if (!title) note(where, 'no SUMMARY: called "Untitled"', 'guessed');
    title ||= 'Untitled';
    const { kind, reason } = kindOf(c, title);
    kindGuesses.set(`${kind}|${reason}`, [...(kindGuesses.get(`${kind}|${reason}`) ?? []), title]);
    const item: ItemInput = {
      id: ids.claim(occ.id),
      kind,
      title,
      start: local(occ.start, zone),
      end: local(occ.end, zone),
      speakers: [],
    };
    const place = textOf(c.getFirstPropertyValue('location')).replace(/\s+/g, ' ');
    if (place) {
      let room = rooms.find((r) => r.name.toLowerCase() === place.toLowerCase());
      if (!room) rooms.push((room = { id: ids.claim(slugify(place, 'room')), name: place }));
      item.room = room.id;
    } else roomless.push(where);
    const abstract = textOf(c.getFirstPropertyValue('description'));
    if (abstract) item.abstract = abstract;
    const link = textOf(c.getFirstPropertyValue('url'));
    if (link && /^https?:\/\//i.test(link) && z.url().safeParse(link).success) item.url = link;
    else if (link) dropped.links++;
    if (c.hasProperty('organizer') || c.hasProperty('attendee')) dropped.participants++;
    items.push(item);
  }
  noteItems(kindGuesses, dropped, note);
  if (!rooms.length) {
    rooms.push({ id: 'main', name: 'Main' });
    note('', 'no event has a LOCATION: everything is in a single room "Main"', 'guessed');
  } else
    for (const where of roomless) note(where, `no LOCATION: shown in the main room "${rooms[0]!.name}"`, 'guessed');
  return { items, rooms };
}

/** CATEGORIES first, then the SUMMARY; a talk by default. */
function kindOf(c: Component, title: string) {
  const categories = c.getAllProperties('categories').flatMap((p) => p.getValues().map(textOf));
  const hint = categories.map(kindFromLabel).find(Boolean);
  const kind = hint ?? kindFromLabel(title) ?? 'talk';
  const reason = hint
    ? 'from CATEGORIES'
    : kind === 'talk'
      ? 'by default (no hint in CATEGORIES or SUMMARY)'
      : 'from SUMMARY';
  return { kind, reason };
}

function noteItems(kindGuesses: Map<string, string[]>, dropped: { links: number; participants: number }, note: Note) {
  for (const [key, titles] of kindGuesses) {
    const [kind, reason] = key.split('|');
    const sample = sampleOf(titles);
    note('', `${titles.length} item${titles.length > 1 ? 's' : ''} made "${kind}" ${reason}: ${sample}`, 'guessed');
  }
  if (dropped.links) note('', `${dropped.links} URL value(s) that are not http(s) links dropped`, 'dropped');
  if (dropped.participants)
    note(
      '',
      `ORGANIZER/ATTENDEE of ${dropped.participants} item(s) not imported: they are invitees, not speakers; add speakers by hand`,
      'dropped',
    );
}

/** A VEVENT as its occurrences: one, or the expansion of its RRULE/RDATE with overrides and EXDATEs applied. */
function expand(
  component: Component,
  exceptions: Component[],
  uid: string,
  where: string,
  zones: ZoneReader,
  note: Note,
): Occurrence[] {
  const drop = (why: string): Occurrence[] => {
    note(where, why, 'dropped');
    return [];
  };
  const event = new ICAL.Event(component, { exceptions, strictExceptions: false });
  if (isCancelled(component)) return drop('STATUS:CANCELLED');
  if (!component.hasProperty('dtstart')) return drop('no DTSTART');
  if (event.startDate.isDate) return drop('an all-day event (DATE, no time of day)');
  if (!component.hasProperty('dtend') && !component.hasProperty('duration')) return drop('no DTEND or DURATION');
  const span = (e: InstanceType<typeof ICAL.Event>): [number, number] => [
    zones.instant(e.startDate, tzidOf(e.component, 'dtstart')),
    zones.instant(e.endDate, tzidOf(e.component, e.component.hasProperty('dtend') ? 'dtend' : 'dtstart')),
  ];
  const [start, end] = span(event);
  if (end <= start) return drop('it ends before it starts, or when it starts');
  const base = idFromForeign(uid, 'event');
  if (!event.isRecurring()) return [{ component, id: base, start, end }];

  // An occurrence of the series lasts as long as the first; an override (RECURRENCE-ID) has its own times.
  const seriesSpan = (time: Time): [number, number] => {
    const at = zones.instant(time, tzidOf(component, 'dtstart'));
    return [at, at + (end - start)];
  };
  const out: Occurrence[] = [];
  const iterator = event.iterator();
  let capped = false;
  let cancelled = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    const { item } = event.getOccurrenceDetails(next);
    const [occStart, occEnd] = item === event ? seriesSpan(next) : span(item);
    if (out.length >= MAX_OCCURRENCES || occStart - start > RECURRENCE_WINDOW_MS) {
      capped = true;
      break;
    }
    const id = `${base}-${DateTime.fromMillis(occStart, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmm")}`;
    if (isCancelled(item.component)) cancelled++;
    else if (occEnd > occStart) out.push({ component: item.component, id, start: occStart, end: occEnd });
  }
  const extra = [
    cancelled ? `; ${cancelled} cancelled left out` : '',
    capped ? `; stopped after ${MAX_OCCURRENCES} or a year` : '',
  ];
  note(where, `repeats: expanded into ${out.length} occurrence(s)${extra.join('')}`, capped ? 'dropped' : 'guessed');
  return out;
}

interface ZoneReader {
  instant(time: Time, tzid: string | null): number;
  /** The IANA zone of every TZID read, once per time: the program's zone is the most common. */
  seen: string[];
  floating: boolean;
}

/** Times given four ways: UTC ("Z"), a TZID defined by a VTIMEZONE in the file, a TZID naming a zone, floating. */
function zoneReader(floatingZone: string, note: Note): ZoneReader {
  const reported = new Set<string>();
  const once = (key: string, message: string) => {
    if (!reported.has(key)) note('', message, 'guessed');
    reported.add(key);
  };
  const reader: ZoneReader = {
    seen: [],
    floating: false,
    instant(time, tzid) {
      const wall = {
        year: time.year,
        month: time.month,
        day: time.day,
        hour: time.hour,
        minute: time.minute,
        second: time.second,
      };
      const inZone = (zone: string) => DateTime.fromObject(wall, { zone }).toMillis();
      if (time.zone?.tzid === 'UTC')
        return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
      if (!tzid) {
        reader.floating = true;
        return inZone(floatingZone);
      }
      const definition = time.zone && time.zone.tzid !== 'floating' && time.zone.component ? time.zone : null;
      const location = textOf(definition?.component?.getFirstPropertyValue('x-lic-location'));
      const iana = ianaZoneFor(tzid) ?? (location ? ianaZoneFor(location) : null);
      if (iana) reader.seen.push(iana);
      if (definition) {
        // The file's VTIMEZONE defines its TZIDs (RFC 5545); a mismatch with the IANA rules is worth a look.
        const at = time.toUnixTime() * 1000;
        if (iana && inZone(iana) !== at)
          once(
            `mismatch:${tzid}`,
            `the VTIMEZONE "${tzid}" disagrees with the IANA rules of ${iana} (e.g. on ${time.toString()}): the file's definition is used`,
          );
        if (!iana)
          once(
            `unnamed:${tzid}`,
            `time zone "${tzid}" is defined in the file but names no known zone: its times are right, but it cannot be the program's zone`,
          );
        return at;
      }
      if (iana) return inZone(iana);
      once(`unknown:${tzid}`, `unknown time zone "${tzid}" with no VTIMEZONE: its times are read in ${floatingZone}`);
      return inZone(floatingZone);
    },
  };
  return reader;
}

function tzidOf(component: Component, property: string): string | null {
  const tzid = component.getFirstProperty(property)?.getParameter('tzid');
  return typeof tzid === 'string' && tzid.trim() ? tzid.trim() : null;
}

function isCancelled(component: Component): boolean {
  return textOf(component.getFirstPropertyValue('status')).toUpperCase() === 'CANCELLED';
}

function local(at: number, zone: string): string {
  const dt = DateTime.fromMillis(at, { zone });
  return dt.toFormat(dt.second ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
