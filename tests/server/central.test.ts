// A room's box that follows a central server on loopback: it follows, goes on alone when the central server dies
// (across an item boundary and a restart of the box), and returns to the central server's word when it is back.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import { startShow, type RunningShow } from '../../server/start-show.ts';

const PIN = '246813';
const zone = 'Europe/Paris';
/** The first talk ends a few seconds from now: the box must cross that boundary on its own. */
const boundary = DateTime.now().setZone(zone).plus({ seconds: 15 }).startOf('second');
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

let central: RunningShow | null = null;
let centralPort = 0;
let box: RunningShow | null = null;

const startCentral = async () => {
  central = await startShow({
    programFile: join(dir, 'program.json'),
    host: '127.0.0.1',
    port: centralPort,
    pin: PIN,
    stateDir: join(dir, 'central-state'),
    staticDir: views,
  });
  centralPort = Number(new URL(central.server.url).port);
};
const startBox = async () => {
  box = await startShow({
    programFile: '',
    central: `http://127.0.0.1:${centralPort}`,
    room: 'A',
    host: '127.0.0.1',
    port: 0,
    pin: PIN,
    stateDir: join(dir, 'box-state'),
    staticDir: views,
  });
};

const stateOf = async (show: RunningShow, room = 'A'): Promise<StateJson> =>
  (await fetch(`${show.server.url}/api/state?room=${room}`)).json() as Promise<StateJson>;
const act = (show: RunningShow, body: unknown) =>
  fetch(`${show.server.url}/api/actions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${PIN}` },
    body: JSON.stringify(body),
  });
async function until(show: RunningShow, ok: (s: StateJson) => boolean, ms = 5000): Promise<StateJson> {
  const end = Date.now() + ms;
  for (;;) {
    const s = await stateOf(show);
    if (ok(s)) return s;
    if (Date.now() > end) throw new Error(`no such state within ${ms} ms: ${JSON.stringify(s).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  await startCentral();
  await startBox();
});
afterAll(async () => {
  await box?.close();
  await central?.close();
});

describe('a box that follows a central server', () => {
  test('shows what the central server decides, and sends its own actions there', async () => {
    expect((await stateOf(box!)).current[0]!.id).toBe('first');
    expect((await stateOf(box!)).central).toMatchObject({ online: true, offlineSince: null });
    await act(central!, { type: 'message.set', to: 'public', text: 'Welcome to Room A' });
    await until(box!, (s) => s.messages.public?.text === 'Welcome to Room A');
    // An action at the box goes to the central server, which decides.
    expect((await act(box!, { type: 'message.set', to: 'speaker', text: 'Five minutes' })).status).toBe(200);
    expect((await stateOf(central!)).messages.speaker?.text).toBe('Five minutes');
    await until(box!, (s) => s.messages.speaker?.text === 'Five minutes');
    // A wrong PIN is refused by the box before anything goes to the central server.
    const wrong = await fetch(`${box!.server.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer 000000' },
      body: JSON.stringify({ type: 'follow' }),
    });
    expect(wrong.status).toBe(401);
  });

  test("the central server's edits and notes reach the box's screens", async () => {
    const r = await act(central!, {
      type: 'program.item.note',
      itemId: 'first',
      chair: 'Slides from USB',
      av: 'Mic 2',
    });
    expect(r.status).toBe(200);
    await act(central!, { type: 'program.item.update', itemId: 'second', set: { title: 'Second talk, fixed' } });
    const s = await until(
      box!,
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
    const screen = new WebSocket(`${box!.server.url.replace('http', 'ws')}/ws?room=A&view=signage`);
    await new Promise((r) => screen.once('open', r));
    try {
      let boxes: { view: string; room: string; screens?: Record<string, number> }[] = [];
      for (let i = 0; i < 60; i++) {
        boxes = ((await (await fetch(`${central!.server.url}/api/screens`)).json()) as typeof boxes).filter(
          (s) => s.view === 'box',
        );
        if (boxes[0]?.screens?.signage === 1) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(boxes).toEqual([expect.objectContaining({ view: 'box', room: 'A', screens: { signage: 1 } })]);
    } finally {
      screen.close();
    }
  });

  test('the central server dies: the box goes on alone, across the next item, and across its own restart', async () => {
    const killed = Date.now();
    await central!.close();
    central = null;
    const offline = await until(box!, (s) => s.central?.online === false, 5000);
    expect(offline.central!.offlineSince! - killed).toBeLessThan(5000);
    expect(offline.current[0]!.id).toBe('first');
    expect(offline.messages.public?.text).toBe('Welcome to Room A');

    // The boundary passes with no central server: the box computes the day from the clock.
    const wait = boundary.toMillis() - Date.now() + 300;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    expect((await stateOf(box!)).current[0]!.id).toBe('second');

    // The box restarts while the central server is still away: it starts from its copy, as it was.
    await box!.close();
    await startBox();
    const restarted = await stateOf(box!);
    expect(restarted.central).toMatchObject({ online: false });
    expect(restarted.current[0]!.id).toBe('second');
    expect(restarted.messages.public?.text).toBe('Welcome to Room A');

    // Offline, the box acts on its own copy (a blackout here) ...
    expect((await act(box!, { type: 'blackout', on: true })).status).toBe(200);
    expect((await stateOf(box!)).blackout).toBe(true);
  }, 30_000);

  test('the central server comes back: the box follows it within 5 s, and nothing it decided is overridden', async () => {
    await startCentral();
    await act(central!, { type: 'message.set', to: 'public', text: 'Back on schedule' });
    const back = Date.now();
    const s = await until(
      box!,
      (x) => x.central?.online === true && x.messages.public?.text === 'Back on schedule',
      5000,
    );
    expect(Date.now() - back).toBeLessThan(5000);
    expect(s.blackout).toBe(false); // the central server's word, not the box's offline blackout
    expect((await stateOf(central!)).blackout).toBe(false);
  }, 20_000);
});
