// A real show server on loopback for tests: temp program, temp state dir, temp views folder with a secret beside it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import WebSocket from 'ws';
import type { ProgramInput } from '../../core/program/schema.ts';
import { startShow, type RunningShow } from '../../server/start-show.ts';
import { parseInstant } from '../../core/time.ts';

export interface Harness {
  dir: string;
  programFile: string;
  stateDir: string;
  running: RunningShow;
  url: string;
  pin: string | null;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  program: ProgramInput,
  opts: {
    pin?: string | null;
    at?: string;
    speed?: number;
    dir?: string;
    heartbeatMs?: number;
    chairPins?: { pin: string; room: string | null }[];
    /** Names given with --allowed-host. */
    allowedHosts?: string[];
  } = {},
): Promise<Harness> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'roomcue-server-'));
  const views = join(dir, 'views');
  mkdirSync(join(views, 'assets'), { recursive: true });
  writeFileSync(join(views, 'index.html'), '<!doctype html><title>views</title>');
  writeFileSync(join(views, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
  const programFile = join(dir, 'program.json');
  writeFileSync(programFile, JSON.stringify(program, null, 2));
  const stateDir = join(dir, 'state');
  const pin = opts.pin === undefined ? '2468' : opts.pin;
  const startAt = opts.at ? (parseInstant(opts.at, program.timezone) as { at: number }).at : undefined;
  const launch = () =>
    startShow({
      programFile,
      host: '127.0.0.1',
      port: 0,
      pin,
      chairPins: opts.chairPins,
      stateDir,
      staticDir: views,
      startAt,
      speed: opts.speed,
      heartbeatMs: opts.heartbeatMs,
      allowedHosts: opts.allowedHosts,
    });
  const h: Harness = {
    dir,
    programFile,
    stateDir,
    pin,
    running: await launch(),
    url: '',
    restart: async () => {
      await h.running.close();
      h.running = await launch();
      h.url = h.running.server.url;
    },
    close: () => h.running.close(),
  };
  h.url = h.running.server.url;
  return h;
}

/**
 * POST /api/actions asking for the room's new state in the answer (`Prefer: return=representation`, as the chair
 * does): the tests read an action's effect from it. Without the preference the answer is short (api.test.ts).
 */
export async function post(h: Harness, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.url}/api/actions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Prefer: 'return=representation',
      ...(h.pin ? { Authorization: `Bearer ${h.pin}` } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: string } };
}

export interface Client {
  ws: WebSocket;
  states: { seq: number; [k: string]: unknown }[];
  next(predicate: (state: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
}

export async function connect(h: Harness, query = 'view=signage'): Promise<Client> {
  const ws = new WebSocket(`${h.url.replace('http', 'ws')}/ws?${query}`);
  const states: Client['states'] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.type === 'state') states.push(msg.state);
    for (const w of waiters) w();
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    ws,
    states,
    next: (predicate, timeoutMs = 3000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = states.find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching state within ${timeoutMs} ms; got ${JSON.stringify(states.map((s) => [s.seq, s.phase, (s.current as { title: string }[] | undefined)?.map((i) => i.title)]))}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/**
 * The zone of `programAroundNow`: Paris, unless its items (from 10 minutes before now to 110 minutes after) would cross
 * a midnight or a clock change there, as they do from 22:10 to 00:10 Paris time; then a zone where they do not. The
 * tests run at any hour, and a program split over two days has a different day list.
 */
export function aroundNowZone(now: DateTime = DateTime.now()): string {
  for (const zone of ['Europe/Paris', 'Asia/Tokyo', 'America/Los_Angeles']) {
    const first = now.setZone(zone).startOf('minute').minus({ minutes: 10 });
    const last = first.plus({ minutes: 110 });
    if (first.toISODate() === last.toISODate() && first.offset === last.offset) return zone;
  }
  throw new Error('no zone found for a program around now');
}

/** A program around the real now: a talk on for the next 40 minutes, then a break and a talk, all on one day. */
export function programAroundNow(now: DateTime = DateTime.now()): ProgramInput {
  const zone = aroundNowZone(now);
  const base = now.setZone(zone).startOf('minute').minus({ minutes: 10 });
  const at = (m: number) => base.plus({ minutes: m }).toFormat("yyyy-MM-dd'T'HH:mm");
  return {
    formatVersion: 1,
    event: { id: 'apitest', name: 'API Test Conf' },
    timezone: zone,
    venue: { name: 'Hall' },
    rooms: [
      { id: 'A', name: 'Room A' },
      { id: 'B', name: 'Room B' },
    ],
    people: { ada: { name: 'Ada Lovelace', affiliation: 'Engines' } },
    items: [
      { id: 'talk1', kind: 'talk', title: 'First talk', start: at(0), end: at(50), speakers: ['ada'], room: 'A' },
      { id: 'break1', kind: 'break', title: 'Coffee', start: at(50), end: at(70), room: 'A' },
      { id: 'talk2', kind: 'talk', title: 'Second talk', start: at(70), end: at(110), room: 'A' },
      { id: 'b-talk', kind: 'talk', title: 'Talk in B', start: at(0), end: at(60), room: 'B' },
    ],
  };
}
