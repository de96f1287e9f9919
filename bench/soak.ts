// `npm run soak`: a server and three Chromium screens through many simulated hours at an accelerated clock, with an
// operator action every few simulated minutes. Checks page errors, what each screen shows, and memory over time.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DateTime } from 'luxon';
import type { ProgramInput } from '../core/program/schema.ts';
import type { StateJson } from '../core/contract/state.ts';
import { startShow } from '../server/start-show.ts';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A conference of `days` days in one room: talks, breaks and lunch from 09:00 to 18:00. */
export function soakProgram(firstDay: string, days: number): ProgramInput {
  const items: NonNullable<ProgramInput['items']> = [];
  for (let d = 0; d < days; d++) {
    const date = DateTime.fromISO(firstDay).plus({ days: d }).toISODate()!;
    let t = DateTime.fromISO(`${date}T09:00`);
    for (let k = 0; t.hour < 18; k++) {
      const kind = k % 5 === 4 ? 'break' : 'talk';
      const length = kind === 'break' ? 20 : 40;
      const end = t.plus({ minutes: length });
      items.push({
        id: `d${d}-${k}`,
        kind,
        title:
          kind === 'break'
            ? 'Coffee break'
            : `Day ${d + 1} talk ${k + 1}: a title long enough to need wrapping on a door screen`,
        start: t.toFormat("yyyy-MM-dd'T'HH:mm"),
        end: end.toFormat("yyyy-MM-dd'T'HH:mm"),
      });
      t = end;
    }
  }
  return {
    formatVersion: 1,
    event: { id: 'soak', name: 'Soak Conf' },
    timezone: 'Europe/Paris',
    venue: { name: 'Hall' },
    rooms: [{ id: 'A', name: 'Room A' }],
    items,
  };
}

/**
 * How long (real ms) a screen may take to show what the server has on: the boundary's push (a timer), loopback and a
 * render, on a two-core machine that other work keeps busy (250 ms failed there on pushes that arrived 140 ms into the
 * window). A screen stuck an item behind never catches up, whatever the window.
 */
export const HERO_WINDOW_MS = 1000;

/** The item a signage screen must show as its hero for a state: what is on, else what comes next; none blacked out. */
export function expectedHero(state: StateJson): string | null {
  if (state.blackout || state.phase === 'after-event') return null;
  return state.current[0]?.id ?? state.next?.id ?? null;
}

/**
 * Compares the page's hero item (its first card's data-item-id) with the server's, polling for up to `windowMs` of
 * real time; the server's answer is read again at each poll, so an item change during the window is no miss.
 * Returns null when they agreed at some poll, else the last pair seen.
 */
export async function heroMismatch(
  page: Page,
  serverState: () => StateJson,
  windowMs: number,
): Promise<{ shown: string | null; expected: string | null } | null> {
  const t0 = performance.now();
  let last: { shown: string | null; expected: string | null };
  do {
    const shown = await page.evaluate(
      () => document.querySelector('main .hero [data-item-id]')?.getAttribute('data-item-id') ?? null,
    );
    const expected = expectedHero(serverState());
    if (shown === expected) return null;
    last = { shown, expected };
    await sleep(10);
  } while (performance.now() - t0 < windowMs);
  return last;
}

export interface SoakResult {
  simulatedHours: number;
  samples: number;
  wrong: string[];
  pageErrors: string[];
  actions: number;
  serverHeapMb: { start: number; end: number };
  /** Page heaps at the start, after the first simulated day (the pages are warm by then) and at the end. */
  /**
   * Page heaps (MB, after GC): at the start, at the end of each simulated day, and at the end; `perDayPct` is the
   * growth per day after the first (null with fewer than two whole days).
   */
  pageHeapMb: Record<
    string,
    { start: number; afterFirstDay: number | null; daily: number[]; perDayPct: number | null; end: number }
  >;
}

export async function runSoak(opts: {
  hours: number;
  speed: number;
  samples: number;
  chromium?: string;
}): Promise<SoakResult> {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-soak-'));
  mkdirSync(join(dir, 'state'));
  const days = Math.ceil(opts.hours / 24) + 1;
  writeFileSync(join(dir, 'program.json'), JSON.stringify(soakProgram('2026-09-07', days)));
  const startAt = DateTime.fromISO('2026-09-07T08:00', { zone: 'Europe/Paris' }).toMillis();
  const running = await startShow({
    programFile: join(dir, 'program.json'),
    host: '127.0.0.1',
    port: 0,
    pin: null,
    stateDir: join(dir, 'state'),
    startAt,
    speed: opts.speed,
    staticDir: here('../dist'),
  });
  const browser = await chromium.launch({
    executablePath: opts.chromium ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const pageErrors: string[] = [];
  const screens: [string, Page][] = [];
  const heapMb = async (page: Page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  };
  try {
    for (const [name, path, viewport] of [
      ['signage-landscape', '/signage', { width: 1920, height: 1080 }],
      ['signage-portrait', '/signage', { width: 1080, height: 1920 }],
      ['chair', '/chair', { width: 1920, height: 1080 }],
    ] as const) {
      const page = await browser.newPage({ viewport });
      page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
      await page.goto(`${running.server.url}${path}`, { waitUntil: 'networkidle' });
      screens.push([name, page]);
    }
    await sleep(2000);
    const pageStart: Record<string, number> = {};
    for (const [name, page] of screens) pageStart[name] = await heapMb(page);
    global.gc?.();
    const serverStart = process.memoryUsage().heapUsed / 2 ** 20;

    const realMs = (opts.hours * 3_600_000) / opts.speed;
    const everyMs = (7 * 60_000) / opts.speed; // an action every 7 simulated minutes
    const actions = [
      { type: 'delay.set', minutes: 5 },
      { type: 'message.set', to: 'public', text: 'Soak test announcement' },
      { type: 'timer.add', seconds: 60 },
      { type: 'message.clear' },
      { type: 'delay.set', minutes: 0 },
      { type: 'timer.reset' },
    ] as const;
    let count = 0;
    const wrong: string[] = [];
    // Actions on their own timer, so that checking the screens does not slow them down.
    const acting = setInterval(() => {
      try {
        running.show.dispatch(actions[count % actions.length]!);
      } catch {
        /* rejected when nothing is on: the soak only needs actions to flow */
      }
      count++;
    }, everyMs);
    // When the server last pushed a state, to tell a late push from a screen that did not follow it.
    let lastPush = performance.now();
    running.show.subscribe((event) => {
      if (event !== 'screens') lastPush = performance.now();
    });
    let samples = 0;
    // Page heaps at the end of each simulated day (after a GC), on the sample nearest each day's end.
    const daily: Record<string, number[]> = Object.fromEntries(screens.map(([name]) => [name, []]));
    const dayEnds = new Set(
      Array.from(
        { length: Math.floor(opts.hours / 24) },
        (_, d) => Math.round((opts.samples * 24 * (d + 1)) / opts.hours) - 1,
      ),
    );
    try {
      for (; samples < opts.samples; samples++) {
        await sleep(realMs / opts.samples);
        if (dayEnds.has(samples)) for (const [name, page] of screens) daily[name]!.push(await heapMb(page));
        for (const [name, page] of screens) {
          if (!name.startsWith('signage')) continue;
          const miss = await heroMismatch(page, () => running.show.state('A', 'public'), HERO_WINDOW_MS);
          if (miss) {
            const at = DateTime.fromMillis(running.show.clock.now()).setZone('Europe/Paris').toISO();
            wrong.push(
              `${name} at ${at}: the hero item is ${miss.shown ?? 'none'}, the server says ${miss.expected ?? 'none'}` +
                ` (its last push ${Math.round(performance.now() - lastPush)} ms ago)`,
            );
          }
        }
      }
    } finally {
      clearInterval(acting);
    }
    const pageHeapMb: SoakResult['pageHeapMb'] = {};
    for (const [name, page] of screens) {
      const days = daily[name]!;
      pageHeapMb[name] = {
        start: pageStart[name]!,
        afterFirstDay: days[0] ?? null,
        daily: days,
        // Growth per day after the first: from the first day's end to the last's, over the days between.
        perDayPct: days.length >= 2 ? ((days.at(-1)! - days[0]!) / days[0]! / (days.length - 1)) * 100 : null,
        end: await heapMb(page),
      };
    }
    global.gc?.();
    return {
      simulatedHours: opts.hours,
      samples,
      wrong,
      pageErrors,
      actions: count,
      serverHeapMb: { start: serverStart, end: process.memoryUsage().heapUsed / 2 ** 20 },
      pageHeapMb,
    };
  } finally {
    await browser.close();
    await running.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const hours = Number(process.env.SOAK_HOURS ?? 72);
  const speed = Number(process.env.SOAK_SPEED ?? 1440);
  console.log(`soak: ${hours} simulated hours at ${speed}× (${((hours * 3600) / speed / 60).toFixed(1)} real minutes)`);
  const result = await runSoak({ hours, speed, samples: 100 });
  console.log(JSON.stringify(result, null, 2));
  writeFileSync(
    here('./soak-report.json'),
    `${JSON.stringify({ when: new Date().toISOString(), speed, ...result }, null, 2)}\n`,
  );
  const ok = result.wrong.length === 0 && result.pageErrors.length === 0;
  console.log(ok ? 'soak: ok' : 'soak: FAILED');
  process.exitCode = ok ? 0 : 1;
}
