// The chair after one of its keys, against a real show server: it shows the new state at once, from the answer to its
// action, even when its socket is down or late (the server's answer is short unless the state is asked for); a
// refusal is said in the toast; the control's console clears its busy state and says what happened.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { ShowConnection } from '../../renderer/lib/connection.svelte.ts';
import { ChairActions } from '../../renderer/views/chair/chair-actions.svelte.ts';
import { chairWords } from '../../renderer/views/chair/words.ts';
import { Operator } from '../../renderer/views/control/operator.svelte.ts';
import { controlWords } from '../../renderer/views/control/words.ts';
import { programAroundNow, startHarness, type Harness } from '../server/harness.ts';
// A socket that never opens: the view's live link is down, nothing reaches it but the answers to its actions.
import { SilentSocket as DeadSocket } from './silent-socket.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(programAroundNow(), { pin: '2468' });
});
afterAll(() => h.close());

beforeEach(() => {
  const realFetch = globalThis.fetch;
  const store = new Map<string, string>([['roomcue.pin', '2468']]);
  const storage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  vi.stubGlobal('sessionStorage', storage);
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('location', { search: '', protocol: 'http:', host: new URL(h.url).host, href: `${h.url}/chair` });
  vi.stubGlobal('WebSocket', DeadSocket);
  // The page's relative requests go to the show server.
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(new URL(input, h.url), init));
});
afterEach(() => vi.unstubAllGlobals());

const serverState = async (): Promise<StateJson> => (await (await fetch(`${h.url}/api/state`)).json()) as StateJson;

describe('the chair after an action, its socket down', () => {
  test('Space pauses: the chair shows the paused timer at once, the state of the action’s seq', async () => {
    const before = await serverState();
    expect(before.timer).toMatchObject({ itemId: 'talk1', running: true });
    const connection = new ShowConnection('chair', null);
    connection.state = before;
    const chair = new ChairActions(connection, null, chairWords('en'));
    chair.run('toggle');
    await vi.waitFor(() => expect(connection.state!.seq).toBeGreaterThan(before.seq), { timeout: 3000 });
    const after = await serverState();
    expect(connection.state!.seq).toBe(after.seq);
    expect(connection.state!.timer).toMatchObject({ itemId: 'talk1', running: false, source: 'timer' });
    expect(connection.state!.current[0]!.id).toBe('talk1');
    expect(chair.toast).toBeNull();
    connection.close();
  });

  test('a refused action leaves the state shown and says why in the toast', async () => {
    const connection = new ShowConnection('chair', null);
    // The chair still shows a speaker message the desk has since cleared (its socket is down): O is refused.
    const current = await serverState();
    const shown: StateJson = {
      ...current,
      messages: { ...current.messages, speaker: { text: 'Wrap up', setAt: current.at, until: null, ackedAt: null } },
    };
    connection.state = shown;
    const chair = new ChairActions(connection, null, chairWords('en'));
    chair.run('ack');
    await vi.waitFor(() => expect(chair.toast).not.toBeNull(), { timeout: 3000 });
    const refusal = await fetch(`${h.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer 2468' },
      body: JSON.stringify({ type: 'message.ack' }),
    });
    expect(refusal.status).toBe(409);
    expect(chair.toast).toBe(((await refusal.json()) as { error: string }).error);
    expect(connection.state).toBe(shown);
    connection.close();
  });
});

describe('the control after an action', () => {
  test('done: the console is no longer busy and says so; refused: it says why', async () => {
    const operator = new Operator(controlWords('en'));
    const pending = operator.act({ type: 'message.set', to: 'public', text: 'Coffee is served' }, 'Message');
    expect(operator.busy).toBe(true);
    expect(await pending).toEqual({ kind: 'done' });
    expect(operator.busy).toBe(false);
    expect(operator.status).toEqual({ kind: 'ok', text: controlWords('en').done_('Message') });
    expect((await serverState()).messages.public!.text).toBe('Coffee is served');
    const refused = await operator.act({ type: 'goto', itemId: 'nope' }, 'Jump');
    expect(refused).toEqual({ kind: 'refused', message: 'unknown item "nope" in room A' });
    expect(operator.busy).toBe(false);
    expect(operator.status?.kind).toBe('error');
  });
});
