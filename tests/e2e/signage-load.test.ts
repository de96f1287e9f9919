// A door screen's cold load: the page names every file the door needs (its view's code, its stylesheets, the two font
// files), so the browser asks for them all at once instead of one round after another.
import { describe, expect, test } from 'vitest';
import { browserAndShow, chromiumMissing } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('a door’s cold load', () => {
  const ctx = browserAndShow('2026-06-29T09:45');

  test('every script, stylesheet and font the door fetches is named by the page itself', async () => {
    const html = await (await fetch(`${ctx.show.url}/signage`)).text();
    const named = new Set([...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!));
    const context = await ctx.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (/\.(js|css|woff2)$/.test(path)) fetched.push(path);
    });
    await page.goto(`${ctx.show.url}/signage`, { waitUntil: 'networkidle' });
    // The keynote on now, on screen in its bundled font.
    await expect
      .poll(() => page.locator('main .hero [data-item-id]').first().getAttribute('data-item-id'))
      .toBe('d1-dongarra');
    expect(await page.evaluate(() => document.fonts.check('700 40px "Atkinson Hyperlegible"'))).toBe(true);
    expect(fetched.length).toBeGreaterThanOrEqual(5);
    expect(fetched.filter((path) => !named.has(path))).toEqual([]);
    await context.close();
  });

  test('the texts are fitted together: a cold load lays the page out a few dozen times, not once per size or word tried', async () => {
    // Each size or shorter title one text tried was a layout of the whole page of its own, one text after the
    // other: about 70 layouts on this door before its first frames were done (the day list's titles clamped one by
    // one). The fonts are held back until the count is read: when they come, every text is fitted again, at a moment
    // that depends on the machine's load.
    const context = await ctx.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    let releaseFonts = () => {};
    const fontsHeld = new Promise<void>((resolve) => (releaseFonts = resolve));
    await page.route(/\.woff2$/, async (route) => {
      await fontsHeld;
      await route.continue();
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${ctx.show.url}/signage`, { waitUntil: 'commit' });
    await page.locator('main .hero [data-item-id="d1-dongarra"]').waitFor();
    await page.locator('.side [data-agenda]').first().waitFor();
    await page.waitForTimeout(300);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const layouts = metrics.find((m) => m.name === 'LayoutCount')!.value;
    releaseFonts();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(400);
    // Every text fitted all the same, in the bundled font: none runs out of its box.
    const overflowing = await page.$$eval('[data-fit]', (nodes) =>
      nodes
        .filter((n) => (n as HTMLElement).offsetParent !== null)
        .filter((n) => n.scrollHeight > n.clientHeight || n.scrollWidth > n.clientWidth)
        .map((n) => n.textContent),
    );
    await context.close();
    expect(overflowing).toEqual([]);
    expect(layouts).toBeLessThanOrEqual(35);
  });

  test('fonts that come late: the day list is measured again with them, as on a load where they come at once', async () => {
    const shownRows = async (fontDelayMs: number) => {
      const context = await ctx.browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      if (fontDelayMs > 0) {
        await page.route(/\.woff2$/, async (route) => {
          await new Promise((r) => setTimeout(r, fontDelayMs));
          await route.continue();
        });
      }
      await page.goto(`${ctx.show.url}/signage`);
      await page.locator('main .hero [data-item-id="d1-dongarra"]').waitFor();
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(400);
      const rows = await page.$$eval('.side ol > li', (lis) =>
        lis.map((li) => `${(li as HTMLElement).style.display === 'none' ? '-' : '+'}${li.textContent?.trim()}`),
      );
      const fitting = await page.$eval('.side ol', (ol) => {
        const bottom = ol.getBoundingClientRect().top + ol.clientHeight + 0.5;
        return [...ol.children].every(
          (li) => (li as HTMLElement).style.display === 'none' || li.getBoundingClientRect().bottom <= bottom,
        );
      });
      await context.close();
      return { rows, fitting };
    };
    const atOnce = await shownRows(0);
    const late = await shownRows(1500);
    expect(atOnce.rows.filter((r) => r.startsWith('+')).length).toBeGreaterThan(1);
    expect(late.fitting).toBe(true);
    expect(late.rows).toEqual(atOnce.rows);
  });
});
