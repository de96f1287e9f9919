// Arabic and Hebrew titles and names read from the right: on the door's cards and the chair's header they are set
// right to left and start at the right edge (before, an Arabic NEXT title started at the left, its lines ragged on
// the right, as if it were English); English beside them keeps to the left.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, congressCentre, launchBrowser, screenshot, serveShow, type ServedShow } from './browser.ts';

const program = congressCentre(
  { id: 'rtl', name: 'Mixed Scripts Day' },
  {
    ar: { name: 'محمد عبد الله', affiliation: 'جامعة القاهرة' },
    he: { name: 'נועה כהן' },
    en: { name: 'Ada Lovelace' },
  },
  (at) => [
    {
      id: 'now-ar',
      kind: 'talk',
      title: 'التعلم العميق للحوسبة العلمية على الحواسيب الفائقة',
      start: at('09:00'),
      end: at('09:30'),
      room: 'saal-1',
      speakers: ['ar'],
    },
    {
      id: 'next-he',
      kind: 'talk',
      title: 'למידה עמוקה במחשוב מדעי בעידן החדש',
      start: at('09:30'),
      end: at('10:00'),
      room: 'saal-1',
      speakers: ['he'],
    },
    {
      id: 'later-en',
      kind: 'talk',
      title: 'Engines of Analysis',
      start: at('10:00'),
      end: at('10:30'),
      room: 'saal-1',
      speakers: ['en'],
    },
  ],
);

/** Where an element's text starts and ends against its box: [left gap, right gap] in px, and its direction. */
function textSides(page: Page, selector: string): Promise<{ left: number; right: number; rtl: boolean }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const padL = parseFloat(style.paddingLeft);
      const padR = parseFloat(style.paddingRight);
      return {
        left: Math.round(text.left - box.left - padL),
        right: Math.round(box.right - padR - text.right),
        rtl: el.matches(':dir(rtl)'),
      };
    });
}

describe.skipIf(chromiumMissing !== null)('titles in right-to-left scripts', () => {
  let browser: Browser;
  let show: ServedShow;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    show = await serveShow('2026-09-08T09:10', { program });
  });
  afterAll(async () => {
    await browser?.close();
    await show?.close();
    expect(errors).toEqual([]);
  });

  async function open(view: string, size: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport: size });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${show.url}/${view}?room=saal-1`);
    await page
      .locator(view === 'signage' ? '.hero [data-item-id="now-ar"]' : 'header [data-item-id="now-ar"]')
      .waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300); // the cards' text fitting
    return page;
  }

  test.each([
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ])('door $width x $height: the Arabic NOW and Hebrew NEXT titles start at the right', async (size) => {
    const page = await open('signage', size);
    await screenshot(page, `signage-rtl-${size.width}x${size.height}`);
    for (const id of ['now-ar', 'next-he']) {
      const sides = await textSides(page, `[data-item-id="${id}"] .title`);
      expect(sides.rtl, id).toBe(true);
      expect(sides.right, `${id}: gap on the right`).toBeLessThanOrEqual(2);
      const names = await textSides(page, `[data-item-id="${id}"] .speakers`);
      expect(names.rtl, `${id} speakers`).toBe(true);
    }
    await page.close();
  });

  test.each([
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ])('chair $width x $height: the Arabic title and name start at the right', async (size) => {
    const page = await open('chair', size);
    await screenshot(page, `chair-rtl-${size.width}x${size.height}`);
    for (const selector of ['header .title', 'header .speakers']) {
      const sides = await textSides(page, selector);
      expect(sides.rtl, selector).toBe(true);
      expect(sides.right, `${selector}: gap on the right`).toBeLessThanOrEqual(2);
    }
    await page.close();
  });
});
