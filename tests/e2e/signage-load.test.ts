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
});
