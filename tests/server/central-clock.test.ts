// A room box follows its central server's clock: when the central server rehearses (`--at`, `--speed`), the box's
// screens show the rehearsal's time, not the real one; a central server restarted at another time, or with no
// rehearsal, moves the box with it; a box restarted while the central server is away goes on from the copy's clock.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import WebSocket from 'ws';
import { afterAll, describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import { startShow, type RunningShow, type ShowOptions } from '../../server/start-show.ts';
import { freePort } from '../faults/serve-process.ts';
import { roomcue } from '../cli/in-process.ts';

const zone = 'Europe/Paris';
const paris = (text: string) => DateTime.fromISO(text, { zone }).toMillis();

const program: ProgramInput = {
  formatVersion: 1,
  event: { id: 'rehearsed', name: 'Rehearsed Conf' },
  timezone: zone,
  venue: { name: 'Hall' },
  rooms: [{ id: 'A', name: 'Room A' }],
  items: [
    { id: 'opening', kind: 'talk', title: 'Opening', start: '2026-06-29T09:00', end: '2026-06-29T09:45', room: 'A' },
    { id: 'keynote', kind: 'talk', title: 'Keynote', start: '2026-06-29T09:45', end: '2026-06-29T10:30', room: 'A' },
    { id: 'panel', kind: 'talk', title: 'Panel', start: '2026-06-29T14:00', end: '2026-06-29T15:00', room: 'A' },
  ],
};

const dir = mkdtempSync(join(tmpdir(), 'roomcue-central-clock-'));
const views = join(dir, 'views');
mkdirSync(views);
writeFileSync(join(views, 'index.html'), '<!doctype html>');
writeFileSync(join(dir, 'program.json'), JSON.stringify(program));

const base = { host: '127.0.0.1', pin: null, staticDir: views } as const;
const startCentral = (port: number, clock: Pick<ShowOptions, 'startAt' | 'speed'>) =>
  startShow({ ...base, ...clock, programFile: join(dir, 'program.json'), port, stateDir: join(dir, 'central') });
const startBox = (port: number) =>
  startShow({ ...base, programFile: '', central: `http://127.0.0.1:${port}`, port: 0, stateDir: join(dir, 'box') });

const stateOf = async (show: RunningShow): Promise<StateJson> =>
  (await fetch(`${show.server.url}/api/state?room=A`)).json() as Promise<StateJson>;
async function until(show: RunningShow, ok: (s: StateJson) => boolean, ms = 8000): Promise<StateJson> {
  const end = Date.now() + ms;
  for (;;) {
    const s = await stateOf(show);
    if (ok(s)) return s;
    if (Date.now() > end) throw new Error(`no such state within ${ms} ms: ${JSON.stringify(s.clock)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** The show time a state's screen shows now: its clock moved on by the real time since it was made. */
const shownNow = (s: StateJson) => s.clock.now + (Date.now() - s.clock.serverTime) * s.clock.speed;

describe("a box follows its central server's clock", () => {
  let port = 0;
  let central: RunningShow | null = null;
  let box: RunningShow | null = null;
  afterAll(async () => {
    await box?.close();
    await central?.close();
  });

  test('a rehearsing central server: the box shows its time, and crosses its items with it', async () => {
    port = await freePort();
    central = await startCentral(port, { startAt: paris('2026-06-29T09:44:57') });
    box = await startBox(port);
    const boxState = await stateOf(box);
    const centralState = await stateOf(central);
    expect(boxState.clock.rehearsal).toBe(true);
    expect(boxState.clock.speed).toBe(1);
    // The same time, within half the box's request's round trip and 50 ms (the real time is months away). The bound
    // leaves room for a loaded machine, where central server, box and test share one event loop.
    expect(Math.abs(shownNow(boxState) - shownNow(centralState)), 'box − central, show ms').toBeLessThan(2000);
    expect(boxState.current.map((i) => i.id)).toEqual(['opening']);
    // 09:45 by the rehearsal's clock: the box moves on to the keynote by itself, as the central server does.
    const later = await until(box, (s) => s.current[0]?.id === 'keynote');
    expect(DateTime.fromMillis(shownNow(later), { zone }).toFormat('HH:mm')).toBe('09:45');
  }, 20_000);

  test('the central server restarts at another time: the box jumps with it and pushes the time to its screens', async () => {
    const screen = new WebSocket(`${box!.server.url.replace('http', 'ws')}/ws?room=A&view=signage`);
    const states: StateJson[] = [];
    screen.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; state?: StateJson };
      if (m.type === 'state' && m.state) states.push(m.state);
    });
    await new Promise((r) => screen.once('open', r));
    await central!.close();
    central = await startCentral(port, { startAt: paris('2026-06-29T14:10'), speed: 2 });
    const moved = await until(box!, (s) => s.current[0]?.id === 'panel');
    expect(moved.clock).toMatchObject({ rehearsal: true, speed: 2 });
    expect(Math.abs(shownNow(moved) - shownNow(await stateOf(central))), 'box − central, show ms').toBeLessThan(4000);
    // The door open on the box got the new time pushed (not only a poll of the box's API).
    const end = Date.now() + 5000;
    while (!states.some((s) => s.clock.speed === 2) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    screen.close();
    const pushed = states.find((s) => s.clock.speed === 2);
    expect(pushed && DateTime.fromMillis(pushed.clock.now, { zone }).toFormat('yyyy-MM-dd HH')).toBe('2026-06-29 14');
  }, 20_000);

  test("the box restarts while the central server is away: its screens go on from the copy's rehearsal clock", async () => {
    const before = shownNow(await stateOf(central!));
    await central!.close();
    central = null;
    await box!.close();
    box = await startBox(port);
    const s = await stateOf(box);
    expect(s.central).toMatchObject({ online: false });
    expect(s.clock).toMatchObject({ rehearsal: true, speed: 2 });
    // Its time ran on from the copy's reading (taken within a request's round trip of the truth), at 2×.
    expect(shownNow(s) - before, 'show ms since the last look at the central server').toBeGreaterThan(-4000);
    expect(shownNow(s) - before).toBeLessThan(60_000);
    expect(s.current.map((i) => i.id)).toEqual(['panel']);
  }, 20_000);

  test('the central server comes back on the real time: so does the box', async () => {
    central = await startCentral(port, {});
    const s = await until(box!, (x) => !x.clock.rehearsal && x.central?.online === true);
    expect(Math.abs(s.clock.now - s.clock.serverTime)).toBeLessThan(5);
  }, 20_000);
});

describe("a box started on the real time keeps its central server's rehearsal out of its show's log", () => {
  test("the rehearsal's items coming on stage are not logged in the box's log (its timing report)", async () => {
    const port = await freePort();
    const at = (clock: Pick<ShowOptions, 'startAt' | 'speed'>) =>
      startShow({ ...base, ...clock, programFile: join(dir, 'program.json'), port, stateDir: join(dir, 'central-2') });
    let central = await at({});
    const box = await startShow({
      ...base,
      programFile: '',
      central: `http://127.0.0.1:${port}`,
      port: 0,
      stateDir: join(dir, 'box-2'),
    });
    try {
      // A week before the event the central server rehearses day 1 (restarted with --at): the box shows it …
      await central.close();
      central = await at({ startAt: paris('2026-06-29T09:44:57') });
      await until(box, (s) => s.current[0]?.id === 'keynote');
      // … but its log, whose timing report is the real show's, got nothing of it: the real 09:45 is still to come.
      const log = (await (await fetch(`${box.server.url}/api/log?room=A`)).json()) as { entries: unknown[] };
      expect(log.entries).toEqual([]);
    } finally {
      await box.close();
      await central.close();
    }
  }, 20_000);
});

describe('a box takes no rehearsal clock of its own', () => {
  test('roomcue serve --server … --at …: refused with what to do, exit 2', async () => {
    const r = await roomcue('serve', '--server', 'http://127.0.0.1:9', '--at', '2026-06-29T09:40');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "roomcue: --at and --speed are the central server's: a box (--server) shows the central server's clock, a " +
        "rehearsal's too, so start the central server with them",
    );
    expect((await roomcue('serve', '--server', 'http://127.0.0.1:9', '--speed', '60')).code).toBe(2);
  });
});
