// A room's box that follows a central server on loopback: it follows, goes on alone when the central server (a real
// `roomcue serve` process) is killed with SIGKILL (across an item boundary and a restart of the box), and returns to
// the central server's word when it is back. A cable pulled (a proxy that stops passing bytes, nothing closed): the
// box notices within seconds, and what the central server decided meanwhile wins when the cable is back.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { encode, Message } from 'node-osc';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import { startShow, type RunningShow, type ShowOptions } from '../../server/start-show.ts';
import { freePort, spawnServe, type ServeProcess } from '../faults/serve-process.ts';
import { aroundNowZone } from './harness.ts';

const PIN = '246813';
/**
 * Paris, unless the program (from 20 minutes before now to an hour after) would cross a midnight or a clock change
 * there: then Next refuses the second talk as "on another day" (from 23:40 to 00:00 Paris time, whenever CI runs then).
 */
const zone = aroundNowZone(DateTime.now().minus({ minutes: 20 }));
/** The first talk ends a few seconds from now: the box must cross that boundary on its own. */
const boundary = DateTime.now().setZone(zone).plus({ seconds: 25 }).startOf('second');
const at = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm:ss");

function program(): ProgramInput {
  return {
    formatVersion: 1,
    event: { id: 'venue', name: 'Venue Conf' },
    timezone: zone,
    venue: { name: 'Hall' },
    rooms: [
      { id: 'A', name: 'Room A' },
      { id: 'B', name: 'Room B' },
    ],
    items: [
      {
        id: 'first',
        kind: 'talk',
        title: 'First talk',
        start: at(boundary.minus({ minutes: 20 })),
        end: at(boundary),
        room: 'A',
      },
      {
        id: 'second',
        kind: 'talk',
        title: 'Second talk',
        start: at(boundary),
        end: at(boundary.plus({ minutes: 30 })),
        room: 'A',
      },
      {
        id: 'b1',
        kind: 'talk',
        title: 'Talk in B',
        start: at(boundary.minus({ minutes: 20 })),
        end: at(boundary.plus({ hours: 1 })),
        room: 'B',
      },
    ],
  };
}

const dir = mkdtempSync(join(tmpdir(), 'roomcue-central-'));
const views = join(dir, 'views');
mkdirSync(views);
writeFileSync(join(views, 'index.html'), '<!doctype html>');
writeFileSync(join(dir, 'program.json'), JSON.stringify(program()));

const stateOf = async (url: string, room = 'A'): Promise<StateJson> =>
  (await fetch(`${url}/api/state?room=${room}`)).json() as Promise<StateJson>;
const act = (url: string, body: unknown) =>
  fetch(`${url}/api/actions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${PIN}` },
    body: JSON.stringify(body),
  });
async function until(url: string, ok: (s: StateJson) => boolean, ms = 5000): Promise<StateJson> {
  const end = Date.now() + ms;
  for (;;) {
    const s = await stateOf(url);
    if (ok(s)) return s;
    if (Date.now() > end) throw new Error(`no such state within ${ms} ms: ${JSON.stringify(s).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
/**
 * The moments the box itself records, in its show's clock (the real one here): `offlineSince` in its state when it
 * gives the central server up, and (from here on) the moment it is told the central server is back. The issue's
 * "within 5 s" is measured between those and the moment the test cut or restored the link, so a test runner that
 * polls late cannot fail it and a box that is slow still does; the waits for those states are only patience.
 */
function watchReturn(box: RunningShow): { at: number | null } {
  const seen: { at: number | null } = { at: null };
  const centralChanged = box.show.centralChanged.bind(box.show);
  box.show.centralChanged = (status) => {
    if (status.online && seen.at === null) seen.at = box.show.clock.now();
    centralChanged(status);
  };
  return seen;
}
const PATIENCE = 20_000;

const startBox = (central: string, stateDir: string, room = 'A', osc?: ShowOptions['osc']) =>
  startShow({
    programFile: '',
    central,
    room,
    host: '127.0.0.1',
    port: 0,
    pin: PIN,
    stateDir: join(dir, stateDir),
    staticDir: views,
    osc,
  });

describe('a box that follows a central server (a roomcue serve process)', () => {
  let central: ServeProcess | null = null;
  let centralPort = 0;
  let box: RunningShow | null = null;
  let boxB: RunningShow | null = null;
  const startCentral = async () => {
    central = await spawnServe([
      '--program',
      join(dir, 'program.json'),
      '--port',
      String(centralPort),
      '--pin',
      PIN,
      '--state-dir',
      join(dir, 'central-state'),
    ]);
  };
  const centralUrl = () => `http://127.0.0.1:${centralPort}`;

  beforeAll(async () => {
    centralPort = await freePort();
    await startCentral();
    box = await startBox(centralUrl(), 'box-state');
  }, 30_000);
  afterAll(async () => {
    await box?.close();
    await boxB?.close();
    await central?.kill9();
  });

  test('shows what the central server decides, and sends its own actions there', async () => {
    expect((await stateOf(box!.server.url)).current[0]!.id).toBe('first');
    expect((await stateOf(box!.server.url)).central).toMatchObject({ online: true, offlineSince: null });
    await act(centralUrl(), { type: 'message.set', to: 'public', text: 'Welcome to Room A' });
    await until(box!.server.url, (s) => s.messages.public?.text === 'Welcome to Room A');
    // An action at the box goes to the central server, which decides.
    expect((await act(box!.server.url, { type: 'message.set', to: 'speaker', text: 'Five minutes' })).status).toBe(200);
    expect((await stateOf(centralUrl())).messages.speaker?.text).toBe('Five minutes');
    await until(box!.server.url, (s) => s.messages.speaker?.text === 'Five minutes');
    // The box answers for its own screens: short, with the seq of its state that has the action; or, asked for, that
    // state (the chair of a box asks for it).
    const short = await act(box!.server.url, { type: 'message.set', to: 'speaker', text: 'Three minutes' });
    const answer = (await short.json()) as { ok: boolean; room: string; seq: number };
    expect(answer).toMatchObject({ ok: true, room: 'A' });
    const boxState = await stateOf(box!.server.url);
    expect(boxState.seq).toBe(answer.seq);
    expect(boxState.messages.speaker?.text).toBe('Three minutes');
    const full = await fetch(`${box!.server.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${PIN}`, Prefer: 'return=representation' },
      body: JSON.stringify({ type: 'message.set', to: 'speaker', text: 'Two minutes' }),
    });
    expect(full.headers.get('preference-applied')).toBe('return=representation');
    expect(((await full.json()) as StateJson).messages.speaker?.text).toBe('Two minutes');
    // A wrong PIN is refused by the box before anything goes to the central server.
    const wrong = await fetch(`${box!.server.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer 000000' },
      body: JSON.stringify({ type: 'follow' }),
    });
    expect(wrong.status).toBe(401);
  });

  test("the central server's edits and notes reach the box's screens", async () => {
    const r = await act(centralUrl(), {
      type: 'program.item.note',
      itemId: 'first',
      chair: 'Slides from USB',
      av: 'Mic 2',
    });
    expect(r.status).toBe(200);
    await act(centralUrl(), { type: 'program.item.update', itemId: 'second', set: { title: 'Second talk, fixed' } });
    const s = await until(
      box!.server.url,
      (x) => (x.notes ?? []).length > 0 && x.day.some((i) => i.title === 'Second talk, fixed'),
    );
    expect(s.notes).toEqual([{ itemId: 'first', av: 'Mic 2', chair: 'Slides from USB' }]);
    const chair = new WebSocket(`${box!.server.url.replace('http', 'ws')}/ws?room=A&view=chair`);
    const pushed = await new Promise<StateJson>((resolve) =>
      chair.once('message', (data) => resolve(JSON.parse(String(data)).state)),
    );
    chair.close();
    expect(pushed.notes).toEqual([{ itemId: 'first', av: null, chair: 'Slides from USB' }]);
  });

  test("the central server lists every room's box, with the screens each serves", async () => {
    boxB = await startBox(centralUrl(), 'box-b-state', 'Room B'); // the room by its displayed name
    expect(boxB.show.defaultRoom).toBe('B');
    const ws = (url: string, room: string, view: string) =>
      new WebSocket(`${url.replace('http', 'ws')}/ws?room=${room}&view=${view}`);
    const screens = [
      ws(box!.server.url, 'A', 'signage'),
      ws(boxB.server.url, 'B', 'signage'),
      ws(boxB.server.url, 'B', 'signage'),
      ws(boxB.server.url, 'B', 'chair'),
    ];
    await Promise.all(screens.map((s) => new Promise((r) => s.once('open', r))));
    type Entry = { view: string; room: string; screens?: Record<string, number> };
    const want = [
      { view: 'box', room: 'A', screens: { signage: 1 } },
      { view: 'box', room: 'B', screens: { chair: 1, signage: 2 } },
    ];
    let boxes: Entry[] = [];
    try {
      for (let i = 0; i < 100; i++) {
        boxes = ((await (await fetch(`${centralUrl()}/api/screens`)).json()) as Entry[])
          .filter((s) => s.view === 'box')
          .map((s) => ({
            view: s.view,
            room: s.room,
            screens: Object.fromEntries(Object.entries(s.screens ?? {}).sort()),
          }))
          .sort((a, b) => a.room.localeCompare(b.room));
        if (JSON.stringify(boxes) === JSON.stringify(want)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(boxes).toEqual(want);
    } finally {
      for (const s of screens) s.close();
      await boxB.close();
      boxB = null;
    }
  }, 15_000);

  test('the central process is killed (SIGKILL) mid-show: the box goes on alone, across the next item and its own restart', async () => {
    const killed = box!.show.clock.now();
    await central!.kill9();
    central = null;
    const offline = await until(box!.server.url, (s) => s.central?.online === false, PATIENCE);
    expect(offline.central!.offlineSince).toBeGreaterThanOrEqual(killed);
    expect(offline.central!.offlineSince! - killed).toBeLessThan(5000);
    expect(offline.current[0]!.id).toBe('first');
    expect(offline.messages.public?.text).toBe('Welcome to Room A');
    expect(offline.day.find((i) => i.id === 'second')?.title).toBe('Second talk, fixed');

    // The boundary passes with no central server: the box computes the day from the clock.
    const wait = boundary.toMillis() - Date.now() + 300;
    expect(wait).toBeGreaterThan(0); // the test must cross it with the central server gone
    await new Promise((r) => setTimeout(r, wait));
    expect((await stateOf(box!.server.url)).current[0]!.id).toBe('second');

    // The box restarts while the central server is still away: it starts from its copy, as it was.
    await box!.close();
    box = await startBox(centralUrl(), 'box-state');
    const restarted = await stateOf(box.server.url);
    expect(restarted.central).toMatchObject({ online: false });
    expect(restarted.current[0]!.id).toBe('second');
    expect(restarted.current[0]!.title).toBe('Second talk, fixed');
    expect(restarted.messages.public?.text).toBe('Welcome to Room A');

    // Offline, the box acts on its own copy (a blackout here) ...
    expect((await act(box.server.url, { type: 'blackout', on: true })).status).toBe(200);
    expect((await stateOf(box.server.url)).blackout).toBe(true);
  }, 60_000);

  test('the central process starts again: the box follows it within 5 s, and nothing it decided is overridden', async () => {
    const returned = watchReturn(box!);
    await startCentral();
    const back = box!.show.clock.now();
    await act(centralUrl(), { type: 'message.set', to: 'public', text: 'Back on schedule' });
    const s = await until(
      box!.server.url,
      (x) => x.central?.online === true && x.messages.public?.text === 'Back on schedule',
      PATIENCE,
    );
    expect(returned.at! - back).toBeLessThan(5000);
    expect(s.current[0]!.id).toBe('second');
    expect(s.blackout).toBe(false); // the central server's word, not the box's offline blackout
    expect((await stateOf(centralUrl())).blackout).toBe(false);
  }, 60_000);
});

/** A TCP proxy standing for the network between a box and the central server; cut() stops passing bytes (like a
 * pulled cable: nothing is closed, nothing answers), mend() lets new connections through again. */
async function cable(
  target: () => number,
): Promise<{ port: number; cut(): void; mend(): void; close(): Promise<void> }> {
  let cutOff = false;
  const held: Socket[] = [];
  const server: Server = createServer((down) => {
    held.push(down);
    if (cutOff) return; // accepted by the kernel, never answered
    const up = connect(target(), '127.0.0.1');
    held.push(up);
    down.on('data', (d) => !cutOff && up.write(d));
    up.on('data', (d) => !cutOff && down.write(d));
    const end = () => {
      if (cutOff) return;
      down.destroy();
      up.destroy();
    };
    down.on('close', end).on('error', end);
    up.on('close', end).on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    cut: () => {
      cutOff = true;
    },
    mend: () => {
      cutOff = false;
      // What was held while cut times out on its own in the real world: gone now.
      for (const s of held.splice(0)) s.destroy();
    },
    close: async () => {
      for (const s of held.splice(0)) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

describe('the cable between a box and its central server is pulled', () => {
  let central: RunningShow;
  let box: RunningShow;
  let link: Awaited<ReturnType<typeof cable>>;
  beforeAll(async () => {
    central = await startShow({
      programFile: join(dir, 'program.json'),
      host: '127.0.0.1',
      port: 0,
      pin: PIN,
      stateDir: join(dir, 'cable-central'),
      staticDir: views,
    });
    link = await cable(() => Number(new URL(central.server.url).port));
    box = await startBox(`http://127.0.0.1:${link.port}`, 'cable-box', 'A', { port: 0, targets: [], allowFrom: [] });
    console_ = createSocket('udp4');
    await new Promise<void>((r) => console_.bind(0, '127.0.0.1', r));
  });
  /** A lighting console sending OSC to the box. */
  let console_: UdpSocket;
  const osc = (address: string, ...args: string[]) =>
    new Promise<void>((r) =>
      console_.send(encode(new Message(address, ...args)), box.osc!.port!, '127.0.0.1', () => r()),
    );
  afterAll(async () => {
    console_?.close();
    await box?.close();
    await link?.close();
    await central?.close();
  });

  test("a box given another PIN than the central server's: its actions are refused with what to do, not as a wrong PIN", async () => {
    const other = await startShow({
      programFile: '',
      central: central.server.url,
      room: 'A',
      host: '127.0.0.1',
      port: 0,
      pin: '999999',
      stateDir: join(dir, 'other-pin-box'),
      staticDir: views,
    });
    try {
      const res = await fetch(`${other.server.url}/api/actions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer 999999' },
        body: JSON.stringify({ type: 'blackout', on: true }),
      });
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({
        error: `the central server ${central.server.url} refused this box's PIN: give the box the central server's PIN (--pin)`,
      });
      expect(central.show.state('A').blackout).toBe(false);
    } finally {
      await other.close();
    }
  });

  test("the box says offline within 5 s; back on the cable it follows within 5 s and the desk's decisions stand", async () => {
    await until(box.server.url, (s) => s.central?.online === true);
    // OSC sent to the box goes to the central server, which decides, like the box's other actions.
    await osc('/roomcue/A/message/set', 'speaker', 'From the console');
    await until(central.server.url, (s) => s.messages.speaker?.text === 'From the console', PATIENCE);
    await until(box.server.url, (s) => s.messages.speaker?.text === 'From the console', PATIENCE);
    // The box's WebSocket is up (the central server lists it) before the cable goes.
    for (let i = 0; i < 100; i++) {
      const list = (await (await fetch(`${central.server.url}/api/screens`)).json()) as { view: string }[];
      if (list.some((s) => s.view === 'box')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const pulled = box.show.clock.now();
    link.cut();
    const offline = await until(box.server.url, (s) => s.central?.online === false, PATIENCE);
    expect(offline.central!.offlineSince).toBeGreaterThanOrEqual(pulled);
    expect(offline.central!.offlineSince! - pulled).toBeLessThan(5000);
    expect(offline.current[0]!.id).toBe(central.show.state('A').current[0]!.id);

    // Meanwhile the desk decides (the central server is up), and the box's operator blacks out its screens alone.
    expect(
      (await act(central.server.url, { type: 'message.set', to: 'public', text: 'Room change at 11:00' })).status,
    ).toBe(200);
    expect((await act(box.server.url, { type: 'blackout', on: true })).status).toBe(200);
    expect((await stateOf(box.server.url)).blackout).toBe(true);
    // OSC while offline: the box applies it to its copy too.
    await osc('/roomcue/A/message/set', 'speaker', 'Offline cue');
    await until(box.server.url, (s) => s.messages.speaker?.text === 'Offline cue', PATIENCE);

    const returned = watchReturn(box);
    const mended = box.show.clock.now();
    link.mend();
    const s = await until(box.server.url, (x) => x.central?.online === true, PATIENCE);
    expect(returned.at! - mended).toBeLessThan(5000);
    expect(s.messages.public?.text).toBe('Room change at 11:00');
    expect(s.blackout).toBe(false);
    expect(s.messages.speaker?.text).toBe('From the console');
  }, 90_000);
});
