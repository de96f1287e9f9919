// Debian's Chromium through playwright-core, and a show server with a rehearsal clock, for end-to-end tests.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
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

export function shippedProgram(): ProgramInput {
  return JSON.parse(readFileSync(repoPath('data/dp2e-ai-2026.json'), 'utf8')) as ProgramInput;
}

export interface ServedShow {
  running: RunningShow;
  url: string;
  pin: string | null;
  programFile: string;
  close(): Promise<void>;
}

/** A show on loopback with a rehearsal clock from `at` (program-local time), serving the built views. */
export async function serveShow(
  at: string,
  opts: {
    program?: ProgramInput;
    pin?: string | null;
    speed?: number;
    chairPins?: { pin: string; room: string | null }[];
  } = {},
): Promise<ServedShow> {
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
