// A room's box following a central server, in Chromium: the box's door keeps its item when the central server dies,
// and only the box's control view says so ("offline since 10:32"); when the central server is back, the mark goes.
// The AV desk's control view at the central server lists every room's box with the screens each serves.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { startShow, type RunningShow } from '../../server/start-show.ts';
import { repoPath } from '../helpers.ts';
import { chromiumMissing, launchBrowser, overflowing, screenshot, shippedProgram } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('a box that follows a central server', () => {
  let browser: Browser;
  let central: RunningShow | null = null;
  let box: RunningShow;
  let box2: RunningShow;
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
    // The shipped program with a second room, so that the desk has two rooms' boxes to list.
    const program = shippedProgram();
    program.rooms.push({ id: 'L109', name: 'Salle Poincaré' });
    program.items!.push({
      id: 'l109-tutorial',
      kind: 'talk',
      title: 'Tutorial: profiling on many cores',
      start: '2026-06-29T09:30',
      end: '2026-06-29T10:30',
      room: 'L109',
      speakers: [],
    });
    writeFileSync(join(dir, 'program.json'), JSON.stringify(program));
    mkdirSync(join(dir, 'box'));
    mkdirSync(join(dir, 'box2'));
    await startCentral();
    box = await startShow({
      programFile: '',
      central: `http://127.0.0.1:${port}`,
      host: '127.0.0.1',
      port: 0,
      pin: null,
      stateDir: join(dir, 'box'),
      staticDir: repoPath('dist'),
    });
    box2 = await startShow({
      programFile: '',
      central: `http://127.0.0.1:${port}`,
      room: 'salle poincare', // the room's displayed name, as a person types it
      host: '127.0.0.1',
      port: 0,
      pin: null,
      stateDir: join(dir, 'box2'),
      staticDir: repoPath('dist'),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await box?.close();
    await box2?.close();
    await central?.close();
  });

  /** The list's room, address and time cells that break over two lines ("L108-" / "A"), with their line count. */
  const unbroken = (page: Page) =>
    page.$$eval('[data-screen-view]', (cells) =>
      cells
        .flatMap((c) => [...c.closest('tr')!.querySelectorAll('td')].slice(1))
        .map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return `${td.textContent}: ${new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size} lines`;
        })
        .filter((line) => !line.endsWith(': 1 lines')),
    );

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
    const chair = await open('chair');
    await door.waitForSelector('.hero [data-item-id="d1-dongarra"]');
    await control.waitForSelector('[data-central="online"]');
    // The boxes have no --at: they show the central server's rehearsal clock, as its own door does.
    const centralDoor = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await centralDoor.goto(`${central!.server.url}/signage`);
    await centralDoor.waitForSelector('.hero [data-item-id="d1-dongarra"]');
    const clocks = async () => [await door.innerText('[data-clock]'), await centralDoor.innerText('[data-clock]')];
    await expect.poll(async () => new Set(await clocks()).size, { timeout: 5000 }).toBe(1);
    expect((await clocks())[0]).toMatch(/^09:4\d$/);
    expect(await door.locator('[data-rehearsal]').count()).toBe(1);
    await centralDoor.close();

    // The mark gives the minute the box lost the central server, in the show's time (its rehearsal clock started at
    // 09:45, a minute that may have rolled over by now): the box's own record of that moment, within 5 s of the kill.
    const killed = box.show.clock.now();
    await central!.close();
    central = null;
    const mark = control.locator('[data-central="offline"]');
    await mark.waitFor({ timeout: 20_000 });
    const since = ((await (await fetch(`${box.server.url}/api/state`)).json()) as StateJson).central!.offlineSince!;
    expect(since).toBeGreaterThanOrEqual(killed);
    expect(since - killed).toBeLessThan(5000);
    const minute = DateTime.fromMillis(since, { zone: shippedProgram().timezone }).toFormat('HH:mm');
    expect(await mark.innerText()).toBe(`Central server offline since ${minute}: this box shows its copy`);
    expect(await door.locator('.hero [data-item-id="d1-dongarra"]').count()).toBe(1);
    expect(await door.locator('[data-central]').count()).toBe(0); // the public never sees it
    expect(await chair.locator('[data-central]').count()).toBe(0); // nor the speaker
    expect(await chair.locator('body').innerText()).not.toMatch(/central server|offline/i);
    await screenshot(control, 'control-central-offline-1920x1080');
    await control.setViewportSize({ width: 1080, height: 1920 });
    await screenshot(control, 'control-central-offline-1080x1920');

    await startCentral();
    await control.locator('[data-central="online"]').waitFor({ timeout: 20_000 });

    // The AV desk's control view, at the central server, lists each room's box and the screens it serves.
    const door2 = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await door2.goto(`${box2.server.url}/signage`);
    await door2.waitForSelector('.hero [data-item-id="l109-tutorial"]');
    const desk = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await desk.goto(`${central!.server.url}/control`);
    const rows = desk.locator('[data-screen-view="box"]');
    await desk.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-screen-view="box"]')].map((n) => n.textContent).join(' | ') ===
        'box: 1 chair, 1 control, 1 signage | box: 1 signage',
      null,
      { timeout: 8000 },
    );
    const cells = async (i: number) =>
      (await rows.nth(i).locator('xpath=..').locator('td').allInnerTexts()).slice(0, 3);
    expect(await rows.count()).toBe(2);
    expect(await cells(0)).toEqual(['box: 1 chair, 1 control, 1 signage', 'L108-A', '127.0.0.1']);
    expect(await cells(1)).toEqual(['box: 1 signage', 'L109', '127.0.0.1']);
    await rows.last().scrollIntoViewIfNeeded();
    expect(await overflowing(desk, '[data-screen-view]')).toEqual([]);
    expect(await unbroken(desk)).toEqual([]);
    await screenshot(desk, 'control-central-desk-1920x1080');
    await desk.setViewportSize({ width: 1080, height: 1920 });
    await rows.last().scrollIntoViewIfNeeded();
    expect(await overflowing(desk, '[data-screen-view]')).toEqual([]);
    expect(await unbroken(desk)).toEqual([]);
    await screenshot(desk, 'control-central-desk-1080x1920');
  }, 90_000);
});
