// failover.ms: a room's box follows a central server (a real `roomcue serve` process); the central process is killed
// (SIGKILL); the time until the box serves its screens from its own copy and says so (a screen connected to the box
// receives a state with central.online false, and the box still answers the room's item). failover.return_ms: the
// central server is started again on its port; the time until the box follows it again. Medians of 5 runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import WebSocket from 'ws';
import type { StateJson } from '../core/contract/state.ts';
import { startShow } from '../server/start-show.ts';
import { median, round, type Figure } from './figures.ts';

const ROOMCUE = fileURLToPath(new URL('../bin/roomcue.mjs', import.meta.url));
const PIN = '246813';

function program() {
  const zone = 'Europe/Paris';
  const base = DateTime.now().setZone(zone).startOf('minute');
  const at = (m: number) => base.plus({ minutes: m }).toFormat("yyyy-MM-dd'T'HH:mm");
  return {
    formatVersion: 1,
    event: { id: 'failover', name: 'Failover' },
    timezone: zone,
    venue: { name: 'Hall' },
    rooms: [{ id: 'A', name: 'Room A' }],
    items: [{ id: 'talk', kind: 'talk', title: 'A talk', start: at(-10), end: at(50), room: 'A' }],
  };
}

/** `roomcue serve` in its own process; resolves with its URL once it listens. */
function startCentral(
  programFile: string,
  stateDir: string,
  port: number,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [ROOMCUE, 'serve', '--program', programFile, '--port', String(port), '--pin', PIN, '--state-dir', stateDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /api\s+(http:\/\/\S+)\/api\/state/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`central server exited (${code}): ${out}`)));
  });
}

async function oneRun(dir: string): Promise<{ failover: number; back: number }> {
  const programFile = join(dir, 'program.json');
  const first = await startCentral(programFile, join(dir, 'central'), 0);
  const port = Number(new URL(first.url).port);
  const box = await startShow({
    programFile: '',
    central: first.url,
    host: '127.0.0.1',
    port: 0,
    pin: PIN,
    stateDir: join(dir, 'box'),
    staticDir: join(dir, 'views'),
  });
  const ws = new WebSocket(`${box.server.url.replace('http', 'ws')}/ws?room=A&view=signage`);
  const states: { at: number; state: StateJson }[] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { type: string; state: StateJson };
    if (msg.type === 'state') states.push({ at: performance.now(), state: msg.state });
  });
  const until = async (ok: (s: StateJson) => boolean, since: number) => {
    for (let i = 0; i < 400; i++) {
      const hit = states.find((s) => s.at >= since && ok(s.state));
      if (hit) return hit.at;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('the box never reported the change');
  };
  await until((s) => s.central?.online === true, 0);

  const killed = performance.now();
  first.child.kill('SIGKILL');
  const offline = await until((s) => s.central?.online === false && s.current[0]?.id === 'talk', killed);
  const answered = (await (await fetch(`${box.server.url}/api/state?room=A`)).json()) as StateJson;
  if (answered.current[0]?.id !== 'talk') throw new Error('the box stopped serving the room');

  const restarted = performance.now();
  const second = await startCentral(programFile, join(dir, 'central'), port);
  const online = await until((s) => s.central?.online === true, restarted);

  ws.close();
  await box.close();
  second.child.kill('SIGKILL');
  return { failover: offline - killed, back: online - restarted };
}

export async function failoverFigures(runs = 5): Promise<Figure[]> {
  const failovers: number[] = [];
  const returns: number[] = [];
  for (let r = 0; r < runs; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'roomcue-failover-'));
    mkdirSync(join(dir, 'views'));
    writeFileSync(join(dir, 'program.json'), JSON.stringify(program()));
    const { failover, back } = await oneRun(dir);
    failovers.push(failover);
    returns.push(back);
  }
  return [
    { name: 'failover.ms', value: round(median(failovers)), unit: 'ms', goal: '<= 5000' },
    { name: 'failover.return_ms', value: round(median(returns)), unit: 'ms', goal: '<= 5000' },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(await failoverFigures());
}
