// Each view loads without a request the server answers 4xx/5xx: a kiosk's log shows real trouble, not the browser's
// own ask for /favicon.ico on every screen at every start.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser, serveShow, type ServedShow } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('what a view asks the server for', () => {
  let browser: Browser;
  let show: ServedShow;
  beforeAll(async () => {
    browser = await launchBrowser();
    show = await serveShow('2026-06-29T09:40');
  });
  afterAll(async () => {
    await browser?.close();
    await show?.close();
  });

  test.each(['signage', 'chair', 'control'])('/%s: every request is answered', async (view) => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const failed: string[] = [];
    page.on('response', (res) => {
      if (res.status() >= 400) failed.push(`${res.status()} ${new URL(res.url()).pathname}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') failed.push(m.text());
    });
    await page.goto(`${show.url}/${view}`);
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    await page.close();
  });
});
