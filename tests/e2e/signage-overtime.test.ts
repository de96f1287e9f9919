// The door while the talk on stage runs over, and after the chair restarted it late, at 1920x1080 and 1080x1920:
// the times a passer-by reads on NOW and NEXT agree with what the chair counts and the control's timer says.
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
  shippedProgram,
  untilShowTime,
  type ServedShow,
} from './browser.ts';

describe.skipIf(chromiumMissing !== null)('the door in overtime', () => {
  let browser: Browser | undefined;
  let show: ServedShow | undefined;
  afterAll(async () => {
    await browser?.close();
    await show?.close();
  });

  const doors = async (s: ServedShow, query = ''): Promise<Page[]> => {
    browser ??= await launchBrowser();
    return openAtBothSizes(browser, `${s.url}/signage${query}`, (page) =>
      page.waitForSelector('.hero article[data-item-id]'),
    );
  };
  const now = (door: Page) => door.locator('.hero article[data-item-id]').first();
  const next = (door: Page) => door.locator('article.next[data-item-id]').first();
  const where = pageSize;

  test('held past its time: NOW reads 09:30–10:10 and "running N min over", NEXT "after this talk, planned 10:10"', async () => {
    // The chair paused and resumed the keynote: a person touched its timer, so it is held on stage when its time is
    // up at 10:10. The show clock runs at 20x: two minutes of overtime take six seconds.
    show = await serveShow('2026-06-29T10:09:20', { speed: 20 });
    await act(show, { type: 'timer.pause' });
    await act(show, { type: 'timer.resume' });
    const pages = await doors(show);
    await untilShowTime(show, '2026-06-29T10:12:05');
    for (const door of pages) {
      await expect
        .poll(() => now(door).locator('[data-left]').innerText(), { timeout: 5000 })
        .toMatch(/^running \d min over$/);
      expect(await now(door).getAttribute('data-item-id'), where(door)).toBe('d1-dongarra');
      // Its range ends when its time was up, as the control's "ends at 10:10" and the chair's "+2:05" have it: not
      // at the instant of the last state (10:12), which read as if it ended now.
      expect(await now(door).locator('[data-range]').innerText(), where(door)).toBe('09:30–10:10');
      expect(await next(door).getAttribute('data-item-id'), where(door)).toBe('d1-lu');
      expect(await next(door).locator('[data-range]').innerText(), where(door)).toBe('after this talk');
      expect(await next(door).locator('.note').innerText(), where(door)).toBe('planned 10:10');
      await settled(door);
      expect(await overflowing(door, '[data-fit]'), where(door)).toEqual([]);
      await screenshot(door, `signage-overtime-held-${where(door)}`);
    }
    await Promise.all(pages.map((p) => p.close()));
    await show.close();
    show = undefined;
  });

  test('the day list while the keynote is held: its rows read the times NEXT says, and do not move with the clock', async () => {
    // The keynote held past 10:10: NEXT reads "after this talk, planned 10:10". Lu's row in the day list read
    // "10:12", then "10:13" (its projected start, the instant of the last state), the coffee break's "10:52", "10:53":
    // two times for the same talk on one screen, and times that moved with the clock. The list says the program's
    // times, as NEXT does, and the banner how late the room runs.
    show = await serveShow('2026-06-29T10:09:20', { speed: 20 });
    await act(show, { type: 'timer.pause' });
    await act(show, { type: 'timer.resume' });
    const pages = await doors(show);
    const row = (door: Page, id: string) => door.locator(`.agenda li[data-agenda="${id}"] .time`);
    // The rows the list shows at both sizes (the rest are left out and counted: "and 12 more").
    const expected = { 'd1-dongarra': '09:30', 'd1-lu': '10:10', 'd1-coffee-break': '10:50' };
    for (const moment of ['2026-06-29T10:12:05', '2026-06-29T10:14:05']) {
      await untilShowTime(show, moment);
      for (const door of pages) {
        await expect
          .poll(() => now(door).locator('[data-left]').innerText(), { timeout: 5000, message: where(door) })
          .toMatch(/^running \d min over$/);
        await expect
          .poll(() => door.locator('[data-late]').innerText(), { timeout: 5000, message: where(door) })
          .toMatch(/^Running \d min late$/);
        expect(await next(door).getAttribute('data-item-id'), where(door)).toBe('d1-lu');
        expect(await next(door).locator('.note').innerText(), where(door)).toBe('planned 10:10');
        for (const [id, time] of Object.entries(expected)) {
          expect(await row(door, id).isVisible(), `${id} shown, ${where(door)}`).toBe(true);
          expect(await row(door, id).innerText(), `${id} at ${moment}, ${where(door)}`).toBe(time);
        }
        expect(await door.locator('.agenda li.next').getAttribute('data-agenda'), where(door)).toBe('d1-lu');
        await settled(door);
        expect(await overflowing(door, '[data-fit]'), where(door)).toEqual([]);
        if (moment.endsWith('10:14:05')) await screenshot(door, `signage-overtime-held-daylist-${where(door)}`);
      }
    }
    await Promise.all(pages.map((p) => p.close()));
    await show.close();
    show = undefined;
  });

  test('a coffee break held past its time, as the strip above NEXT: "Coffee break until 11:20", "running N min over"', async () => {
    // The chair touched the coffee break's timer, so it is held at 11:20. The strip read "Coffee break until 11:20" at
    // 11:22 with no time line, and NEXT under it the talk's projected times ("11:22–12:02", moving with the clock) and
    // "starting now" while the break went on.
    show = await serveShow('2026-06-29T11:19:20', { speed: 20 });
    await act(show, { type: 'timer.pause' });
    await act(show, { type: 'timer.resume' });
    for (const [lang, query, texts] of [
      [
        'en',
        '',
        {
          what: 'Coffee break until 11:20',
          over: /^running \d min over$/,
          after: 'after the break',
          planned: 'planned 11:20',
        },
      ],
      [
        'fr',
        '?lang=fr',
        {
          what: "Coffee break jusqu'à 11:20",
          over: /^dépasse de \d min$/,
          after: 'après la pause',
          planned: 'prévu à 11:20',
        },
      ],
    ] as const) {
      const pages = await doors(show, query);
      await untilShowTime(show, lang === 'en' ? '2026-06-29T11:22:05' : '2026-06-29T11:23:05');
      for (const door of pages) {
        const strip = door.locator('section.strip[data-item-id="d1-coffee-break"]');
        await expect
          .poll(() => strip.locator('[data-left]').innerText({ timeout: 500 }), {
            timeout: 5000,
            message: `${lang} ${where(door)}`,
          })
          .toMatch(texts.over);
        expect(await strip.locator('.what').innerText(), `${lang} ${where(door)}`).toBe(texts.what);
        // NEXT under it waits for the break, at its planned time, as NEXT waits for a talk held on stage.
        expect(await next(door).getAttribute('data-item-id'), where(door)).toBe('d1-nakajima');
        expect(await next(door).locator('[data-range]').innerText(), `${lang} ${where(door)}`).toBe(texts.after);
        expect(await next(door).locator('.note').innerText(), `${lang} ${where(door)}`).toBe(texts.planned);
        // The day list says the same time for the same talk.
        expect(await door.locator('.agenda li[data-agenda="d1-nakajima"]').isVisible(), where(door)).toBe(true);
        expect(
          await door.locator('.agenda li[data-agenda="d1-nakajima"] .time').innerText(),
          `${lang} ${where(door)}`,
        ).toBe('11:20');
        await settled(door);
        expect(await overflowing(door, '[data-fit]'), `${lang} ${where(door)}`).toEqual([]);
        await screenshot(door, `signage-overtime-break-strip-${lang}-${where(door)}`);
      }
      await Promise.all(pages.map((p) => p.close()));
    }
    await show.close();
    show = undefined;
  });

  test('two items in the very same slot held past their time: both cards read 09:00–09:30 and "running N min over"', async () => {
    // The welcome and its introduction share 09:00–09:30; the chair touched the welcome's timer, so it is held at
    // 09:30 and the introduction runs over with it. Each card read the same: the untimed one's end was the instant of
    // the last state ("09:00–09:32") and it had no time line at all.
    show = await serveShow('2026-06-29T09:29:20', { speed: 20 });
    await act(show, { type: 'timer.pause' });
    await act(show, { type: 'timer.resume' });
    const pages = await doors(show);
    await untilShowTime(show, '2026-06-29T09:32:05');
    for (const door of pages) {
      const card = (id: string) => door.locator(`.hero article[data-item-id="${id}"]`);
      for (const id of ['d1-welcome', 'd1-introduction']) {
        await expect
          .poll(() => card(id).locator('[data-left]').innerText(), { timeout: 5000, message: `${id} ${where(door)}` })
          .toMatch(/^running \d min over$/);
        expect(await card(id).locator('[data-range]').innerText(), `${id} ${where(door)}`).toBe('09:00–09:30');
      }
      expect(await card('d1-introduction').locator('[data-left]').innerText(), where(door)).toBe(
        await card('d1-welcome').locator('[data-left]').innerText(),
      );
      await settled(door);
      expect(await overflowing(door, '[data-fit]'), where(door)).toEqual([]);
    }
    await Promise.all(pages.map((p) => p.close()));
    await show.close();
    show = undefined;
  });

  test('the day’s last break held past its time, in French: NOW reads 17:50–18:00 and "dépasse de N min"', async () => {
    // The event's last item made a break: nothing after it, so the door shows it as the card on now. The chair touched
    // its timer, so it is held at 18:00. The card read "17:50–18:02" (the instant of the last state) beside
    // "jusqu'à 18:00".
    const program = shippedProgram() as { items: { id: string; kind: string }[] };
    program.items.find((i) => i.id === 'd2-closing')!.kind = 'break';
    show = await serveShow('2026-06-30T17:59:20', { speed: 20, program: program as never });
    await act(show, { type: 'timer.pause' });
    await act(show, { type: 'timer.resume' });
    const pages = await doors(show, '?lang=fr');
    await untilShowTime(show, '2026-06-30T18:02:05');
    for (const door of pages) {
      await expect
        .poll(() => now(door).locator('[data-left]').innerText(), { timeout: 5000, message: where(door) })
        .toMatch(/^dépasse de \d min$/);
      expect(await now(door).getAttribute('data-item-id'), where(door)).toBe('d2-closing');
      expect(await now(door).locator('[data-range]').innerText(), where(door)).toBe('17:50–18:00');
      await settled(door);
      expect(await overflowing(door, '[data-fit]'), where(door)).toEqual([]);
    }
    await Promise.all(pages.map((p) => p.close()));
    await show.close();
    show = undefined;
  });

  test('restarted late by the chair ("Restart with 40:00 left" at 09:45): NOW 09:45–10:25, NEXT 10:25–11:05', async () => {
    // timer.start on the keynote on by the clock: the chair's late start, from which the control, the log and the
    // timing report count the talk. The door says the same: it runs from 09:45 for its 40 minutes.
    show = await serveShow('2026-06-29T09:45');
    const pages = await doors(show);
    await act(show, { type: 'timer.start' });
    for (const door of pages) {
      await expect.poll(() => now(door).locator('[data-range]').innerText(), { timeout: 5000 }).toBe('09:45–10:25');
      expect(await next(door).getAttribute('data-item-id'), where(door)).toBe('d1-lu');
      expect(await next(door).locator('[data-range]').innerText(), where(door)).toBe('10:25–11:05');
      await settled(door);
      expect(await overflowing(door, '[data-fit]'), where(door)).toEqual([]);
      await screenshot(door, `signage-overtime-restarted-${where(door)}`);
    }
    await Promise.all(pages.map((p) => p.close()));
  });
});
