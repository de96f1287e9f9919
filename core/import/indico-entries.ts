// Reading an Indico timetable export: where the entries are, their types, times, people and zone. Pure.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ImportNote } from './types.ts';
import { ianaZoneFor } from './windows-zones.ts';
import { mostCommon } from './shared.ts';

export type Json = Record<string, unknown>;
export type EntryType = 'session' | 'contribution' | 'break';

/** Text of a scalar, '' when missing: Indico writes ids as numbers or strings, and leaves fields out. */
const Text = z.unknown().optional().transform(str);

/**
 * One timetable entry (session block, contribution or break) as Indico's exports write it, old and new: the fields
 * Roomcue reads, as text; dates, people and children stay as found and are read by readDate, peopleOf and
 * childEntries. Unknown fields are kept, so peopleOf can look under the keys each Indico version uses.
 */
export const IndicoEntry = z.looseObject({
  id: Text,
  title: Text,
  sessionTitle: Text,
  slotTitle: Text,
  entryType: Text,
  _type: Text,
  type: Text,
  description: Text,
  url: Text,
  room: Text,
  roomFullname: Text,
  room_fullname: Text,
  location: Text,
  venueName: Text,
  startDate: z.unknown().optional(),
  endDate: z.unknown().optional(),
  duration: z.unknown().optional(),
  isPoster: z.unknown().optional(),
  entries: z.unknown().optional(),
});
export type IndicoEntry = z.output<typeof IndicoEntry>;

/** An entry, or null for a value that is not one (a number, a list) in the export. */
export function readEntry(value: unknown): IndicoEntry | null {
  if (!obj(value)) return null;
  const parsed = IndicoEntry.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function findTimetable(root: unknown): { eventId: string; days: Json; otherEvents: string } | { error: string } {
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
export function programZone(
  entries: IndicoEntry[],
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

export function readDate(v: unknown, zone: string): DateTime | null {
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

export function local(dt: DateTime, zone: string): string {
  const there = dt.setZone(zone);
  return there.toFormat(there.second ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
}

export function hm(dt: DateTime, zone: string): string {
  return dt.setZone(zone).toFormat('yyyy-MM-dd HH:mm');
}

export function personName(p: unknown): string {
  const person = obj(p);
  const first = str(person?.first_name) || str(person?.firstName);
  const last = str(person?.last_name) || str(person?.familyName) || str(person?.lastName);
  const name =
    typeof p === 'string'
      ? p
      : str(person?.name) || str(person?.fullName) || str(person?.person_name) || `${first} ${last}`;
  return name.replace(/\s+/g, ' ').trim();
}

export function isHttpUrl(link: string): boolean {
  return /^https?:\/\//i.test(link) && z.url().safeParse(link).success;
}

export function entryType(e: IndicoEntry): EntryType | null {
  const t = `${e.entryType} ${e._type}`.toLowerCase();
  if (/session|linkedtimesch/.test(t) || (!t.trim() && obj(e.entries))) return 'session';
  if (/contrib/.test(t)) return 'contribution';
  if (/break/.test(t)) return 'break';
  return null;
}

/** The people of an entry under the first key that has some; newer Indico puts them all in personLinks with roles. */
export function peopleOf(e: IndicoEntry, keys: string[], speakersOnly: boolean): unknown[] {
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

export function childEntries(e: IndicoEntry): IndicoEntry[] {
  return Object.values(obj(e.entries) ?? {}).flatMap((c) => readEntry(c) ?? []);
}

export function describe(type: string, e: IndicoEntry): string {
  return `${type} "${e.sessionTitle || e.title}"${e.id ? ` (id ${e.id})` : ''}`;
}

export function byStart<T extends { start: string }>(a: T, b: T): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

export function obj(v: unknown): Json | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

export function num(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}
