// The AV console in Chromium against a real show: the operator jumps, times, delays, messages, blacks out, unlocks.
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { StateJson } from '../../core/contract/state.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import {
  axeViolations,
  chromiumMissing,
  browserAndShow,
  screenshot,
  shippedProgram,
  type ServedShow,
} from './browser.ts';

const SIZES = [
  [1920, 1080],
  [1080, 1920],
] as const;

/** The shipped program plus a second room with one talk, to switch rooms. */
function twoRooms(): ProgramInput {
  const program = shippedProgram();
  program.rooms.push({ id: 'L108-B', name: 'Salle B' });
  program.items = [
    ...(program.items ?? []),
    {
      id: 'b-side',
      kind: 'talk',
      title: 'Side talk in room B',
      start: '2026-06-29T10:00',
      end: '2026-06-29T11:00',
      room: 'L108-B',
    },
  ];
  return program;
}

async function stateOf(show: ServedShow, room?: string): Promise<StateJson> {
  const res = await fetch(`${show.url}/api/state${room ? `?room=${room}` : ''}`);
  return (await res.json()) as StateJson;
}

/** Polls the server's state until `check` holds (or fails with the last state). */
async function until(show: ServedShow, check: (s: StateJson) => boolean, timeoutMs = 2000): Promise<StateJson> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await stateOf(show);
    if (check(s)) return s;
    if (Date.now() > deadline) throw new Error(`state never matched: ${JSON.stringify(s).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(150);
    await screenshot(page, `control-${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
}

function countdownSeconds(text: string): number {
  const [m, s] = text.replace('+', '').split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
}

describe.skipIf(chromiumMissing !== null)('control view', () => {
  let page: Page;
  const program = twoRooms();
  const ctx = browserAndShow('2026-06-29T10:05', { program });

  beforeAll(async () => {
    // bypassCSP: the server's CSP forbids inline scripts, which is how axe-core is injected for the scans.
    const context = await ctx.browser.newContext({ bypassCSP: true, viewport: { width: 1920, height: 1080 } });
    page = await context.newPage();
    await page.goto(`${ctx.show.url}/control`);
    await page.locator('[data-item="d1-lu"]').waitFor();
  });

  test('a tap on the next item puts it on now; "Follow the clock again" gives the room back to the clock', async () => {
    await expect(page.locator('[aria-current="true"]').textContent()).resolves.toContain('HPC in Transition');
    await expect(page.getByText('Following the clock').isVisible()).resolves.toBe(true);
    await shoot(page, 'following');

    await page.locator('button[data-item="d1-lu"]').click(); // the row itself, not its ✎ (Edit “…”) beside it
    const jumped = await until(ctx.show, (s) => s.mode === 'manual');
    expect(jumped.current.map((i) => i.id)).toEqual(['d1-lu']);
    const follow = page.getByRole('button', { name: 'Follow the clock again', exact: true });
    await follow.waitFor();
    await page.locator('[aria-current="true"][data-item="d1-lu"]').waitFor();
    await shoot(page, 'manual');

    await follow.click();
    const back = await until(ctx.show, (s) => s.mode === 'follow');
    expect(back.current.map((i) => i.id)).toEqual(['d1-dongarra']);
    await follow.waitFor({ state: 'detached' });
  });

  test('a far item asks for a second tap before jumping', async () => {
    const dinner = page.locator('[data-item="d1-dinner"]');
    await dinner.click();
    await page.getByText('Tap again to put “Workshop Dinner” on now').waitFor();
    expect((await stateOf(ctx.show)).mode).toBe('follow');
    await dinner.click();
    await until(ctx.show, (s) => s.current[0]?.id === 'd1-dinner');

    await page.getByRole('button', { name: 'Follow the clock again', exact: true }).click();
    await until(ctx.show, (s) => s.mode === 'follow' && s.current[0]?.id === 'd1-dongarra');
  });

  test('+1 min adds a minute to the countdown', async () => {
    const digits = page.getByTestId('countdown');
    const before = countdownSeconds((await digits.textContent()) ?? '');
    await page.getByRole('button', { name: '+1 min' }).click();
    await until(ctx.show, (s) => s.timer?.source === 'timer');
    await page.waitForFunction(
      (min) => {
        const text = document.querySelector('[data-testid="countdown"]')?.textContent ?? '';
        const [m, s] = text.split(':').map(Number);
        return (m ?? 0) * 60 + (s ?? 0) >= min;
      },
      before + 50,
      { timeout: 2000 },
    );
    await page.getByTestId('status').getByText('Done: +1 min').waitFor();
  });

  test('"10 min late" shows on the console and on a signage tab within a second', async () => {
    const signage = await page.context().newPage();
    await signage.goto(`${ctx.show.url}/signage`);
    await signage.locator('main').waitFor();
    const lateness = page.locator('.panel', { has: page.getByRole('heading', { name: 'Running late' }) });
    // Not yet 10 min late anywhere (an earlier test may have left another delay).
    await expect(lateness.getByRole('status').textContent()).resolves.not.toBe('Running 10 min late');
    await expect(signage.getByText('Running 10 min late').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '10 min late', exact: true }).click();
    const started = Date.now();
    // Where each says it: the console's lateness panel, and the signage's running-late banner.
    await lateness.getByRole('status').getByText('Running 10 min late', { exact: true }).waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await until(ctx.show, (s) => s.delayMinutes === 10, 1000)).delayMinutes).toBe(10);
    await signage.locator('[data-late]').getByText('Running 10 min late', { exact: true }).waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(2000);
    await signage.close();
  });

  test('a public announcement with its preview and an end time', async () => {
    const panel = page.locator('.panel', { has: page.getByRole('heading', { name: 'Public announcement' }) });
    await panel.getByLabel('Text').fill('Coffee is served in the hall');
    await expect(page.getByTestId('message-public-preview').textContent()).resolves.toContain(
      'Coffee is served in the hall',
    );
    await panel.getByLabel('Until (optional)').fill('23:30');
    await page.getByTestId('message-public-preview').getByText('until 23:30').waitFor();
    await panel.getByRole('button', { name: 'Send' }).click();
    const s = await until(ctx.show, (x) => x.messages.public !== null);
    expect(s.messages.public).toMatchObject({
      text: 'Coffee is served in the hall',
      until: '2026-06-29T23:30:00+02:00',
    });
    await panel.getByText('On screen until 23:30').waitFor();

    const speaker = page.locator('.panel', { has: page.getByRole('heading', { name: 'Message to the speaker' }) });
    await speaker.getByLabel('Text').fill('5 minutes left, please wrap up');
    await speaker.getByRole('button', { name: 'Send' }).click();
    await until(ctx.show, (x) => x.messages.speaker?.text === '5 minutes left, please wrap up');
  });

  test('blackout, with its warning, and back', async () => {
    await page.getByRole('button', { name: 'Black out the screens' }).click();
    await until(ctx.show, (s) => s.blackout);
    await page.getByRole('alert').getByText('BLACKOUT').waitFor();
  });

  test('a broken program edit shows on the console within 2 s, and clears with a good one', async () => {
    writeFileSync(ctx.show.programFile, '{ "formatVersion": 1, garbage');
    await page.getByText('The program could not be updated').waitFor({ timeout: 2000 });
    await page.getByText('program warnings').click(); // open the warnings too, for the picture and the scan
    await shoot(page, 'alerts');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Restore the screens' }).first().click();
    await until(ctx.show, (s) => !s.blackout);
    writeFileSync(ctx.show.programFile, JSON.stringify(program));
    await page.getByText('The program could not be updated').waitFor({ state: 'detached' });
  });

  test('no serious or critical accessibility violation (axe-core)', async () => {
    const context = await ctx.browser.newContext({ bypassCSP: true, viewport: { width: 1920, height: 1080 } });
    const fresh = await context.newPage();
    await fresh.goto(`${ctx.show.url}/control`);
    await fresh.locator('[data-item="d1-lu"]').waitFor();
    expect(await axeViolations(fresh)).toEqual([]);
    await context.close();
  });

  test('switching room reconnects to that room; a refused action says why', async () => {
    await page.getByLabel('Room').selectOption('L108-B');
    await page.locator('[data-item="b-side"]').waitFor();
    expect(new URL(page.url()).searchParams.get('room')).toBe('L108-B');
    const screens = (await (await fetch(`${ctx.show.url}/api/screens`)).json()) as { view: string; room: string }[];
    expect(screens).toContainEqual(expect.objectContaining({ view: 'control', room: 'L108-B' }));
    await page.getByRole('button', { name: '+5 min' }).click();
    await expect.poll(async () => (await stateOf(ctx.show, 'L108-B')).timer?.source).toBe('timer');

    // A refusal (409) as the server words it, say when another console paused first: shown until dismissed.
    await page.route('**/api/actions', (route) =>
      route.fulfill({ status: 409, contentType: 'application/json', body: '{"error":"the timer is already paused"}' }),
    );
    await page.getByRole('button', { name: 'Pause' }).click();
    const status = page.getByTestId('status');
    await status.getByText('Refused: the timer is already paused').waitFor();
    await page.unroute('**/api/actions');
    await status.getByRole('button', { name: 'Dismiss' }).click();
    await status.getByText('Refused').waitFor({ state: 'detached' });
  });
});

describe.skipIf(chromiumMissing !== null)('control view with a PIN', () => {
  const ctx = browserAndShow('2026-06-29T10:05', { pin: '2468' });

  test('asks for the PIN, says when it is wrong, and remembers the right one in the tab', async () => {
    const context = await ctx.browser.newContext({ bypassCSP: true, viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${ctx.show.url}/control`);
    const dialog = page.getByRole('dialog', { name: 'PIN needed' });
    await dialog.waitFor();
    await dialog.getByLabel('PIN').fill('1111');
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await dialog.getByText('Wrong PIN. Try again.').waitFor();
    await shoot(page, 'pin');
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByLabel('PIN').fill('2468');
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '+1 min' }).click();
    await page.getByTestId('status').getByText('Done: +1 min').waitFor();

    await page.reload();
    await page.locator('[data-item="d1-lu"]').waitFor();
    await page.waitForTimeout(300);
    expect(await dialog.isVisible()).toBe(false);
    await page.getByRole('button', { name: '−1 min' }).click();
    await page.getByTestId('status').getByText('Done: −1 min').waitFor();
    expect(await dialog.isVisible()).toBe(false);
  });
});
