// Between two changes a door has nothing to redo: its bar fills by itself (a CSS animation to the item's end), not by
// a style change every second; a change (time added) starts it again from where the item now is.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, launchBrowser, serveShow, type ServedShow } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('a door between changes', () => {
  let browser: Browser;
  let show: ServedShow | null = null;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await show?.close();
    show = null;
  });
  afterAll(async () => {
    await browser?.close();
  });

  const bar = (page: Page) => page.$eval('.hero .fill', (n) => new DOMMatrixReadOnly(getComputedStyle(n).transform).a);

  test('the keynote’s bar advances over 4 s without the page touching it', async () => {
    show = await serveShow('2026-06-29T09:45');
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${show.url}/signage`);
    await page.locator('.hero .fill').waitFor();
    await page.waitForTimeout(1500); // the fonts and the first fits
    await page.evaluate(() => {
      const w = window as unknown as { __barWrites: number };
      w.__barWrites = 0;
      new MutationObserver((records) => (w.__barWrites += records.length)).observe(
        document.querySelector('.hero .track')!,
        { subtree: true, childList: true, attributes: true },
      );
    });
    const from = await bar(page);
    await page.waitForTimeout(4000);
    const to = await bar(page);
    // 09:45 in a 09:30–10:10 keynote: 37.5 % done; 4 s later it has moved on by about 4 s of 40 min.
    expect(from).toBeGreaterThan(0.37);
    expect(from).toBeLessThan(0.4);
    expect(to - from).toBeGreaterThan(3 / 2400);
    expect(to - from).toBeLessThan(8 / 2400);
    expect(await page.evaluate(() => (window as unknown as { __barWrites: number }).__barWrites)).toBe(0);
    await page.close();
  });

  test('time added by the chair: the bar goes back to where the longer talk is, and moves on from there', async () => {
    show = await serveShow('2026-06-29T09:45', { speed: 30 });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${show.url}/signage`);
    await page.locator('.hero .fill').waitFor();
    const before = await bar(page);
    const res = await fetch(`${show.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'timer.add', seconds: 1200 }),
    });
    expect(res.status).toBe(200);
    await page.waitForTimeout(500);
    // 15 of 40 minutes done, now about 15.5 of 60: from about 38 % to about 26 %.
    const after = await bar(page);
    expect(before).toBeGreaterThan(0.37);
    expect(after).toBeGreaterThan(0.24);
    expect(after).toBeLessThan(0.3);
    await page.waitForTimeout(1000); // 30 show seconds of 60 minutes: about 0.8 % further
    expect(await bar(page)).toBeGreaterThan(after + 0.004);
    await page.close();
  });
});
