// The views load from the show server in Chromium without page errors.
import { describe, expect, test } from 'vitest';
import { browserAndShow, chromiumMissing } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('views load', () => {
  const ctx = browserAndShow('2026-06-29T10:55');

  test.each(['signage', 'chair', 'control'])('/%s', async (view) => {
    const page = await ctx.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => ctx.errors.push(e.message));
    await page.goto(`${ctx.show.url}/${view}`);
    await page.waitForSelector('main');
    expect(errors).toEqual([]);
    await page.close();
  });
});
