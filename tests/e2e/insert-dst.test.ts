// The control's Insert preview on the nights the clocks change (Europe/Paris), in Chromium, whatever the machine's TZ
// (run it under TZ=UTC, Asia/Tokyo, America/Los_Angeles): the times it shows are the ones the server makes, and an
// insert no program time can say (the first of the autumn's two 02:00–03:00) is explained and not sent.
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ProgramInput } from '../../core/program/schema.ts';
import { browserAndShow, chromiumMissing, overflowing, screenshot, settled, showState, stateWhen } from './browser.ts';

const SIZES = [
  [1920, 1080],
  [1080, 1920],
] as const;

function night(items: [string, string, string, string][]): ProgramInput {
  return {
    formatVersion: 1,
    event: { id: 'night', name: 'Night of the clocks' },
    timezone: 'Europe/Paris',
    venue: { name: 'Hall' },
    rooms: [{ id: 'R', name: 'Room R' }],
    items: items.map(([id, title, start, end]) => ({ id, kind: 'talk', title, start, end, room: 'R' })),
  };
}

async function editorOf(page: Page, id: string): Promise<Locator> {
  const row = page.locator(`[data-item="${id}"]`);
  await row.focus();
  await page.keyboard.press('Enter');
  const ed = page.locator(`[data-editor="${id}"]`);
  await ed.getByLabel('Title', { exact: true }).waitFor();
  return ed;
}

describe.skipIf(chromiumMissing !== null)('insert on the night the clocks go back (2026-10-25)', () => {
  const ctx = browserAndShow('2026-10-25T00:40', {
    program: night([
      ['a0', 'Before midnight', '2026-10-25T00:30', '2026-10-25T01:00'],
      ['a1', 'Summer-time talk', '2026-10-25T01:00', '2026-10-25T01:30'],
      ['a2', 'Second two o’clock', '2026-10-25T02:00', '2026-10-25T02:30'],
      ['a3', 'Half past, again', '2026-10-25T02:30', '2026-10-25T03:00'],
      ['a4', 'Three o’clock', '2026-10-25T03:00', '2026-10-25T04:00'],
    ]),
  });

  test('the preview says what the server will make, and does not send what no program time can say', async () => {
    const control = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    control.on('pageerror', (e) => ctx.errors.push(e.message));
    await control.goto(`${ctx.show.url}/control`);

    // At 02:30 (after the second 02:00–02:30): 30 min, overlapping the second 02:30.
    let ed = await editorOf(control, 'a2');
    await ed.getByLabel('New item’s title').fill('Announcement');
    await ed.getByLabel('Minutes').fill('30');
    let plan = ed.locator('[data-insert-plan]');
    expect(await plan.locator('p').first().innerText()).toBe('The new item: 02:30–03:00.');
    expect(await plan.locator('[data-overlap="a3"]').innerText()).toBe('It overlaps “Half past, again” 02:30–03:00.');
    expect(await plan.locator('[data-clock-change]').count()).toBe(0);
    await ed.getByRole('button', { name: 'Close' }).click();

    // 90 min after 01:30 summer time ends at the second 02:00: the wall clock says 30 min, it lasts 90.
    ed = await editorOf(control, 'a1');
    plan = ed.locator('[data-insert-plan]');
    await ed.getByLabel('New item’s title').fill('Announcement');
    await ed.getByLabel('Minutes').fill('90');
    expect(await plan.locator('p').first().innerText()).toBe('The new item: 01:30–02:00.');
    expect(await plan.locator('[data-clock-change]').innerText()).toBe('The clocks change during it: it lasts 90 min.');
    // 60 min would end at the first 02:30: said, and Insert is not offered.
    await ed.getByLabel('Minutes').fill('60');
    expect(await plan.locator('[data-unnamed]').innerText()).toBe(
      'It would end at 02:30 before the clocks go back, and a program’s 02:30 is the one after: it cannot be inserted. Make it at most 29 or at least 90 min.',
    );
    const insert = ed.getByRole('button', { name: 'Insert after' });
    expect(await insert.isDisabled()).toBe(true);
    for (const [width, height] of SIZES) {
      await control.setViewportSize({ width, height });
      await insert.scrollIntoViewIfNeeded();
      await settled(control);
      expect(await overflowing(control, '[data-insert-plan] p'), `${width}x${height}`).toEqual([]);
      await screenshot(control, `insert-dst-editor-${width}x${height}`);
    }
    await control.setViewportSize({ width: 1920, height: 1080 });
    await ed.getByRole('button', { name: 'Close' }).click();

    // 30 min after 00:30–01:00 would move “Summer-time talk” to end at the first 02:00: moving the rest is refused.
    ed = await editorOf(control, 'a0');
    plan = ed.locator('[data-insert-plan]');
    await ed.getByLabel('New item’s title').fill('Announcement');
    await ed.getByLabel('Minutes').fill('30');
    await ed.getByLabel('Kind').selectOption({ label: 'Talk' });
    expect(await plan.locator('p').first().innerText()).toBe('The new item: 01:00–01:30.');
    const shift = ed.getByLabel('Move the rest of the day 30 min later (4 items)');
    expect(await shift.isChecked()).toBe(true);
    expect(await plan.locator('[data-shift-unnamed]').innerText()).toBe(
      'Moving the rest would make “Summer-time talk” end at 02:00 before the clocks go back, and a program’s 02:00 is the one after: untick it, or choose another length.',
    );
    const insertA0 = ed.getByRole('button', { name: 'Insert after' });
    expect(await insertA0.isDisabled()).toBe(true);
    await shift.uncheck();
    expect(await insertA0.isDisabled()).toBe(false);
    await insertA0.click();
    const s = await stateWhen(
      () => showState(ctx),
      (x) => x.day.some((i) => i.title === 'Announcement'),
    );
    const added = s.day.find((i) => i.title === 'Announcement')!;
    expect([added.plannedStart, added.plannedEnd]).toEqual(['2026-10-25T01:00:00+02:00', '2026-10-25T01:30:00+02:00']);
    await control.close();
  });
  test('the time editor says which of the two 02:15 a typed time is, and the server puts the talk there', async () => {
    const control = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    control.on('pageerror', (e) => ctx.errors.push(e.message));
    await control.goto(`${ctx.show.url}/control`);
    let ed = await editorOf(control, 'a2');
    expect(await ed.locator('[data-time-note]').allInnerTexts()).toEqual([
      '02:00 happens twice that night (the clocks go back): a program’s 02:00 is the second one, after the change.',
      '02:30 happens twice that night (the clocks go back): a program’s 02:30 is the second one, after the change.',
    ]);
    await ed.getByRole('button', { name: 'Close' }).click();

    ed = await editorOf(control, 'a1');
    expect(await ed.locator('[data-time-note]').count()).toBe(0);
    await ed.getByLabel('Start', { exact: true }).fill('02:15');
    expect(await ed.locator('[data-time-note]').innerText()).toBe(
      '02:15 happens twice that night (the clocks go back): a program’s 02:15 is the second one, after the change.',
    );
    for (const [width, height] of SIZES) {
      await control.setViewportSize({ width, height });
      await ed.getByRole('button', { name: 'Save', exact: true }).scrollIntoViewIfNeeded();
      await settled(control);
      expect(await overflowing(control, '[data-time-note]'), `${width}x${height}`).toEqual([]);
      await screenshot(control, `time-dst-editor-${width}x${height}`);
    }
    await control.setViewportSize({ width: 1920, height: 1080 });
    await ed.getByRole('button', { name: 'Save', exact: true }).click();
    const s = await stateWhen(
      () => showState(ctx),
      (x) => x.day.find((i) => i.id === 'a1')!.plannedStart !== '2026-10-25T01:00:00+02:00',
    );
    const a1 = s.day.find((i) => i.id === 'a1')!;
    expect([a1.plannedStart, a1.plannedEnd]).toEqual(['2026-10-25T02:15:00+01:00', '2026-10-25T02:45:00+01:00']);
    await control.close();
  });
});

describe.skipIf(chromiumMissing !== null)('insert across the spring gap (2026-03-29)', () => {
  const ctx = browserAndShow('2026-03-29T01:10', {
    program: night([
      ['s0', 'Winter-time talk', '2026-03-29T01:00', '2026-03-29T01:50'],
      ['s1', 'Summer starts', '2026-03-29T03:00', '2026-03-29T03:30'],
      ['s2', 'Later', '2026-03-29T03:30', '2026-03-29T04:00'],
    ]),
  });

  test('20 min after 01:50 is 01:50–03:10, overlapping the 03:00; the server makes the same and moves the rest 20 min', async () => {
    const control = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    control.on('pageerror', (e) => ctx.errors.push(e.message));
    await control.goto(`${ctx.show.url}/control`);
    const ed = await editorOf(control, 's0');
    const plan = ed.locator('[data-insert-plan]');
    await ed.getByLabel('New item’s title').fill('Announcement');
    await ed.getByLabel('Minutes').fill('20');
    await ed.getByLabel('Kind').selectOption({ label: 'Talk' });
    expect(await plan.locator('p').first().innerText()).toBe('The new item: 01:50–03:10.');
    expect(await plan.locator('[data-clock-change]').innerText()).toBe('The clocks change during it: it lasts 20 min.');
    expect(await plan.locator('[data-overlap="s1"]').innerText()).toBe('It overlaps “Summer starts” 03:00–03:30.');
    const shift = ed.getByLabel('Move the rest of the day 20 min later (2 items)');
    expect(await shift.isChecked()).toBe(true);
    await ed.getByRole('button', { name: 'Insert after' }).click();
    const s = await stateWhen(
      () => showState(ctx),
      (x) => x.day.some((i) => i.title === 'Announcement'),
    );
    const added = s.day.find((i) => i.title === 'Announcement')!;
    expect([added.plannedStart, added.plannedEnd]).toEqual(['2026-03-29T01:50:00+01:00', '2026-03-29T03:10:00+02:00']);
    const s1 = s.day.find((i) => i.id === 's1')!;
    expect([s1.plannedStart, s1.plannedEnd]).toEqual(['2026-03-29T03:20:00+02:00', '2026-03-29T03:50:00+02:00']);
    await control.close();
  });
});
