// Hole 2 of issue 12 in Chromium: a field a card cannot render costs that part of the card, never the page.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, launchBrowser, screenshot, serveShow, type ServedShow } from './browser.ts';

const LONG_URL = `https://example.org/talk?${'x'.repeat(2_400)}`;

/** Opens `path` with every state the server pushes changed by `tamper` on its way to the page. */
async function openTampered(browser: Browser, url: string, tamper: (state: Record<string, unknown>) => void) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.routeWebSocket(/\/ws/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      const msg = JSON.parse(String(message)) as { type: string; state?: Record<string, unknown> };
      if (msg.type === 'state' && msg.state) tamper(msg.state);
      ws.send(JSON.stringify(msg));
    });
    ws.onMessage((message) => server.send(message));
  });
  page.on('console', (m) => process.env.DEBUG_E2E && console.log('page:', m.type(), m.text()));
  page.on('pageerror', (e) => process.env.DEBUG_E2E && console.log('pageerror:', e.message));
  await page.goto(url);
  return page;
}

describe.skipIf(chromiumMissing !== null)('a card with a field it cannot render', () => {
  let show: ServedShow;
  let browser: Browser;
  let page: Page | null = null;
  beforeAll(async () => {
    show = await serveShow('2026-06-29T09:45');
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await page?.close();
    page = null;
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await browser?.close();
    await show?.close();
  });

  test('a URL too long for a QR code: the now card shows without its QR, the page is not stuck on Connecting…', async () => {
    page = await openTampered(browser, `${show.url}/signage`, (state) => {
      for (const item of state.current as { url?: string }[]) item.url = LONG_URL;
      (state.next as { url?: string }).url = LONG_URL;
    });
    await page.waitForSelector('main[data-screen="in-session"]', { timeout: 10_000 });
    const card = page.locator('.hero [data-item-id="d1-dongarra"]');
    await expect(card.getAttribute('class')).resolves.toContain('card');
    await expect(card.locator('h2.title').getAttribute('aria-label')).resolves.toBe('HPC in Transition');
    expect(await card.locator('figure.qr').count()).toBe(0);
    expect(await page.locator('.connecting').count()).toBe(0);
    await screenshot(page, 'hostile-long-url-1920x1080');
  });

  test('a card whose data breaks it falls back to its title, the rest renders, and the server log says so', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    page = await openTampered(browser, `${show.url}/signage`, (state) => {
      for (const item of state.current as { speakers: unknown }[]) item.speakers = 42;
    });
    await page.waitForSelector('main[data-screen="in-session"]', { timeout: 10_000 });
    const fallback = page.locator('.hero [data-fallback][data-item-id="d1-dongarra"]');
    await fallback.waitFor({ timeout: 5000 });
    await expect(fallback.locator('h2').textContent()).resolves.toBe('HPC in Transition');
    // The side card (what is next) and the day list still render.
    await expect(page.locator('.side [data-item-id="d1-lu"] h2.title').count()).resolves.toBe(1);
    expect(await page.locator('[data-agenda]').count()).toBeGreaterThan(3);
    await vi.waitFor(
      () => expect(logged.join('\n')).toMatch(/the signage view at .* could not show now card d1-dongarra: /),
      {
        timeout: 5000,
      },
    );
  });
});
