// Several rooms from one program: each signage shows its own room, and ?others=1 adds what the other rooms have on.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ProgramInput } from '../../core/program/schema.ts';
import { chromiumMissing, launchBrowser, overflowing, screenshot, serveShow, type ServedShow } from './browser.ts';

function twoRooms(): ProgramInput {
  const at = (hm: string) => `2026-09-08T${hm}`;
  return {
    formatVersion: 1,
    event: { id: 'tworooms', name: 'Two Rooms Conf' },
    timezone: 'Europe/Berlin',
    venue: { name: 'Congress Centre' },
    rooms: [
      { id: 'saal-1', name: 'Saal 1' },
      { id: 'saal-2', name: 'Saal 2' },
      { id: 'saal-3', name: 'Saal 3' },
    ],
    people: { ada: { name: 'Ada Lovelace', affiliation: 'Analytical Engines' }, alan: { name: 'Alan Turing' } },
    items: [
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
        title: 'Computable numbers revisited',
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
  };
}

describe.skipIf(chromiumMissing !== null)('signage in a venue with several rooms', () => {
  let browser: Browser;
  let show: ServedShow;
  beforeAll(async () => {
    browser = await launchBrowser();
    show = await serveShow('2026-09-08T10:15', { program: twoRooms() });
  });
  afterAll(async () => {
    await browser?.close();
    await show?.close();
  });

  test.each([
    { room: 'saal-1', mine: 'Engines of the future', other: 'Computable numbers revisited' },
    { room: 'saal-2', mine: 'Computable numbers revisited', other: 'Engines of the future' },
  ])('$room shows its own talk, and the others in the strip', async ({ room, mine, other }) => {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1080, height: 1920 },
    ]) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${show.url}/signage?room=${room}&others=1`);
      await page.waitForSelector('[data-other-room]');
      expect(await page.locator('.body .hero').first().innerText()).toContain(mine);
      const strip = await page.locator('.others').innerText();
      expect(strip).toContain(other);
      expect(strip).toContain('Saal 3');
      expect(await overflowing(page, '[data-fit]')).toEqual([]);
      await screenshot(page, `signage-others-${room}-${viewport.width}x${viewport.height}`);
      await page.close();
    }
  });

  test('without ?others=1 there is no strip', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${show.url}/signage?room=saal-1`);
    await page.waitForSelector('.body');
    expect(await page.locator('.others').count()).toBe(0);
    await page.close();
  });
});
