// Many things on at once (a poster session, parallel workshops listed in one room): the door shows a readable list
// ("8 items on now"), never cards without titles, and 60 of them never run off the screen.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ProgramInput } from '../../core/program/schema.ts';
import { chromiumMissing, launchBrowser, overflowing, screenshot, serveShow, type ServedShow } from './browser.ts';

function postersAtOnce(n: number): ProgramInput {
  return {
    formatVersion: 1,
    event: { id: 'posters', name: 'Poster Day' },
    timezone: 'Europe/Paris',
    venue: { name: 'Hall' },
    rooms: [{ id: 'hall', name: 'Hall' }],
    people: {},
    items: Array.from({ length: n }, (_, i) => ({
      id: `p${i + 1}`,
      kind: 'poster' as const,
      title: `Poster ${i + 1}: a study of long titles that need a whole line on a door screen`,
      start: '2026-06-30T13:30',
      end: i % 2 ? '2026-06-30T14:30' : '2026-06-30T15:00',
      room: 'hall',
    })),
  };
}

describe.skipIf(chromiumMissing !== null)('many items on at once', () => {
  let browser: Browser;
  const shows: ServedShow[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(shows.map((s) => s.close()));
  });

  test.each([8, 60])('%i items on now: one readable list, nothing off the screen', async (n) => {
    const show = await serveShow('2026-06-30T13:45', { program: postersAtOnce(n) });
    shows.push(show);
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1080, height: 1920 },
    ]) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${show.url}/signage`);
      await page.locator('main[data-screen="many-on"]').waitFor();
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      const where = `${n} items ${viewport.width}x${viewport.height}`;
      expect(await page.locator('[data-many-on]').getAttribute('data-many-on'), where).toBe(String(n));
      expect(await page.locator('[data-many-on] h2').getAttribute('aria-label'), where).toBe(`${n} items on now`);
      // Every row shown has its title, at a size read from across a corridor, inside the screen.
      const rows = await page.$$eval('[data-many-on] li', (lis) =>
        lis
          .filter((li) => (li as HTMLElement).style.display !== 'none')
          .map((li) => {
            const r = li.getBoundingClientRect();
            const title = li.querySelector('.title') as HTMLElement;
            return {
              bottom: r.bottom,
              text: title.textContent ?? '',
              size: parseFloat(getComputedStyle(title).fontSize),
            };
          }),
      );
      expect(rows.length, where).toBeGreaterThanOrEqual(Math.min(n, 5));
      for (const row of rows) {
        expect(row.text.length, where).toBeGreaterThan(0);
        expect(row.bottom, where).toBeLessThanOrEqual(viewport.height);
        expect(row.size, where).toBeGreaterThanOrEqual(0.025 * Math.min(viewport.width, viewport.height));
      }
      // Upright, with half the screen free below eight rows, each title is shown whole (on two lines), not cut.
      if (n === 8 && viewport.height > viewport.width) {
        expect(
          rows.map((r) => r.text),
          where,
        ).toEqual(
          rows.map(() =>
            expect.stringMatching(/^Poster \d: a study of long titles that need a whole line on a door screen$/),
          ),
        );
      }
      const hidden = n - rows.length;
      if (hidden > 0) {
        expect(await page.locator('[data-more]').getAttribute('data-more'), where).toBe(String(hidden));
        expect(await page.locator('[data-more]').innerText(), where).toBe(`and ${hidden} more`);
      }
      expect(await overflowing(page, '[data-fit]'), where).toEqual([]);
      const scroll = await page.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight);
      expect(scroll, where).toBeLessThanOrEqual(0);
      await screenshot(page, `signage-many-${n}-${viewport.width}x${viewport.height}`);
      await page.close();
    }
  });
});
