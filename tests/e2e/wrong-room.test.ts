// A screen set up with a room the show does not have (a typo in ?room=, a room gone from the program) says so on the
// screen, with the rooms there are, instead of "Connecting…" for ever; the right address then works as usual.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndShow, chromiumMissing, overflowing, screenshot } from './browser.ts';

const SIZES = [
  [1920, 1080],
  [1080, 1920],
] as const;

describe.skipIf(chromiumMissing !== null)('a screen opened with a room the show does not have', () => {
  const ctx = browserAndShow('2026-06-29T10:55');

  async function open(path: string, width: number, height: number): Promise<Page> {
    const page = await ctx.browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => ctx.errors.push(e.message));
    await page.goto(`${ctx.show.url}${path}`);
    return page;
  }

  test.each(['signage', 'chair', 'control'])('/%s?room=L108A names the mistake and the rooms', async (view) => {
    for (const [width, height] of SIZES) {
      const page = await open(`/${view}?room=L108A`, width, height);
      const notice = page.locator('[data-link-problem]');
      await notice.waitFor({ timeout: 5_000 });
      expect(await notice.locator('[data-link-problem-detail]').innerText()).toBe(
        'unknown room "L108A"; rooms: L108-A',
      );
      expect(await notice.getAttribute('role')).toBe('alert');
      expect(await overflowing(page, '[data-link-problem] *')).toEqual([]);
      const scroll = await page.evaluate(() => {
        const s = document.scrollingElement!;
        return { h: s.scrollHeight - innerHeight, w: s.scrollWidth - innerWidth };
      });
      expect(scroll).toEqual({ h: 0, w: 0 });
      await screenshot(page, `wrong-room-${view}-${width}x${height}`);
      await page.close();
    }
  });

  test('the right room shows no such notice', async () => {
    const page = await open('/signage?room=l108-a', 1920, 1080);
    await page.locator('.hero [data-item-id="d1-coffee-break"]').waitFor();
    await page.waitForTimeout(1_500);
    expect(await page.locator('[data-link-problem]').count()).toBe(0);
    await page.close();
  });
});
