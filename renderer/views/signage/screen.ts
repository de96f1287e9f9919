// Which screen the door shows for a state: the server decides what is on; this only picks the layout for it.
import type { StateJson } from '../../../core/contract/state.ts';
import type { CurrentItemJson, ItemJson } from '../../../core/schedule/screen-json.ts';
import type { Lang } from '../../../core/schedule/kinds.ts';
import { cancelledLine, isBreakItem } from './text.ts';

export interface AgendaRow {
  item: ItemJson;
  status: 'current' | 'next' | 'later';
  /** The start the row shows (an ISO instant as the state gives it): see `agendaRows`. */
  start: string;
}

/** Another room's item on now (or next) as a door with nothing left points to it. */
export interface Elsewhere {
  room: string;
  roomName: string;
  item: ItemJson;
  /** True when it is on now, false when it is that room's next item. */
  on: boolean;
}

/** More items on at once than cards can show readably: they become one list ("8 items on now"). */
export const LIST_FROM = 4;

export type SignageScreen =
  | { kind: 'connecting' }
  | { kind: 'blackout' }
  /** The whole event is over, in every room. */
  | { kind: 'after-event' }
  /** Nothing more in this room today while other rooms have something on: where to go instead. */
  | { kind: 'room-done'; elsewhere: Elsewhere[]; first: ItemJson | null }
  /** Many things on at once: a list. */
  | { kind: 'many-on'; current: CurrentItemJson[]; next: ItemJson | null; agenda: AgendaRow[] }
  /** Before the first item, or between days: the first item to come is the hero. */
  | { kind: 'before-event' | 'between-days'; first: ItemJson | null; agenda: AgendaRow[] }
  /** Only breaks or meals on (or a gap within a day): what comes next is the hero, the break a strip above it. */
  | { kind: 'in-break'; breaks: CurrentItemJson[]; next: ItemJson | null; agenda: AgendaRow[] }
  /** A talk (or two things at once) on. */
  | { kind: 'in-session'; current: CurrentItemJson[]; next: ItemJson | null; agenda: AgendaRow[] };

export function signageScreen(state: StateJson | null): SignageScreen {
  if (!state) return { kind: 'connecting' };
  if (state.blackout) return { kind: 'blackout' };
  const agenda = agendaRows(state);
  const elsewhere = elsewhereOn(state);
  switch (state.phase) {
    case 'after-event':
      return elsewhere.length ? { kind: 'room-done', elsewhere, first: null } : { kind: 'after-event' };
    case 'room-idle':
      // Nothing more here today while the event goes on elsewhere (the server decides): where to go instead.
      return { kind: 'room-done', elsewhere, first: state.next };
    case 'before-event':
    case 'between-days':
      // This room is done for the day but the event goes on next door: send people there first.
      if (state.phase === 'between-days' && elsewhere.some((e) => e.on)) {
        return { kind: 'room-done', elsewhere, first: state.next };
      }
      return { kind: state.phase, first: state.next, agenda };
    case 'in-break':
      return { kind: 'in-break', breaks: state.current, next: state.next, agenda };
    case 'in-session':
      if (state.current.length === 0) return { kind: 'in-break', breaks: [], next: state.next, agenda };
      if (state.current.length >= LIST_FROM) {
        return { kind: 'many-on', current: inRoomFirst(state.current), next: state.next, agenda };
      }
      return { kind: 'in-session', current: inRoomFirst(state.current), next: state.next, agenda };
  }
}

/**
 * The state as the server will have it at `item`'s start, when `item` follows the one talk on now alone and no later
 * item starts with it (the door's own turn, Signage.svelte): `item` on now, NEXT the first of the rest of its day.
 * The state pushed at that instant replaces it; until then the door does not show the ended talk as NEXT.
 */
export function turnedTo(state: StateJson, item: ItemJson): StateJson {
  const [next = null, ...later] = state.later;
  const remainingSeconds = Math.ceil((Date.parse(item.end) - Date.parse(item.start)) / 1000);
  return { ...state, phase: 'in-session', current: [{ ...item, remainingSeconds }], next, later };
}

/**
 * Several things on at once: what happens behind this door first, then breaks, then what is elsewhere, and what
 * was cancelled last (a talk moved up into a cancelled one's slot is the hero).
 */
export function inRoomFirst<T extends ItemJson>(items: T[]): T[] {
  // A stable sort keeps the server's order within a rank. The comparators here are module functions: these run at
  // every state, and a callback made at each call is a new function V8 compiles again after every garbage collection.
  return [...items].sort(byRank);
}

const rank = (i: ItemJson): number => (i.cancelled ? 4 : 0) + (i.location ? 2 : 0) + (isBreakItem(i) ? 1 : 0);
const byRank = (a: ItemJson, b: ItemJson): number => rank(a) - rank(b);

/**
 * The rest of the day, compact: what is on (highlighted), then next and later, in order of the start each row shows.
 *
 * Each row shows the item's live start, except while the item on stage is held past its time (NEXT waits "after this
 * talk, planned 10:10", `nextStart.afterCurrent`): then the live starts of what follows are only projections from the
 * instant of the last state (10:12, then 10:13…), which moved with the clock and gave the talk NEXT names a second
 * time on the same screen. Meanwhile every row not on now shows the program's time (`plannedStart`): the waiting
 * talk's row reads 10:10 as NEXT does, the rows after it their own planned times (the coffee break 10:50), none moves
 * with the clock, and the banner says how late the room runs ("Running 3 min late"; AV's delay is in it). The rows on
 * now keep their live start, which does not move (the keynote restarted at 09:45 reads 09:45). Rows on now come first.
 */
export function agendaRows(
  state: Pick<StateJson, 'current' | 'next' | 'later'> & Partial<Pick<StateJson, 'nextStart'>>,
): AgendaRow[] {
  const planned = state.nextStart?.afterCurrent === true;
  const rows: AgendaRow[] = [];
  const seen = new Set<string>();
  for (const item of state.current) addRow(rows, seen, item, 'current', false);
  const on = rows.length;
  if (state.next) addRow(rows, seen, state.next, 'next', planned);
  for (const item of state.later) addRow(rows, seen, item, 'later', planned);
  // Stable: rows that start together keep the order above (what is on, next, then later). What is on comes first:
  // it started before anything that follows would, except a planned time shown while the talk on now, restarted late,
  // runs past it (restarted at 10:15, NEXT planned 10:10).
  const following = rows.slice(on).sort(byStart);
  return on === 0 ? following : [...rows.slice(0, on).sort(byStart), ...following];
}

function addRow(
  rows: AgendaRow[],
  seen: Set<string>,
  item: ItemJson,
  status: AgendaRow['status'],
  planned: boolean,
): void {
  if (seen.has(item.id)) return;
  seen.add(item.id);
  rows.push(rowOf(item, status, planned ? item.plannedStart : item.start));
}

/**
 * The row of an item the last state already had with the same status: the same object, so that the day list's row
 * for an unchanged item is not drawn again at every state (the connection keeps unchanged items as the same objects,
 * `renderer/lib/same-items.ts`). Kept with the item, gone with it.
 */
const keptRows = new WeakMap<ItemJson, AgendaRow>();
function rowOf(item: ItemJson, status: AgendaRow['status'], start: string): AgendaRow {
  const kept = keptRows.get(item);
  if (kept?.status === status && kept.start === start) return kept;
  const row = { item, status, start };
  keptRows.set(item, row);
  return row;
}

const byStart = (a: AgendaRow, b: AgendaRow): number => Date.parse(a.start) - Date.parse(b.start) || 0;

/** What the day list shows of its rows, as one string: a change means its rows must be fitted again. */
export function agendaKey(rows: AgendaRow[], lang: Lang): string {
  // A loop, not a callback made at each state (see `inRoomFirst`).
  let key = '';
  for (let i = 0; i < rows.length; i++) {
    const { item, status, start } = rows[i]!;
    key += `${i ? ',' : ''}${item.id}:${status}:${start}:${item.title}:${cancelledLine(item, lang)}`;
  }
  return key;
}

/** Whether one of `items` starts at `start` (an ISO instant as the state gives it). */
export function startsAt(items: ItemJson[], start: string): boolean {
  for (const item of items) if (item.start === start) return true;
  return false;
}

/**
 * What the other rooms have on now (then, if nothing is on anywhere, what they have next), the biggest room first:
 * the program lists its rooms from the main hall down, so program order stands for size.
 */
export function elsewhereOn(state: Pick<StateJson, 'elsewhere' | 'rooms'>): Elsewhere[] {
  const order = new Map<string, number>();
  for (let i = 0; i < state.rooms.length; i++) order.set(state.rooms[i]!.id, i);
  const rooms = [...state.elsewhere].sort((a, b) => (order.get(a.room) ?? 0) - (order.get(b.room) ?? 0));
  // Never send people to a talk that will not happen.
  const on = rooms.flatMap((r) =>
    inRoomFirst(r.current)
      .filter((item) => !item.location && !item.cancelled)
      .slice(0, 1)
      .map((item) => ({ room: r.room, roomName: r.roomName, item, on: true })),
  );
  if (on.length) return on;
  return rooms.flatMap((r) =>
    r.next && !r.next.location && !r.next.cancelled
      ? [{ room: r.room, roomName: r.roomName, item: r.next, on: false }]
      : [],
  );
}

export interface AgendaGroup {
  /** The day's date in the program's zone, "2026-06-30". */
  day: string;
  rows: AgendaRow[];
}

/**
 * The rows split by day of the event (the item's `day`, which counts the night of a day running past midnight as
 * that day's), in order: what follows the dinner on day 1 is tomorrow's, not today's.
 */
export function agendaGroups(rows: AgendaRow[]): AgendaGroup[] {
  const groups: AgendaGroup[] = [];
  for (const row of rows) {
    const day = row.item.day;
    const last = groups.at(-1);
    if (last && last.day === day) last.rows.push(row);
    else groups.push({ day, rows: [row] });
  }
  return groups;
}

/**
 * `last` when `list` has the same elements in the same order, else `list`. The door's lists (its day list's rows, its
 * hero cards) are made anew at every state: given the same list again, the part that shows it does not redo its work.
 */
export function sameList<T>(last: T[], list: T[]): T[] {
  if (last.length !== list.length) return list;
  for (let i = 0; i < list.length; i++) if (last[i] !== list[i]) return list;
  return last;
}

/** A list shown by a part of the door: the same array for as long as its elements are the same (see `sameList`). */
export class KeptList<T> {
  private last: T[] = [];

  of(list: T[]): T[] {
    this.last = sameList(this.last, list);
    return this.last;
  }
}

/** A hero card: the item it shows, and whether it is built ahead of the item's start (hidden until then). */
export interface HeroCard {
  item: ItemJson;
  upcoming: boolean;
}

const heroCards = new WeakMap<ItemJson, HeroCard>();
const upcomingCards = new WeakMap<ItemJson, HeroCard>();

/** The hero card of `item`: the same object while the item is the same (see `sameList`), gone with the item. */
export function heroCard(item: ItemJson, upcoming: boolean): HeroCard {
  const cards = upcoming ? upcomingCards : heroCards;
  let card = cards.get(item);
  if (!card) cards.set(item, (card = { item, upcoming }));
  return card;
}

/** The hero cards of the items on now, then the next one's built ahead of its start (a loop: it runs at every state). */
export function heroCardsOf(current: ItemJson[], upcoming: ItemJson | null): HeroCard[] {
  const cards: HeroCard[] = [];
  for (let i = 0; i < current.length; i++) cards.push(heroCard(current[i]!, false));
  if (upcoming) cards.push(heroCard(upcoming, true));
  return cards;
}
