// View figures in Debian's Chromium: what /signage downloads, how fast its title paints, its CPU and its heap.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { parseInstant } from '../core/time.ts';
import { startShow, type RunningShow } from '../server/start-show.ts';
import { median, round, type Figure } from './figures.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function show(at: string, speed: number): Promise<RunningShow> {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-bench-views-'));
  mkdirSync(join(dir, 'state'));
  const programFile = join(dir, 'program.json');
  writeFileSync(programFile, readFileSync(here('../data/dp2e-ai-2026.json')));
  const start = parseInstant(at, 'Europe/Paris');
  if (!start.ok) throw new Error(start.reason);
  return startShow({
    programFile,
    host: '127.0.0.1',
    port: 0,
    pin: null,
    stateDir: join(dir, 'state'),
    startAt: start.at,
    speed,
    staticDir: here('../dist'),
  });
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** JS and CSS the page loaded, gzipped as a server would send them. */
async function bundleKb(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  const files = new Set<string>();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\.(js|css)$/.test(path)) files.add(path);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.close();
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(join(here('../dist'), f)), { level: 9 }).length;
  return bytes / 1024;
}

/** Navigation start to the current item's title on screen, median of fresh page loads. */
async function firstPaintMs(browser: Browser, url: string, title: string, runs = 9): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction((t) => document.body.innerText.includes(t), title, { polling: 'raf' });
    samples.push(performance.now() - t0);
    await context.close();
  }
  return median(samples);
}

/** Main-thread busy time of the page over `seconds` of steady signage, as % of one core. */
async function cpuPct(browser: Browser, url: string, seconds: number): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(url, { waitUntil: 'networkidle' });
  await sleep(3000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
  const before = await task();
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const busy = (await task()) - before;
  await page.close();
  return (busy / ((performance.now() - t0) / 1000)) * 100;
}

/**
 * JS heap (after GC) before and after a programme day played at `speed`. The first day warms the page up (V8
 * compiles the code paths each kind of screen needs, the browser fills its font and style caches: the heap grows
 * about 50 % then levels off, as the 72-hour soak shows); the second day is the one measured, from its first
 * screen and back on that same screen at the end, so that only what the day left behind differs.
 */
async function heapOverDay(
  browser: Browser,
  speed: number,
): Promise<{ before: number; after: number; realSeconds: number }> {
  const running = await show('2026-06-29T07:30', speed);
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    // Three samples a second apart, after a full GC each: the median, as single heap readings jitter by ~5 %.
    const settled = async () => {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        samples.push(await heap());
        await sleep(1000);
      }
      return median(samples);
    };
    const showTime = () => running.show.clock.now();
    const until = async (local: string) => {
      const target = parseInstant(local, 'Europe/Paris');
      if (!target.ok) throw new Error(target.reason);
      await sleep(Math.max(0, (target.at - showTime()) / speed));
    };
    await page.goto(`${running.server.url}/signage`, { waitUntil: 'networkidle' });
    await until('2026-06-30T08:40'); // day one, its dinner and the night go by
    const shownAtStart = running.show.state().current[0]?.id;
    const before = await settled();
    const t0 = performance.now();
    await until('2026-06-30T21:00'); // the whole second day
    if (shownAtStart) running.show.dispatch({ type: 'goto', itemId: shownAtStart });
    await sleep(3000);
    const after = await settled();
    await page.close();
    return { before, after, realSeconds: (performance.now() - t0) / 1000 };
  } finally {
    await running.close();
  }
}

export async function viewFigures(): Promise<Figure[]> {
  execFileSync(process.execPath, [here('../node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: here('..'),
    stdio: 'inherit',
  });
  const browser = await launch();
  const running = await show('2026-06-29T09:45', 1);
  try {
    const url = `${running.server.url}/signage`;
    const title = running.show.state().current[0]!.title;
    const figures: Figure[] = [
      { name: 'signage.bundle_gzip_kb', value: round(await bundleKb(browser, url), 1), unit: 'KiB', goal: '<= 80' },
      {
        name: 'signage.first_paint_ms',
        value: round(await firstPaintMs(browser, url, title), 0),
        unit: 'ms',
        goal: '<= 500',
      },
      { name: 'signage.cpu_pct', value: round(await cpuPct(browser, url, 60), 2), unit: '%', goal: '<= 2' },
    ];
    // The issue asks for 60×: the warm-up day and the measured day then take 37 minutes, so that runs only with
    // BENCH_FULL=1; otherwise 1200×.
    const speed = process.env.BENCH_FULL === '1' ? 60 : 1200;
    const heap = await heapOverDay(browser, speed);
    figures.push(
      { name: `signage.heap_before_mb`, value: round(heap.before / 2 ** 20, 2), unit: 'MB' },
      { name: `signage.heap_after_day_mb`, value: round(heap.after / 2 ** 20, 2), unit: `MB (${speed}x)` },
      {
        name: 'signage.heap_growth_pct',
        value: round(((heap.after - heap.before) / heap.before) * 100, 1),
        unit: '%',
        goal: '<= 10',
      },
    );
    return figures;
  } finally {
    await running.close();
    await browser.close();
  }
}
