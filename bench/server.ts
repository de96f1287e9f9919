// Server figures, measured against real show servers on loopback: WebSocket push latency (server in this process),
// idle CPU and memory growth over a rehearsed day (server alone in a child process).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { startShow } from '../server/start-show.ts';
import { percentile, round, type Figure } from './figures.ts';
import { programAroundNow } from './program-around-now.ts';

const PIN = '2468';
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function serverFigures(): Promise<Figure[]> {
  return [...(await wsLatency()), ...(await wsFanout()), ...(await idleCpu())];
}

/** A screen: records when (performance.now()) each state seq first reached it. */
interface Screen {
  ws: WebSocket;
  arrivals: Map<number, number>;
  messages: number;
  /** Set when the server dropped this screen: the figures would then measure fewer screens than they say. */
  closed: boolean;
  onArrival: ((seq: number) => void) | null;
}

export async function connectScreens(url: string, count: number): Promise<Screen[]> {
  const screens: Screen[] = [];
  for (let i = 0; i < count; i++) {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws?view=signage`);
    const screen: Screen = { ws, arrivals: new Map(), messages: 0, closed: false, onArrival: null };
    ws.once('close', () => (screen.closed = true));
    ws.on('message', (data) => {
      const at = performance.now();
      screen.messages++;
      // Only the seq is read, as ws.fanout does: the 50 screens share this process and take their messages one after
      // another, so a full JSON.parse of each state here was counted in the receipts of the screens after it.
      const text = String(data);
      const m = text.startsWith('{"type":"state"') ? /"seq":(\d+)/.exec(text) : null;
      const seq = m ? Number(m[1]) : null;
      if (seq === null || screen.arrivals.has(seq)) return;
      screen.arrivals.set(seq, at);
      screen.onArrival?.(seq);
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    screens.push(screen);
  }
  return screens;
}

function assertConnected(screens: Screen[], what: string): void {
  const dropped = screens.filter((s) => s.closed).length;
  if (dropped > 0) throw new Error(`${what}: the server dropped ${dropped} of ${screens.length} screens`);
}

export function closeScreens(screens: Screen[]): void {
  for (const s of screens) s.ws.terminate();
}

/** Resolves once every screen has received a state with this seq. */
function allReceived(screens: Screen[], seq: number, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!screens.every((s) => s.arrivals.has(seq))) return;
      clearTimeout(timer);
      for (const s of screens) s.onArrival = null;
      resolve();
    };
    const timer = setTimeout(() => {
      for (const s of screens) s.onArrival = null;
      const missing = screens.filter((s) => !s.arrivals.has(seq)).length;
      reject(new Error(`${missing} of ${screens.length} screens never got the state of seq ${seq}`));
    }, timeoutMs);
    for (const s of screens) s.onArrival = check;
    check();
  });
}

export async function postAction(url: string, action: object): Promise<{ status: number; seq: number | null }> {
  const res = await fetch(`${url}/api/actions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${PIN}` },
    body: JSON.stringify(action),
  });
  const json = (await res.json()) as { seq?: unknown };
  return { status: res.status, seq: typeof json.seq === 'number' ? json.seq : null };
}

/**
 * ws.latency: 50 signage screens on an in-process server whose program is happening now; for each of 200 actions
 * (after 20 unmeasured ones), the time from just before the POST until each screen gets the state of that seq.
 */
export async function wsLatency(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-bench-'));
  const views = join(dir, 'views');
  mkdirSync(views);
  const programFile = join(dir, 'program.json');
  writeFileSync(programFile, JSON.stringify(programAroundNow(), null, 2));
  const running = await startShow({
    programFile,
    host: '127.0.0.1',
    port: 0,
    pin: PIN,
    stateDir: join(dir, 'state'),
    staticDir: views,
  });
  const url = running.server.url;
  let screens: Screen[] = [];
  try {
    screens = await connectScreens(url, 50);
    const samples: number[] = [];
    const answers: number[] = [];
    const warmUp = 20;
    for (let n = 0; n < warmUp + 200; n++) {
      const t0 = performance.now();
      const { status, seq } = await postAction(url, { type: 'message.set', to: 'public', text: `bench ${n}` });
      const answered = performance.now();
      if (status !== 200 || seq === null) throw new Error(`message.set answered ${status}`);
      await allReceived(screens, seq);
      if (n >= warmUp) {
        for (const s of screens) samples.push(s.arrivals.get(seq)! - t0);
        answers.push(answered - t0);
      }
      for (const s of screens) s.arrivals.clear();
      await sleep(10);
    }
    assertConnected(screens, 'ws.latency');
    return [
      { name: 'ws.latency.median_ms', value: round(percentile(samples, 0.5)), unit: 'ms', goal: '<= 3' },
      { name: 'ws.latency.p99_ms', value: round(percentile(samples, 0.99)), unit: 'ms', goal: '<= 20' },
      { name: 'http.action.median_ms', value: round(percentile(answers, 0.5)), unit: 'ms', goal: '<= 3' },
    ];
  } finally {
    closeScreens(screens);
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * ws.fanout.1000: a server alone in a child process with 1,000 signage sockets (in this process); for each of 200
 * actions (after 10 unmeasured ones), the time from just before the POST until the last of the 1,000 receives the
 * state of that action. The sockets read only the seq of what they receive (no full parse), so that this process's
 * own work stays small next to the server's. http.action.1000: the same actions, the time from just before the POST
 * until its answer is read (median), with the 1,000 sockets reading in this process.
 */
export async function wsFanout(clients = 1000, actions = 200): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-bench-'));
  const programFile = join(dir, 'program.json');
  writeFileSync(programFile, JSON.stringify(programAroundNow(), null, 2));
  const server = await startChild(['--program', programFile]);
  const sockets: WebSocket[] = [];
  try {
    // Per seq: how many sockets have it, and when the last one got it.
    const got = new Map<number, { count: number; lastAt: number }>();
    let dropped = 0;
    for (let i = 0; i < clients; i++) {
      const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws?view=signage`);
      let lastSeq = -1; // a later push of the same seq (an item boundary) is not a second receipt
      ws.on('message', (data) => {
        const at = performance.now();
        const m = /"seq":(\d+)/.exec(String(data));
        if (!m || Number(m[1]) === lastSeq) return;
        lastSeq = Number(m[1]);
        const entry = got.get(Number(m[1])) ?? { count: 0, lastAt: 0 };
        entry.count++;
        entry.lastAt = Math.max(entry.lastAt, at);
        got.set(Number(m[1]), entry);
      });
      ws.once('close', () => dropped++);
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      sockets.push(ws);
    }
    await sleep(1000);
    const samples: number[] = [];
    const answers: number[] = [];
    const warmUp = 10;
    for (let n = 0; n < warmUp + actions; n++) {
      const t0 = performance.now();
      const { status, seq } = await postAction(server.url, { type: 'message.set', to: 'public', text: `fanout ${n}` });
      if (n >= warmUp) answers.push(performance.now() - t0);
      if (status !== 200 || seq === null) throw new Error(`message.set answered ${status}`);
      const deadline = performance.now() + 10_000;
      while ((got.get(seq)?.count ?? 0) < clients) {
        if (performance.now() > deadline || dropped > 0) {
          throw new Error(
            `ws.fanout: ${got.get(seq)?.count ?? 0} of ${clients} sockets got seq ${seq} (${dropped} dropped)`,
          );
        }
        await sleep(1);
      }
      if (n >= warmUp) samples.push(got.get(seq)!.lastAt - t0);
      got.clear();
      await sleep(20);
    }
    if (dropped > 0) throw new Error(`ws.fanout: the server dropped ${dropped} of ${clients} sockets`);
    return [
      {
        name: `ws.fanout.${clients}.p99_ms`,
        value: round(percentile(samples, 0.99)),
        unit: 'ms',
        goal: '<= 50',
      },
      // The same actions' answers: how long the operator waits while the server writes the state to 1,000 screens.
      { name: `http.action.${clients}.median_ms`, value: round(percentile(answers, 0.5)), unit: 'ms' },
    ];
  } finally {
    for (const ws of sockets) ws.terminate();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A show server in a child process (bench/serve-child.ts), with a line protocol on stdin/stdout. */
export interface ChildServer {
  url: string;
  pid: number;
  request<T>(command: 'cpu' | 'rss'): Promise<T>;
  close(): Promise<void>;
}

let childBundle: Promise<string> | null = null;

/**
 * bench/serve-child.ts bundled by esbuild as `roomcue serve` is (scripts/build.mjs): the child runs plain Node, as the
 * product does. Run through tsx instead, its loader thread and the esbuild service it talks to were measured with the
 * server (about 1 % of a core when idle, and tens of MB).
 */
function serveChildBundle(): Promise<string> {
  childBundle ??= (async () => {
    const { build } = await import('esbuild');
    const outfile = join(mkdtempSync(join(tmpdir(), 'roomcue-bench-bundle-')), 'serve-child.mjs');
    await build({
      entryPoints: [here('./serve-child.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['bufferutil', 'utf-8-validate'],
      banner: {
        js: "import { createRequire as __roomcueRequire } from 'node:module'; const require = __roomcueRequire(import.meta.url);",
      },
      logLevel: 'warning',
    });
    return outfile;
  })();
  return childBundle;
}

export async function startChild(args: string[], nodeArgs: string[] = []): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, await serveChildBundle(), '--pin', PIN, ...args], {
    cwd: here('..'),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiting: ((body: Record<string, unknown>) => void)[] = [];
  let failed: Error | null = null;
  const fail = (err: Error) => {
    failed = err;
    for (const w of waiting.splice(0)) w({ error: err.message });
  };
  child.once('exit', (code, signal) => fail(new Error(`the server child exited (${signal ?? code})`)));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('@bench ')) return void console.log(line);
    waiting.shift()?.(JSON.parse(line.slice('@bench '.length)) as Record<string, unknown>);
  });
  const next = (command?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      if (failed) return reject(failed);
      waiting.push((body) => (typeof body.error === 'string' ? reject(new Error(body.error)) : resolve(body)));
      if (command) child.stdin!.write(`${command}\n`);
    });
  const ready = next();
  const timeout = setTimeout(() => fail(new Error('the server child did not start within 20 s')), 20_000);
  let hello: Record<string, unknown>;
  try {
    hello = await ready;
  } catch (err) {
    child.kill();
    throw err;
  } finally {
    clearTimeout(timeout);
  }
  return {
    url: String(hello.url),
    pid: child.pid!,
    request: <T>(command: 'cpu' | 'rss') => next(command) as Promise<T>,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin!.end('quit\n');
        const timer = setTimeout(() => child.kill(), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

interface CpuReport {
  user: number;
  system: number;
  at: number;
}

/**
 * server.idle_cpu_pct: a server child with a program happening now and 50 connected screens, nothing happening;
 * the child's CPU time (process.cpuUsage, user + system) over 30 s, as a percent of one core.
 */
export async function idleCpu(screenCount = 50, windowMs = 30_000): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-bench-'));
  const programFile = join(dir, 'program.json');
  writeFileSync(programFile, JSON.stringify(programAroundNow(), null, 2));
  const server = await startChild(['--program', programFile]);
  let screens: Screen[] = [];
  try {
    screens = await connectScreens(server.url, screenCount);
    await sleep(2000); // let the connection burst and its garbage settle
    const a = await server.request<CpuReport>('cpu');
    const ticksA = procCpuTicks(server.pid);
    await sleep(windowMs);
    const b = await server.request<CpuReport>('cpu');
    const ticksB = procCpuTicks(server.pid);
    assertConnected(screens, 'server.idle_cpu_pct');
    const pct = ((b.user + b.system - a.user - a.system) / 1000 / (b.at - a.at)) * 100;
    if (ticksA !== null && ticksB !== null) {
      // /proc counts in clock ticks (normally 100 per second): a cross-check of process.cpuUsage.
      console.log(`idle: ${ticksB - ticksA} clock ticks of CPU in /proc over ${round((b.at - a.at) / 1000, 1)} s`);
    }
    return [{ name: 'server.idle_cpu_pct', value: round(pct, 3), unit: '%', goal: '<= 1' }];
  } finally {
    closeScreens(screens);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** utime + stime of a process from /proc (Linux), in clock ticks; null elsewhere. */
function procCpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}
