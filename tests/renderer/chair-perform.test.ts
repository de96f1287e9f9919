// The chair's PIN flow: asked before the first action when the server wants one, asked again when wrong, remembered.
import { describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import type { Action } from '../../core/live/actions.ts';
import type { ActionResult } from '../../renderer/lib/actions.ts';
import { perform, type PerformDeps } from '../../renderer/views/chair/perform.ts';

const PIN = '2468';
const STATE = { seq: 1 } as StateJson;
const ACTION: Action = { type: 'timer.pause' };

/** A fake server with `pin` (null: none), and a user who types `typed` in turn (null: cancels). */
function world(pin: string | null, typed: (string | null)[], remembered: string | null = null) {
  const log: string[] = [];
  let memory = remembered;
  const deps: PerformDeps = {
    async send(_action, given): Promise<ActionResult> {
      log.push(`send ${given ?? '-'}`);
      if (pin === null || given === pin) return { ok: true, state: STATE };
      if (given !== null) memory = null; // sendAction forgets a refused PIN
      return { ok: false, status: 401, message: given === null ? 'this action needs the PIN' : 'wrong PIN' };
    },
    pinRequired: async () => pin !== null,
    rememberedPin: () => memory,
    rememberPin: (p) => {
      memory = p;
      log.push(`remember ${p}`);
    },
    async askPin(wrong) {
      log.push(wrong ? 'ask (wrong)' : 'ask');
      return typed.shift() ?? null;
    },
  };
  return { deps, log, memory: () => memory };
}

describe('perform', () => {
  test('no PIN on the server: sent at once, nothing asked', async () => {
    const w = world(null, []);
    expect(await perform(ACTION, w.deps)).toEqual({ kind: 'done', state: STATE });
    expect(w.log).toEqual(['send -']);
  });

  test('a PIN on the server: asked first, then sent and remembered', async () => {
    const w = world(PIN, [PIN]);
    expect((await perform(ACTION, w.deps)).kind).toBe('done');
    expect(w.log).toEqual(['ask', `send ${PIN}`, `remember ${PIN}`]);
  });

  test('a wrong PIN: asked again, saying it was wrong, until right', async () => {
    const w = world(PIN, ['1111', '0000', PIN]);
    expect((await perform(ACTION, w.deps)).kind).toBe('done');
    expect(w.log).toEqual([
      'ask',
      'send 1111',
      'ask (wrong)',
      'send 0000',
      'ask (wrong)',
      `send ${PIN}`,
      `remember ${PIN}`,
    ]);
    expect(w.memory()).toBe(PIN);
  });

  test('a remembered PIN is used without asking', async () => {
    const w = world(PIN, [], PIN);
    expect((await perform(ACTION, w.deps)).kind).toBe('done');
    expect(w.log).toEqual([`send ${PIN}`, `remember ${PIN}`]);
  });

  test('a remembered PIN that went stale (server restarted with another): asked again', async () => {
    const w = world(PIN, [PIN], '9999');
    expect((await perform(ACTION, w.deps)).kind).toBe('done');
    expect(w.log).toEqual(['send 9999', 'ask (wrong)', `send ${PIN}`, `remember ${PIN}`]);
  });

  test('cancelling the dialog sends nothing more', async () => {
    expect(await perform(ACTION, world(PIN, [null]).deps)).toEqual({ kind: 'cancelled' });
    const w = world(PIN, ['1111', null]);
    expect(await perform(ACTION, w.deps)).toEqual({ kind: 'cancelled' });
    expect(w.log).toEqual(['ask', 'send 1111', 'ask (wrong)']);
  });

  test('a PIN the health check did not announce (401 on the first try): asked, not called wrong', async () => {
    const w = world(PIN, [PIN]);
    w.deps.pinRequired = async () => false;
    expect((await perform(ACTION, w.deps)).kind).toBe('done');
    expect(w.log).toEqual(['send -', 'ask', `send ${PIN}`, `remember ${PIN}`]);
  });

  test('other refusals (409, 429, offline) come back to be shown, without asking for a PIN', async () => {
    const deps = world(null, []).deps;
    deps.send = async () => ({ ok: false, status: 409, message: 'the timer is already paused' });
    expect(await perform(ACTION, deps)).toEqual({
      kind: 'failed',
      status: 409,
      message: 'the timer is already paused',
    });
  });
});
