// OSC in and out with a real UDP client, and Companion's flat "now" feedback, against a real show on a rehearsal clock.
import { createSocket, type Socket } from 'node:dgram';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, encode, Bundle, Message } from 'node-osc';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseInstant } from '../../core/time.ts';
import { actionFromOsc, parseTarget } from '../../server/osc.ts';
import { startShow, type RunningShow } from '../../server/start-show.ts';
import { repoPath } from '../helpers.ts';

const at = (local: string) => (parseInstant(local, 'Europe/Paris') as { ok: true; at: number }).at;

let running: RunningShow;
let client: Socket;
let url: string;
const received: { address: string; args: unknown[]; at: number }[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-osc-'));
  mkdirSync(join(dir, 'views'));
  writeFileSync(join(dir, 'views', 'index.html'), '<!doctype html>');
  client = createSocket('udp4');
  client.on('message', (buffer) => {
    const m = decode(buffer) as { address: string; args: { value: unknown }[] };
    received.push({ address: m.address, args: m.args.map((a) => a.value), at: Date.now() });
  });
  await new Promise<void>((r) => client.bind(0, '127.0.0.1', r));
  running = await startShow({
    programFile: repoPath('data/dp2e-ai-2026.json'),
    host: '127.0.0.1',
    port: 0,
    pin: '2468',
    stateDir: join(dir, 'state'),
    staticDir: join(dir, 'views'),
    startAt: at('2026-06-29T09:50'),
    osc: { port: 0, targets: [{ host: '127.0.0.1', port: client.address().port }], allowFrom: [] },
  });
  url = running.server.url;
});
afterAll(async () => {
  client.close();
  await running.close();
});

const sendOsc = (packet: Message | Bundle | Buffer) =>
  new Promise<void>((r) =>
    client.send(packet instanceof Buffer ? packet : encode(packet), running.osc!.port!, '127.0.0.1', () => r()),
  );

/** The last value sent to `address`, waiting up to 3 s for one that passes `ok`. */
async function lastValue(address: string, ok: (v: unknown) => boolean = () => true): Promise<unknown> {
  for (let i = 0; i < 60; i++) {
    const hit = received.filter((m) => m.address === address).at(-1);
    if (hit && ok(hit.args[0])) return hit.args[0];
    await new Promise((r) => setTimeout(r, 50));
  }
  const seen = received.filter((m) => m.address === address).map((m) => m.args[0]);
  throw new Error(`no acceptable ${address}; received ${JSON.stringify(seen)}`);
}

describe('OSC out', () => {
  test('sends what the room shows: the item on now, its title, the countdown', async () => {
    expect(await lastValue('/roomcue/L108-A/item')).toBe('d1-dongarra');
    expect(await lastValue('/roomcue/L108-A/title')).toBe('HPC in Transition');
    expect(await lastValue('/roomcue/L108-A/onair')).toBe(1);
    const remaining = (await lastValue('/roomcue/L108-A/remaining')) as number;
    expect(remaining).toBeGreaterThan(1190);
    expect(remaining).toBeLessThanOrEqual(1200);
    expect(await lastValue('/roomcue/L108-A/next')).toBe(
      'HPC+AI Converged Supercomputing on LineShine Exascale System',
    );
    expect(await lastValue('/roomcue/L108-A/next/start')).toBe('10:10');
    expect(await lastValue('/roomcue/L108-A/phase')).toBe('normal');
    expect(await lastValue('/roomcue/L108-A/running')).toBe(1);
  });

  test('the countdown goes out once per second while the timer runs, and not at all while it is paused', async () => {
    // Read in the values the show sends (its countdown's seconds, by its own clock), not in when this test's timers
    // fire: on a loaded machine, a window of 3.5 s timed here can hold 2 or 5 messages with the show right.
    const remaining = (since: number) =>
      received
        .filter((m) => m.address === '/roomcue/L108-A/remaining' && m.at >= since)
        .map((m) => m.args[0] as number);
    /** The first `n` values sent since `since`, waiting for them as long as it takes (a slow runner is not a fault). */
    const firstSent = async (since: number, n: number) => {
      for (let i = 0; i < 400 && remaining(since).length < n; i++) await new Promise((r) => setTimeout(r, 50));
      return remaining(since).slice(0, n);
    };
    // Running: one message for each second of the countdown, none twice, none skipped.
    const running = await firstSent(Date.now(), 4);
    expect(running).toEqual([0, 1, 2, 3].map((i) => running[0]! - i));

    await sendOsc(new Message('/roomcue/L108-A/timer/pause'));
    expect(await lastValue('/roomcue/L108-A/running', (v) => v === 0)).toBe(0);
    const paused = Date.now();
    const heldAt = (await (await fetch(`${url}/api/state`)).json()).timer.remainingSeconds as number;
    await new Promise((r) => setTimeout(r, 2500));
    expect(remaining(paused)).toEqual([]);

    await sendOsc(new Message('/roomcue/L108-A/timer/resume'));
    expect(await lastValue('/roomcue/L108-A/running', (v) => v === 1)).toBe(1);
    // It counts again from where it was held: the first value sent is the next second (or the one after, when this
    // test starts looking just past it), not one the 2.5 s of the pause would have taken away.
    const [first] = await firstSent(Date.now(), 1);
    expect(first).toBeLessThan(heldAt);
    expect(first).toBeGreaterThanOrEqual(heldAt - 2);
  }, 60_000);
});

describe('OSC in', () => {
  test('/roomcue/<room>/timer/add 300 gives the talk five more minutes, on every channel', async () => {
    await sendOsc(new Message('/roomcue/L108-A/timer/add', 300));
    const remaining = (await lastValue('/roomcue/L108-A/remaining', (v) => (v as number) > 1400)) as number;
    expect(remaining).toBeGreaterThan(1490);
    expect(remaining).toBeLessThanOrEqual(1500);
    const state = await (await fetch(`${url}/api/state`)).json();
    expect(state.timer.itemId).toBe('d1-dongarra');
    expect(state.timer.remainingSeconds).toBeGreaterThan(1490);
  });

  test('a bundle applies each of its messages; the room may be its displayed name', async () => {
    await sendOsc(
      new Bundle(['/roomcue/l108-a/message/set', 'speaker', 'Five minutes'], ['/roomcue/L108-A/blackout', 1]),
    );
    expect(await lastValue('/roomcue/L108-A/blackout', (v) => v === 1)).toBe(1);
    const state = await (await fetch(`${url}/api/state`)).json();
    expect(state.messages.speaker.text).toBe('Five minutes');
    expect(state.blackout).toBe(true);
    await sendOsc(new Message('/roomcue/L108-A/blackout', 'off'));
    expect(await lastValue('/roomcue/L108-A/blackout', (v) => v === 0)).toBe(0);
  });

  test('any action by its address with its fields as one JSON argument: an item retitled, sent back as the next title', async () => {
    await sendOsc(
      new Message(
        '/roomcue/L108-A/program/item/update',
        JSON.stringify({ itemId: 'd1-lu', set: { title: 'HPC+AI on LineShine' } }),
      ),
    );
    expect(await lastValue('/roomcue/L108-A/next', (v) => v === 'HPC+AI on LineShine')).toBe('HPC+AI on LineShine');
    await sendOsc(new Message('/roomcue/L108-A/undo'));
    expect(await lastValue('/roomcue/L108-A/next', (v) => v !== 'HPC+AI on LineShine')).toBe(
      'HPC+AI Converged Supercomputing on LineShine Exascale System',
    );
  });

  test('what cannot be done is answered with /roomcue/error and a reason, and changes nothing', async () => {
    const before = (await (await fetch(`${url}/api/state`)).json()).seq;
    const from = received.length;
    const errors = () =>
      received
        .slice(from)
        .filter((m) => m.address === '/roomcue/error')
        .map((m) => m.args[0]);
    await sendOsc(new Message('/roomcue/L109/follow'));
    await sendOsc(new Message('/roomcue/L108-A/timer/add', 'lots'));
    await sendOsc(Buffer.from('definitely not OSC'));
    for (let i = 0; i < 60 && errors().length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(errors()).toEqual([
      expect.stringMatching(/^unknown room "L109"; rooms: L108-A/),
      expect.stringMatching(/^timer\.add: seconds: /),
      'not an OSC message',
    ]);
    expect((await (await fetch(`${url}/api/state`)).json()).seq).toBe(before);
  });
});

describe('Companion feedback: GET /api/rooms/<room>/now', () => {
  test('the few values a button shows, flat, by id or displayed name', async () => {
    const res = await fetch(`${url}/api/rooms/${encodeURIComponent('l108-a')}/now`);
    expect(res.status).toBe(200);
    const now = await res.json();
    expect(now).toMatchObject({
      room: 'L108-A',
      itemId: 'd1-dongarra',
      title: 'HPC in Transition',
      speakers: 'Jack Dongarra',
      running: true,
      onAir: true,
      nextStart: '10:15', // the talk was given five more minutes above: what follows moves with it
    });
    expect(now.remaining).toMatch(/^2[45]:\d\d$/); // the five minutes added above
    expect(now.phase).toBe('normal');
    expect(now.lateMinutes).toBe(0);
    expect((await fetch(`${url}/api/rooms/L109/now`)).status).toBe(404);
  });

  test('late and phase follow what the screens say: 10 min late, then the last minutes in red', async () => {
    const act = (body: object) =>
      fetch(`${url}/api/actions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer 2468' },
        body: JSON.stringify(body),
      });
    const now = async () => (await fetch(`${url}/api/rooms/L108-A/now`)).json();
    expect((await act({ type: 'delay.set', minutes: 10 })).status).toBe(200);
    expect((await now()).lateMinutes).toBe(10);
    expect(await lastValue('/roomcue/L108-A/late', (v) => v === 10)).toBe(10);
    expect((await act({ type: 'delay.set', minutes: 0 })).status).toBe(200);
    const left = (await now()).remainingSeconds as number;
    expect((await act({ type: 'timer.add', seconds: 60 - left })).status).toBe(200); // one minute left
    const red = await now();
    expect(red.remaining).toMatch(/^(1:00|0:5\d)$/);
    expect(red.phase).toBe('danger');
    expect(await lastValue('/roomcue/L108-A/phase', (v) => v === 'danger')).toBe('danger');
  });
});

describe('the OSC address book', () => {
  const show = { findRoom: (q: string) => running.show.findRoom(q) };
  test('maps positional arguments to the action fields', () => {
    expect(actionFromOsc(show, '/roomcue/L108-A/goto', ['d1-lu'])).toEqual({
      ok: true,
      action: { type: 'goto', room: 'L108-A', itemId: 'd1-lu' },
    });
    expect(actionFromOsc(show, '/roomcue/L108-A/delay/set', [10])).toMatchObject({
      ok: true,
      action: { type: 'delay.set', minutes: 10 },
    });
    expect(actionFromOsc(show, '/roomcue/L108-A/program/item/cancel', ['d1-lu', 'Speaker ill'])).toEqual({
      ok: true,
      action: { type: 'program.item.cancel', room: 'L108-A', itemId: 'd1-lu', reason: 'Speaker ill' },
    });
    expect(actionFromOsc(show, '/roomcue/L108-A/message/ack', [])).toEqual({
      ok: true,
      action: { type: 'message.ack', room: 'L108-A' },
    });
  });
  test('takes the fields of any action as one JSON object argument; the address gives the type and room', () => {
    expect(
      actionFromOsc(show, '/roomcue/L108-A/program/item/swap', [JSON.stringify({ a: 'd1-lu', b: 'd1-nakajima' })]),
    ).toEqual({ ok: true, action: { type: 'program.item.swap', room: 'L108-A', a: 'd1-lu', b: 'd1-nakajima' } });
    expect(actionFromOsc(show, '/roomcue/L108-A/timer/add', ['{"seconds": 60}'])).toEqual({
      ok: true,
      action: { type: 'timer.add', room: 'L108-A', seconds: 60 },
    });
    expect(actionFromOsc(show, '/roomcue/L108-A/timer/add', ['{"seconds": 60, "room": "L109"}'])).toMatchObject({
      ok: false,
      message: /the address gives the room/,
    });
    expect(actionFromOsc(show, '/roomcue/L108-A/program/item/swap', ['{"a": "d1-lu",'])).toMatchObject({
      ok: false,
      message: /not a JSON object/,
    });
  });

  test('refuses what is not an action, naming the problem', () => {
    expect(actionFromOsc(show, '/other/thing', [])).toMatchObject({ ok: false, message: /start with \/roomcue\// });
    expect(actionFromOsc(show, '/roomcue/L108-A/follow', [1])).toMatchObject({
      ok: false,
      message: /follow takes no arguments, got 1/,
    });
    expect(actionFromOsc(show, '/roomcue/L108-A/constructor', [])).toMatchObject({
      ok: false,
      message: /unknown action type "constructor"/,
    });
    expect(actionFromOsc(show, '/roomcue/__proto__/follow', [])).toMatchObject({ ok: false });
  });
  test('reads targets as HOST:PORT', () => {
    expect(parseTarget('192.168.1.20:53000')).toEqual({ host: '192.168.1.20', port: 53000 });
    expect(parseTarget('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
    expect(parseTarget('qlab.local')).toBeNull();
    expect(parseTarget('x:70000')).toBeNull();
  });
});
