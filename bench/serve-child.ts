// A show server alone in its process, so the bench can measure its CPU and memory without its own.
// bench/server.ts runs it bundled by esbuild, as `roomcue serve` runs its bundle: no TypeScript loader is measured.
// Usage: node --import tsx bench/serve-child.ts --program FILE [--pin PIN] [--start-at EPOCH_MS] [--speed N] [--views DIR]
// Prints `@bench {"url": ...}` once listening, then answers one line per command read on stdin:
//   cpu  → @bench {"user", "system" (µs, process.cpuUsage), "at" (ms, monotonic)}
//   rss  → @bench {"rss", "heapUsed", "heapTotal", "external" (bytes)}, after a full GC when started with --expose-gc
//   quit → closes the show and exits (so does the end of stdin: the parent went away).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startShow } from '../server/start-show.ts';

const { values } = parseArgs({
  options: {
    program: { type: 'string' },
    pin: { type: 'string', default: '2468' },
    'start-at': { type: 'string' },
    speed: { type: 'string' },
    /** The built views (dist/), for Chromium pages; an empty folder without it. */
    views: { type: 'string' },
  },
});
if (!values.program) throw new Error('--program is required');

const dir = mkdtempSync(join(tmpdir(), 'roomcue-bench-child-'));
const views = values.views ?? join(dir, 'views');
if (!values.views) mkdirSync(views);
const running = await startShow({
  programFile: values.program,
  host: '127.0.0.1',
  port: 0,
  pin: values.pin,
  stateDir: join(dir, 'state'),
  staticDir: views,
  startAt: values['start-at'] === undefined ? undefined : Number(values['start-at']),
  speed: values.speed === undefined ? undefined : Number(values.speed),
});

const reply = (body: object) => process.stdout.write(`@bench ${JSON.stringify(body)}\n`);
let closing = false;
const quit = async () => {
  if (closing) return;
  closing = true;
  await running.close();
  rmSync(dir, { recursive: true, force: true });
  reply({ bye: true });
  process.exit(0);
};

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const command = line.trim();
  if (command === 'cpu') {
    const { user, system } = process.cpuUsage();
    reply({ user, system, at: performance.now() });
  } else if (command === 'rss') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    reply({ rss, heapUsed, heapTotal, external, gc: gc !== undefined });
  } else if (command === 'quit') void quit();
  else reply({ error: `unknown command "${command}"` });
});
lines.on('close', () => void quit());

reply({ url: running.server.url });
