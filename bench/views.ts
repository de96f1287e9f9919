// View figures in Debian's Chromium: what a cold /signage load transfers, how fast its title paints, its CPU, and how
// closely 10 screens change item together. Page memory over days is bench/memory.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { parseInstant } from '../core/time.ts';
import { startShow, type RunningShow } from '../server/start-show.ts';
import { median, percentile, round, type Figure } from './figures.ts';

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

/**
 * What Chromium receives for a cold /signage load (a fresh context, empty cache): the sum over every HTTP response of
 * its encoded length as the network layer counts it (status line, headers and body as sent, compressed when it
 * was), fonts included; until the network is idle. Median of `runs` loads (they should agree to the byte).
 */
async function transferKb(browser: Browser, url: string, runs = 3): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bytes = new Map<string, number>();
    cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
    await page.goto(url, { waitUntil: 'networkidle' });
    await sleep(500);
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    if (i === 0) console.log(`signage.transfer: ${bytes.size} responses, ${total} bytes`);
    samples.push(total / 1024);
    await context.close();
  }
  return median(samples);
}

/**
 * The spread of the moment 10 signage pages (separate contexts) change their hero item across a scheduled item
 * change: each page records, by a MutationObserver, the wall-clock time (the server's clock: same machine) at which
 * its hero's data-item-id became the new item; the spread is the latest minus the earliest. p95 over `changes`.
 */
async function syncSkewMs(browser: Browser, pages = 10, changes = 12): Promise<number> {
  const speed = 30;
  const itemMinutes = 2;
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-bench-sync-'));
  mkdirSync(join(dir, 'state'));
  const programFile = join(dir, 'program.json');
  const startAt = Date.UTC(2026, 8, 7, 7, 0); // 09:00 in Paris
  const items = Array.from({ length: changes + 4 }, (_, k) => {
    const at = (m: number) => {
      const d = new Date(startAt + 2 * 3600_000 + m * 60_000);
      return d.toISOString().slice(0, 16);
    };
    return {
      id: `s${k}`,
      kind: 'talk',
      title: `Talk ${k}`,
      start: at(k * itemMinutes),
      end: at((k + 1) * itemMinutes),
    };
  });
  writeFileSync(
    programFile,
    JSON.stringify({
      formatVersion: 1,
      event: { id: 'sync', name: 'Sync Conf' },
      timezone: 'Europe/Paris',
      venue: { name: 'Hall' },
      rooms: [{ id: 'A', name: 'Room A' }],
      items,
    }),
  );
  const running = await startShow({
    programFile,
    host: '127.0.0.1',
    port: 0,
    pin: null,
    stateDir: join(dir, 'state'),
    startAt: startAt - 10 * 60_000, // 08:50: 20 s of real time to open the pages before the first item
    speed,
    staticDir: here('../dist'),
  });
  const contexts = [];
  try {
    const opened = [];
    for (let i = 0; i < pages; i++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      contexts.push(context);
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __heroChanges: [string, number][] };
        w.__heroChanges = [];
        let last: string | null = null;
        new MutationObserver(() => {
          const id = document.querySelector('main .hero [data-item-id]')?.getAttribute('data-item-id') ?? null;
          if (id !== last) {
            last = id;
            if (id) w.__heroChanges.push([id, Date.now()]);
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-item-id'] });
      });
      await page.goto(`${running.server.url}/signage`, { waitUntil: 'networkidle' });
      opened.push(page);
    }
    const loaded = Date.now();
    const realPerItem = (itemMinutes * 60_000) / speed;
    await sleep(Math.max(0, running.show.clock.realDelayUntil(startAt)) + realPerItem * (changes + 1.5));
    const seen = await Promise.all(
      opened.map((p) => p.evaluate(() => (window as unknown as { __heroChanges: [string, number][] }).__heroChanges)),
    );
    const spreads: number[] = [];
    for (let k = 1; k < items.length; k++) {
      const times = seen.map((list) => list.find(([id]) => id === `s${k}`)?.[1]);
      // A change before every page was open is not a change they all saw; one a page never showed is a failure.
      if (times.every((t) => t === undefined)) continue;
      if (times.some((t) => t === undefined)) throw new Error(`a signage page never showed item s${k}`);
      const ts = times as number[];
      if (Math.min(...ts) < loaded) continue;
      spreads.push(Math.max(...ts) - Math.min(...ts));
    }
    if (spreads.length < changes) throw new Error(`only ${spreads.length} item changes seen by every page`);
    console.log(`sync: spreads over ${spreads.length} changes (ms): ${spreads.join(', ')}`);
    return percentile(spreads, 0.95);
  } finally {
    for (const c of contexts) await c.close();
    await running.close();
  }
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
      {
        name: 'signage.transfer_kb',
        value: round(await transferKb(browser, url), 1),
        unit: 'KiB',
        goal: '<= 70',
      },
      {
        name: 'signage.first_paint_ms',
        value: round(await firstPaintMs(browser, url, title), 0),
        unit: 'ms',
        goal: '<= 250',
      },
      { name: 'signage.cpu_pct', value: round(await cpuPct(browser, url, 60), 2), unit: '%', goal: '<= 2' },
      { name: 'sync.skew_ms', value: round(await syncSkewMs(browser), 1), unit: 'ms (p95)', goal: '<= 50' },
    ];
    return figures;
  } finally {
    await running.close();
    await browser.close();
  }
}
