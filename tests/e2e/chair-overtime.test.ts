// The chair's NEXT line while the item on stage is held past its time, at 1920x1080 and 1080x1920: NEXT waits for it
// at its planned time, "after this talk (planned 10:10)", or "after the break (planned 11:20)" when a break is held,
// as the door's NEXT and the control's row say.
import { afterAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  act,
  chromiumMissing,
  launchBrowser,
  openAtBothSizes,
  overflowing,
  pageSize,
  screenshot,
  serveShow,
  settled,
  splitWords,
  untilShowTime,
  type ServedShow,
} from './browser.ts';

describe.skipIf(chromiumMissing !== null)('the chair’s NEXT while the item on stage is held', () => {
  let browser: Browser | undefined;
  let show: ServedShow | undefined;
  afterAll(async () => {
    await browser?.close();
    await show?.close();
  });

  const chairs = async (s: ServedShow, query = ''): Promise<Page[]> => {
    browser ??= await launchBrowser();
    return openAtBothSizes(browser, `${s.url}/chair${query}`, (page) => page.getByRole('timer').waitFor());
  };
  const where = pageSize;
  /** NEXT's time as the chair reads it, once the line names `id`. */
  const nextTime = async (page: Page, id: string): Promise<string> => {
    const line = page.locator(`footer[data-next="${id}"]`);
    await line.waitFor({ timeout: 3000 });
    return line.locator('.time').innerText();
  };
  const looksRight = async (page: Page, name: string): Promise<void> => {
    await settled(page);
    expect(await overflowing(page, 'footer, footer .time, footer .title, header p'), where(page)).toEqual([]);
    // No word of NEXT's line cut in two: a long "after this talk (planned 10:10)" leaves the title too narrow a column
    // in portrait ("Supercomp" / "uting"); the title then goes under it.
    expect.soft(await splitWords(page, 'footer'), where(page)).toEqual([]);
    const box = (await page.locator('footer').boundingBox())!;
    const size = page.viewportSize()!;
    expect(box.x + box.width, where(page)).toBeLessThanOrEqual(size.width);
    expect(box.y + box.height, where(page)).toBeLessThanOrEqual(size.height);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight), where(page)).toBe(true);
    await screenshot(page, `chair-held-${name}-${where(page)}`);
  };

  test('a coffee break held past its time: NEXT "after the break (planned 11:20)", in French "après la pause (prévu à 11:20)"', async () => {
    // The chair touched the coffee break's timer, so it is held at 11:20. NEXT read "after this talk (planned 11:20)".
    show = await serveShow('2026-06-29T11:19:20', { speed: 20 });
    await act(show, { type: 'timer.pause' });
    await act(show, { type: 'timer.resume' });
    const en = await chairs(show);
    const fr = await chairs(show, '?lang=fr');
    await untilShowTime(show, '2026-06-29T11:22:05');
    for (const page of en) {
      expect.soft(await nextTime(page, 'd1-nakajima'), where(page)).toBe('after the break (planned 11:20)');
      await looksRight(page, 'break-en');
    }
    for (const page of fr) {
      expect.soft(await nextTime(page, 'd1-nakajima'), where(page)).toBe('après la pause (prévu à 11:20)');
      await looksRight(page, 'break-fr');
    }
    // Two minutes later, still the planned time: nothing moved with the clock.
    await untilShowTime(show, '2026-06-29T11:24:05');
    for (const page of en) {
      expect.soft(await nextTime(page, 'd1-nakajima'), where(page)).toBe('after the break (planned 11:20)');
    }
    await Promise.all([...en, ...fr].map((p) => p.close()));
    await show.close();
    show = undefined;
  });

  test('a talk held past its time: NEXT still "after this talk (planned 10:10)", "après cette intervention (prévu à 10:10)"', async () => {
    show = await serveShow('2026-06-29T10:09:20', { speed: 20 });
    await act(show, { type: 'timer.pause' });
    await act(show, { type: 'timer.resume' });
    const en = await chairs(show);
    const fr = await chairs(show, '?lang=fr');
    await untilShowTime(show, '2026-06-29T10:12:05');
    for (const page of en) {
      expect.soft(await nextTime(page, 'd1-lu'), where(page)).toBe('after this talk (planned 10:10)');
      await looksRight(page, 'talk-en');
    }
    for (const page of fr) {
      expect.soft(await nextTime(page, 'd1-lu'), where(page)).toBe('après cette intervention (prévu à 10:10)');
      await looksRight(page, 'talk-fr');
    }
    await Promise.all([...en, ...fr].map((p) => p.close()));
    await show.close();
    show = undefined;
  });
});
