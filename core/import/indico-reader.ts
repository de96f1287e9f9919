// Turns Indico timetable entries into sessions and items, with the rooms, people and locations they name, and
// notes on everything guessed or dropped. One reader per import.
import { dict } from '../own.ts';
import type { ItemKind, ProgramInput } from '../program/schema.ts';
import type { ImportNote } from './types.ts';
import { IdPool, idFromForeign, kindFromLabel, mostCommon, plainText, sampleOf, slugify } from './shared.ts';
import {
  byStart,
  childEntries,
  describe,
  entryType,
  hm,
  isHttpUrl,
  local,
  num,
  obj,
  peopleOf,
  personName,
  readDate,
  str,
  type EntryType,
  type IndicoEntry,
} from './indico-entries.ts';

type ItemInput = NonNullable<ProgramInput['items']>[number];
type SessionInput = NonNullable<ProgramInput['sessions']>[number];

const MEAL = /\b(lunch|dinner|d[ée]jeuner|d[iî]ner|breakfast|banquet|repas|meal)\b/i;

export class IndicoReader {
  readonly sessions: SessionInput[] = [];
  readonly items: ItemInput[] = [];
  private readonly ids = new IdPool();
  private readonly people = dict<{ name: string; affiliation?: string }>();
  private readonly personIds = new Map<string, string>();
  private readonly rooms: { id: string; name: string }[] = [];
  private readonly roomIds = new Map<string, string>();
  private readonly kindGuesses = new Map<string, string[]>();
  private relativeLinks = 0;
  private readonly roomless: string[] = [];
  /** Entries with a venue but no room: in the venue's main room, or away from the rooms if the venue differs. */
  private readonly elsewhere: { item: ItemInput; where: string; place: string }[] = [];

  constructor(
    private readonly zone: string,
    private readonly note: (where: string, message: string, kind: ImportNote['kind']) => void,
  ) {}

  /** A top-level entry of a day: a session block with its contributions, or a lone contribution or break. */
  readTop(e: IndicoEntry): void {
    const type = entryType(e);
    const where = describe(type ?? 'entry', e);
    if (!type) this.note(where, `unknown entry type "${e.entryType || e._type}"`, 'dropped');
    if (type === 'session') return this.readSession(e, where);
    const item = type ? this.toItem(e, type, where) : null;
    if (item) this.items.push(item);
  }

  private readSession(e: IndicoEntry, where: string): void {
    const sessionTitle = e.sessionTitle || e.title || 'Session';
    const block = e.slotTitle || (e.sessionTitle ? e.title : '');
    const title = block && block !== sessionTitle ? `${sessionTitle}: ${block}` : sessionTitle;
    const span = this.time(e, where);
    if (!span) return;
    const room = this.roomOf(e);
    const isPoster = e.isPoster === true || e.isPoster === 'true';
    const children: ItemInput[] = [];
    for (const child of childEntries(e)) {
      const childType = entryType(child);
      const childWhere = `${where}, ${describe(childType ?? 'entry', child)}`;
      if (childType === 'session' || !childType) this.note(childWhere, 'not a contribution or break', 'dropped');
      const item =
        childType && childType !== 'session' ? this.toItem(child, childType, childWhere, { room, isPoster }) : null;
      if (item) children.push(item);
    }
    if (!room) this.roomless.push(where);
    if (!children.length) {
      const item = this.toItem({ ...e, title }, 'contribution', where, { isPoster });
      if (item) this.items.push(item);
      const message = 'a session block with no contributions: imported as a single item, without its conveners';
      return this.note(where, message, 'guessed');
    }
    const session: SessionInput = {
      id: this.ids.claim(idFromForeign(e.id, 's')),
      title,
      ...span,
      chairs: peopleOf(e, ['conveners', 'convenors', 'chairs'], false).flatMap((p) => this.personRef(p)),
      items: children.sort(byStart),
    };
    if (room) session.room = room;
    this.sessions.push(session);
  }

  private toItem(e: IndicoEntry, type: EntryType, where: string, session?: { room?: string; isPoster: boolean }) {
    const span = this.time(e, where);
    if (!span) return null;
    let title = e.title;
    if (!title) {
      title = type === 'break' ? 'Break' : 'Untitled';
      this.note(where, `no title: called "${title}"`, 'guessed');
    }
    let room = this.roomOf(e);
    if (session && room === session.room) room = undefined;
    const away = !session && !room ? e.location || e.venueName : '';
    if (!session && !room && !away) this.roomless.push(where);
    const item: ItemInput = {
      id: this.ids.claim(idFromForeign(e.id, type.charAt(0))),
      kind: this.kindOf(e, type, title, session?.isPoster === true),
      title,
      ...span,
      speakers:
        type === 'contribution' ? peopleOf(e, ['presenters', 'speakers'], true).flatMap((p) => this.personRef(p)) : [],
    };
    if (room) item.room = room;
    if (away) this.elsewhere.push({ item, where, place: away });
    const abstract = plainText(e.description);
    if (abstract) item.abstract = abstract;
    const link = e.url;
    if (isHttpUrl(link)) item.url = link;
    else if (link) this.relativeLinks++;
    return item;
  }

  private kindOf(e: IndicoEntry, type: EntryType, title: string, inPosterSession: boolean): ItemKind {
    // A title that only says it is a talk ("Lightning talks") is no hint: talks are the default.
    const named = kindFromLabel(title) ?? kindFromLabel(e.type);
    const hint = named === 'talk' ? undefined : named;
    let kind: ItemKind = 'talk';
    if (type === 'break') kind = MEAL.test(title) ? 'meal' : 'break';
    else if (inPosterSession) kind = 'poster';
    else if (hint) kind = hint;
    if (kind === 'meal') this.guessed(kind, 'as breaks whose title names a meal', title);
    else if (inPosterSession && type !== 'break') this.guessed(kind, 'as they are in a poster session', title);
    else if (type !== 'break') this.guessed(kind, hint ? 'from the title' : 'by default (no hint in the title)', title);
    return kind;
  }

  private guessed(kind: ItemKind, reason: string, title: string): void {
    const key = `${kind}|${reason}`;
    this.kindGuesses.set(key, [...(this.kindGuesses.get(key) ?? []), title]);
  }

  private time(e: IndicoEntry, where: string): { start: string; end: string } | null {
    const start = readDate(e.startDate, this.zone);
    let end = readDate(e.endDate, this.zone);
    const minutes = num(e.duration);
    if (start && !end && minutes && minutes > 0) end = start.plus({ minutes });
    if (!start || !end) this.note(where, `no readable ${start ? 'end time or duration' : 'start time'}`, 'dropped');
    else if (end <= start)
      this.note(where, `it ends at ${hm(end, this.zone)}, not after its start ${hm(start, this.zone)}`, 'dropped');
    else return { start: local(start, this.zone), end: local(end, this.zone) };
    return null;
  }

  private personRef(p: unknown): string[] {
    const person = obj(p);
    const name = personName(p);
    if (!name) return [];
    const key = name.toLowerCase();
    const known = this.personIds.get(key);
    const affiliation = str(person?.affiliation) || str(person?.institution);
    if (known) {
      if (affiliation && !this.people[known]!.affiliation) this.people[known]!.affiliation = affiliation;
      return [known];
    }
    const id = this.ids.claim(slugify(name, 'person'));
    this.personIds.set(key, id);
    this.people[id] = affiliation ? { name, affiliation } : { name };
    return [id];
  }

  private roomOf(e: IndicoEntry): string | undefined {
    const short = e.room;
    const full = e.roomFullname || e.room_fullname;
    const key = (short || full).toLowerCase();
    if (!key) return undefined;
    const name = full.length > short.length ? full : short;
    const known = this.rooms.find((r) => r.id === this.roomIds.get(key));
    if (known) {
      if (name.length > known.name.length) known.name = name; // a later entry may give the full name
      return known.id;
    }
    const id = this.ids.claim(slugify(short || full, 'room'));
    this.roomIds.set(key, id);
    this.rooms.push({ id, name });
    return id;
  }

  /** The program, once every entry is read: its venue, rooms, locations away and the notes that sum it up. */
  program(all: IndicoEntry[], eventId: string, sourceName: string | undefined): ProgramInput {
    this.noteGuesses();
    const name = sourceName?.trim() || `Indico event ${eventId || 'import'}`;
    const namedAfter = sourceName?.trim() ? 'the source' : 'the event id';
    this.note('', `the timetable export has no event title: named after ${namedAfter}, "${name}"`, 'guessed');
    const mainVenue = mostCommon(all.map((e) => e.location || e.venueName));
    const venue = mainVenue ?? name;
    if (!mainVenue) this.note('', `no location (venue) in the export: the venue is called "${venue}"`, 'guessed');
    const locations = this.placeElsewhere(mainVenue);
    if (!this.rooms.length) {
      this.rooms.push({ id: 'main', name: 'Main' });
      this.note('', 'no entry names a room: everything is in a single room "Main"', 'guessed');
    } else
      for (const where of this.roomless)
        this.note(where, `no room: shown in the main room "${this.rooms[0]!.name}"`, 'guessed');
    const eventUrl = all.map((e) => /^(https?:\/\/\S+?\/event\/[^/\s]+\/)/.exec(e.url)?.[1]).find(Boolean);
    return {
      formatVersion: 1,
      event: { id: slugify(name, 'event'), name, ...(eventUrl ? { url: eventUrl } : {}) },
      timezone: this.zone,
      venue: { name: venue },
      rooms: this.rooms,
      ...(locations.length ? { locations } : {}),
      people: this.people,
      sessions: this.sessions.sort(byStart),
      items: this.items.sort(byStart),
    };
  }

  private noteGuesses(): void {
    for (const [key, titles] of this.kindGuesses) {
      const [kind, reason] = key.split('|');
      const count = `${titles.length} entr${titles.length > 1 ? 'ies' : 'y'}`;
      this.note('', `${count} made "${kind}" ${reason}: ${sampleOf(titles)}`, 'guessed');
    }
    if (this.relativeLinks)
      this.note(
        '',
        `${this.relativeLinks} link(s) without a server (relative or not http) dropped from the items`,
        'dropped',
      );
  }

  /** Entries at another venue than the main one become locations away from the rooms; the others, roomless. */
  private placeElsewhere(mainVenue: string | null): { id: string; name: string }[] {
    const locations: { id: string; name: string }[] = [];
    for (const { item, where, place } of this.elsewhere) {
      if (place === mainVenue) {
        this.roomless.push(where);
        continue;
      }
      let location = locations.find((l) => l.name === place);
      if (!location) locations.push((location = { id: this.ids.claim(slugify(place, 'location')), name: place }));
      item.location = location.id;
      this.note(where, `no room but the location "${place}": shown on every screen as away from the rooms`, 'guessed');
    }
    return locations;
  }
}
