// The screens' wire form of a state: what a WebSocket push carries to the door and the chair (docs/api.md, "The
// screens' short items"). It is the state of `stateJson` with each item written short: a field equal to its default is
// left out. A push goes to every screen of a room at every change, and the day's items were most of its bytes, each
// repeating its planned times (the same as its live ones unless something moved) and five nulls. `expandState` gives
// back the very state `compactState` was given; the views read only expanded states (renderer/lib/connection).
import type { ItemJson, PersonJson } from '../schedule/screen-json.ts';
import type { StateJson } from './state.ts';

/**
 * An item written short. Left out, a field has its default:
 * - `plannedStart` / `plannedEnd`: the item's `start` / `end` (nothing moved it);
 * - `day`: the state's `today`; `room`: the state's `room` (an item away from the rooms keeps its `room: null`);
 * - `subtitle`, `location`, `session`, `url`, `cancelled`: null; `speakers`: none; a speaker's `affiliation`: null.
 * `id`, `kind`, `title`, `start` and `end` are always there.
 */
export interface WireItemJson {
  id: string;
  kind: ItemJson['kind'];
  title: string;
  subtitle?: string;
  start: string;
  end: string;
  plannedStart?: string;
  plannedEnd?: string;
  day?: string;
  speakers?: WirePersonJson[];
  room?: string | null;
  location?: NonNullable<ItemJson['location']>;
  session?: NonNullable<ItemJson['session']>;
  url?: string;
  cancelled?: NonNullable<ItemJson['cancelled']>;
}

export interface WirePersonJson {
  name: string;
  affiliation?: string;
}

export type WireCurrentItemJson = WireItemJson & { remainingSeconds: number };

/** A state as pushed to the door and the chair: its items short; `nextInRoom` left out when it is `next`. */
export interface WireStateJson extends Omit<
  StateJson,
  'current' | 'next' | 'later' | 'elsewhere' | 'day' | 'days' | 'nextInRoom'
> {
  current: WireCurrentItemJson[];
  next: WireItemJson | null;
  later: WireItemJson[];
  elsewhere: (Omit<StateJson['elsewhere'][number], 'current' | 'next'> & {
    current: WireItemJson[];
    next: WireItemJson | null;
  })[];
  day: WireItemJson[];
  days: { date: string; items: WireItemJson[] }[];
  /** Left out: the same item as `next` (the usual case: NEXT happens in this room). */
  nextInRoom?: WireItemJson | null;
}

/** The fields of a state an item's defaults come from. */
interface ItemDefaults {
  room: string;
  today: string;
}

export function compactItem(item: ItemJson, d: ItemDefaults): WireItemJson {
  const out: WireItemJson = { id: item.id, kind: item.kind, title: item.title, start: item.start, end: item.end };
  if (item.subtitle !== null) out.subtitle = item.subtitle;
  if (item.plannedStart !== item.start) out.plannedStart = item.plannedStart;
  if (item.plannedEnd !== item.end) out.plannedEnd = item.plannedEnd;
  if (item.day !== d.today) out.day = item.day;
  if (item.speakers.length > 0) out.speakers = item.speakers.map(compactPerson);
  if (item.room !== d.room) out.room = item.room;
  if (item.location !== null) out.location = item.location;
  if (item.session !== null) out.session = item.session;
  if (item.url !== null) out.url = item.url;
  if (item.cancelled !== null) out.cancelled = item.cancelled;
  return out;
}

const compactPerson = (p: PersonJson): WirePersonJson =>
  p.affiliation === null ? { name: p.name } : { name: p.name, affiliation: p.affiliation };

/**
 * The item in full, its fields always in the same order (as `itemJson` writes them): every item a view holds has the
 * same shape, whichever fields its wire form left out. A full item is given back equal to itself.
 */
export function expandItem(item: WireItemJson, d: ItemDefaults): ItemJson {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    subtitle: item.subtitle ?? null,
    start: item.start,
    end: item.end,
    plannedStart: item.plannedStart ?? item.start,
    plannedEnd: item.plannedEnd ?? item.end,
    day: item.day ?? d.today,
    speakers: item.speakers ? item.speakers.map(expandPerson) : [],
    room: item.room === undefined ? d.room : item.room,
    location: item.location ?? null,
    session: item.session ?? null,
    url: item.url ?? null,
    cancelled: item.cancelled ?? null,
  };
}

const expandPerson = (p: WirePersonJson): PersonJson => ({
  name: p.name,
  affiliation: p.affiliation ?? null,
});

/** The state with its items short, for the screens' pushes (made once per room and audience, not per screen). */
export function compactState(state: StateJson): WireStateJson {
  const d = { room: state.room, today: state.today };
  const item = (i: ItemJson) => compactItem(i, d);
  const { nextInRoom, ...rest } = state;
  const wire: WireStateJson = {
    ...rest,
    current: state.current.map((i) => ({ ...compactItem(i, d), remainingSeconds: i.remainingSeconds })),
    next: state.next ? item(state.next) : null,
    later: state.later.map(item),
    elsewhere: state.elsewhere.map((e) => ({ ...e, current: e.current.map(item), next: e.next ? item(e.next) : null })),
    day: state.day.map(item),
    days: state.days.map((day) => ({ date: day.date, items: day.items.map(item) })),
  };
  if (!sameItem(nextInRoom, state.next)) wire.nextInRoom = nextInRoom ? item(nextInRoom) : null;
  return wire;
}

function sameItem(a: ItemJson | null, b: ItemJson | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The state in full from its wire form (or from a full state, which it gives back equal): every item with all its
 * fields, `nextInRoom` the same object as `next` when the push left it out. Fields of the state outside its items are
 * taken as they are; a list that is not there stays absent (a partial state in a test).
 */
export function expandState(state: WireStateJson | StateJson): StateJson {
  // A full state's items are read as wire items: their null fields are their defaults.
  const wire = state as WireStateJson;
  const d = { room: wire.room, today: wire.today };
  const item = (i: WireItemJson) => expandItem(i, d);
  const next = wire.next ? item(wire.next) : wire.next;
  return {
    ...wire,
    current: list(wire.current, (i) => ({ ...item(i), remainingSeconds: i.remainingSeconds })),
    next,
    later: list(wire.later, item),
    elsewhere: list(wire.elsewhere, (e) => ({
      ...e,
      current: list(e.current, item),
      next: e.next ? item(e.next) : null,
    })),
    day: list(wire.day, item),
    days: list(wire.days, (day) => ({ date: day.date, items: list(day.items, item) })),
    nextInRoom: wire.nextInRoom === undefined ? next : wire.nextInRoom === null ? null : item(wire.nextInRoom),
  };
}

/** Each element of a list made anew; a list that is not there stays as it is. */
function list<T, U>(xs: T[], f: (x: T) => U): U[] {
  return Array.isArray(xs) ? xs.map(f) : (xs as unknown as U[]);
}
