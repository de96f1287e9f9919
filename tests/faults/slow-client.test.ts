// A WebSocket client that never reads while large states are pushed fast: it is dropped, the others are not slowed.
import { connect as netConnect, type Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { connect, post, programAroundNow, startHarness, type Harness } from '../server/harness.ts';

const ACTIONS = 40;
/** From sending an action to every other screen having its state: generous for a loaded CI machine (usually ~10 ms). */
const PROMPT_MS = 1500;

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/**
 * A program whose current talk has 1,100 speakers with the longest names and affiliations the format allows (fields
 * are bounded): every door state of room A, which carries the talk on now with them all, is about 400 KB.
 */
function heavyProgram() {
  const program = programAroundNow();
  const talk = program.items!.find((i) => i.id === 'talk1')!;
  const people: Record<string, { name: string; affiliation?: string }> = { ...program.people };
  for (let i = 0; i < 1100; i++) {
    people[`p${i}`] = { name: `Speaker ${i} ${'n'.repeat(130)}`, affiliation: `Lab ${i} ${'a'.repeat(180)}` };
  }
  program.people = people;
  talk.speakers = Object.keys(people).filter((id) => id.startsWith('p'));
  return program;
}

/** Completes the WebSocket upgrade over raw TCP, then never reads: the bytes pile up in the kernel, then the server. */
function stalledClient(url: string): Promise<{ socket: Socket; received: () => number; closed: Promise<void> }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = netConnect(Number(port), '127.0.0.1', () => {
      socket.write(
        [
          'GET /ws?room=A&view=stalled HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      );
      socket.pause();
      resolve({ socket, received: () => socket.bytesRead, closed });
    });
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.once('error', reject);
  });
}

type Screen = { view: string };
const screens = async (h: Harness) => (await (await fetch(`${h.url}/api/screens`)).json()) as Screen[];

describe('a screen that stops reading', () => {
  test(
    'is terminated once its backlog passes the limit; the other screens keep getting every state promptly',
    { timeout: 30_000 },
    async () => {
      h = await startHarness(heavyProgram());
      const stalled = await stalledClient(h.url);
      stalled.socket.on('error', () => {}); // the server resets it: expected
      const fast = await connect(h, 'room=A&view=signage');
      const other = await connect(h, 'room=A&view=chair');
      await expect
        .poll(async () => (await screens(h!)).map((s) => s.view).sort())
        .toEqual(['chair', 'signage', 'stalled']);
      const first = await fast.next(() => true);
      const stateBytes = JSON.stringify(first).length;
      expect(stateBytes).toBeGreaterThan(350_000);

      const lags: number[] = [];
      let droppedAfter: number | null = null;
      for (let i = 0; i < ACTIONS; i++) {
        const sent = Date.now();
        const r = await post(h, { type: 'delay.set', minutes: (i % 30) + 1 });
        expect(r.status).toBe(200);
        const seq = (r.json as unknown as StateJson).seq;
        await Promise.all([fast.next((s) => s.seq === seq, PROMPT_MS), other.next((s) => s.seq === seq, PROMPT_MS)]);
        lags.push(Date.now() - sent);
        if (droppedAfter === null && !(await screens(h)).some((s) => s.view === 'stalled')) droppedAfter = i + 1;
      }

      // Dropped well before the end: after the kernel's buffers and the 1 MiB backlog filled, not ~16 MB later.
      expect(droppedAfter, 'the stalled client was never dropped').not.toBeNull();
      expect(droppedAfter!).toBeLessThan(ACTIONS);
      expect(Math.max(...lags), `action-to-push times: ${lags.join(', ')} ms`).toBeLessThan(PROMPT_MS);
      expect(fast.states.at(-1)!.seq).toBe(ACTIONS);
      expect(other.states.at(-1)!.seq).toBe(ACTIONS);

      // What the stalled client can still read is bounded by the buffers, far less than what was pushed to the others.
      stalled.socket.resume();
      await stalled.closed;
      const pushedToOthers = stateBytes * (ACTIONS + 1);
      expect(stalled.received(), `read ${stalled.received()} of ${pushedToOthers} bytes`).toBeLessThan(
        pushedToOthers / 2,
      );
      expect((await screens(h)).map((s) => s.view).sort()).toEqual(['chair', 'signage']);
      fast.ws.close();
      other.ws.close();
    },
  );
});
