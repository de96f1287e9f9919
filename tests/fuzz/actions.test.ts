// Property tests of the action contract: any input, POST body or button query, gives an action or a named refusal.
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { ACTION_TYPES, actionFromQuery, parseAction, type ActionParse } from '../../core/live/actions.ts';
import { BUILTIN_NAMES, FUZZ_TIMEOUT_MS, mutate, mutation, runs } from './arbitraries.ts';

vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS });

/** One valid example of every action, to break. */
const VALID: Record<string, unknown>[] = [
  { type: 'timer.start' },
  { type: 'timer.pause', room: 'A' },
  { type: 'timer.resume' },
  { type: 'timer.add', seconds: 60 },
  { type: 'timer.reset' },
  { type: 'item.end' },
  { type: 'goto', itemId: 'd1-lu' },
  { type: 'follow' },
  { type: 'delay.set', minutes: 10 },
  { type: 'message.set', to: 'speaker', text: '5 minutes', until: '2026-06-29T10:00:00+02:00' },
  { type: 'message.clear', to: 'public' },
  { type: 'blackout', on: true },
  { type: 'item.previous' },
  { type: 'overtime.policy', policy: 'hold', limitMinutes: 15 },
  { type: 'undo' },
  { type: 'redo' },
  { type: 'message.ack' },
  { type: 'presets.set', texts: ['5 minutes', 'Wrap up'] },
  { type: 'program.item.update', itemId: 'd1-lu', set: { title: 'New title', speakers: ['ada'] } },
  { type: 'program.item.cancel', itemId: 'd1-lu', reason: 'Speaker ill', public: false },
  { type: 'program.item.restore', itemId: 'd1-lu' },
  { type: 'program.item.move', itemId: 'd1-lu', start: '2026-06-29T11:00', end: '2026-06-29T11:30', room: 'A' },
  { type: 'program.item.swap', a: 'd1-lu', b: 'd1-dongarra' },
  {
    type: 'program.item.add',
    item: { id: 'x1', kind: 'talk', title: 'Added', start: '2026-06-29T18:00', end: '2026-06-29T18:30' },
  },
  { type: 'program.item.remove', itemId: 'x1' },
  { type: 'program.item.note', itemId: 'd1-lu', av: 'Mic 2', chair: 'Q&A after' },
  { type: 'program.edit.resolve', editId: 1, keep: 'yours' },
];

/** The contract: ok with an action of a known type, or a message that names the type (or says what an action is). */
function expectNamedResult(result: ActionParse, input: unknown): void {
  if (result.ok) {
    expect(ACTION_TYPES).toContain(result.action.type);
    return;
  }
  expect(result.message.trim()).not.toBe('');
  const type = (input as { type?: unknown } | null)?.type;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    expect(result.message).toMatch(/an action is a JSON object/);
  } else if (typeof type === 'string' && (ACTION_TYPES as string[]).includes(type)) {
    // "timer.add: seconds: …" or "goto: unknown field colour": the type, then the field or the problem.
    expect(result.message.startsWith(`${type}: `)).toBe(true);
    expect(result.message.length).toBeGreaterThan(type.length + 2);
  } else {
    expect(result.message).toMatch(/^unknown action type .*; known: timer\.start/);
  }
}

describe('parseAction', () => {
  test('the examples to break cover every action type, and each is valid as it is', () => {
    expect([...new Set(VALID.map((a) => a.type))].sort()).toEqual([...ACTION_TYPES].sort());
    for (const action of VALID) expect(parseAction(action)).toMatchObject({ ok: true });
  });

  test('anything at all never throws', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true }), (input) =>
        expectNamedResult(parseAction(input), input),
      ),
      { numRuns: runs(500) },
    );
  });

  test('a valid action with fields dropped, replaced or added: ok, or refused naming its type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (action, mutations) => {
          const input = mutate(action, mutations);
          expectNamedResult(parseAction(input), input);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  test('a known type with a field of any value names the field when it refuses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.constantFrom('seconds', 'minutes', 'itemId', 'text', 'to', 'until', 'on', 'room'),
        fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(...BUILTIN_NAMES)),
        (action, field, value) => {
          const input = { ...action, [field]: value };
          const result = parseAction(input);
          expectNamedResult(result, input);
          if (!result.ok) expect(result.message).toContain(field);
        },
      ),
      { numRuns: runs(500) },
    );
  });
});

describe('actionFromQuery (Companion buttons)', () => {
  const key = fc.oneof(
    fc.constantFrom('seconds', 'minutes', 'itemId', 'text', 'to', 'until', 'on', 'room', 'pin', 'type'),
    fc.constantFrom(...BUILTIN_NAMES),
    fc.string({ maxLength: 8 }),
  );
  const value = fc.oneof(
    fc.constantFrom('1', '0', '-60', '60', '1.5', 'true', 'off', 'speaker', '2026-06-29T10:00:00Z', ''),
    fc.constantFrom(...BUILTIN_NAMES),
    fc.string({ maxLength: 12 }),
  );

  test('random query strings never throw: ok, or refused naming the type', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...ACTION_TYPES), fc.constantFrom(...BUILTIN_NAMES), fc.string({ maxLength: 12 })),
        fc.array(fc.tuple(key, value), { maxLength: 6 }),
        (type, pairs) => {
          const params = new URLSearchParams(pairs);
          const result = actionFromQuery(type, params);
          expectNamedResult(result, { type });
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  test('raw query text, percent-escapes and all, never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTION_TYPES), fc.string({ maxLength: 40, unit: 'binary' }), (type, query) => {
        expectNamedResult(actionFromQuery(type, new URLSearchParams(query)), { type });
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('a field named like a built-in', () => {
  test('is an unknown field of any action, in a POST body or a button query', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.constantFrom(...BUILTIN_NAMES), fc.string(), (action, field, value) => {
        const body = { ...action };
        Object.defineProperty(body, field, { value, enumerable: true, writable: true, configurable: true });
        expect(parseAction(body)).toEqual({ ok: false, message: `${action.type}: unknown field ${field}` });
        const query = new URLSearchParams([[field, value]]);
        expect(actionFromQuery(action.type as string, query)).toMatchObject({ ok: false });
      }),
      { numRuns: runs(300) },
    );
  });
});
