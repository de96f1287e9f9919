// Debian's Chromium through playwright-core, and a show server with a rehearsal clock, for end-to-end tests.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import { parseInstant } from '../../core/time.ts';
import { startShow, type RunningShow } from '../../server/start-show.ts';
import { repoPath } from '../helpers.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumMissing = existsSync(CHROMIUM)
  ? null
  : `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH): browser tests skipped`;
// On CI a missing browser is a broken setup, not a reason to pass: every browser suite would silently skip.
if (chromiumMissing && process.env.CI)
  throw new Error(`${chromiumMissing.split(':')[0]}: CI must run the browser tests`);
if (chromiumMissing) console.warn(chromiumMissing);

export const ARTIFACTS = repoPath('test-results/screenshots');

export function launchBrowser(): Promise<Browser> {
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

/** The two screen sizes each view is tried at: landscape and portrait. */
export const SIZES = [
  [1920, 1080],
  [1080, 1920],
] as const;

/** "1920x1080": a page's size, to name it in a failure and in a screenshot's file name. */
export const pageSize = (page: Page): string => `${page.viewportSize()!.width}x${page.viewportSize()!.height}`;

/** `url` opened in `browser` at both SIZES, each page once `ready` holds; an error in a page fails the test. */
export async function openAtBothSizes(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<Page[]> {
  const pages: Page[] = [];
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(url);
    await ready(page);
    pages.push(page);
  }
  return pages;
}

export function shippedProgram(): ProgramInput {
  return JSON.parse(readFileSync(repoPath('data/dp2e-ai-2026.json'), 'utf8')) as ProgramInput;
}

/**
 * A one-day program (2026-09-08) in a Berlin congress centre with three rooms, saal-1 to saal-3: `items` gets `at`,
 * which makes "10:00" that day's 10:00.
 */
export function congressCentre(
  event: ProgramInput['event'],
  people: ProgramInput['people'],
  items: (at: (hm: string) => string) => NonNullable<ProgramInput['items']>,
): ProgramInput {
  return {
    formatVersion: 1,
    event,
    timezone: 'Europe/Berlin',
    venue: { name: 'Congress Centre' },
    rooms: [
      { id: 'saal-1', name: 'Saal 1' },
      { id: 'saal-2', name: 'Saal 2' },
      { id: 'saal-3', name: 'Saal 3' },
    ],
    people,
    items: items((hm) => `2026-09-08T${hm}`),
  };
}

export interface ServedShow {
  running: RunningShow;
  url: string;
  pin: string | null;
  programFile: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  program?: ProgramInput;
  pin?: string | null;
  speed?: number;
  chairPins?: { pin: string; room: string | null }[];
}

/** A show on loopback with a rehearsal clock from `at` (program-local time), serving the built views. */
export async function serveShow(at: string, opts: ServeOptions = {}): Promise<ServedShow> {
  const program = opts.program ?? shippedProgram();
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-e2e-'));
  const programFile = join(dir, 'program.json');
  writeFileSync(programFile, JSON.stringify(program));
  mkdirSync(join(dir, 'state'));
  const start = parseInstant(at, program.timezone);
  if (!start.ok) throw new Error(start.reason);
  const pin = opts.pin === undefined ? null : opts.pin;
  const running = await startShow({
    programFile,
    host: '127.0.0.1',
    port: 0,
    pin,
    chairPins: opts.chairPins,
    stateDir: join(dir, 'state'),
    startAt: start.at,
    speed: opts.speed ?? 1,
    staticDir: repoPath('dist'),
  });
  return { running, url: running.server.url, pin, programFile, close: () => running.close() };
}

/** One Chromium and one show shared by the tests of a describe (see `browserAndShow`). */
export interface BrowserAndShow {
  browser: Browser;
  show: ServedShow;
  /** The page errors the describe's pages push here: none may be left when both are closed. */
  errors: string[];
}

/**
 * For the describe it is called in: launches Chromium and serves a show as `serveShow(at, opts)` before its tests
 * (before the describe's own beforeAll hooks, registered after it), closes both after them and then expects
 * `errors` empty. The object's fields are set when the first test runs.
 */
export function browserAndShow(at: string, opts: ServeOptions = {}): BrowserAndShow {
  const shared = { errors: [] as string[] } as BrowserAndShow;
  beforeAll(async () => {
    shared.browser = await launchBrowser();
    shared.show = await serveShow(at, opts);
  });
  afterAll(async () => {
    await shared.browser?.close();
    await shared.show?.close();
    expect(shared.errors).toEqual([]);
  });
  return shared;
}

/** The show's state of its default room, as GET /api/state gives it (the control view's). */
export async function showState(ctx: BrowserAndShow): Promise<StateJson> {
  return (await (await fetch(`${ctx.show.url}/api/state`)).json()) as StateJson;
}

/** The state `read` gives once `ok` holds (every 100 ms, 5 s at the most): the show got there. */
export async function stateWhen(read: () => Promise<StateJson>, ok: (s: StateJson) => boolean): Promise<StateJson> {
  for (let i = 0; i < 50; i++) {
    const s = await read();
    if (ok(s)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the show never got there');
}

/** Posts an action to the show (with its PIN, if it has one) and expects it taken. */
export async function act(show: ServedShow, action: object): Promise<void> {
  const res = await fetch(`${show.url}/api/actions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(show.pin ? { Authorization: `Bearer ${show.pin}` } : {}) },
    body: JSON.stringify(action),
  });
  expect(res.status, `${JSON.stringify(action)}: ${await res.clone().text()}`).toBe(200);
}

/** Waits (in real time) until the show's rehearsal clock reads `local` (program time in `zone`). */
export async function untilShowTime(show: ServedShow, local: string, zone = 'Europe/Paris'): Promise<void> {
  const target = parseInstant(local, zone);
  if (!target.ok) throw new Error(target.reason);
  const wait = show.running.show.clock.realDelayUntil(target.at);
  if (wait > 0) await new Promise((done) => setTimeout(done, wait + 50));
}

/** Once the page's fonts are loaded and two frames drawn: what a screenshot or a measure should see. */
export const settled = (page: Page) =>
  page.evaluate(
    () =>
      document.fonts.ready.then(
        () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
      ) as Promise<void>,
  );

/**
 * A page in a context of its own (`touch`: a touch screen) at `path` of the show, its errors pushed to `ctx.errors`;
 * once `ready` (say, the view's timer shown) and the fonts it asked for are loaded.
 */
export async function openPage(
  ctx: BrowserAndShow,
  path: string,
  size: { width: number; height: number },
  options: { touch?: boolean; ready?: (page: Page) => Promise<unknown> } = {},
): Promise<Page> {
  const context = await ctx.browser.newContext({ viewport: size, hasTouch: options.touch ?? false });
  const page = await context.newPage();
  page.on('pageerror', (e) => ctx.errors.push(e.message));
  await page.goto(`${ctx.show.url}${path}`);
  await options.ready?.(page);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Every element matching `selector` whose text overflows its box (scroll size beyond client size). */
export function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (nodes) =>
    nodes
      .filter((n) => n.scrollWidth > n.clientWidth + 1 || n.scrollHeight > n.clientHeight + 1)
      .map(
        (n) =>
          `${n.className}: "${(n.textContent ?? '').slice(0, 60)}" ${n.scrollWidth}x${n.scrollHeight} in ${n.clientWidth}x${n.clientHeight}`,
      ),
  );
}

/** Serious or critical accessibility violations on the page (axe-core). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: repoPath('node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()) as {
      violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[];
    };
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`,
    );
}

/**
 * The time ranges ("10:20–11:00") and pairs of them ("10:20–11:00 → 10:10–10:50") in the text of the elements matching
 * `selector` that are drawn on more than one line, as "10:20–11:00 (2 lines)": what a reader sees split after its
 * dash. Measured on the text as laid out (a DOM Range's line boxes), whatever elements hold it.
 */
export function splitRanges(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (nodes) => {
    const RANGE = String.raw`\d{1,2}:\d{2}–\d{1,2}:\d{2}`;
    const found: string[] = [];
    for (const node of nodes) {
      const texts: { node: Text; from: number }[] = [];
      let whole = '';
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
        texts.push({ node: t, from: whole.length });
        whole += t.data;
      }
      const at = (offset: number, end: boolean): [Text, number] => {
        const t = texts.findLast((x) => (end ? x.from < offset : x.from <= offset))!;
        return [t.node, offset - t.from];
      };
      for (const re of [new RegExp(RANGE, 'g'), new RegExp(`${RANGE} → ${RANGE}`, 'g')]) {
        for (const m of whole.matchAll(re)) {
          const range = document.createRange();
          range.setStart(...at(m.index, false));
          range.setEnd(...at(m.index + m[0].length, true));
          const tops: number[] = [];
          for (const r of range.getClientRects()) {
            if (r.width > 0 && !tops.some((top) => Math.abs(top - r.top) < r.height / 2)) tops.push(r.top);
          }
          if (tops.length !== 1) found.push(`${m[0]} (${tops.length} lines)`);
        }
      }
    }
    return found;
  });
}

/**
 * The words (runs without white space) in the text of the elements matching `selector` that are drawn on more than one
 * line, as "Supercomputing (2 lines)": a word a reader sees cut in two ("Supercomp" / "uting"). Measured on the text as
 * laid out (a DOM Range's line boxes per word).
 */
export function splitWords(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (nodes) => {
    const found: string[] = [];
    for (const node of nodes) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
        for (const m of t.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(t, m.index);
          range.setEnd(t, m.index + m[0].length);
          const tops: number[] = [];
          for (const r of range.getClientRects()) {
            if (r.width > 0 && !tops.some((top) => Math.abs(top - r.top) < r.height / 2)) tops.push(r.top);
          }
          if (tops.length > 1) found.push(`${m[0]} (${tops.length} lines)`);
        }
      }
    }
    return found;
  });
}
