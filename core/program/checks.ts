// The rules between fields that a schema cannot say: references, time order, overlaps, TBA people.
import { type Diagnostic, type WarningKind } from './diagnostics.ts';
import { TBA, type Program } from './schema.ts';
import { DateTime } from 'luxon';
import {
  dayChangeMinutes,
  isKnownZone,
  isRepeatedLocal,
  localDate,
  localTime,
  parseLocal,
  programDay,
} from '../time.ts';
import { itemRoom, placedItems } from './walk.ts';

interface Span {
  start: number;
  end: number;
  path: string;
  title: string;
  room: string | null;
}

export function checkProgram(program: Program): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (path: string, message: string) => out.push({ severity: 'error', path, message });
  const warn = (path: string, message: string, kind: WarningKind) =>
    out.push({ severity: 'warning', path, message, kind });

  const zone = program.timezone;
  if (!isKnownZone(zone)) {
    error('timezone', `unknown time zone "${zone}": use an IANA name such as "Europe/Paris"`);
    return out; // no time below can be placed without a zone
  }
  if (/^(UTC|GMT|Etc\/)/i.test(zone))
    warn('timezone', `"${zone}" is a fixed offset: summer time will not apply`, 'fixed-offset');

  const roomIds = new Set(program.rooms.map((r) => r.id));
  const locationIds = new Set(program.locations.map((l) => l.id));
  duplicates(
    program.rooms.map((r, i) => [r.id, `rooms[${i}]`]),
    'room',
    error,
  );
  duplicates(
    program.locations.map((l, i) => [l.id, `locations[${i}]`]),
    'location',
    error,
  );
  if (program.mainRoom && !roomIds.has(program.mainRoom)) error('mainRoom', `unknown room "${program.mainRoom}"`);

  const person = (path: string, ref: string, role: string) => {
    if (ref === TBA) warn(path, `${role} is TBA`, 'tba');
    else if (!Object.hasOwn(program.people, ref)) error(path, `unknown person "${ref}" (not a key of "people")`);
  };
  program.event.programChairs.forEach((p, i) => person(`event.programChairs[${i}]`, p, 'program chair'));

  const span = (path: string, start: string, end: string): { start: number; end: number } | null => {
    const s = parseLocal(start, zone);
    const e = parseLocal(end, zone);
    if (!s.ok) error(path, `start ${s.reason}`);
    if (!e.ok) error(path, `end ${e.reason}`);
    if (!s.ok || !e.ok) return null;
    for (const [what, text] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (isRepeatedLocal(text, zone))
        warn(
          path,
          `${what} ${text.replace('T', ' ')} happens twice in ${zone} (clocks go back an hour): it is read as the second one, after the change`,
          'repeated-hour',
        );
    }
    if (e.at < s.at) error(path, `end ${hm(end)} is before start ${hm(start)}`);
    else if (e.at === s.at) error(path, `end ${hm(end)} is the same as start: an item must last`);
    else return { start: s.at, end: e.at };
    return null;
  };

  const sessionSpans = new Map<string, { start: number; end: number } | null>();
  program.sessions.forEach((session, s) => {
    const path = `sessions[${s}]`;
    sessionSpans.set(path, span(path, session.start, session.end));
    if (session.room && !roomIds.has(session.room)) error(`${path}.room`, `unknown room "${session.room}"`);
    session.chairs.forEach((p, i) => person(`${path}.chairs[${i}]`, p, 'chair'));
    session.moderators.forEach((p, i) => person(`${path}.moderators[${i}]`, p, 'moderator'));
  });

  const ids: [string, string][] = program.sessions.map((s, i) => [s.id, `sessions[${i}]`]);
  const spans: Span[] = [];
  for (const { item, session, sessionPath, path } of placedItems(program)) {
    ids.push([item.id, path]);
    if (item.room && !roomIds.has(item.room)) error(`${path}.room`, `unknown room "${item.room}"`);
    if (item.location && !locationIds.has(item.location))
      error(`${path}.location`, `unknown location "${item.location}"`);
    if (item.room && item.location) error(path, 'set either "room" or "location", not both');
    item.speakers.forEach((p, i) => person(`${path}.speakers[${i}]`, p, 'speaker'));
    const time = span(path, item.start, item.end);
    if (!time) continue;
    const outer = sessionPath ? sessionSpans.get(sessionPath) : null;
    if (session && outer && (time.start < outer.start || time.end > outer.end)) {
      warn(
        path,
        `${hm(item.start)}–${hm(item.end)} is outside its session "${session.title}" (${hm(session.start)}–${hm(session.end)})`,
        'outside-session',
      );
    }
    spans.push({ ...time, path, title: item.title, room: itemRoom(program, item, session) });
  }
  duplicates(ids, 'id', error);
  overlaps(spans, zone, warn);
  beforeDayChange(spans, zone, program.dayChange, warn);
  return out;
}

/**
 * With days changing at 05:00, an item at 01:00 belongs to the night before: right for the congress's night talk,
 * wrong for a registration at 04:30 that nothing leads up to, which would make a day of its own. One warning per
 * such item: it starts before the day change and nothing of its day of the event started before it.
 */
function beforeDayChange(
  spans: Span[],
  zone: string,
  dayChange: string | undefined,
  warn: (path: string, message: string, kind: 'before-day-change') => void,
) {
  const minutes = dayChangeMinutes(dayChange);
  if (minutes === 0) return;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const started = new Set<string>();
  for (const s of sorted) {
    const day = programDay(s.start, zone, minutes);
    if (day !== localDate(s.start, zone) && !started.has(day)) {
      const clock = localTime(s.start, zone);
      const name = DateTime.fromISO(day, { zone: 'UTC' }).setLocale('en-GB').toFormat('cccc d LLLL');
      warn(
        s.path,
        `"${s.title}" starts at ${clock}, before the day change at ${dayChange}: it counts as a day of its own, ${name}; move dayChange earlier (e.g. "${clock.slice(0, 2)}:00") if the day starts then`,
        'before-day-change',
      );
    }
    started.add(day);
  }
}

function duplicates(entries: [string, string][], what: string, error: (path: string, message: string) => void) {
  const seen = new Map<string, string>();
  for (const [id, path] of entries) {
    const first = seen.get(id);
    if (first) error(path, `duplicate ${what} "${id}" (already used at ${first})`);
    else seen.set(id, path);
  }
}

/** Spans still open at the moment being swept, the one ending first on top (a binary min-heap on `end`). */
class OpenSpans {
  private readonly heap: Span[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** The open span that ends first, once those ended by `at` are gone. */
  firstAt(at: number): Span | undefined {
    while (this.heap.length > 0 && this.heap[0]!.end <= at) this.pop();
    return this.heap[0];
  }

  push(span: Span): void {
    const h = this.heap;
    h.push(span);
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (h[parent]!.end <= h[i]!.end) break;
      [h[parent], h[i]] = [h[i]!, h[parent]!];
      i = parent;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l]!.end < h[m]!.end) m = l;
      if (r < h.length && h[r]!.end < h[m]!.end) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i]!, h[m]!];
      i = m;
    }
  }
}

/**
 * Two items overlap when they share a room, or when either is away from the rooms (it concerns everyone). One
 * warning per item that starts while others are on: it names the one that ends first and counts the rest. A sweep in
 * start order with heaps of open items (per room, away items, all): O(n log n), where listing every pair of 2,000
 * items all at once would be two million warnings.
 */
function overlaps(spans: Span[], zone: string, warn: (path: string, message: string, kind: 'overlap') => void) {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const byRoom = new Map<string, OpenSpans>();
  const away = new OpenSpans();
  const all = new OpenSpans();
  for (const s of sorted) {
    // Open items this one meets: everything for an item away from the rooms, else its room's and the away ones.
    const groups = s.room === null ? [all] : [byRoom.get(s.room), away].filter((g) => g !== undefined);
    const met: Span[] = [];
    let count = 0;
    for (const g of groups) {
      const first = g.firstAt(s.start);
      if (first) met.push(first);
      count += g.size;
    }
    if (count > 0) {
      const o = met.reduce((a, b) => (b.end < a.end || (b.end === a.end && b.start < a.start) ? b : a));
      const where = o.room ?? s.room;
      const others = count - 1;
      warn(
        s.path,
        `"${s.title}" overlaps "${o.title}" (${o.path})${where ? ` in room ${where}` : ''} from ${localTime(s.start, zone)} to ${localTime(Math.min(o.end, s.end), zone)}` +
          (others > 0 ? ` and ${others} other item${others === 1 ? '' : 's'}` : ''),
        'overlap',
      );
    }
    if (s.room === null) away.push(s);
    else {
      let room = byRoom.get(s.room);
      if (!room) byRoom.set(s.room, (room = new OpenSpans()));
      room.push(s);
    }
    all.push(s);
  }
}

function hm(local: string): string {
  return local.slice(11, 16);
}
