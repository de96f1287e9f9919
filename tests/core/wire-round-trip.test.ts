// The screens' wire form (core/contract/wire.ts) loses nothing, whatever the state holds: a door reads back after
// expandState exactly the state the server made, even one whose data a card cannot render (speakers: 42, a null
// planned time, an item that is not an object, a field nobody knows). A push that threw in expandState left the door
// on "Connecting…" for ever (e2e hostile-card: a card whose data breaks it must cost that card only, never the page).
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { stateJson, type StateJson } from '../../core/contract/state.ts';
import { compactState, expandState } from '../../core/contract/wire.ts';
import { resolveLive } from '../../core/live/live-screen.ts';
import { emptyLive } from '../../core/live/state.ts';
import { buildTimeline, type Timeline } from '../../core/schedule/timeline.ts';
import { parseInstant } from '../../core/time.ts';
import {
  BUILTIN_NAMES,
  FUZZ_TIMEOUT_MS,
  instantNear,
  mutate,
  mutation,
  runs,
  validProgram,
} from '../fuzz/arbitraries.ts';
import { loadShippedProgram } from '../helpers.ts';

vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS });

type Json = Record<string, unknown>;
const shipped = buildTimeline(loadShippedProgram());

/** A room's real state at an instant, as the server makes it (the day's lists too with `lists`), through JSON. */
function stateOf(timeline: Timeline, room: string, at: number, lists = false): StateJson {
  const screen = resolveLive(timeline, emptyLive(), room, at);
  const other = [...timeline.rooms.keys()].find((r) => r !== room);
  const elsewhere = other ? [{ ...resolveLive(timeline, emptyLive(), other, at), room: other }] : [];
  const state = stateJson(timeline, screen, {
    seq: 1,
    clock: { now: at, serverTime: at, speed: 1, rehearsal: false },
    program: { file: 'p.json', loadedAt: '', warnings: [], warningCount: 0, warningKinds: [], problem: null },
    storeWarning: null,
    elsewhere: elsewhere.map((e) => ({ room: e.room, current: e.current, next: e.next })),
    lists,
  });
  return JSON.parse(JSON.stringify(state)) as StateJson;
}

const shippedAt = (local: string, lists = false) => {
  const parsed = parseInstant(`2026-06-29T${local}`, shipped.zone);
  if (!parsed.ok) throw new Error(parsed.reason);
  return stateOf(shipped, 'L108-A', parsed.at, lists);
};

/** What a door's socket carries: the short state, through JSON. */
const wire = (state: unknown): Json => JSON.parse(JSON.stringify(compactState(state as StateJson))) as Json;
/** What the door reads from a push. */
const read = (pushed: unknown) => expandState(pushed as StateJson);

/** The e2e's door at 09:45: "HPC in Transition" on now, its speakers not a list. */
function hostileCardState(): StateJson {
  const state = shippedAt('09:45');
  expect(state.current.map((i) => i.id)).toEqual(['d1-dongarra']);
  for (const item of state.current) (item as unknown as Json).speakers = 42;
  return state;
}

describe('a card whose data breaks it, on the wire', () => {
  test('the state the server made with speakers: 42 is the state the door reads', () => {
    const state = hostileCardState();
    const got = read(wire(state));
    expect(got.current[0]!.speakers).toBe(42);
    expect(got).toEqual(state);
  });

  test('a push whose now card has speakers: 42 is read, the card keeps its 42 and the rest is in full', () => {
    const pushed = wire(shippedAt('09:45'));
    for (const item of pushed.current as Json[]) item.speakers = 42;
    const got = read(pushed);
    expect(got.current[0]).toMatchObject({ id: 'd1-dongarra', title: 'HPC in Transition', speakers: 42 });
    expect(got.next?.id).toBe('d1-lu');
    const full = shippedAt('09:45');
    expect(got.next).toEqual(full.next);
    expect(got.later).toEqual(full.later);
  });

  test('explicit values equal to nothing a default would give: null planned times and day, an unknown field', () => {
    const state = shippedAt('09:45');
    const next = state.next as unknown as Json;
    next.plannedStart = null;
    next.day = null;
    next.speakers = null;
    next.extra = { why: 'a field a newer server sends' };
    Object.defineProperty(next, '__proto__', { value: 'own', enumerable: true });
    (state.later as unknown[])[0] = 'not an item';
    (state.current[0]!.speakers as unknown[]).push(7, { name: 'N', affiliation: null, orcid: 'x' });
    const got = read(wire(state));
    expect(got).toEqual(state);
    expect(Object.getPrototypeOf(got.next)).toBe(Object.prototype);
    expect(Object.keys(got.next!)).toContain('__proto__');
  });
});

/** Values a field of an item may hold in a hostile state. */
const hostileValue = (state: StateJson) =>
  fc.oneof(
    fc.constantFrom<unknown>(null, 42, 0, '', false, true, [], {}, [1, null, 'x'], { name: 42 }, [{ name: 'P' }]),
    fc.constantFrom<unknown>(state.room, state.today, [{ name: 'Q', affiliation: null }]),
    fc.constantFrom(...BUILTIN_NAMES),
    fc.jsonValue({ maxDepth: 2 }),
  );

/** Fields to set on an item besides its own (as the server writes it): a timer's, a speaker's, an unknown one. */
const MORE_FIELDS = ['remainingSeconds', 'affiliation', 'extra'];

/** Every item of a state, wherever it is listed. */
function itemsOf(s: StateJson): Json[] {
  const all = [
    ...s.current,
    s.next,
    s.nextInRoom,
    ...s.later,
    ...s.day,
    ...s.days.flatMap((d) => d.items),
    ...s.elsewhere.flatMap((e) => [...e.current, e.next]),
  ];
  return all.filter((i): i is NonNullable<typeof i> => i !== null) as unknown as Json[];
}

/** Real states: the shipped program through a day, with and without the day's lists. */
const realStates = fc
  .tuple(fc.constantFrom('07:00', '08:55', '09:45', '12:30', '17:50', '18:30', '23:30'), fc.boolean())
  .map(([local, lists]) => shippedAt(local, lists));

/** Real states of random programs (ids and names like Object.prototype's members, DST changes, away items). */
const fuzzStates = validProgram.chain(({ program }) => {
  const timeline = buildTimeline(program);
  const bounds = timeline.items.flatMap((i) => [i.start, i.end]);
  return fc
    .tuple(fc.constantFrom(...timeline.rooms.keys()), instantNear(bounds), fc.boolean())
    .map(([room, at, lists]) => stateOf(timeline, room, at, lists));
});

describe('whatever the state, the door reads back what the server made', () => {
  test('random programs: every state reads back equal', () => {
    fc.assert(
      fc.property(fuzzStates, (state) => {
        expect(read(wire(state))).toEqual(state);
      }),
      { numRuns: runs(60) },
    );
  });

  test('any field of any item set to any value: the state reads back equal', () => {
    fc.assert(
      fc.property(
        fc.oneof(realStates, fuzzStates).chain((state) =>
          fc.tuple(
            fc.constant(state),
            fc.array(fc.tuple(fc.nat(), fc.nat(), hostileValue(state)), {
              minLength: 1,
              maxLength: 6,
            }),
          ),
        ),
        ([state, tweaks]) => {
          const items = itemsOf(state);
          fc.pre(items.length > 0);
          for (const [k, f, value] of tweaks) {
            const item = items[k % items.length]!;
            const fields = [...Object.keys(item), ...MORE_FIELDS];
            const field = fields[f % fields.length]!;
            if (field !== 'affiliation') item[field] = value;
            else if (Array.isArray(item.speakers) && typeof item.speakers[0] === 'object' && item.speakers[0] !== null)
              (item.speakers[0] as Json).affiliation = value;
          }
          // A person the server writes has its two fields, whatever their values: a field not there is a default.
          for (const item of items)
            for (const p of Array.isArray(item.speakers) ? item.speakers : [])
              if (typeof p === 'object' && p !== null && !Array.isArray(p)) (p as Json).affiliation ??= 'filled';
          const made = JSON.parse(JSON.stringify(state)) as StateJson;
          expect(read(wire(made))).toEqual(made);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  test('any change anywhere in the state (fields dropped, replaced, added): never a throw, the same read as in full', () => {
    fc.assert(
      fc.property(fc.oneof(realStates, fuzzStates), fc.array(mutation, { minLength: 1, maxLength: 5 }), (s, ms) => {
        // mutate() puts a mutation's value in place, not a copy: each use gets its own.
        const state = JSON.parse(JSON.stringify(mutate(s, structuredClone(ms)))) as unknown;
        fc.pre(typeof state === 'object' && state !== null);
        // Sent short or in full (GET /api/state, the control socket), the view reads the same state.
        expect(read(wire(state))).toEqual(read(state));
        // A tampered push is read too: what the wire carries after any change is read without a throw.
        expect(() => read(JSON.parse(JSON.stringify(mutate(wire(s), structuredClone(ms)))))).not.toThrow();
      }),
      { numRuns: runs(300) },
    );
  });
});
