// The views load from the show server in Chromium without page errors.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser, serveShow, type ServedShow } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('views load', () => {
  let browser: Browser;
  let show: ServedShow;
  beforeAll(async () => {
    browser = await launchBrowser();
    show = await serveShow('2026-06-29T10:55');
  });
  afterAll(async () => {
    await browser?.close();
    await show?.close();
  });

  test.each(['signage', 'chair', 'control'])('/%s', async (view) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${show.url}/${view}`);
    await page.waitForSelector('main');
    expect(errors).toEqual([]);
    await page.close();
  });
});
