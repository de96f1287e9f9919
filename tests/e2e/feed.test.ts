// A program fed from a URL, in Chromium: the export changes, the door follows within one poll and the control view
// says what changed; the feed fails (a 500, a garbage body, no answer), the door keeps the last good program and the
// control view says why in one line.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startShow, type RunningShow } from '../../server/start-show.ts';
import { repoPath } from '../helpers.ts';
import { chromiumMissing, launchBrowser, screenshot } from './browser.ts';

const SEED = readFileSync(repoPath('data/dp2e-ai-2026.json'), 'utf8');

describe.skipIf(chromiumMissing !== null)('a show fed from a URL', () => {
  let browser: Browser;
  let feedServer: Server;
  let running: RunningShow;
  const answer = { status: 200, body: SEED, hang: false };
  let requests = 0;
  const POLL_MS = 1500;

  beforeAll(async () => {
    feedServer = createServer((_req, res) => {
      requests++;
      if (answer.hang) return; // never answers: the feed's time limit cuts it
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
    });
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
    const dir = mkdtempSync(join(tmpdir(), 'roomcue-e2e-feed-'));
    mkdirSync(join(dir, 'state'));
    running = await startShow({
      programFile: `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/program.json`,
      feedIntervalMs: POLL_MS,
      feedTimeoutMs: 500,
      host: '127.0.0.1',
      port: 0,
      pin: null,
      stateDir: join(dir, 'state'),
      staticDir: repoPath('dist'),
      at: '2026-06-29T09:45',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    feedServer.closeAllConnections();
    await new Promise((r) => feedServer.close(r));
  });

  const open = async (view: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${running.server.url}/${view}`);
    return page;
  };
  const heroTitle = (page: Page) => page.getAttribute('.hero [data-item-id="d1-dongarra"] h2.title', 'aria-label');

  test('a title corrected in the export reaches the door within one poll; the control says what changed', async () => {
    const door = await open('signage');
    const control = await open('control');
    await door.waitForSelector('.hero [data-item-id="d1-dongarra"]');
    expect(await heroTitle(door)).toBe('HPC in Transition');

    answer.body = SEED.replace('"title": "HPC in Transition"', '"title": "HPC in Transition: the next decade"');
    expect(answer.body).not.toBe(SEED);
    const before = requests;
    await door.waitForFunction(
      () =>
        document.querySelector('.hero [data-item-id="d1-dongarra"] h2.title')?.getAttribute('aria-label') ===
        'HPC in Transition: the next decade',
      null,
      { timeout: POLL_MS + 3000, polling: 20 },
    );
    // The first request after the change brought it to the door: no second poll was needed.
    expect(requests - before).toBe(1);
    const change = control.locator('[data-testid="program-change"]');
    await change.waitFor({ timeout: 3000 });
    expect(await change.locator('.summary').innerText()).toBe(
      "1 change: 'HPC in Transition' renamed 'HPC in Transition: the next decade'",
    );
    await screenshot(control, 'control-feed-change-1920x1080');

    // Each failure: one line on the control view naming it; the door keeps the last good program.
    const problem = control.locator('.alert.bad .summary');
    const url = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/program.json`;
    const failures = [
      {
        name: '500',
        set: () => Object.assign(answer, { status: 500, body: 'Internal Server Error' }),
        line: `program feed ${url} cannot be fetched (HTTP 500 Internal Server Error); still showing the last good version`,
      },
      {
        name: 'garbage',
        set: () => Object.assign(answer, { status: 200, body: '<!doctype html><title>502 Bad Gateway</title>' }),
        line: `program feed ${url} answered a web page (HTML), not an export: check the URL, or whether the export needs a login; still showing the last good version`,
      },
      {
        name: 'timeout',
        set: () => Object.assign(answer, { hang: true }),
        line: `program feed ${url} cannot be fetched (no answer within the time limit); still showing the last good version`,
      },
    ];
    for (const f of failures) {
      f.set();
      // The feed backs off (the wait doubles after each failure): up to 4 polls here.
      await control.waitForFunction(
        (line) => document.querySelector('.alert.bad .summary')?.textContent?.trim() === line,
        f.line,
        { timeout: POLL_MS * 4 + 3000 },
      );
      expect(await problem.innerText(), f.name).toBe(f.line);
      expect(await heroTitle(door), f.name).toBe('HPC in Transition: the next decade');
      await screenshot(control, `control-feed-problem-${f.name}-1920x1080`);
    }
    await control.setViewportSize({ width: 1080, height: 1920 });
    await screenshot(control, 'control-feed-problem-timeout-1080x1920');
  }, 60_000);
});
