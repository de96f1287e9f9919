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

type Fields = Record<string, unknown>;
const isFields = (x: unknown): x is Fields => typeof x === 'object' && x !== null && !Array.isArray(x);

/** An item's fields, in the order `itemJson` writes them; any other field (`remainingSeconds`…) goes as it is. */
const ITEM_FIELDS = new Set([
  'id',
  'kind',
  'title',
  'subtitle',
  'start',
  'end',
  'plannedStart',
  'plannedEnd',
  'day',
  'speakers',
  'room',
  'location',
  'session',
  'url',
  'cancelled',
]);
const PERSON_FIELDS = new Set(['name', 'affiliation']);

/** Copies `from`'s fields not in `known` onto `to`, in their order (a field named `__proto__` stays a field). */
function copyOthers(from: Fields, to: Fields, known: Set<string>): void {
  for (const key of Object.keys(from)) {
    if (known.has(key)) continue;
    if (key === '__proto__') Object.defineProperty(to, key, { value: from[key], enumerable: true, writable: true });
    else to[key] = from[key];
  }
}

/**
 * The item written short. Only a field equal to its default is left out, whatever the values: a field holding
 * something an item should not (speakers: 42, a null planned time) is sent as it is, for the card to deal with; so is
 * anything that is not an item at all.
 */
export function compactItem(item: ItemJson, d: ItemDefaults): WireItemJson {
  if (!isFields(item)) return item as unknown as WireItemJson;
  const out: WireItemJson = { id: item.id, kind: item.kind, title: item.title, start: item.start, end: item.end };
  if (item.subtitle !== null) out.subtitle = item.subtitle;
  if (item.plannedStart !== item.start) out.plannedStart = item.plannedStart;
  if (item.plannedEnd !== item.end) out.plannedEnd = item.plannedEnd;
  if (item.day !== d.today) out.day = item.day;
  const speakers: unknown = item.speakers;
  if (!Array.isArray(speakers)) out.speakers = speakers as WirePersonJson[];
  else if (speakers.length > 0) out.speakers = speakers.map(compactPerson);
  if (item.room !== d.room) out.room = item.room;
  if (item.location !== null) out.location = item.location;
  if (item.session !== null) out.session = item.session;
  if (item.url !== null) out.url = item.url;
  if (item.cancelled !== null) out.cancelled = item.cancelled;
  copyOthers(item as unknown as Fields, out as unknown as Fields, ITEM_FIELDS);
  return out;
}

function compactPerson(p: PersonJson): WirePersonJson {
  if (!isFields(p)) return p as unknown as WirePersonJson;
  const out: WirePersonJson = { name: p.name };
  if (p.affiliation !== null) out.affiliation = p.affiliation as string;
  copyOthers(p as unknown as Fields, out as unknown as Fields, PERSON_FIELDS);
  return out;
}

/**
 * The item in full, its fields always in the same order (as `itemJson` writes them; any other field after them): every
 * item a view holds has the same shape, whichever fields its wire form left out. Only a field that is not there takes
 * its default; one that is there is taken as it is (a null planned time stays null, speakers: 42 stays 42). A full
 * item is given back equal to itself.
 */
export function expandItem(item: WireItemJson, d: ItemDefaults): ItemJson {
  if (!isFields(item)) return item as unknown as ItemJson;
  const speakers: unknown = item.speakers;
  const out: ItemJson = {
    id: item.id,
    kind: item.kind,
    title: item.title,
    subtitle: item.subtitle === undefined ? null : item.subtitle,
    start: item.start,
    end: item.end,
    plannedStart: item.plannedStart === undefined ? item.start : item.plannedStart,
    plannedEnd: item.plannedEnd === undefined ? item.end : item.plannedEnd,
    day: item.day === undefined ? d.today : item.day,
    speakers: speakers === undefined ? [] : Array.isArray(speakers) ? speakers.map(expandPerson) : (speakers as []),
    room: item.room === undefined ? d.room : item.room,
    location: item.location === undefined ? null : item.location,
    session: item.session === undefined ? null : item.session,
    url: item.url === undefined ? null : item.url,
    cancelled: item.cancelled === undefined ? null : item.cancelled,
  };
  copyOthers(item as unknown as Fields, out as unknown as Fields, ITEM_FIELDS);
  return out;
}

function expandPerson(p: WirePersonJson): PersonJson {
  if (!isFields(p)) return p as unknown as PersonJson;
  const out: PersonJson = { name: p.name, affiliation: p.affiliation === undefined ? null : p.affiliation };
  copyOthers(p as unknown as Fields, out as unknown as Fields, PERSON_FIELDS);
  return out;
}

/**
 * The state with its items short, for the screens' pushes (made once per room and audience, not per screen). Every
 * field outside the items goes as it is; `nextInRoom` is left out when it is `next` (or not there at all).
 */
export function compactState(state: StateJson): WireStateJson {
  if (!isFields(state)) return state as unknown as WireStateJson;
  const d = { room: state.room, today: state.today };
  const item = (i: ItemJson) => compactItem(i, d);
  const { nextInRoom, ...rest } = state;
  const wire: WireStateJson = {
    ...rest,
    current: list(state.current, item) as WireStateJson['current'],
    next: item(state.next as ItemJson),
    later: list(state.later, item),
    elsewhere: list(state.elsewhere, (e) =>
      isFields(e) ? { ...e, current: list(e.current, item), next: item(e.next as ItemJson) } : e,
    ),
    day: list(state.day, item),
    days: list(state.days, (day) => (isFields(day) ? { ...day, items: list(day.items, item) } : day)),
  };
  if (nextInRoom !== undefined && !sameItem(nextInRoom, state.next)) wire.nextInRoom = item(nextInRoom as ItemJson);
  return wire;
}

function sameItem(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isFields(a) || !isFields(b)) return false;
  return a.id === b.id && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The state in full from its wire form (or from a full state, which it gives back equal): every item with all its
 * fields, `nextInRoom` the same object as `next` when the push left it out. Fields of the state outside its items are
 * taken as they are; a list that is not there stays absent (a partial state in a test). It never throws, whatever the
 * push holds: a field a card cannot render costs that card, not the page (a throw here left it on "Connecting…").
 */
export function expandState(state: WireStateJson | StateJson): StateJson {
  if (!isFields(state)) return state as StateJson;
  // A full state's items are read as wire items: every field is there, taken as it is.
  const wire = state as WireStateJson;
  const d = { room: wire.room, today: wire.today };
  const item = (i: WireItemJson) => expandItem(i, d);
  const next = item(wire.next as WireItemJson);
  return {
    ...wire,
    current: list(wire.current, item) as StateJson['current'],
    next,
    later: list(wire.later, item),
    elsewhere: list(wire.elsewhere, (e) =>
      isFields(e) ? { ...e, current: list(e.current, item), next: item(e.next as WireItemJson) } : e,
    ),
    day: list(wire.day, item),
    days: list(wire.days, (day) => (isFields(day) ? { ...day, items: list(day.items, item) } : day)),
    nextInRoom: wire.nextInRoom === undefined ? next : item(wire.nextInRoom as WireItemJson),
  };
}

/** Each element of a list made anew; anything else (a list that is not there, in a partial state) stays as it is. */
function list<T, U>(xs: T[], f: (x: T) => U): U[] {
  return Array.isArray(xs) ? xs.map(f) : (xs as unknown as U[]);
}
