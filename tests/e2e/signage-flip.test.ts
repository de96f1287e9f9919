// A door's item change is cheap at the moment it happens: the next talk's card is built and fitted shortly before
// its start (hidden, in the hero's place), and at the start that same card is shown, not a new one built then.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser, screenshot, serveShow, type ServedShow } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('a door at a talk’s change', () => {
  let browser: Browser;
  let show: ServedShow;
  beforeAll(async () => {
    browser = await launchBrowser();
    // 10:09:20 at 10×: the keynote (09:30–10:10) ends and Yutong Lu's talk starts 4 s from now.
    show = await serveShow('2026-06-29T10:09:20', { speed: 10 });
  });
  afterAll(async () => {
    await show?.close();
    await browser?.close();
  });

  test('the next talk’s card is ready, unseen, before its start, and is the very card shown at it', async () => {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1080, height: 1920 },
    ]) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${show.url}/signage`);
      await page.locator('main .hero [data-item-id="d1-dongarra"]').waitFor();
      expect(show.running.show.state().current[0]!.id).toBe('d1-dongarra');
      // Before 10:10: the keynote is the hero; Lu's card waits in the hero, hidden from eyes and screen readers.
      const ready = page.locator('main .hero [data-upcoming="d1-lu"]');
      await ready.waitFor({ state: 'attached', timeout: 4000 });
      expect(show.running.show.state().current[0]!.id).toBe('d1-dongarra');
      expect(await ready.isVisible()).toBe(false);
      expect(
        await page.$$eval('main .hero [data-item-id]', (n) => n.map((e) => e.getAttribute('data-item-id'))),
      ).toEqual(['d1-dongarra']);
      expect(await page.locator('main .body > .hero').innerText()).not.toContain('HPC+AI Converged');
      const card = await ready.elementHandle();
      const fitted = await card!.$eval('.content', (n) => (n as HTMLElement).style.fontSize);
      expect(fitted).not.toBe('');
      // At 10:10 the server says Lu is on: the hero is that same card, shown, at the size it was fitted to.
      await page.locator('main .hero [data-item-id="d1-lu"]').waitFor({ timeout: 8000 });
      expect(await card!.evaluate((n) => n === document.querySelector('main .hero [data-item-id]'))).toBe(true);
      expect(await card!.isVisible()).toBe(true);
      expect(await card!.getAttribute('data-upcoming')).toBeNull();
      expect(await card!.$eval('.title', (n) => n.textContent)).toContain('HPC+AI Converged');
      expect(await card!.$eval('.content', (n) => (n as HTMLElement).style.fontSize)).toBe(fitted);
      expect(
        await page.$$eval('main .hero [data-item-id]', (n) => n.map((e) => e.getAttribute('data-item-id'))),
      ).toEqual(['d1-lu']);
      await screenshot(page, `door-after-flip-${viewport.width}x${viewport.height}`);
      await page.close();
      if (viewport.width === 1920) {
        await show.close();
        show = await serveShow('2026-06-29T10:09:20', { speed: 10 });
      }
    }
  });
  test('time added to the keynote before 10:10: the card built ahead is dropped, and the keynote stays the hero', async () => {
    await show.close();
    show = await serveShow('2026-06-29T10:09:20', { speed: 10 });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${show.url}/signage`);
    await page.locator('main .hero [data-upcoming="d1-lu"]').waitFor({ state: 'attached', timeout: 4000 });
    const res = await fetch(`${show.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'timer.add', seconds: 300 }),
    });
    expect(res.status).toBe(200);
    await page.locator('main .hero [data-upcoming]').waitFor({ state: 'detached', timeout: 2000 });
    // Past 10:10 in show time (2 s at 10×): the keynote runs on to 10:15, Lu's talk waits.
    const at = show.running.show.clock.now();
    await page.waitForTimeout(Math.max(0, (Date.parse('2026-06-29T10:10:05+02:00') - at) / 10));
    expect(show.running.show.state().current[0]!.id).toBe('d1-dongarra');
    expect(await page.$$eval('main .hero [data-item-id]', (n) => n.map((e) => e.getAttribute('data-item-id')))).toEqual(
      ['d1-dongarra'],
    );
    expect(await page.locator('main .hero [data-upcoming]').count()).toBe(0);
    await page.close();
  });

  /**
   * A page whose state messages from the server are held back by `holdMs` once the show clock passes `from` (the
   * push at the change comes late, as over a busy network); records when (wall clock) its hero's id changed.
   */
  async function doorWithLatePush(from: number, holdMs: number) {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(() => {
      const w = window as unknown as { heroAt: Record<string, number> };
      w.heroAt = {};
      new MutationObserver(() => {
        const id = document.querySelector('main .hero [data-item-id]')?.getAttribute('data-item-id');
        if (id && !(id in w.heroAt)) w.heroAt[id] = Date.now();
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-item-id'] });
    });
    const delivered: { id: string; at: number }[] = [];
    await page.routeWebSocket(/\/ws/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => {
        const text = String(m);
        const late = text.startsWith('{"type":"state"') && show.running.show.clock.now() >= from;
        const send = () => {
          if (text.startsWith('{"type":"state"')) {
            delivered.push({ id: JSON.parse(text).state.current[0]?.id, at: Date.now() });
          }
          ws.send(m);
        };
        if (late) setTimeout(send, holdMs);
        else send();
      });
    });
    await page.goto(`${show.url}/signage`);
    await page.locator('main .hero [data-item-id="d1-dongarra"]').waitFor();
    return {
      page,
      delivered,
      heroAt: () => page.evaluate(() => (window as unknown as { heroAt: Record<string, number> }).heroAt),
    };
  }

  test('at 10:10 the door shows Lu’s talk by its own clock, not when the server’s late push reaches it', async () => {
    await show.close();
    show = await serveShow('2026-06-29T10:09:20', { speed: 10 });
    const change = Date.parse('2026-06-29T10:10:00+02:00');
    // The real instant of 10:10 by the server's clock (the page and the server share this machine's clock).
    const changeAt = Date.now() + (change - show.running.show.clock.now()) / 10;
    // Every state the server sends from 10:09:59 on reaches the page 3 s (30 show seconds) late.
    const door = await doorWithLatePush(change - 1000, 3000);
    await door.page.locator('main .hero [data-item-id="d1-lu"]').waitFor({ timeout: 8000 });
    const shownAt = (await door.heroAt())['d1-lu']!;
    const luState = door.delivered.find((d) => d.id === 'd1-lu');
    // Shown before any state saying Lu is on had reached the page, and not before 10:10 (a few ms for the clocks).
    expect(luState === undefined || luState.at > shownAt).toBe(true);
    expect(shownAt).toBeGreaterThanOrEqual(changeAt - 20);
    expect(shownAt).toBeLessThan(changeAt + 2000);
    const card = door.page.locator('main .hero [data-item-id="d1-lu"]');
    expect(await card.isVisible()).toBe(true);
    expect(
      await door.page.$$eval('main .hero [data-item-id]', (n) => n.map((e) => e.getAttribute('data-item-id'))),
    ).toEqual(['d1-lu']);
    // The rest of the door turns with it (a task after the hero): NEXT is what follows Lu (the coffee break), not Lu
    // "starting now" again, and the day list has Lu on now and no longer Dongarra; all before the late state came.
    const sideIds = () =>
      door.page.$$eval('main .side [data-item-id]', (n) => n.map((e) => e.getAttribute('data-item-id')));
    await expect.poll(sideIds, { timeout: 1000 }).toEqual(['d1-coffee-break']);
    expect(
      await door.page.$$eval('main .agenda li.current', (n) => n.map((e) => e.getAttribute('data-agenda'))),
    ).toEqual(['d1-lu']);
    expect(await door.page.locator('main [data-agenda="d1-dongarra"]').count()).toBe(0);
    expect(door.delivered.some((d) => d.id === 'd1-lu')).toBe(false);
    // What the door shows between its own turn and the late state (both orientations, for eyes).
    await screenshot(door.page, 'door-own-flip-before-state-1920x1080');
    await door.page.setViewportSize({ width: 1080, height: 1920 });
    await screenshot(door.page, 'door-own-flip-before-state-1080x1920');
    expect(
      await door.page.$$eval('[data-fit]', (n) => n.filter((e) => e.scrollHeight > e.clientHeight + 1).length),
    ).toBe(0);
    // The state that comes later fills in the rest and keeps that card.
    await expect.poll(() => door.delivered.some((d) => d.id === 'd1-lu'), { timeout: 6000 }).toBe(true);
    await door.page.waitForTimeout(300);
    expect(
      await door.page.$$eval('main .hero [data-item-id]', (n) => n.map((e) => e.getAttribute('data-item-id'))),
    ).toEqual(['d1-lu']);
    await door.page.close();
  });
});
