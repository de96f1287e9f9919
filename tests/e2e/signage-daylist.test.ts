// The door's day list ("Today", the rest of the day) shows the rows that fit; the rows it leaves out are counted in
// an "and N more" line under it, in both orientations, so a passer-by knows the day goes on.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndShow, chromiumMissing, overflowing, screenshot } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('the door’s day list says how many rows it leaves out', () => {
  // 09:45 on day 1: the keynote on, thirteen more items today and the dinner.
  const ctx = browserAndShow('2026-06-29T09:45');

  async function door(width: number, height: number): Promise<Page> {
    const page = await ctx.browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => ctx.errors.push(e.message));
    await page.goto(`${ctx.show.url}/signage?room=L108-A`);
    await page.locator('main[data-screen="in-session"]').waitFor();
    await page.locator('.agenda [data-agenda]').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  test.each([
    [1920, 1080],
    [1080, 1920],
  ])('at %ix%i the rows left out are counted, exactly', async (width, height) => {
    const page = await door(width, height);
    const counts = async () => {
      const rows = page.locator('.agenda [data-agenda]');
      const all = await rows.count();
      const shown = await page.locator('.agenda [data-agenda]:visible').count();
      const more = page.locator('.agenda [data-more]');
      return { hidden: all - shown, more: (await more.count()) ? await more.innerText() : null };
    };
    await expect.poll(async () => (await counts()).more !== null, { timeout: 5000 }).toBe(true);
    const { hidden, more } = await counts();
    // The day does not fit whole at this size: the list leaves rows out, and says how many.
    expect(hidden).toBeGreaterThan(0);
    expect(more).toBe(`and ${hidden} more`);
    expect(await overflowing(page, '.agenda [data-more], .agenda .title, .agenda .sub')).toEqual([]);
    // The line is inside the screen, under the last row shown.
    const line = (await page.locator('.agenda [data-more]').boundingBox())!;
    const lastRow = (await page.locator('.agenda [data-agenda]:visible').last().boundingBox())!;
    expect(line.y).toBeGreaterThanOrEqual(lastRow.y + lastRow.height - 1);
    expect(line.y + line.height).toBeLessThanOrEqual(height);
    await screenshot(page, `signage-daylist-more-${width}x${height}`);
    await page.close();
  });
});
