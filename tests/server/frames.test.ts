// What a screen's socket carries, byte for byte: every message is one unmasked, final text frame whose length is
// written in the shortest of the three forms RFC 6455 allows (browsers fail the connection otherwise), decoded the same
// by a `ws` client and by a strict reader of the raw bytes, for several rooms and audiences and all three header sizes.
import { connect as netConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { post, startHarness, type Harness } from './harness.ts';
import { twoRoomProgram } from './two-rooms.ts';

interface Frame {
  headerBytes: number;
  text: string;
}

/**
 * A WebSocket client over raw TCP that checks each frame as a browser does: FIN set, no RSV bits (no extension was
 * negotiated), text opcode, not masked, the length in its shortest form, the text valid UTF-8. Any violation is kept.
 */
function rawScreen(url: string, query: string) {
  const { port } = new URL(url);
  const frames: Frame[] = [];
  const faults: string[] = [];
  let buf = Buffer.alloc(0);
  let upgraded = false;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parse = () => {
    if (!upgraded) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buf.subarray(0, end).toString('latin1');
      if (!head.startsWith('HTTP/1.1 101')) faults.push(`no upgrade: ${head.split('\r\n')[0]}`);
      if (/sec-websocket-extensions/i.test(head)) faults.push('an extension was negotiated');
      upgraded = true;
      buf = buf.subarray(end + 4);
    }
    for (;;) {
      if (buf.length < 2) return;
      const b0 = buf[0]!;
      const b1 = buf[1]!;
      let len = b1 & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (buf.length < 4) return;
        len = buf.readUInt16BE(2);
        offset = 4;
        if (len < 126) faults.push(`length ${len} written in 16 bits`);
      } else if (len === 127) {
        if (buf.length < 10) return;
        const big = buf.readBigUInt64BE(2);
        if (big >> 63n) faults.push('64-bit length with its top bit set');
        len = Number(big);
        offset = 10;
        if (len < 65536) faults.push(`length ${len} written in 64 bits`);
      }
      if (buf.length < offset + len) return;
      if (b0 !== 0x81) faults.push(`first byte 0x${b0.toString(16)} (want 0x81: FIN, text, no RSV)`);
      if (b1 & 0x80) faults.push('a server frame was masked');
      const payload = buf.subarray(offset, offset + len);
      try {
        frames.push({ headerBytes: offset, text: decoder.decode(payload) });
      } catch {
        faults.push('text frame not valid UTF-8');
      }
      buf = buf.subarray(offset + len);
    }
  };
  return new Promise<{ socket: Socket; frames: Frame[]; faults: string[]; send(text: string): void }>(
    (resolve, reject) => {
      const socket = netConnect(Number(port), '127.0.0.1', () => {
        socket.write(
          [
            `GET /ws?${query} HTTP/1.1`,
            `Host: 127.0.0.1:${port}`,
            'Upgrade: websocket',
            'Connection: Upgrade',
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
            'Sec-WebSocket-Version: 13',
            // Asked for, as browsers do: the server must not take it up, or frames could be compressed.
            'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits',
            '',
            '',
          ].join('\r\n'),
        );
        resolve({
          socket,
          frames,
          faults,
          // A client's frame is masked (RFC 6455 5.3); the mask here is zero, so the bytes are the text.
          send: (text: string) => {
            const payload = Buffer.from(text);
            socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length, 0, 0, 0, 0]), payload]));
          },
        });
      });
      socket.on('data', (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        parse();
      });
      socket.once('error', reject);
    },
  );
}

/** A `ws` client (the library's own decoder), offering compression as browsers do. */
async function wsScreen(url: string, query: string) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws?${query}`, { perMessageDeflate: true });
  const texts: { text: string; binary: boolean }[] = [];
  ws.on('message', (data, binary) => texts.push({ text: String(data), binary }));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, texts };
}

type Pushed = { type: string; state?: { seq: number; roomName: string; edits?: unknown } };

let h: Harness;
beforeAll(async () => {
  h = await startHarness(twoRoomProgram(), { at: '2026-06-29T09:05' });
});
afterAll(() => h.close());

describe("a screen's frames", () => {
  test('each room and audience gets its own state as valid text frames of every header size; ws and a raw reader agree', async () => {
    const screens = [
      { query: 'room=A&view=signage', room: 'A', control: false },
      { query: 'room=A&view=chair', room: 'A', control: false },
      { query: 'room=B&view=signage', room: 'B', control: false },
      { query: 'room=B&view=control', room: 'B', control: true },
      { query: 'room=A&view=control', room: 'A', control: true },
    ];
    const raws = await Promise.all(screens.map((s) => rawScreen(h.url, s.query)));
    const wss = await Promise.all(screens.map((s) => wsScreen(h.url, s.query)));
    for (const w of wss) expect(w.ws.extensions).toBe('');

    const { json } = await post(h, { type: 'message.set', to: 'public', text: 'Frames «ok» ✓' });
    const seq = json.seq as number;
    const stateOf = (text: string) => JSON.parse(text) as Pushed;
    const pushedIn = (texts: string[]) => texts.map(stateOf).find((m) => m.type === 'state' && m.state!.seq === seq);
    await expect
      .poll(
        () =>
          raws.every((r) => pushedIn(r.frames.map((f) => f.text))) &&
          wss.every((w) => pushedIn(w.texts.map((t) => t.text))),
      )
      .toBe(true);

    const headerSizes = new Set<number>();
    for (let i = 0; i < screens.length; i++) {
      const raw = raws[i]!;
      expect(raw.faults).toEqual([]);
      const rawText = raw.frames.find((f) => stateOf(f.text).state?.seq === seq)!;
      const wsText = wss[i]!.texts.find((t) => stateOf(t.text).state?.seq === seq)!;
      expect(wsText.binary).toBe(false);
      // Both readers decoded the same text, the state of this screen's room for its audience.
      expect(rawText.text).toBe(wsText.text);
      const pushed = stateOf(rawText.text).state!;
      expect(pushed.roomName).toBe(`Room ${screens[i]!.room}`);
      expect(pushed.edits !== undefined).toBe(screens[i]!.control);
      headerSizes.add(rawText.headerBytes);
    }
    // Room A's door state is between 126 and 65,535 bytes (16-bit length); room B's control state is over 64 KiB.
    expect(headerSizes).toEqual(new Set([4, 10]));
    expect(Buffer.byteLength(raws[3]!.frames.at(-1)!.text)).toBeGreaterThanOrEqual(65536);

    // A screen's clock ping is answered with a short pong: a frame with a 7-bit length.
    raws[0]!.send('{"type":"ping","t":7}');
    wss[0]!.ws.send('{"type":"ping","t":8}');
    const pongIn = (texts: string[], t: number) =>
      texts.map((x) => JSON.parse(x) as { type: string; t?: number }).find((m) => m.type === 'pong' && m.t === t);
    await expect
      .poll(() =>
        pongIn(
          raws[0]!.frames.map((f) => f.text),
          7,
        ),
      )
      .toBeDefined();
    await expect
      .poll(() =>
        pongIn(
          wss[0]!.texts.map((x) => x.text),
          8,
        ),
      )
      .toBeDefined();
    const pongFrame = raws[0]!.frames.find((f) => f.text.includes('"type":"pong"'))!;
    expect(pongFrame.headerBytes).toBe(2);
    expect(raws[0]!.faults).toEqual([]);

    // A second action: the frames stay whole and in order (each screen's seqs only grow).
    const second = (await post(h, { type: 'message.set', to: 'public', text: 'Again' })).json.seq as number;
    await expect.poll(() => raws.every((r) => r.frames.some((f) => stateOf(f.text).state?.seq === second))).toBe(true);
    for (const raw of raws) {
      expect(raw.faults).toEqual([]);
      const seqs = raw.frames.map((f) => stateOf(f.text).state?.seq).filter((s) => s !== undefined);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      raw.socket.destroy();
    }
    for (const w of wss) w.ws.close();
  });
});
