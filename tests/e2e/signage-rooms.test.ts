// Several rooms from one program: each signage shows its own room, and ?others=1 adds what the other rooms have on.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ProgramInput } from '../../core/program/schema.ts';
import {
  browserAndShow,
  chromiumMissing,
  congressCentre,
  overflowing,
  screenshot,
  type BrowserAndShow,
} from './browser.ts';

function twoRooms(): ProgramInput {
  return congressCentre(
    { id: 'tworooms', name: 'Two Rooms Conf' },
    { ada: { name: 'Ada Lovelace', affiliation: 'Analytical Engines' }, alan: { name: 'Alan Turing' } },
    (at) => [
      {
        id: 'a1',
        kind: 'talk',
        title: 'Engines of the future',
        start: at('10:00'),
        end: at('10:45'),
        room: 'saal-1',
        speakers: ['ada'],
      },
      {
        id: 'b1',
        kind: 'talk',
        title:
          'Computable numbers revisited: what a machine can and cannot decide, ninety years on, and what large language models can prove about programs',
        start: at('10:00'),
        end: at('11:00'),
        room: 'saal-2',
        speakers: ['alan'],
      },
      {
        id: 'c1',
        kind: 'talk',
        title: 'Later in the third room',
        start: at('11:00'),
        end: at('11:30'),
        room: 'saal-3',
      },
    ],
  );
}

const LANDSCAPE = { width: 1920, height: 1080 };
const BOTH_SIZES = [LANDSCAPE, { width: 1080, height: 1920 }];

/** The door at `/signage?<query>` at a size, once `selector` is on it. */
async function door(ctx: BrowserAndShow, query: string, viewport: typeof LANDSCAPE, selector: string): Promise<Page> {
  const page = await ctx.browser.newPage({ viewport });
  await page.goto(`${ctx.show.url}/signage?${query}`);
  await page.waitForSelector(selector);
  return page;
}

describe.skipIf(chromiumMissing !== null)('signage in a venue with several rooms', () => {
  const ctx = browserAndShow('2026-09-08T10:15', { program: twoRooms() });

  test.each([
    {
      room: 'saal-1',
      mine: 'a1',
      others: ['saal-2', 'saal-3'],
      other: 'saal-2',
      title: 'Computable numbers revisited',
    },
    { room: 'saal-2', mine: 'b1', others: ['saal-1', 'saal-3'], other: 'saal-1', title: 'Engines of the future' },
  ])('$room shows its own talk, and the others in the strip', async ({ room, mine, others, other, title }) => {
    for (const viewport of BOTH_SIZES) {
      const page = await door(ctx, `room=${room}&others=1`, viewport, '[data-other-room]');
      expect(await page.locator('.body .hero [data-item-id]').first().getAttribute('data-item-id')).toBe(mine);
      const strip = page.locator('[data-other-room]');
      expect(await strip.evaluateAll((n) => n.map((e) => e.getAttribute('data-other-room')))).toEqual(others);
      expect(await page.locator(`[data-other-room="${other}"] .title`).innerText()).toMatch(new RegExp(`^${title}`));
      expect(await page.locator('[data-other-room="saal-3"] .title').innerText()).toBe('Later in the third room');
      expect(await overflowing(page, '[data-fit]')).toEqual([]);
      await screenshot(page, `signage-others-${room}-${viewport.width}x${viewport.height}`);
      await page.close();
    }
  });

  test('each other room: its title on up to two lines, cut at a word only at the end; until / at its time', async () => {
    for (const viewport of BOTH_SIZES) {
      const page = await door(ctx, 'room=saal-1&others=1', viewport, '[data-other-room="saal-2"]');
      await page.waitForTimeout(300); // fonts loaded, text fitted
      const title = (await page.locator('[data-other-room="saal-2"] .title').textContent())!.trim();
      const full =
        'Computable numbers revisited: what a machine can and cannot decide, ninety years on, and what large language models can prove about programs';
      const where = `${viewport.width}x${viewport.height}: "${title}"`;
      // The whole title, or a prefix of whole words of at least three words with an ellipsis.
      if (title !== full) {
        expect(title.endsWith('…'), where).toBe(true);
        const shown = title.slice(0, -1);
        expect(full.startsWith(shown), where).toBe(true);
        expect([' ', ':', ','].includes(full[shown.length] ?? ' '), where).toBe(true);
        expect(shown.split(/\s+/).length, where).toBeGreaterThanOrEqual(3);
      }
      const lines = await page
        .locator('[data-other-room="saal-2"] .title')
        .evaluate((n) => Math.round(n.getBoundingClientRect().height / parseFloat(getComputedStyle(n).lineHeight)));
      expect(lines, where).toBeLessThanOrEqual(2);
      // Nothing cut by the box (no mid-word clip, no CSS ellipsis hiding the end).
      expect(await overflowing(page, '[data-other-room] .title'), where).toEqual([]);
      expect(await page.locator('[data-other-room="saal-2"] .when').innerText(), where).toBe('until 11:00');
      expect(await page.locator('[data-other-room="saal-3"] .when').innerText(), where).toBe('at 11:00');
      expect(await overflowing(page, '.others [data-fit]'), where).toEqual([]);
      await screenshot(page, `signage-others-long-${viewport.width}x${viewport.height}`);
      await page.close();
    }
  });

  test('a talk cancelled in another room says so in the strip, struck', async () => {
    const post = (action: object) =>
      fetch(`${ctx.show.url}/api/actions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(action),
      });
    expect((await post({ type: 'program.item.cancel', itemId: 'b1', reason: 'Speaker ill' })).status).toBe(200);
    const page = await ctx.browser.newPage({ viewport: LANDSCAPE });
    await page.goto(`${ctx.show.url}/signage?room=saal-1&others=1`);
    const saal2 = page.locator('[data-other-room="saal-2"]');
    await saal2.locator('[data-cancelled]').waitFor();
    expect(await saal2.locator('.when').innerText()).toBe('Cancelled');
    expect(await saal2.locator('.title').evaluate((n) => getComputedStyle(n).textDecorationLine)).toBe('line-through');
    expect(await overflowing(page, '.others [data-fit]')).toEqual([]);
    await screenshot(page, 'signage-others-cancelled-1920x1080');
    expect((await post({ type: 'undo', room: 'saal-2' })).status).toBe(200);
    await saal2.locator('[data-cancelled]').waitFor({ state: 'detached' });
    expect(await saal2.locator('.when').innerText()).toBe('until 11:00');
    await page.close();
  });

  test("?room= takes the room's displayed name as a person types it (case ignored)", async () => {
    const page = await door(
      ctx,
      `room=${encodeURIComponent('SAAL 2')}&others=1`,
      LANDSCAPE,
      '.hero [data-item-id="b1"]',
    );
    expect(await page.locator('.hero [data-item-id]').first().getAttribute('data-item-id')).toBe('b1');
    expect(
      await page.locator('[data-other-room]').evaluateAll((n) => n.map((e) => e.getAttribute('data-other-room'))),
    ).toEqual(['saal-1', 'saal-3']);
    await page.close();
  });

  test('without ?others=1 there is no strip', async () => {
    const page = await door(ctx, 'room=saal-1', LANDSCAPE, '.body');
    expect(await page.locator('.others').count()).toBe(0);
    await page.close();
  });
});

describe.skipIf(chromiumMissing !== null)('every room done for the day, the venue back tomorrow', () => {
  // Two rooms, two days, 18:00 on day 1: nothing goes on anywhere tonight. Each door says see you tomorrow with its own
  // room's first talk, not "Nothing more in this room today" pointing at the other room's talk of tomorrow.
  const program = twoRooms();
  const day2 = (hm: string) => `2026-09-09T${hm}`;
  program.items = [
    ...(program.items ?? []),
    { id: 'a2', kind: 'talk', title: 'Engines, day two', start: day2('09:30'), end: day2('10:15'), room: 'saal-1' },
    { id: 'b2', kind: 'talk', title: 'Machines, day two', start: day2('09:00'), end: day2('10:00'), room: 'saal-2' },
  ];
  const ctx = browserAndShow('2026-09-08T18:00', { program });

  test.each([
    { room: 'saal-1', first: 'a2', at: '09:30', other: 'saal-2', otherAt: 'Tomorrow 09:00' },
    { room: 'saal-2', first: 'b2', at: '09:00', other: 'saal-1', otherAt: 'Tomorrow 09:30' },
  ])("$room: between days, its own tomorrow's first talk", async ({ room, first, at, other, otherAt }) => {
    for (const viewport of BOTH_SIZES) {
      const page = await door(
        ctx,
        `room=${room}&others=1`,
        viewport,
        'main[data-screen]:not([data-screen="connecting"])',
      );
      const where = `${room} ${viewport.width}x${viewport.height}`;
      expect(await page.locator('main').getAttribute('data-screen'), where).toBe('between-days');
      expect(await page.locator('[data-room-done]').count(), where).toBe(0);
      expect(await page.locator('.hero [data-item-id]').first().getAttribute('data-item-id'), where).toBe(first);
      expect(await page.locator('.lead h1').getAttribute('aria-label'), where).toBe('See you tomorrow');
      expect(await page.locator('.lead .detail').textContent(), where).toBe(`Wednesday 9 September, ${at}`);
      // The strip names the other room's next talk with its day: "at 09:00" alone read as tonight.
      expect(await page.locator(`[data-other-room="${other}"] .when`).innerText(), where).toBe(otherAt);
      expect(await overflowing(page, '[data-fit]'), where).toEqual([]);
      await screenshot(page, `signage-rooms-evening-${room}-${viewport.width}x${viewport.height}`);
      await page.close();
    }
  });
});

describe.skipIf(chromiumMissing !== null)('the thanks of an imported event that names no venue', () => {
  // A pretalx/frab export gives no venue: the import names it after the event ("DemoCon"). The door's thanks said
  // "DemoCon" twice, the event in colour and the same name again under it as the venue.
  const program = twoRooms();
  program.venue = { name: 'Two Rooms Conf' };
  const ctx = browserAndShow('2026-09-08T12:30', { program });

  test('the event once, no venue line repeating it', async () => {
    for (const viewport of BOTH_SIZES) {
      const page = await door(ctx, 'room=saal-1', viewport, 'main[data-screen="after-event"]');
      await page.waitForTimeout(300); // fonts loaded, text fitted
      const where = `${viewport.width}x${viewport.height}`;
      expect(await page.locator('.thanks .event').textContent(), where).toBe('Two Rooms Conf');
      expect(await page.locator('.thanks .venue').count(), where).toBe(0);
      expect(await overflowing(page, '[data-fit]'), where).toEqual([]);
      await screenshot(page, `signage-thanks-no-venue-${viewport.width}x${viewport.height}`);
      await page.close();
    }
  });
});
