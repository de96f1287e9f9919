// AV staff insert a 10-minute announcement after the keynote on now, live, from the control's item editor: the editor
// says when it will be and what it would overlap, moves the rest of the day by default, and the door's NEXT is the
// announcement with the next keynote after it at its new time. One undo puts the day back.
import { describe, expect, test } from 'vitest';
import {
  browserAndShow,
  chromiumMissing,
  overflowing,
  screenshot,
  settled,
  showState,
  splitRanges,
  stateWhen,
} from './browser.ts';

const SIZES = [
  [1920, 1080],
  [1080, 1920],
] as const;

describe.skipIf(chromiumMissing !== null)('insert after the keynote on now, moving the rest of the day', () => {
  // 09:40 on day 1: “HPC in Transition” (09:30–10:10) is on, “HPC+AI Converged…” (10:10–10:50) is next.
  const ctx = browserAndShow('2026-06-29T09:40');

  test('the editor says what will happen; the door shows the announcement NEXT and the keynote after it at 10:20', async () => {
    const control = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    control.on('pageerror', (e) => ctx.errors.push(e.message));
    await control.goto(`${ctx.show.url}/control`);
    const row = control.locator('[data-item="d1-dongarra"]');
    await row.focus();
    await control.keyboard.press('Enter');
    const ed = control.locator('[data-editor="d1-dongarra"]');
    await ed.getByLabel('Title', { exact: true }).waitFor();

    await ed.getByLabel('New item’s title').fill('Announcement');
    await ed.getByLabel('Minutes').fill('10');
    const plan = ed.locator('[data-insert-plan]');
    expect(await plan.locator('p').first().innerText()).toBe('The new item: 10:10–10:20.');
    expect(await plan.locator('[data-overlap="d1-lu"]').innerText()).toBe(
      'It overlaps “HPC+AI Converged Supercomputing on…” 10:10–10:50.',
    );
    // Making room is the default when the new item would overlap the next one.
    const shift = ed.getByLabel('Move the rest of the day 10 min later (12 items)');
    expect(await shift.isChecked()).toBe(true);
    // Unticked, the editor says both would be on at once; ticked again, it does not.
    await shift.uncheck();
    await plan.locator('[data-overlap-kept]').waitFor();
    await shift.check();
    await plan.locator('[data-overlap-kept]').waitFor({ state: 'detached' });

    // No kind is taken for granted: Insert asks for one and sends nothing.
    expect(await ed.getByLabel('Kind').inputValue()).toBe('');
    await ed.getByRole('button', { name: 'Insert after' }).click();
    expect(await plan.getByRole('alert').innerText()).toBe('Choose the new item’s kind.');
    expect((await showState(ctx)).edits!.count).toBe(0);
    await ed.getByLabel('Kind').selectOption({ label: 'Talk' });
    await plan.getByRole('alert').waitFor({ state: 'detached' });

    for (const [width, height] of SIZES) {
      await control.setViewportSize({ width, height });
      await ed.getByRole('button', { name: 'Insert after' }).scrollIntoViewIfNeeded();
      await settled(control);
      expect(
        await overflowing(control, '[data-insert-plan] p, [data-insert-plan] label'),
        `${width}x${height}`,
      ).toEqual([]);
      // No time range is split after its dash ("10:10–" at a line's end, "10:50." on the next).
      expect(await splitRanges(control, '[data-insert-plan] p'), `${width}x${height}`).toEqual([]);
      const box = (await ed.boundingBox())!;
      expect(box.x + box.width, `${width}x${height}: the editor fits the width`).toBeLessThanOrEqual(width);
      await screenshot(control, `insert-shift-editor-${width}x${height}`);
    }
    await control.setViewportSize({ width: 1920, height: 1080 });

    await ed.getByRole('button', { name: 'Insert after' }).click();
    const s = await stateWhen(
      () => showState(ctx),
      (x) => x.day.some((i) => i.title === 'Announcement'),
    );
    const added = s.day.find((i) => i.title === 'Announcement')!;
    expect([added.plannedStart.slice(11, 16), added.plannedEnd.slice(11, 16)]).toEqual(['10:10', '10:20']);
    const lu = s.day.find((i) => i.id === 'd1-lu')!;
    expect([lu.plannedStart.slice(11, 16), lu.plannedEnd.slice(11, 16)]).toEqual(['10:20', '11:00']);
    expect(s.history.undo).toBe('Insert “Announcement” after “HPC in Transition”, rest of the day +10 min');
    expect(s.edits!.count).toBe(1);

    const door = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    door.on('pageerror', (e) => ctx.errors.push(e.message));
    await door.goto(`${ctx.show.url}/signage`);
    const next = door.locator(`.side [data-item-id="${added.id}"]`);
    await next.waitFor();
    expect(await next.innerText()).toContain('Announcement');
    expect(await next.innerText()).toContain('10:10');
    // The day list: the keynote on now, the announcement at 10:10, then the keynote at 10:20, the coffee at 11:00.
    const rows = await door.$$eval('[data-agenda]', (nodes) =>
      nodes.map((n) => `${n.querySelector('.time')?.textContent} ${(n as HTMLElement).dataset.agenda}`),
    );
    expect(rows.slice(0, 4)).toEqual([
      '09:30 d1-dongarra',
      `10:10 ${added.id}`,
      '10:20 d1-lu',
      '11:00 d1-coffee-break',
    ]);
    for (const [width, height] of SIZES) {
      await door.setViewportSize({ width, height });
      await settled(door);
      const where = `door ${width}x${height}`;
      expect(await overflowing(door, '[data-fit]'), where).toEqual([]);
      const scroll = await door.evaluate(() => {
        const el = document.scrollingElement!;
        return { h: el.scrollHeight - innerHeight, w: el.scrollWidth - innerWidth };
      });
      expect(scroll, where).toEqual({ h: 0, w: 0 });
      await screenshot(door, `insert-shift-door-${width}x${height}`);
    }
    await door.setViewportSize({ width: 1920, height: 1080 });

    // One undo: the announcement is gone and the keynote is next at 10:10 again.
    const undo = control.locator('[data-undo]').first();
    await control.waitForFunction(
      () => document.querySelector('[data-undo]')?.textContent?.includes('rest of the day') ?? false,
    );
    expect(await undo.innerText()).toBe(
      'Undo: Insert “Announcement” after “HPC in Transition”, rest of the day +10 min',
    );
    await undo.click();
    await door.locator('.side [data-item-id="d1-lu"]').waitFor({ timeout: 2000 });
    const back = await showState(ctx);
    expect(back.edits!.count).toBe(0);
    expect(back.day.find((i) => i.id === 'd1-lu')!.plannedStart.slice(11, 16)).toBe('10:10');
    expect(back.day.some((i) => i.title === 'Announcement')).toBe(false);
    await door.close();
    await control.close();
  });
});
