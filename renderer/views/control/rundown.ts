// The editable rundown's rules without a browser: what an edit form sends, and how the console words what changed.
import type { EditsJson, NoteJson } from '../../../core/contract/state.ts';
import type { Action } from '../../../core/live/actions.ts';
import type { ItemKind } from '../../../core/program/schema.ts';
import type { ItemJson } from '../../../core/schedule/screen-json.ts';
import { wallTime, zoneOffsetMs } from '../../lib/format.ts';

export type EditEntry = EditsJson['items'][number];
export type Conflict = EditsJson['conflicts'][number];

/** The program's people as the editor offers them: id → name, and a name (any case) → id. */
export interface People {
  names: Map<string, string>;
  ids: Map<string, string>;
}

export function peopleOf(people: Record<string, { name: string }> | undefined): People {
  const names = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const [id, p] of Object.entries(people ?? {})) {
    names.set(id, p.name);
    if (!ids.has(p.name.toLowerCase())) ids.set(p.name.toLowerCase(), id);
  }
  return { names, ids };
}

/** The id of the person typed (a name, any case, or an id), null when the program has nobody of that name. */
export function personId(typed: string, people: People): string | null {
  const text = typed.trim();
  if (!text) return null;
  if (people.names.has(text)) return text;
  return people.ids.get(text.toLowerCase()) ?? null;
}

/** "09:30" of an ISO date-time in the program's zone (its offset is the program's). */
export const clockOf = (iso: string): string => iso.slice(11, 16);
/** "2026-06-30" of the same. */
export const dateOf = (iso: string): string => iso.slice(0, 10);

/** "9:05", "09:05", "0905" → "09:05"; anything else null. */
export function parseClock(text: string): string | null {
  const m = /^\s*(\d{1,2})[:h.]?(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${m[2]}` : null;
}

export interface TimeForm {
  day: string;
  start: string;
  end: string;
  room: string;
}

/**
 * The item's time and room in the program (not the live times, which include lateness): what a move changes. Its day
 * is the day of the event: with days changing at 05:00 (`dayChange`, minutes), a talk at 01:00 is the night before's.
 */
export function timeForm(item: ItemJson, mainRoom: string, dayChange = 0): TimeForm {
  const date = dateOf(item.plannedStart);
  return {
    day: minutesOf(clockOf(item.plannedStart)) < dayChange ? shiftDate(date, -1) : date,
    start: clockOf(item.plannedStart),
    end: clockOf(item.plannedEnd),
    room: item.room ?? mainRoom,
  };
}

/** Minutes since midnight of "HH:MM". */
const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** "2026-06-30" → "2026-07-01" with 1 (calendar arithmetic, whatever the machine's zone). */
function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const nextDate = (date: string): string => shiftDate(date, 1);

/**
 * The date of an end typed as a clock: the start's day, or the next one when the end is not after the start and the
 * item would then last at most 12 hours (23:30–00:30 runs across midnight; 12:00–11:40 is a typo the server refuses).
 */
function endDate(day: string, start: string, end: string): string {
  const length = minutesOf(end) - minutesOf(start);
  return length <= 0 && length + 1440 <= 720 ? nextDate(day) : day;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; field: string; error: 'time' };

/**
 * The `program.item.move` a time form asks for, or null when nothing changed. An end left as it was keeps the
 * item's length (the server's default); an end before the start may be the next morning (`endDate`); otherwise the
 * order of start and end is the server's to check (its 409 says why).
 */
export function moveAction(
  item: ItemJson,
  form: TimeForm,
  mainRoom: string,
  dayChange = 0,
  /** The form as it was opened: only what the operator changed since is sent (another console may have moved it). */
  was: TimeForm = timeForm(item, mainRoom, dayChange),
): Outcome<Action | null> {
  const start = parseClock(form.start);
  if (!start) return { ok: false, field: 'start', error: 'time' };
  const end = parseClock(form.end);
  if (!end) return { ok: false, field: 'end', error: 'time' };
  const endChanged = end !== was.end;
  if (form.day === was.day && start === was.start && !endChanged && form.room === was.room)
    return { ok: true, value: null };
  // A start this operator left as it was is the item's start now (another console may have moved it since the form
  // opened): a change of room or end alone does not put the item back at its old time.
  const startKept = form.day === was.day && start === was.start;
  const now = startKept ? timeForm(item, mainRoom, dayChange) : null;
  const day = now?.day ?? form.day;
  const from = now?.start ?? start;
  // A time before the day change is that day's night: the next calendar date.
  const startDate = minutesOf(from) < dayChange ? nextDate(day) : day;
  return {
    ok: true,
    value: {
      type: 'program.item.move',
      itemId: item.id,
      start: `${startDate}T${from}`,
      ...(endChanged ? { end: `${endDate(startDate, from, end)}T${end}` } : {}),
      ...(form.room !== was.room ? { room: form.room } : {}),
    },
  };
}

/** The fields of an `program.item.update` the form changed (title, speakers), or null when none. */
export function updateSet(
  item: ItemJson,
  form: { title: string; speakers: string[] },
  speakerIds: string[],
): { title?: string; speakers?: string[] } | null {
  const set: { title?: string; speakers?: string[] } = {};
  const title = form.title.trim();
  if (title !== item.title) set.title = title;
  if (JSON.stringify(form.speakers) !== JSON.stringify(speakerIds)) set.speakers = form.speakers;
  return Object.keys(set).length ? set : null;
}

/** A value of a field as the console shows it: names for people, "09:30" for times, a room's name. */
export function valueText(
  field: string,
  value: unknown,
  people: People,
  rooms: { id: string; name: string }[],
  day: string | null = null,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'speakers' && Array.isArray(value))
    return value.map((id) => people.names.get(String(id)) ?? String(id)).join(', ') || '—';
  if ((field === 'start' || field === 'end') && typeof value === 'string') {
    const date = value.slice(0, 10);
    const time = value.slice(11, 16);
    return day !== null && date !== day ? `${date} ${time}` : time;
  }
  if (field === 'room' && typeof value === 'string') return rooms.find((r) => r.id === value)?.name ?? value;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The item's value of a field now, in the same words. */
function currentValue(field: string, item: ItemJson): unknown {
  switch (field) {
    case 'title':
      return item.title;
    case 'subtitle':
      return item.subtitle;
    case 'kind':
      return item.kind;
    case 'url':
      return item.url;
    case 'start':
      return item.plannedStart.slice(0, 16);
    case 'end':
      return item.plannedEnd.slice(0, 16);
    case 'room':
      return item.room;
    default:
      return undefined;
  }
}

export interface ChangeLine {
  field: string;
  text: string;
}

/** "Title: HPC in Transiton → HPC in Transition", one a field the edits changed. */
export function changeLines(
  entry: EditEntry,
  item: ItemJson,
  people: People,
  rooms: { id: string; name: string }[],
): ChangeLine[] {
  const day = dateOf(item.plannedStart);
  return entry.changed.map(({ field, label, was }) => {
    const now = field === 'speakers' ? item.speakers.map((p) => p.name).join(', ') || '—' : currentValue(field, item);
    const nowText = now === undefined ? '…' : valueText(field, now, people, rooms, day);
    return { field, text: `${label}: ${valueText(field, was, people, rooms, day)} → ${nowText}` };
  });
}

/** "Cancelled · Speaker ill (shown on the door)"; the control knows a private reason, the door does not. */
export function cancelText(
  c: { reason: string | null; public: boolean },
  w: { cancelled: string; shownOnDoor: string; privateReason: string },
): string {
  if (!c.reason) return w.cancelled;
  return `${w.cancelled} · ${c.reason} (${c.public ? w.shownOnDoor : w.privateReason})`;
}

export function noteOf(notes: NoteJson[] | undefined, itemId: string): { av: string; chair: string } {
  const n = notes?.find((x) => x.itemId === itemId);
  return { av: n?.av ?? '', chair: n?.chair ?? '' };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2026-10-25T02:30": an instant as a program time (the wall clock in `zone`, to the minute), whatever the TZ. */
export function programLocal(at: number, zone: string): string {
  const w = wallTime(at, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant a program time names as the server reads it (core/time.ts parseLocal): null where the clocks skip it
 * (spring); in the hour that happens twice (autumn), the second one.
 */
export function programInstant(local: string, zone: string): number | null {
  const wall = Date.parse(`${local}:00Z`);
  if (!Number.isFinite(wall)) return null;
  const found = [-12, 0, 12]
    .map((h) => wall - zoneOffsetMs(wall + h * 3_600_000, zone))
    .filter((at) => programLocal(at, zone) === local);
  return found.length ? Math.max(...found) : null;
}

/**
 * Whether a time typed in the editor ("02:15" on `day` of the event, in `zone`) is one the clocks skip ('skipped': the
 * server refuses it) or one that happens twice ('twice': the program's is the second, after the clocks go back).
 */
export function clockNote(day: string, clock: string, zone: string, dayChange = 0): 'twice' | 'skipped' | null {
  const date = minutesOf(clock) < dayChange ? nextDate(day) : day;
  const local = `${date}T${clock}`;
  const at = programInstant(local, zone);
  if (at === null) return 'skipped';
  return [3_600_000, 1_800_000].some((back) => programLocal(at - back, zone) === local) ? 'twice' : null;
}

/**
 * The typed start and end of a time form that the clocks skip or repeat that night, each read on the date moveAction
 * sends it with (a start before the day change on the next calendar date, an end not after the start the next
 * morning): said before it is sent (the server reads a repeated time as the second one, and refuses a skipped one).
 */
export function timeNotes(
  form: Pick<TimeForm, 'day' | 'start' | 'end'>,
  zone: string,
  dayChange = 0,
): { clock: string; kind: 'twice' | 'skipped' }[] {
  const dateOfStart = (clock: string) => (minutesOf(clock) < dayChange ? nextDate(form.day) : form.day);
  const start = parseClock(form.start);
  const end = parseClock(form.end);
  const typed: [string, string][] = [];
  if (start) typed.push([start, dateOfStart(start)]);
  if (end) typed.push([end, start ? endDate(dateOfStart(start), start, end) : dateOfStart(end)]);
  const notes: { clock: string; kind: 'twice' | 'skipped' }[] = [];
  for (const [clock, date] of typed) {
    if (notes.some((n) => n.clock === clock)) continue;
    const kind = clockNote(date, clock, zone);
    if (kind) notes.push({ clock, kind });
  }
  return notes;
}

/** Whether a program time can name `at`: not in the first of the autumn's two hours (it names the second). */
const nameable = (at: number, zone: string): boolean => programInstant(programLocal(at, zone), zone) === at;

/**
 * A new item right after `after` (same day and room), `minutes` long, with a fresh id. Its end is `minutes` after its
 * start in real time, as a program time of `zone`: 20 min after 01:50 on the night summer time begins is 03:10.
 */
export function insertedItem(
  after: ItemJson,
  title: string,
  minutes: number,
  kind: ItemKind,
  mainRoom: string,
  now = Date.now(),
  zone: string,
): {
  id: string;
  kind: ItemKind;
  title: string;
  start: string;
  end: string;
  room: string;
  speakers: string[];
} {
  const from = Date.parse(after.plannedEnd);
  return {
    id: `added-${now.toString(36)}`,
    kind,
    title: title.trim(),
    start: programLocal(from, zone),
    end: programLocal(from + minutes * 60_000, zone),
    room: after.room ?? mainRoom,
    speakers: [],
  };
}

/** An item an insert would overlap, as the editor names it: "“HPC+AI Converged…” 10:10–10:50". */
export interface Overlap {
  id: string;
  title: string;
  start: string;
  end: string;
}

export interface InsertPlan {
  /** The new item's times, "10:10" and "10:20", in the program's zone. */
  start: string;
  end: string;
  overlaps: Overlap[];
  /** How many items of the room's day a "move the rest of the day" would move. */
  moves: number;
  /** The clocks change during the new item (its times are not `minutes` apart on the wall clock). */
  clockChange: boolean;
  /**
   * Its end falls in the first of the autumn's two hours, which no program time names (the server would read the
   * second: a longer item): the end ("02:30") and the nearest lengths that can be inserted, shorter and longer.
   */
  unnamed: { end: string; shorter: number; longer: number } | null;
  /** Moving the rest would put an item's start or end there: the first such item and that time. */
  shiftUnnamed: { title: string; start?: string; end?: string } | null;
}

/**
 * What inserting `minutes` after `after` will do, before it is done, with the server's arithmetic (real minutes,
 * program times read as the server reads them): the new item's times, the items of its room it would overlap (not
 * cancelled ones, whose slot is free, nor the ones away from the rooms), and how many items of the room's day a "move
 * the rest of the day" would move (program.item.add with shiftFollowing: those starting at or after it, cancelled
 * ones too). `day`: the room's items (the control's `days`), with the program's times.
 */
export function insertPlan(
  after: ItemJson,
  minutes: number,
  day: readonly ItemJson[],
  mainRoom: string,
  zone: string,
): InsertPlan {
  const added = insertedItem(after, 'x', minutes, 'talk', mainRoom, 0, zone);
  const from = Date.parse(after.plannedEnd);
  const length = minutes * 60_000;
  const to = from + length;
  const sameRoom = day.filter((i) => i.id !== after.id && i.room === added.room && i.day === after.day);
  const overlaps = sameRoom
    .filter((i) => !i.cancelled && Date.parse(i.plannedStart) < to && Date.parse(i.plannedEnd) > from)
    .map((i) => ({ id: i.id, title: shortTitle(i.title), start: clockOf(i.plannedStart), end: clockOf(i.plannedEnd) }));
  const moving = sameRoom.filter((i) => Date.parse(i.plannedStart) >= from);
  const wallMinutes = (Date.parse(`${added.end}:00Z`) - Date.parse(`${added.start}:00Z`)) / 60_000;
  let unnamed: InsertPlan['unnamed'] = null;
  if (!nameable(to, zone)) {
    let shorter = minutes;
    while (shorter > 1 && !nameable(from + shorter * 60_000, zone)) shorter--;
    let longer = minutes;
    while (longer < minutes + 1440 && !nameable(from + longer * 60_000, zone)) longer++;
    unnamed = { end: added.end.slice(11, 16), shorter, longer };
  }
  let shiftUnnamed: InsertPlan['shiftUnnamed'] = null;
  for (const i of moving) {
    const start = Date.parse(i.plannedStart) + length;
    const end = Date.parse(i.plannedEnd) + length;
    if (!nameable(start, zone)) shiftUnnamed = { title: i.title, start: programLocal(start, zone).slice(11, 16) };
    else if (!nameable(end, zone)) shiftUnnamed = { title: i.title, end: programLocal(end, zone).slice(11, 16) };
    if (shiftUnnamed) break;
  }
  return {
    start: added.start.slice(11, 16),
    end: added.end.slice(11, 16),
    overlaps,
    moves: moving.length,
    clockChange: wallMinutes !== minutes,
    unnamed,
    shiftUnnamed,
  };
}

/** A title of at most 40 characters, cut at a word's end: "Fleets Without a Kernel: The Distributed…". */
export function shortTitle(title: string, max = 40): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max);
  const words = /\s/.test(title[max]!) ? cut : cut.replace(/\s+\S*$/, '');
  return `${(words || cut).trimEnd()}…`;
}

/** A piece of a sentence: plain text, or times that must stay on one line ("10:20–11:00"). */
export interface TextPart {
  text: string;
  whole: boolean;
}

/**
 * The sentence cut so each of `pieces` (in the order they appear in it) is a part of its own, to be drawn whole: a
 * line may not break after the dash of "10:20–" and leave "11:00" on the next. Each is looked for from the sentence's
 * end (the times come after a title, which may hold the same text); one not found is left in the text.
 */
export function wholeParts(text: string, pieces: readonly string[]): TextPart[] {
  const parts: TextPart[] = [];
  let rest = text;
  for (const piece of [...pieces].reverse()) {
    const at = piece ? rest.lastIndexOf(piece) : -1;
    if (at < 0) continue;
    const after = rest.slice(at + piece.length);
    if (after) parts.unshift({ text: after, whole: false });
    parts.unshift({ text: piece, whole: true });
    rest = rest.slice(0, at);
  }
  if (rest) parts.unshift({ text: rest, whole: false });
  return parts;
}
