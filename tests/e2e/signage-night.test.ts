// A congress night: the program's days change at 05:00, so at 23:45 the door shows the 01:00 talk as tonight's.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ProgramInput } from '../../core/program/schema.ts';
import { chromiumMissing, launchBrowser, overflowing, screenshot, serveShow, type ServedShow } from './browser.ts';

const program: ProgramInput = {
  formatVersion: 1,
  event: { id: 'nightcon', name: 'Night Congress 2026' },
  timezone: 'Europe/Berlin',
  dayChange: '05:00',
  venue: { name: 'Congress Centre' },
  rooms: [{ id: 'saal-1', name: 'Saal 1' }],
  people: {
    ada: { name: 'Ada Lovelace', affiliation: 'Analytical Engines' },
    radia: { name: 'Radia Perlman' },
    barbara: { name: 'Barbara Liskov' },
  },
  items: [
    {
      id: 'evening',
      kind: 'talk',
      title: 'The evening talk',
      start: '2026-12-27T22:00',
      end: '2026-12-27T23:30',
      speakers: ['ada'],
    },
    {
      id: 'night',
      kind: 'talk',
      title: 'Spanning trees after midnight',
      start: '2026-12-28T01:00',
      end: '2026-12-28T02:00',
      speakers: ['radia'],
    },
    {
      id: 'day2',
      kind: 'keynote',
      title: 'Abstraction, the morning after',
      start: '2026-12-28T11:00',
      end: '2026-12-28T12:00',
      speakers: ['barbara'],
    },
  ],
};

/** The door of the show at `url` at a size, once the card of item `id` is in its hero and its fonts are in. */
async function doorShowing(browser: Browser, url: string, size: { width: number; height: number }, id: string) {
  const page = await browser.newPage({ viewport: size });
  await page.goto(`${url}/signage`);
  await page.locator(`.hero [data-item-id="${id}"]`).waitFor();
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** The words of a hero card's line above its title, one per part: badge, kind, day, times, note. */
const metaOf = (page: Page, id: string) =>
  page.$$eval(`.hero [data-item-id="${id}"] .meta > span`, (spans) =>
    spans.map((s) => (s as HTMLElement).innerText.trim()),
  );

describe.skipIf(chromiumMissing !== null)('the door on a congress night (days change at 05:00)', () => {
  let browser: Browser;
  let show: ServedShow;
  beforeAll(async () => {
    browser = await launchBrowser();
    show = await serveShow('2026-12-27T23:45', { program });
  });
  afterAll(async () => {
    await browser?.close();
    await show?.close();
  });

  test.each([
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ])('at 23:45 the 01:00 talk is NEXT tonight, not "Tomorrow" ($width×$height)', async ({ width, height }) => {
    const page = await doorShowing(browser, show.url, { width, height }, 'night');
    expect(await page.getAttribute('main', 'data-screen')).toBe('in-break');
    expect(await metaOf(page, 'night')).toEqual(['NEXT', 'Talk', '01:00–02:00']);
    expect(await page.locator('.hero [data-item-id="night"] .title').getAttribute('aria-label')).toBe(
      'Spanning trees after midnight',
    );
    // The day list: tonight's talk under "Today" (the day of 27 December), day 2 not yet.
    expect(
      await page.$$eval('.agenda [data-heading]', (days) =>
        days.map((d) => [(d as HTMLElement).dataset.day, d.querySelector('h3')!.getAttribute('aria-label')]),
      ),
    ).toEqual([['2026-12-27', 'Today']]);
    expect(
      await page.$$eval('.agenda [data-agenda]', (rows) => rows.map((r) => (r as HTMLElement).dataset.agenda)),
    ).toEqual(['night']);
    expect(await overflowing(page, '[data-fit]')).toEqual([]);
    await screenshot(page, `signage-night-2345-${width}x${height}`);
    await page.close();
  });

  test.each([
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ])(
    'at 02:30, after the night talk, the door is between days: "See you soon", day 2 named (the clock already shows its date), at 11:00 ($width×$height)',
    async ({ width, height }) => {
      const later = await serveShow('2026-12-28T02:30', { program });
      try {
        const page = await doorShowing(browser, later.url, { width, height }, 'day2');
        expect(await page.getAttribute('main', 'data-screen')).toBe('between-days');
        expect(await page.locator('.lead h1').getAttribute('aria-label')).toBe('See you soon');
        expect(await page.locator('.lead .detail').innerText()).toBe('Monday 28 December, 11:00');
        // "Tomorrow" under a clock that reads Monday 28 December would send people to Tuesday's keynote.
        expect(await metaOf(page, 'day2')).toEqual(['MONDAY 28 DECEMBER', 'Keynote', '11:00–12:00']);
        expect(await overflowing(page, '[data-fit]')).toEqual([]);
        await screenshot(page, `signage-night-0230-${width}x${height}`);
        await page.close();
      } finally {
        await later.close();
      }
    },
  );

  test("the control at 00:30: today's fold is the night's day, with its 01:00 talk; the editor keeps it on that day", async () => {
    const night = await serveShow('2026-12-28T00:30', { program });
    try {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${night.url}/control`);
      const today = page.locator('details[data-day="2026-12-27"]');
      await today.locator('[data-item="night"]').waitFor();
      expect(await today.locator('summary').innerText()).toBe('Today · Sunday 27 December');
      expect(await page.$$eval('details[open]', (d) => d.map((n) => (n as HTMLElement).dataset.day))).toEqual([
        '2026-12-27',
      ]);
      expect(
        await today.locator('[data-item]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item'))),
      ).toEqual(['evening', 'night']);
      await page.locator('[data-edit="night"]').click();
      const day = page.locator('select[id$="-day"]');
      await day.waitFor();
      expect(await day.inputValue()).toBe('2026-12-27');
      await screenshot(page, 'control-night-0030-1920x1080');
      await page.close();
    } finally {
      await night.close();
    }
  });
});

describe.skipIf(chromiumMissing !== null)('the door the night the clocks go back over the day change (02:30)', () => {
  // Paris, 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC. With days changing at 02:30, Sunday begins at
  // the first 02:30 and stays begun through the repeated hour.
  const autumn: ProgramInput = {
    ...program,
    timezone: 'Europe/Paris',
    dayChange: '02:30',
    items: [
      { ...program.items![0]!, start: '2026-10-24T22:00', end: '2026-10-24T23:30' },
      { ...program.items![1]!, start: '2026-10-25T00:30', end: '2026-10-25T01:30' },
      { ...program.items![2]!, start: '2026-10-25T11:00', end: '2026-10-25T12:00' },
    ],
  };
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test.each([
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ])(
    'at the second 02:10 it is Sunday: the 11:00 keynote is today\'s, not "See you soon" for a day already begun ($width×$height)',
    async ({ width, height }) => {
      const show = await serveShow('2026-10-25T01:10Z', { program: autumn });
      try {
        const page = await doorShowing(browser, show.url, { width, height }, 'day2');
        // Between Saturday's last talk and Sunday's first, on Sunday: "Welcome" and a countdown, not "See you soon,
        // Sunday 25 October" (the old code's: Saturday again from the second 02:00 until the second 02:30).
        expect(await page.getAttribute('main', 'data-screen')).toBe('between-days');
        expect(await page.locator('.lead h1').getAttribute('aria-label')).toBe('Welcome');
        expect(await page.locator('.lead .detail').innerText()).toBe('Starts in 8 h 50');
        expect(await metaOf(page, 'day2')).toEqual(['TODAY', 'Keynote', '11:00–12:00']);
        expect(await overflowing(page, '[data-fit]')).toEqual([]);
        await screenshot(page, `signage-autumn-0210-${width}x${height}`);
        await page.close();
      } finally {
        await show.close();
      }
    },
  );
});
