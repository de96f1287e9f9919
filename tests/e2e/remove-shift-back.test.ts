// AV staff remove an announcement they inserted with "move the rest of the day later": the editor offers to move the
// rest back (ticked), lists each item it would move and to what time, names the one moved by hand since (it stays),
// and one click puts the day back as it was but for that one. One undo brings the announcement back.
import { announcementAfterHpc } from '../helpers.ts';
import { describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
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

describe.skipIf(chromiumMissing !== null)('remove an inserted announcement, moving the rest of the day back', () => {
  // 09:40 on day 1: “HPC in Transition” (09:30–10:10) is on, “HPC+AI Converged…” (10:10–10:50) is next.
  const ctx = browserAndShow('2026-06-29T09:40');
  const act = async (action: object) => {
    const res = await fetch(`${ctx.show.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(action),
    });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
  };
  const clock = (s: StateJson, id: string) => {
    const i = s.day.find((x) => x.id === id)!;
    return `${i.plannedStart.slice(11, 16)}–${i.plannedEnd.slice(11, 16)}`;
  };

  test('the editor lists what moves back and what stays; Remove puts the day back; one undo brings it all back', async () => {
    await act({
      type: 'program.item.add',
      shiftFollowing: true,
      item: announcementAfterHpc(),
    });
    // Moved by hand after the insert: it stays where the operator put it.
    await act({ type: 'program.item.move', itemId: 'd1-calvin', start: '2026-06-29T16:00' });

    const control = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    control.on('pageerror', (e) => ctx.errors.push(e.message));
    await control.goto(`${ctx.show.url}/control`);
    const row = control.locator('[data-item="x-announcement"]');
    await row.focus();
    await control.keyboard.press('Enter');
    const ed = control.locator('[data-editor="x-announcement"]');
    await ed.getByLabel('Title', { exact: true }).waitFor();

    const plan = ed.locator('[data-remove-plan]');
    const back = ed.getByLabel('Move the rest of the day back 10 min (11 items)');
    expect(await back.isChecked()).toBe(true);
    expect(await plan.locator('label').innerText()).toBe('Move the rest of the day back 10 min (11 items)');
    expect(await plan.locator('[data-back="d1-lu"]').innerText()).toBe(
      '“HPC+AI Converged Supercomputing on…” 10:20–11:00 → 10:10–10:50',
    );
    expect(await plan.locator('[data-back="d1-coffee-break"]').innerText()).toBe(
      '“Coffee break” 11:00–11:30 → 10:50–11:20',
    );
    expect(await plan.locator('[data-back]').count()).toBe(11);
    expect(await plan.locator('[data-kept="d1-calvin"]').innerText()).toBe(
      '“AI in Science: From Myth to Reality” stays at 16:00: it was moved since the insert.',
    );
    // Unticked, it lists nothing to move; ticked again, the list is back.
    await back.uncheck();
    await plan.locator('[data-back]').first().waitFor({ state: 'detached' });
    await back.check();
    await plan.locator('[data-back="d1-lu"]').waitFor();

    const remove = ed.getByRole('button', { name: 'Remove this added item' });
    for (const [width, height] of SIZES) {
      await control.setViewportSize({ width, height });
      await remove.scrollIntoViewIfNeeded();
      await settled(control);
      expect(
        await overflowing(control, '[data-remove-plan] p, [data-remove-plan] li, [data-remove-plan] label'),
        `${width}x${height}`,
      ).toEqual([]);
      // No time range is split after its dash ("11:20–" at a line's end, "12:00" on the next), nor a "from → to" pair.
      expect(await splitRanges(control, '[data-remove-plan] li, [data-remove-plan] p'), `${width}x${height}`).toEqual(
        [],
      );
      const box = (await ed.boundingBox())!;
      expect(box.x + box.width, `${width}x${height}: the editor fits the width`).toBeLessThanOrEqual(width);
      await screenshot(control, `remove-shift-back-editor-${width}x${height}`);
    }
    await control.setViewportSize({ width: 1920, height: 1080 });

    await remove.click();
    const s = await stateWhen(
      () => showState(ctx),
      (x) => !x.day.some((i) => i.id === 'x-announcement'),
    );
    expect(clock(s, 'd1-lu')).toBe('10:10–10:50');
    expect(clock(s, 'd1-coffee-break')).toBe('10:50–11:20');
    expect(clock(s, 'd1-calvin')).toBe('16:00–16:40');
    expect(s.history.undo).toBe(
      'Remove “Announcement”, rest of the day −10 min, except “AI in Science: From Myth to Reality” (moved since)',
    );
    const undo = control.locator('[data-undo]').first();
    await control.waitForFunction(
      () => document.querySelector('[data-undo]')?.textContent?.includes('−10 min') ?? false,
    );
    await undo.click();
    const undone = await stateWhen(
      () => showState(ctx),
      (x) => x.day.some((i) => i.id === 'x-announcement'),
    );
    expect(clock(undone, 'x-announcement')).toBe('10:10–10:20');
    expect(clock(undone, 'd1-lu')).toBe('10:20–11:00');
    await control.close();
  });
});
