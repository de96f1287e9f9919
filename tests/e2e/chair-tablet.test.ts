// The chair on a tablet (a touch screen, no keyboard): the buttons are there without a hidden address flag, and a
// mistaken tap (Next, Reset, a minute) can be undone from the tablet itself, as U does on a keyboard.
import { describe, expect, test } from 'vitest';
import { browserAndShow, chromiumMissing, openPage, overflowing, screenshot, showState } from './browser.ts';

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

describe.skipIf(chromiumMissing !== null)('the chair on a tablet', () => {
  const ctx = browserAndShow('2026-06-29T09:45', { pin: '2468' });
  const state = () => showState(ctx);

  async function post(action: object): Promise<void> {
    const res = await fetch(`${ctx.show.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer 2468' },
      body: JSON.stringify(action),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  const open = (size: { width: number; height: number }, touch: boolean, query = '') =>
    openPage(ctx, `/chair${query}#pin=2468`, size, { touch, ready: (page) => page.getByRole('timer').waitFor() });

  test.each([PORTRAIT, LANDSCAPE])(
    '$width x $height: buttons on a touch screen; Next and a minute tapped by mistake are undone by a tap',
    async (size) => {
      const page = await open(size, true);
      const button = (name: string) =>
        page.getByRole('button', name === 'Undo' ? { name: /^Undo/ } : { name, exact: true });
      await button('Pause').waitFor();
      // Nothing done yet on this show: nothing to undo, and the button says so by being off.
      await expect.poll(async () => (await state()).history.undo).toBeNull();
      expect(await button('Undo').isDisabled()).toBe(true);
      expect(await overflowing(page, 'nav button')).toEqual([]);
      await screenshot(page, `chair-tablet-${size.width}x${size.height}`);

      await button('Next').tap();
      await expect.poll(async () => (await state()).current.map((i) => i.id)).toEqual(['d1-lu']);
      await expect.poll(() => button('Undo').isDisabled()).toBe(false);
      await button('Undo').tap();
      // The keynote is back, on its schedule (10:10), not restarted.
      await expect.poll(async () => (await state()).current.map((i) => i.id)).toEqual(['d1-dongarra']);
      expect((await state()).timer).toMatchObject({ source: 'schedule', endsAt: '2026-06-29T10:10:00+02:00' });

      await button('+1 min').tap();
      await expect.poll(async () => (await state()).timer!.endsAt).toBe('2026-06-29T10:11:00+02:00');
      await button('Undo').tap();
      await expect.poll(async () => (await state()).timer!.endsAt).toBe('2026-06-29T10:10:00+02:00');
      await page.context().close();
    },
  );

  test("Undo says what it would undo: the desk's last step (a blackout), not the chair's last tap", async () => {
    const page = await open(PORTRAIT, true);
    const undo = page.getByRole('button', { name: /^Undo/ });
    await page.getByRole('button', { name: '+1 min', exact: true }).tap();
    await expect.poll(() => page.locator('[data-undo]').innerText()).toMatch(/^\+1 min/);
    // Then the desk blacks out and back: Undo on the tablet would undo that, and says so.
    for (const on of [true, false]) await post({ type: 'blackout', on });
    await expect.poll(() => page.locator('[data-undo]').innerText()).toBe((await state()).history.undo);
    expect((await state()).history.undo).toMatch(/blackout/i);
    expect(await overflowing(page, 'nav button')).toEqual([]);
    await screenshot(page, 'chair-tablet-undo-label-1080x1920');
    // The tablet's Undo undoes the desk's last step (the screens black again), as it said.
    await undo.tap();
    await expect.poll(async () => (await state()).blackout).toBe(true);
    for (let i = 0; i < 2; i++) await post({ type: 'undo' });
    expect((await state()).history.undo).toBeNull();
    await page.context().close();
  });

  test('a refusal on a tablet is said above the buttons, not over them', async () => {
    const page = await open(PORTRAIT, true);
    // The tablet's Wi-Fi is gone: its tap cannot reach the show, and the screen says so.
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Pause', exact: true }).tap();
    const toast = page.locator('.toast');
    await toast.waitFor();
    const box = (await toast.boundingBox())!;
    const nav = (await page.locator('nav').boundingBox())!;
    await screenshot(page, 'chair-tablet-refused-1080x1920');
    expect(box.y + box.height).toBeLessThanOrEqual(nav.y);
    await page.context().close();
  });

  test('a screen without touch (the monitor facing the speaker) shows no buttons; ?controls=0 and the control view preview hide them on touch', async () => {
    const monitor = await open(LANDSCAPE, false);
    expect(await monitor.locator('nav button').count()).toBe(0);
    await monitor.context().close();
    const hidden = await open(PORTRAIT, true, '?controls=0');
    expect(await hidden.locator('nav button').count()).toBe(0);
    await hidden.context().close();
    // The control view's live preview of the chair, on the desk's tablet, shows the chair's screen, not a tablet's.
    const preview = await open(LANDSCAPE, true, '?preview=1');
    expect(await preview.locator('nav button').count()).toBe(0);
    await preview.context().close();
  });
});
