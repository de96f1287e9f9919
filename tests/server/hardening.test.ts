// Inputs that once crashed or fooled the server: each must get a clear 4xx (or be ignored) and the show goes on.
import { connect as netConnect } from 'node:net';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, post, programAroundNow, startHarness, type Harness } from './harness.ts';

let open: Harness;
let guarded: Harness;
beforeAll(async () => {
  open = await startHarness(programAroundNow(), { pin: null });
  guarded = await startHarness(programAroundNow());
});
afterAll(async () => {
  await open.close();
  await guarded.close();
});
const alive = async (h: Harness) => expect((await fetch(`${h.url}/api/health`)).status).toBe(200);

/** Sends raw bytes and returns the first line of the answer. */
function raw(h: Harness, text: string): Promise<string> {
  return new Promise((resolve) => {
    const { port } = new URL(h.url);
    const socket = netConnect(Number(port), '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(data.split('\r\n')[0] ?? ''));
    setTimeout(() => socket.destroy(), 1500);
  });
}

describe('WebSocket junk', () => {
  test.each(['null', '42', '"ping"', '[]', '{"type":"ping","t":"x"}', 'not json'])(
    'the message %s is answered or ignored',
    async (message) => {
      const c = await connect(open);
      c.ws.send(message);
      await new Promise((r) => setTimeout(r, 100));
      await alive(open);
      c.ws.close();
    },
  );

  test('an upgrade with a malformed URL is refused', async () => {
    const answer = await raw(
      open,
      'GET http://x:99999/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    expect(answer).toMatch(/400/);
    await alive(open);
  });
});

describe('requests from pages that are not ours', () => {
  test('without a PIN, a Host that is not this machine (DNS rebinding) cannot act', async () => {
    const status = await new Promise<number>((resolve) => {
      const { port } = new URL(open.url);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/actions',
          method: 'POST',
          headers: {
            Host: `evil.example:${port}`,
            Origin: `http://evil.example:${port}`,
            'Content-Type': 'application/json',
          },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end('{"type":"blackout","on":true}');
    });
    expect(status).toBe(421);
    expect((await (await fetch(`${open.url}/api/state`)).json()).blackout).toBe(false);
  });

  test('a same-site page on another port cannot press a GET button', async () => {
    const res = await fetch(`${guarded.url}/api/actions/blackout?on=1&pin=${guarded.pin}`, {
      headers: { 'Sec-Fetch-Site': 'same-site' },
    });
    expect(res.status).toBe(403);
  });

  test('"type" in the query cannot change the action of the path', async () => {
    const res = await fetch(`${guarded.url}/api/actions/delay.set?minutes=1&type=blackout&pin=${guarded.pin}`);
    expect(res.status).toBe(200);
    const state = await (await fetch(`${guarded.url}/api/state`)).json();
    expect(state.delayMinutes).toBe(1);
    expect(state.blackout).toBe(false);
  });
});

describe('malformed requests', () => {
  test('bad percent-encoding in an action path is a 400', async () => {
    const res = await fetch(`${guarded.url}/api/actions/%E0%A4%A?pin=${guarded.pin}`);
    expect(res.status).toBe(400);
  });

  test('an oversized chunked body gets 413, not a dropped connection', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode('{"type":"message.set","to":"public","text":"' + 'x'.repeat(40_000)),
        );
        controller.close();
      },
    });
    const res = await fetch(`${guarded.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${guarded.pin}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    await alive(guarded);
  });
});

describe('program edits that remove a room', () => {
  test('screens of the removed room are closed; the others keep receiving; actions still answer', async () => {
    const b = await connect(guarded, 'view=signage&room=B');
    const a = await connect(guarded, 'view=signage&room=A');
    const closed = new Promise<number>((r) => b.ws.on('close', (code) => r(code)));
    const program = programAroundNow();
    program.rooms = program.rooms!.filter((r) => r.id !== 'B');
    program.items = program.items!.filter((i) => i.room !== 'B');
    program.event.name = 'Only A';
    writeFileSync(guarded.programFile, JSON.stringify(program));
    expect(await closed).toBe(4004);
    await a.next((s) => (s.event as { name: string }).name === 'Only A');
    expect((await post(guarded, { type: 'delay.set', minutes: 0 })).status).toBe(200);
    a.ws.close();
  });

  test('a removed room with a 100-character id: its screen is closed too, and the push goes on to the others', async () => {
    // The close frame's reason is at most 123 bytes (RFC 6455 5.5): "room <id> is no longer in the program" was 133,
    // `ws` threw, and the push stopped there (the other rooms' screens got nothing, the reload's caller an error).
    const long = `B${'x'.repeat(99)}`;
    const program = programAroundNow();
    program.rooms = program.rooms!.map((r) => (r.id === 'B' ? { ...r, id: long } : r));
    program.items = program.items!.map((i) => (i.room === 'B' ? { ...i, room: long } : i));
    const h = await startHarness(program);
    try {
      const b = await connect(h, `view=signage&room=${long}`);
      const a = await connect(h, 'view=signage&room=A');
      const closed = new Promise<number>((r) => b.ws.on('close', (code) => r(code)));
      program.rooms = program.rooms.filter((r) => r.id !== long);
      program.items = program.items.filter((i) => i.room !== long);
      program.event.name = 'Only A';
      writeFileSync(h.programFile, JSON.stringify(program));
      await a.next((s) => (s.event as { name: string }).name === 'Only A');
      expect(await closed).toBe(4004);
      a.ws.close();
    } finally {
      await h.close();
    }
  });
});

describe('heartbeat', () => {
  test('a screen that answers pings stays connected across many heartbeats', async () => {
    const h = await startHarness(programAroundNow(), { heartbeatMs: 100 });
    try {
      const c = await connect(h);
      let closed = false;
      c.ws.on('close', () => (closed = true));
      await new Promise((r) => setTimeout(r, 600));
      expect(closed).toBe(false);
      expect(await (await fetch(`${h.url}/api/screens`)).json()).toHaveLength(1);
      c.ws.close();
    } finally {
      await h.close();
    }
  });
});
