// The door never cuts a word of the shipped program across two lines: a long compound word
// ("Simulations/Data/Learning") makes the text smaller, it does not wrap inside the word.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndShow, chromiumMissing, screenshot } from './browser.ts';

/** The words of the door's fitted texts that the browser laid out on more than one line. */
function brokenWords(page: Page): Promise<string[]> {
  return page.$$eval('[data-fit]', (nodes) => {
    const broken: string[] = [];
    for (const node of nodes) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
        const value = text.data;
        for (const m of value.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, m.index);
          range.setEnd(text, m.index + m[0].length);
          // One box per line the word is laid out on (zero-size boxes do not count).
          const lines = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => Math.round(r.top)),
          );
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

describe.skipIf(chromiumMissing !== null)('no word of the program cut across lines on the door', () => {
  const ctx = browserAndShow('2026-06-29T10:55');

  test.each([
    [1920, 1080],
    [1080, 1920],
  ])('%ix%i, with the longest keynote title as NEXT', async (width, height) => {
    const page = await ctx.browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => ctx.errors.push(e.message));
    await page.goto(`${ctx.show.url}/signage`);
    await page.locator('.hero [data-item-id="d1-nakajima"]').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    await screenshot(page, `signage-words-${width}x${height}`);
    expect(await brokenWords(page)).toEqual([]);
    await page.close();
  });
});
