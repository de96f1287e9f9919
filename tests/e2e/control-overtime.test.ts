// The control's program rows while the talk on stage runs over, at 1920x1080 and 1080x1920: the row of the talk ends
// when its time was up (the timer's "ends at 10:10", the chair's zero) and says it runs over; the talk waiting for it
// reads its planned time and "after this talk", as the chair and the door say, and the rows after it their planned
// times, as the door's day list; no row's time moves with the clock.
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
  untilShowTime,
  type ServedShow,
} from './browser.ts';

describe.skipIf(chromiumMissing !== null)('the control’s program rows in overtime', () => {
  let browser: Browser | undefined;
  let show: ServedShow | undefined;
  afterAll(async () => {
    await browser?.close();
    await show?.close();
  });

  const consoles = async (s: ServedShow, query = ''): Promise<Page[]> => {
    browser ??= await launchBrowser();
    return openAtBothSizes(browser, `${s.url}/control${query}`, (page) =>
      page.locator('[data-item="d1-dongarra"]').waitFor(),
    );
  };
  const row = (page: Page, id: string) => page.locator(`button[data-item="${id}"]`);
  const times = async (page: Page, id: string) =>
    `${await row(page, id).locator('.start').innerText()}–${await row(page, id).locator('.end').innerText()}`;
  const where = pageSize;

  test('held past its time: the keynote’s row reads 09:30–10:10 and "running N min over", the next one 10:10–10:50 "after this talk"', async () => {
    // The chair paused and resumed the keynote: a person touched its timer, so it is held on stage when its time is
    // up at 10:10. The show clock runs at 20x: a minute of overtime takes three seconds.
    show = await serveShow('2026-06-29T10:09:20', { speed: 20 });
    await act(show, { type: 'timer.pause' });
    await act(show, { type: 'timer.resume' });
    const pages = await consoles(show);
    await untilShowTime(show, '2026-06-29T10:12:05');
    for (const page of pages) {
      // Its end is when its time was up, as the timer panel's "ends at 10:10": not the instant of the last state.
      expect(await times(page, 'd1-dongarra'), where(page)).toBe('09:30–10:10');
      await expect
        .poll(() => row(page, 'd1-dongarra').locator('[data-over]').allInnerTexts(), {
          timeout: 3000,
          message: where(page),
        })
        .toEqual(['running 2 min over']);
      expect(await page.locator('.timer .hint').first().innerText(), where(page)).toContain('ends at 10:10');
      // The talk waiting for it: its planned time and "after this talk" (the chair's "after this talk (planned
      // 10:10)"), not "10:12–10:52", a start that is only the instant of the last state.
      expect(await times(page, 'd1-lu'), where(page)).toBe('10:10–10:50');
      expect(await row(page, 'd1-lu').locator('[data-after]').allInnerTexts(), where(page)).toEqual([
        'after this talk',
      ]);
      expect(await row(page, 'd1-lu').locator('.mark').innerText(), where(page)).toBe('Next');
      // The rows after it read their planned times too, as the door's day list: not 10:52–11:22, then 10:53–11:23.
      expect(await times(page, 'd1-coffee-break'), where(page)).toBe('10:50–11:20');
      expect(await row(page, 'd1-coffee-break').locator('[data-over], [data-after]').count(), where(page)).toBe(0);
    }
    // Two minutes of show time later: the overtime counted on, no time in either row moved.
    await untilShowTime(show, '2026-06-29T10:14:05');
    for (const page of pages) {
      await expect
        .poll(() => row(page, 'd1-dongarra').locator('[data-over]').allInnerTexts(), {
          timeout: 3000,
          message: where(page),
        })
        .toEqual(['running 4 min over']);
      expect(await times(page, 'd1-dongarra'), where(page)).toBe('09:30–10:10');
      expect(await times(page, 'd1-lu'), where(page)).toBe('10:10–10:50');
      expect(await times(page, 'd1-coffee-break'), where(page)).toBe('10:50–11:20');
      await row(page, 'd1-dongarra').scrollIntoViewIfNeeded();
      await settled(page);
      expect(await overflowing(page, 'button[data-item] .meta, button[data-item] .when'), where(page)).toEqual([]);
      await screenshot(page, `control-overtime-rows-${where(page)}`);
    }
    await Promise.all(pages.map((p) => p.close()));
    await show.close();
    show = undefined;
  });

  test('paused in overtime, in French: 09:30–10:10 and "dépasse de 2 min", frozen while the clock runs', async () => {
    show = await serveShow('2026-06-29T10:09:20', { speed: 20 });
    await act(show, { type: 'timer.pause' });
    await act(show, { type: 'timer.resume' });
    const pages = await consoles(show, '?lang=fr');
    await untilShowTime(show, '2026-06-29T10:12:15');
    await act(show, { type: 'timer.pause' });
    await untilShowTime(show, '2026-06-29T10:15:05');
    for (const page of pages) {
      expect(await times(page, 'd1-dongarra'), where(page)).toBe('09:30–10:10');
      await expect
        .poll(() => row(page, 'd1-dongarra').locator('[data-over]').allInnerTexts(), {
          timeout: 3000,
          message: where(page),
        })
        .toEqual(['dépasse de 2 min']);
      expect(await times(page, 'd1-lu'), where(page)).toBe('10:10–10:50');
      expect(await row(page, 'd1-lu').locator('[data-after]').allInnerTexts(), where(page)).toEqual([
        'après cette intervention',
      ]);
      await row(page, 'd1-dongarra').scrollIntoViewIfNeeded();
      await settled(page);
      expect(await overflowing(page, 'button[data-item] .meta, button[data-item] .when'), where(page)).toEqual([]);
      await screenshot(page, `control-overtime-paused-fr-${where(page)}`);
    }
    await Promise.all(pages.map((p) => p.close()));
    await show.close();
    show = undefined;
  });

  test('the timer panel paused in overtime: "ends at 10:10", frozen while paused, as the row; resumed, the row’s end', async () => {
    // Paused at 10:12:15, 2 min over: the panel's "ends at" was the state's "if resumed now", a minute later with each
    // state: "fin à 10:12" at 10:15, then 10:14, while the row and the chair said 10:10.
    show = await serveShow('2026-06-29T10:09:20', { speed: 20 });
    await act(show, { type: 'timer.pause' });
    await act(show, { type: 'timer.resume' });
    const pages = await consoles(show);
    const fr = await consoles(show, '?lang=fr');
    const hint = (page: Page) => page.locator('.timer .hint').first();
    // Running over: its zero, as before.
    await untilShowTime(show, '2026-06-29T10:11:05');
    for (const page of pages)
      expect.soft(await hint(page).innerText(), where(page)).toBe('Timer set by hand · ends at 10:10');
    await untilShowTime(show, '2026-06-29T10:12:15');
    await act(show, { type: 'timer.pause' });
    for (const moment of ['2026-06-29T10:15:05', '2026-06-29T10:17:05']) {
      await untilShowTime(show, moment);
      for (const page of pages) {
        await page.locator('.timer .state').waitFor({ timeout: 3000 });
        expect.soft(await hint(page).innerText(), `${moment} ${where(page)}`).toBe('Timer set by hand · ends at 10:10');
        expect(await times(page, 'd1-dongarra'), `${moment} ${where(page)}`).toBe('09:30–10:10');
      }
      for (const page of fr) {
        expect
          .soft(await hint(page).innerText(), `${moment} ${where(page)}`)
          .toBe('Minuteur réglé à la main · fin à 10:10');
      }
    }
    for (const page of [...pages, ...fr]) {
      await page.locator('.timer').scrollIntoViewIfNeeded();
      await settled(page);
      expect(await overflowing(page, '.timer .hint, .timer .held, .timer .item-title'), where(page)).toEqual([]);
      await screenshot(page, `control-overtime-timer-paused-${pages.includes(page) ? 'en' : 'fr'}-${where(page)}`);
    }
    // Resumed at 10:17:30 after 5 min 15 s paused: its zero moved as much later, 10:15, the row's end with it, and it
    // stays there while it runs on over.
    await untilShowTime(show, '2026-06-29T10:17:30');
    await act(show, { type: 'timer.resume' });
    for (const moment of ['2026-06-29T10:18:05', '2026-06-29T10:20:05']) {
      await untilShowTime(show, moment);
      for (const page of pages) {
        await expect.poll(() => page.locator('.timer .state').count(), { timeout: 3000, message: where(page) }).toBe(0);
        expect.soft(await hint(page).innerText(), `${moment} ${where(page)}`).toBe('Timer set by hand · ends at 10:15');
        expect(await times(page, 'd1-dongarra'), `${moment} ${where(page)}`).toBe('09:30–10:15');
      }
    }
    await Promise.all([...pages, ...fr].map((p) => p.close()));
    await show.close();
    show = undefined;
  });

  test('the timer panel paused with time left: "ends at" is when it would end if resumed, a minute later each minute', async () => {
    // Paused at 10:00:20 with 9:40 left: resumed at 10:01:20 it would end at 10:11, at 10:02:20 at 10:12. The server
    // sends a state each minute of the pause; the panel says what the last one projects (unchanged by this fix).
    show = await serveShow('2026-06-29T10:00:00', { speed: 20 });
    const pages = await consoles(show);
    await untilShowTime(show, '2026-06-29T10:00:20');
    await act(show, { type: 'timer.pause' });
    await untilShowTime(show, '2026-06-29T10:02:50');
    for (const page of pages) {
      expect(await page.locator('.timer .hint').first().innerText(), where(page)).toBe(
        'Timer set by hand · ends at 10:12',
      );
    }
    await Promise.all(pages.map((p) => p.close()));
    await show.close();
    show = undefined;
  });

  test('before its time is up, and with nothing held, the rows read their live times and no marker', async () => {
    // 10:05, on time: the keynote's row is its live times, the next one's too.
    show = await serveShow('2026-06-29T10:05');
    const pages = await consoles(show);
    for (const page of pages) {
      expect(await times(page, 'd1-dongarra'), where(page)).toBe('09:30–10:10');
      expect(await times(page, 'd1-lu'), where(page)).toBe('10:10–10:50');
      expect(await page.locator('[data-over], [data-after]').count(), where(page)).toBe(0);
    }
    await Promise.all(pages.map((p) => p.close()));
    await show.close();
    show = undefined;
  });
});
