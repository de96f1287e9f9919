// The chair faces the speaker: it never asks for a PIN. It acts with the PIN its address gave it, else its keys go off.
import { describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import type { Action } from '../../core/live/actions.ts';
import type { ActionResult } from '../../renderer/lib/actions.ts';
import { perform, pinFromAddress, type PerformDeps } from '../../renderer/views/chair/perform.ts';

const PIN = '2468';
const STATE = { seq: 1 } as StateJson;
const ACTION: Action = { type: 'timer.pause' };

/** A fake server with `pin` (null: none), and a screen that was given `given` (null: none). */
function world(pin: string | null, given: string | null): { deps: PerformDeps; sent: (string | null)[] } {
  const sent: (string | null)[] = [];
  return {
    sent,
    deps: {
      async send(_action, p): Promise<ActionResult> {
        sent.push(p);
        if (pin === null || p === pin) return { ok: true, seq: STATE.seq, state: STATE };
        return { ok: false, status: 401, message: p === null ? 'this action needs the PIN' : 'wrong PIN' };
      },
      rememberedPin: () => given,
    },
  };
}

describe('the chair acts with the PIN it was given, and never asks for one', () => {
  test('no PIN on the server: sent at once', async () => {
    const w = world(null, null);
    expect(await perform(ACTION, w.deps)).toEqual({ kind: 'done', state: STATE });
    expect(w.sent).toEqual([null]);
  });

  test('the right PIN from its address: the action is done', async () => {
    const w = world(PIN, PIN);
    expect(await perform(ACTION, w.deps)).toEqual({ kind: 'done', state: STATE });
    expect(w.sent).toEqual([PIN]);
  });

  test('a PIN on the server and none given: keys off, nothing asked, one request', async () => {
    const w = world(PIN, null);
    expect(await perform(ACTION, w.deps)).toEqual({ kind: 'keys-off', reason: 'no-pin' });
    expect(w.sent).toEqual([null]);
  });

  test('a wrong PIN given: keys off, saying it is wrong', async () => {
    const w = world(PIN, '1111');
    expect(await perform(ACTION, w.deps)).toEqual({ kind: 'keys-off', reason: 'wrong-pin' });
  });

  test('other refusals are reported as they are', async () => {
    const deps: PerformDeps = {
      send: async () => ({ ok: false, status: 409, message: 'nothing to pause' }),
      rememberedPin: () => null,
    };
    expect(await perform(ACTION, deps)).toEqual({ kind: 'failed', status: 409, message: 'nothing to pause' });
  });
});

describe('the PIN in the chair link', () => {
  test.each([
    {
      href: 'http://box:8080/chair?room=L108-A#pin=2468',
      pin: '2468',
      rest: 'http://box:8080/chair?room=L108-A',
    },
    {
      href: 'http://box:8080/chair?room=L108-A&pin=2468&lang=fr',
      pin: '2468',
      rest: 'http://box:8080/chair?room=L108-A&lang=fr',
    },
    { href: 'http://box:8080/chair?room=L108-A', pin: null, rest: 'http://box:8080/chair?room=L108-A' },
  ])('$href → PIN $pin, address without it', ({ href, pin, rest }) => {
    expect(pinFromAddress(href)).toEqual({ pin, href: rest });
  });
});
