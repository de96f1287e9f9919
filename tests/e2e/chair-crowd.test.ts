// A panel of 40 on the chair's screen: the names above the digits keep to two lines, so the countdown the speaker
// reads keeps its size (before, the 40 names took half of an upright screen and shrank the digits of a landscape one).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, congressCentre, launchBrowser, screenshot, serveShow, type ServedShow } from './browser.ts';

const people = Object.fromEntries(
  Array.from({ length: 40 }, (_, i) => [`p${i}`, { name: `Panelist Number${i} Longsurname` }]),
);
const program = congressCentre({ id: 'crowd', name: 'Crowd Day' }, people, (at) => [
  {
    id: 'panel',
    kind: 'panel',
    title: 'The forty-voice panel',
    start: at('11:00'),
    end: at('12:00'),
    room: 'saal-1',
    speakers: Object.keys(people),
  },
]);

describe.skipIf(chromiumMissing !== null)('the chair with 40 speakers on stage', () => {
  let browser: Browser;
  let show: ServedShow;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    show = await serveShow('2026-09-08T11:05', { program });
  });
  afterAll(async () => {
    await browser?.close();
    await show?.close();
    expect(errors).toEqual([]);
  });

  test.each([
    { width: 1080, height: 1920 },
    { width: 1920, height: 1080 },
  ])('$width x $height: the names keep to two lines, the title stays, the digits stay big', async (size) => {
    const page = await browser.newPage({ viewport: size });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${show.url}/chair?room=saal-1`);
    await page.getByRole('timer').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, `chair-40-speakers-${size.width}x${size.height}`);
    const names = page.locator('header .speakers');
    const lineHeight = await names.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
    expect((await names.boundingBox())!.height).toBeLessThanOrEqual(2 * lineHeight + 1);
    expect(await names.innerText()).toMatch(/^Panelist Number0 Longsurname, Panelist Number1 Longsurname, /);
    expect(await page.locator('header .title').isVisible()).toBe(true);
    expect(await page.locator('header .title').innerText()).toBe('The forty-voice panel');
    // The digits: as large as with one speaker (most of the width upright, most of the height lying down).
    const digits = (await page.getByRole('timer').boundingBox())!;
    if (size.height > size.width) expect(digits.width).toBeGreaterThan(size.width * 0.75);
    else expect(digits.height).toBeGreaterThan(size.height * 0.35);
    expect((await page.locator('header').boundingBox())!.height).toBeLessThan(size.height * 0.2);
    await page.close();
  });
});
