// fast-check generators shared by the fuzz tests: valid programs around DST changes, instants, mutations, actions.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseProgramJson } from '../../core/program/parse.ts';
import { ITEM_KINDS, type Program, type ProgramInput } from '../../core/program/schema.ts';
import { parseLocal } from '../../core/time.ts';

/** Zones and a local start near something awkward: both DST changes in Paris, a 30-minute DST, a half-hour offset. */
export const ZONE_STARTS = [
  { zone: 'Europe/Paris', from: '2026-10-24T20:00' }, // 25 Oct 03:00 → 02:00: 02:xx happens twice
  { zone: 'Europe/Paris', from: '2026-03-28T20:00' }, // 29 Mar 02:00 → 03:00: 02:xx does not exist
  { zone: 'America/New_York', from: '2026-11-01T00:00' }, // 1 Nov 02:00 → 01:00
  { zone: 'Australia/Lord_Howe', from: '2026-04-04T22:00' }, // 5 Apr 02:00 → 01:30
  { zone: 'Asia/Kolkata', from: '2026-06-29T08:00' }, // +05:30, no DST
] as const;

const local = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

/** Every member of Object.prototype (`constructor`, `toString`, `__proto__`…): a map keyed by user names must not see them. */
export const BUILTIN_NAMES: readonly string[] = [
  ...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']),
];
/** The built-in names a program id may take (an id starts with a letter or a digit). */
export const BUILTIN_IDS: readonly string[] = BUILTIN_NAMES.filter((n) => /^[A-Za-z0-9]/.test(n));

/** A name for the n-th room/person/item: sometimes an ordinary one, often one of the built-in names. */
const nameChoice = fc.oneof(fc.constant(''), fc.constantFrom(...BUILTIN_IDS));
function uniqueNames(prefix: string, choices: string[]): string[] {
  const used = new Set<string>();
  return choices.map((c, i) => {
    const id = c && !used.has(c) ? c : `${prefix}${i}`;
    used.add(id);
    return id;
  });
}

const itemSpec = fc.record({
  startMin: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  lengthMin: fc.integer({ min: 1, max: 240 }),
  kind: fc.constantFrom(...ITEM_KINDS),
  /** Index into the rooms; -1: away from the rooms (a location). */
  room: fc.integer({ min: -1, max: 2 }),
  /** Index into the sessions; -1: no session. */
  session: fc.integer({ min: -1, max: 2 }),
  /** Index into the people; -1: no speaker. */
  speaker: fc.integer({ min: -1, max: 2 }),
  name: nameChoice,
});

/** A program that parses without errors (overlaps are warnings and allowed): 1–3 rooms, sessions, away items. */
export const validProgram: fc.Arbitrary<{ input: ProgramInput; program: Program }> = fc
  .record({
    where: fc.constantFrom(...ZONE_STARTS),
    rooms: fc.integer({ min: 1, max: 3 }),
    roomNames: fc.array(nameChoice, { minLength: 3, maxLength: 3 }),
    personNames: fc.array(nameChoice, { minLength: 3, maxLength: 3 }),
    sessionRooms: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 3, maxLength: 3 }),
    items: fc.array(itemSpec, { minLength: 1, maxLength: 20 }),
    thresholds: fc.option(
      fc.record({ warningSeconds: fc.integer({ min: 0, max: 900 }), dangerSeconds: fc.integer({ min: 0, max: 300 }) }),
      { nil: undefined },
    ),
    /** Days that run past midnight; 02:30 is skipped (Paris, 29 March) or repeated (25 October) by the clocks. */
    dayChange: fc.constantFrom(undefined, '02:30', '05:00'),
  })
  .map(({ where, rooms, roomNames, personNames, sessionRooms, items, thresholds, dayChange }) => {
    const base = parseLocal(where.from, where.zone);
    if (!base.ok) throw new Error(base.reason);
    const roomIds = uniqueNames('R', roomNames.slice(0, rooms));
    const personIds = uniqueNames('p', personNames);
    const itemIds = uniqueNames(
      'i',
      items.map((spec) => spec.name),
    );
    const placed = items.map((spec, i) => {
      const start = base.at + spec.startMin * 60_000;
      const away = spec.room < 0;
      return {
        session: away ? -1 : spec.session,
        item: {
          id: itemIds[i]!,
          kind: spec.kind,
          title: `Item ${i}`,
          ...(spec.speaker >= 0 ? { speakers: [personIds[spec.speaker]!] } : {}),
          start: local(start, where.zone),
          end: local(start + spec.lengthMin * 60_000, where.zone),
          ...(away ? { location: 'garden' } : spec.room < rooms ? { room: roomIds[spec.room]! } : {}),
        },
      };
    });
    const sessions = [0, 1, 2].flatMap((s) => {
      const own = placed.filter((p) => p.session === s).map((p) => p.item);
      if (own.length === 0) return [];
      const room = sessionRooms[s]!;
      return [
        {
          id: `s${s}`,
          title: `Session ${s}`,
          start: own.map((i) => i.start).sort()[0]!,
          end: own.map((i) => i.end).sort()[own.length - 1]!,
          ...(room >= 0 && room < rooms ? { room: roomIds[room]! } : {}),
          items: own,
        },
      ];
    });
    const input: ProgramInput = {
      formatVersion: 1,
      event: { id: 'fuzz', name: 'Fuzz Conf' },
      timezone: where.zone,
      ...(dayChange ? { dayChange } : {}),
      venue: { name: 'Hall' },
      rooms: roomIds.map((id) => ({ id, name: `Room ${id}` })),
      people: Object.fromEntries(personIds.map((id) => [id, { name: `Person ${id}` }])),
      locations: [{ id: 'garden', name: 'Garden' }],
      sessions,
      items: placed.filter((p) => p.session < 0).map((p) => p.item),
      ...(thresholds ? { timer: thresholds } : {}),
    };
    return { input, program: parseProgramJson(input).program };
  })
  // A time in the hour that happens twice is read with its later offset, which can put an end before its start.
  .filter((p): p is { input: ProgramInput; program: Program } => p.program !== null);

/** Instants that matter for a set of boundaries: the boundaries themselves, a millisecond either side, or anywhere. */
export function instantNear(boundaries: number[]): fc.Arbitrary<number> {
  const lo = Math.min(...boundaries) - 3 * 3600_000;
  const hi = Math.max(...boundaries) + 3 * 3600_000;
  return fc.oneof(
    fc.integer({ min: lo, max: hi }),
    fc
      .tuple(fc.constantFrom(...boundaries), fc.constantFrom(-60_000, -1, 0, 1, 60_000))
      .map(([at, delta]) => at + delta),
  );
}

/** A date-time string that is sometimes right, sometimes out of range, sometimes not a date-time at all. */
export const dateTimeText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.option(fc.integer({ min: 0, max: 61 }), { nil: undefined }),
    )
    .map(([y, mo, d, h, mi, s]) => {
      const two = (n: number) => String(n).padStart(2, '0');
      return `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}${s === undefined ? '' : `:${two(s)}`}`;
    }),
  fc.constantFrom('2026-03-29T02:30', '2026-10-25T02:30', '2026-02-29T10:00', '2026-06-29T09:00+02:00', ''),
  fc.string({ maxLength: 20 }),
);

/** Ids, including the names every JavaScript object already has. */
export const idText: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,8}$/),
  fc.constantFrom('A', 'ada', 't1', 't2', 's1', 'b1', 'TBA'),
  fc.constantFrom(...BUILTIN_NAMES),
  fc.string({ maxLength: 12 }),
);

type Json = unknown;
type Path = (string | number)[];

/** Every path in a JSON value (objects and arrays), the root excluded. */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v] as [number, Json])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

export type Mutation =
  | { op: 'drop'; pick: number }
  | { op: 'replace'; pick: number; value: Json }
  | { op: 'add'; pick: number; key: string; value: Json };

/** A change to a random place in a JSON value: drop it, replace it (a date-time, an id or any JSON), add a field. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('replace' as const),
    pick: fc.nat(),
    value: fc.oneof(dateTimeText, idText, fc.jsonValue({ maxDepth: 2 })),
  }),
  fc.record({
    op: fc.constant('add' as const),
    pick: fc.nat(),
    key: fc.oneof(
      fc.constantFrom('room', 'location', 'speakers', 'timer', 'mainRoom'),
      fc.constantFrom(...BUILTIN_NAMES),
      fc.string(),
    ),
    value: fc.oneof(idText, fc.jsonValue({ maxDepth: 2 })),
  }),
);

/** Applies mutations to a deep copy of `value`. */
export function mutate(value: Json, mutations: Mutation[]): Json {
  const root = { value: structuredClone(value) };
  for (const m of mutations) {
    const paths = [[], ...pathsOf(root.value)].map((p) => ['value', ...p] as Path);
    const path = paths[m.pick % paths.length]!;
    const key = path[path.length - 1]!;
    const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], root) as
      Record<string | number, Json> | Json[];
    if (m.op === 'drop' && path.length > 1) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (m.op === 'replace' || m.op === 'drop') {
      (parent as Record<string | number, Json>)[key] = m.op === 'replace' ? m.value : null;
    } else {
      const target = (parent as Record<string | number, Json>)[key];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
        // defineProperty: a key "__proto__" becomes an own field, as JSON.parse makes it.
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      } else (parent as Record<string | number, Json>)[key] = m.value;
    }
  }
  return root.value;
}

const SCALE = Number(process.env.ROOMCUE_FUZZ_SCALE ?? 1);
if (!(SCALE > 0))
  throw new Error(`ROOMCUE_FUZZ_SCALE must be a positive number, not "${process.env.ROOMCUE_FUZZ_SCALE}"`);

/** Runs per property: small in `npm test`; ROOMCUE_FUZZ_SCALE=50 hunts longer (a seed printed on failure replays it). */
export const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

/**
 * Each fuzz test's time limit: the slowest property at scale 1 takes a few seconds on a busy two-core machine, so a
 * minute, times the scale (the work grows with it); vitest's 5 s default failed CI by chance.
 */
export const FUZZ_TIMEOUT_MS = Math.round(60_000 * Math.max(1, SCALE));

// `npm test` draws the same sample every time, so a red build means a change, not a lucky draw; to explore, set
// ROOMCUE_FUZZ_SEED=random (or to a number, e.g. the seed a failure printed).
const seed = process.env.ROOMCUE_FUZZ_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed === undefined ? 20_260_629 : Number(seed) });
