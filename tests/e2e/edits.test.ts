// Program edits as the screens show them, in Chromium against a real show: a cancelled talk on the door and the
// chair, the chair's note and its "OK, seen" to the speaker message, and the AV console's editable rundown.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { StateJson } from '../../core/contract/state.ts';
import { chromiumMissing, launchBrowser, overflowing, screenshot, serveShow, type ServedShow } from './browser.ts';

const SIZES = [
  [1920, 1080],
  [1080, 1920],
] as const;

async function stateOf(show: ServedShow): Promise<StateJson> {
  return (await (await fetch(`${show.url}/api/state`)).json()) as StateJson;
}

async function act(show: ServedShow, action: object): Promise<StateJson> {
  const res = await fetch(`${show.url}/api/actions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(action),
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body as StateJson;
}

async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      document.fonts.ready.then(
        () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
      ) as Promise<void>,
  );
}

/** The door's large items, in order. */
function heroIds(page: Page): Promise<string[]> {
  return page.$$eval('.hero [data-item-id]', (nodes) => nodes.map((n) => (n as HTMLElement).dataset.itemId ?? ''));
}

/** Nothing overflows a fitted box and the page never scrolls, in both orientations; a picture of each. */
async function tidyBothWays(page: Page, name: string): Promise<void> {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await settled(page);
    const where = `${name} ${width}x${height}`;
    expect(await overflowing(page, '[data-fit]'), where).toEqual([]);
    const scroll = await page.evaluate(() => {
      const s = document.scrollingElement!;
      return { h: s.scrollHeight - innerHeight, w: s.scrollWidth - innerWidth };
    });
    expect(scroll, where).toEqual({ h: 0, w: 0 });
    await screenshot(page, `${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: SIZES[0][0], height: SIZES[0][1] });
  await settled(page);
}

describe.skipIf(chromiumMissing !== null)('a cancelled talk on the door and the chair', () => {
  let browser: Browser;
  let show: ServedShow;
  const errors: string[] = [];
  const open = async (path: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${show.url}${path}`);
    return page;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    show = await serveShow('2026-06-30T09:02');
  });
  afterAll(async () => {
    await browser?.close();
    await show?.close();
    expect(errors).toEqual([]);
  });

  test('the door: NOW struck with "Cancelled" and the public reason, the day list too; NEXT cancelled privately', async () => {
    const door = await open('/signage');
    await door.locator('.hero [data-item-id="d2-dirhoussi"]').waitFor();
    expect(await door.locator('[data-cancelled]').count()).toBe(0);

    await act(show, { type: 'program.item.cancel', itemId: 'd2-dirhoussi', reason: 'Speaker ill' });
    const hero = door.locator('.hero [data-item-id="d2-dirhoussi"]');
    await hero.locator('[data-cancelled]').waitFor({ timeout: 1000 });
    expect(await hero.locator('[data-cancelled]').textContent()).toBe('Cancelled');
    expect(await hero.locator('[data-reason]').innerText()).toBe('Speaker ill');
    expect(await hero.locator('.title').evaluate((n) => getComputedStyle(n).textDecorationLine)).toBe('line-through');
    // Nothing counts down for it.
    expect(await hero.locator('[data-left]').count()).toBe(0);
    const row = door.locator('[data-agenda="d2-dirhoussi"]');
    expect(await row.getAttribute('data-row-cancelled')).toBe('');
    expect(await row.locator('.sub').innerText()).toBe('Cancelled · Speaker ill');

    // NEXT cancelled with a private reason: "Cancelled", no reason, no "starts in".
    await act(show, { type: 'program.item.cancel', itemId: 'd2-maze', reason: 'Flight missed', public: false });
    const next = door.locator('.side [data-item-id="d2-maze"]');
    await next.locator('[data-cancelled]').waitFor({ timeout: 1000 });
    expect(await next.locator('[data-reason]').count()).toBe(0);
    expect(await next.innerText()).not.toContain('starts in');
    expect(await door.innerText('main')).not.toContain('Flight missed');
    await tidyBothWays(door, 'edits-door-cancelled');

    // Undone: NEXT is a talk again.
    await act(show, { type: 'undo' });
    await next.locator('[data-cancelled]').waitFor({ state: 'detached', timeout: 1000 });
    await door.close();
  });

  test('AV moves the next talk up: it is the hero, the cancelled one beside it', async () => {
    const door = await open('/signage');
    await door.locator('.hero [data-item-id="d2-dirhoussi"] [data-cancelled]').waitFor();
    await act(show, { type: 'program.item.move', itemId: 'd2-maze', start: '2026-06-30T09:02' });
    await door.waitForFunction(
      () => document.querySelector('.hero [data-item-id]')?.getAttribute('data-item-id') === 'd2-maze',
      undefined,
      { timeout: 1000 },
    );
    expect(await heroIds(door)).toEqual(['d2-maze', 'd2-dirhoussi']);
    expect(await door.locator('.hero [data-item-id="d2-maze"] [data-cancelled]').count()).toBe(0);
    await tidyBothWays(door, 'edits-door-moved-up');
    await act(show, { type: 'undo' });
    await door.close();
  });

  test('the chair: a cancelled talk is not counted down; the note of the item on stage; "OK, seen"', async () => {
    const chair = await open('/chair');
    await chair.getByRole('timer').waitFor();
    // Dirhoussi is cancelled (first test): nobody on stage, the digits count to the next talk, the header says so.
    expect((await stateOf(show)).stage.itemId).toBeNull();
    expect(await chair.locator('.countdown').getAttribute('data-phase')).toBe('idle');
    expect(await chair.locator('header [data-item-id="d2-dirhoussi"] [data-cancelled]').innerText()).toBe('Cancelled');
    await screenshot(chair, 'edits-chair-cancelled-1920x1080');

    await act(show, { type: 'program.item.note', itemId: 'd2-maze', chair: 'Slides from the USB stick', av: 'Mic 2' });
    await act(show, { type: 'program.item.move', itemId: 'd2-maze', start: '2026-06-30T09:02' });
    const note = chair.locator('[data-chair-note="d2-maze"]');
    await note.waitFor({ timeout: 1000 });
    expect(await note.innerText()).toBe('Note: Slides from the USB stick');
    expect(await chair.innerText('main')).not.toContain('Mic 2');

    await act(show, { type: 'message.set', to: 'speaker', text: 'Wrap up, please' });
    const seen = chair.getByRole('button', { name: 'OK, seen' });
    await seen.waitFor({ timeout: 1000 });
    for (const [width, height] of SIZES) {
      await chair.setViewportSize({ width, height });
      await settled(chair);
      expect(await overflowing(chair, 'header p, .message, .chair-note, .ack')).toEqual([]);
      await screenshot(chair, `edits-chair-note-message-${width}x${height}`);
    }
    await chair.setViewportSize({ width: 1920, height: 1080 });
    await seen.click();
    await chair.locator('[data-acked]').waitFor({ timeout: 1000 });
    expect((await stateOf(show)).messages.speaker!.ackedAt).not.toBeNull();
    await screenshot(chair, 'edits-chair-acked-1920x1080');

    // The key: O.
    await act(show, { type: 'message.set', to: 'speaker', text: 'Questions now' });
    await seen.waitFor({ timeout: 1000 });
    await chair.keyboard.press('o');
    await chair.locator('[data-acked]').waitFor({ timeout: 1000 });
    expect((await stateOf(show)).messages.speaker!.ackedAt).not.toBeNull();
    await chair.close();
  });
});
