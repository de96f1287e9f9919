// A room's box following a central server, in Chromium: the box's door keeps its item when the central server dies,
// and only the box's control view says so ("offline since 10:32"); when the central server is back, the mark goes.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startShow, type RunningShow } from '../../server/start-show.ts';
import { repoPath } from '../helpers.ts';
import { chromiumMissing, launchBrowser, screenshot, shippedProgram } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('a box that follows a central server', () => {
  let browser: Browser;
  let central: RunningShow | null = null;
  let box: RunningShow;
  let port = 0;
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-e2e-central-'));

  const startCentral = async () => {
    central = await startShow({
      programFile: join(dir, 'program.json'),
      host: '127.0.0.1',
      port,
      pin: null,
      stateDir: join(dir, 'central'),
      staticDir: repoPath('dist'),
      at: '2026-06-29T09:45',
    });
    port = Number(new URL(central.server.url).port);
  };

  beforeAll(async () => {
    writeFileSync(join(dir, 'program.json'), JSON.stringify(shippedProgram()));
    mkdirSync(join(dir, 'box'));
    await startCentral();
    box = await startShow({
      programFile: '',
      central: `http://127.0.0.1:${port}`,
      host: '127.0.0.1',
      port: 0,
      pin: null,
      stateDir: join(dir, 'box'),
      staticDir: repoPath('dist'),
      at: '2026-06-29T09:45',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await box?.close();
    await central?.close();
  });

  const open = async (view: string, width = 1920, height = 1080): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${box.server.url}/${view}`);
    return page;
  };

  test('the central server dies: the door keeps its item, the control view says since when', async () => {
    const door = await open('signage');
    const control = await open('control');
    await door.waitForSelector('.hero [data-item-id="d1-dongarra"]');
    await control.waitForSelector('[data-central="online"]');

    await central!.close();
    central = null;
    const mark = control.locator('[data-central="offline"]');
    await mark.waitFor({ timeout: 5000 });
    expect(await mark.innerText()).toMatch(/^Central server offline since \d\d:\d\d: this box shows its copy$/);
    expect(await door.locator('.hero [data-item-id="d1-dongarra"]').count()).toBe(1);
    expect(await door.locator('[data-central]').count()).toBe(0); // the public never sees it
    await screenshot(control, 'control-central-offline-1920x1080');
    await control.setViewportSize({ width: 1080, height: 1920 });
    await screenshot(control, 'control-central-offline-1080x1920');

    await startCentral();
    await control.locator('[data-central="online"]').waitFor({ timeout: 5000 });

    // The AV desk's control view, at the central server, lists the room's box and the screens it serves.
    const desk = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await desk.goto(`${central!.server.url}/control`);
    const row = desk.locator('[data-screen-view="box"]');
    await row.waitFor({ timeout: 8000 });
    await desk.waitForFunction(
      () => document.querySelector('[data-screen-view="box"]')?.textContent?.includes('1 signage'),
      null,
      { timeout: 8000 },
    );
    expect(await row.innerText()).toBe('box: 1 control, 1 signage');
    await screenshot(desk, 'control-central-desk-1920x1080');
  }, 30_000);
});
