// A program fed from a URL, in Chromium: the export changes, the door follows within a poll and the control view
// says what changed; the feed fails, the door keeps the last good program and the control view says why.
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
  const answer = { status: 200, body: SEED };

  beforeAll(async () => {
    feedServer = createServer((_req, res) => {
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
    });
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
    const dir = mkdtempSync(join(tmpdir(), 'roomcue-e2e-feed-'));
    mkdirSync(join(dir, 'state'));
    running = await startShow({
      programFile: `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/program.json`,
      feedIntervalMs: 300,
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

  test('a title corrected in the export reaches the door within a poll; the control says what changed', async () => {
    const door = await open('signage');
    const control = await open('control');
    await door.waitForSelector('.hero [data-item-id="d1-dongarra"]');
    expect(await heroTitle(door)).toBe('HPC in Transition');

    answer.body = SEED.replace('"title": "HPC in Transition"', '"title": "HPC in Transition: the next decade"');
    expect(answer.body).not.toBe(SEED);
    await door.waitForFunction(
      () =>
        document.querySelector('.hero [data-item-id="d1-dongarra"] h2.title')?.getAttribute('aria-label') ===
        'HPC in Transition: the next decade',
      null,
      { timeout: 3000 },
    );
    const change = control.locator('[data-testid="program-change"]');
    await change.waitFor({ timeout: 3000 });
    expect(await change.locator('.summary').innerText()).toBe(
      "1 change: 'HPC in Transition' renamed 'HPC in Transition: the next decade'",
    );
    await screenshot(control, 'control-feed-change-1920x1080');

    answer.status = 500;
    answer.body = 'Internal Server Error';
    const problem = control.locator('.alert.bad .summary');
    await problem.waitFor({ timeout: 3000 });
    expect(await problem.innerText()).toMatch(
      /^program feed http:\/\/127\.0\.0\.1:\d+\/program\.json cannot be fetched \(HTTP 500 Internal Server Error\); still showing the last good version$/,
    );
    expect(await heroTitle(door)).toBe('HPC in Transition: the next decade');
    await screenshot(control, 'control-feed-problem-1920x1080');
    await control.setViewportSize({ width: 1080, height: 1920 });
    await screenshot(control, 'control-feed-problem-1080x1920');
  });
});
