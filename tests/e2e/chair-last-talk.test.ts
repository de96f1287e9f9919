// The chair ends the day's last talk from the tablet: Next on the event's closing ends it (it was refused: "nothing
// comes after"), the door thanks everyone, and Undo names what it would undo.
import { describe, expect, test } from 'vitest';
import { browserAndShow, chromiumMissing, openPage, overflowing, screenshot, showState } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('the chair ends the event’s last talk', () => {
  // Day 2, 17:55: the closing (17:50–18:00) is on, the last item of the event.
  const ctx = browserAndShow('2026-06-30T17:55', { pin: '2468' });
  const state = () => showState(ctx);
  const open = (path: string, size: { width: number; height: number }, touch = false) =>
    openPage(ctx, path, size, { touch });

  test('Next on the tablet 5 min early: the door says thank you, the chair’s Undo names the closing', async () => {
    const chair = await open('/chair?room=L108-A#pin=2468', { width: 1080, height: 1920 }, true);
    const door = await open('/signage?room=L108-A', { width: 1920, height: 1080 });
    const doorPortrait = await open('/signage?room=L108-A', { width: 1080, height: 1920 });
    await door.locator('main[data-screen="in-session"]').waitFor();
    expect((await state()).stage.itemId).toBe('d2-closing');

    await chair.getByRole('button', { name: 'Next', exact: true }).tap();
    await expect.poll(async () => (await state()).stage.itemId).toBeNull();
    await expect
      .poll(() => chair.locator('[data-undo]').innerText())
      .toBe('End Closing remarks and date for the next workshop');
    // No refusal note on the chair.
    expect(await chair.locator('.toast').count()).toBe(0);
    for (const page of [door, doorPortrait]) {
      await page.locator('main[data-screen="after-event"]').waitFor({ timeout: 5000 });
      expect(await overflowing(page, '.thanks h1, .thanks p')).toEqual([]);
    }
    expect(await overflowing(chair, 'nav button')).toEqual([]);
    await screenshot(chair, 'chair-last-talk-ended-1080x1920');
    await screenshot(door, 'signage-last-talk-ended-1920x1080');
    await screenshot(doorPortrait, 'signage-last-talk-ended-1080x1920');

    // Undo from the tablet gives the closing back, with the time it had left.
    await chair.getByRole('button', { name: /^Undo/ }).tap();
    await expect.poll(async () => (await state()).stage.itemId).toBe('d2-closing');
    await door.locator('main[data-screen="in-session"]').waitFor({ timeout: 5000 });
  });
});

describe.skipIf(chromiumMissing !== null)('the chair’s tablet after the event', () => {
  // Day 2, 18:30: the closing ended at 18:00, nothing comes after it.
  const ctx = browserAndShow('2026-06-30T18:30', { pin: '2468' });

  test('the main button is off (a tap on Start was only refused), in both orientations', async () => {
    for (const size of [
      { width: 1080, height: 1920 },
      { width: 1920, height: 1080 },
    ]) {
      const chair = await openPage(ctx, '/chair?room=L108-A#pin=2468', size, { touch: true });
      await chair.locator('[data-after="event"]').waitFor();
      const main = chair.locator('nav button.main');
      expect(await main.innerText()).toBe('Start');
      expect(await main.isDisabled()).toBe(true);
      // The other buttons still work: Undo is off (nothing to undo), Next is on.
      expect(await chair.getByRole('button', { name: 'Next', exact: true }).isDisabled()).toBe(false);
      expect(await overflowing(chair, 'nav button')).toEqual([]);
      await screenshot(chair, `chair-after-event-${size.width}x${size.height}`);
    }
  });
});
