// In Chromium against a real server: the control's log of who did what, the chair link that carries the chair PIN
// (never the AV one), a chair's refused action in red, and the printable timing report of the day played so far.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndShow, chromiumMissing, screenshot } from './browser.ts';

const AV_PIN = '24681357';
const CHAIR_PIN = '13572468';

describe.skipIf(chromiumMissing !== null)('the operator log, the chair PIN and the report', () => {
  const ctx = browserAndShow('2026-06-29T09:30', {
    pin: AV_PIN,
    chairPins: [{ pin: CHAIR_PIN, room: 'L108-A' }],
  });

  async function control(): Promise<Page> {
    const page = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => ctx.errors.push(e.message));
    // The AV desk gave its PIN in this tab before (the PIN dialog keeps it in sessionStorage).
    await page.addInitScript((pin) => sessionStorage.setItem('roomcue.pin', pin), AV_PIN);
    await page.goto(`${ctx.show.url}/control?room=L108-A`);
    await page.locator('.log').waitFor();
    return page;
  }
  const logTexts = (page: Page) => page.locator('.log li .text').allTextContents();

  test('what the desk and the chair do is logged, newest first; the chair link hands out the chair PIN', async () => {
    const page = await control();
    await page.getByRole('button', { name: '+5 min', exact: true }).click();
    await expect.poll(() => logTexts(page)).toContain('+5 min on HPC in Transition');
    await page.getByRole('button', { name: 'End item, start next' }).click();
    await expect
      .poll(async () => (await logTexts(page)).slice(0, 2))
      .toEqual([
        'On stage: HPC+AI Converged Supercomputing on LineShine Exascale System',
        'Next: HPC+AI Converged Supercomputing on LineShine Exascale System',
      ]);

    const link = await page.locator('[data-chair-link]').getAttribute('href');
    expect(link).toBe(`${ctx.show.url}/chair?room=L108-A#pin=${CHAIR_PIN}`);
    const chair = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    chair.on('pageerror', (e) => ctx.errors.push(e.message));
    await chair.goto(link!);
    await chair.getByRole('timer').waitFor();
    await chair.keyboard.press('+');
    await expect
      .poll(async () => (await logTexts(page))[0])
      .toBe('+1 min on HPC+AI Converged Supercomputing on LineShine Exascale System');
    await chair.close();

    // The chair PIN on an AV action: refused, and the desk sees it in red.
    const refused = await fetch(`${ctx.show.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${CHAIR_PIN}` },
      body: JSON.stringify({ type: 'blackout', room: 'L108-A', on: true }),
    });
    expect(refused.status).toBe(403);
    const red = page.locator('.log li.refused .text').first();
    // A refusal pushes no state: the control reads the log again within 5 s.
    await expect
      .poll(() => red.textContent(), { timeout: 10_000 })
      .toBe(
        'Refused blackout: blackout needs the AV PIN: a chair PIN drives the timer and the speaker messages of its room',
      );
    await page.locator('.log').scrollIntoViewIfNeeded();
    await screenshot(page, 'control-log');
    await page.close();
  });

  test('a chair PIN given to the control’s PIN dialog is named as such, not taken', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => ctx.errors.push(e.message));
    await page.goto(`${ctx.show.url}/control?room=L108-A`);
    const dialog = page.getByRole('dialog', { name: 'PIN needed' });
    await dialog.getByLabel('PIN').fill(CHAIR_PIN);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await dialog
      .getByText('That is a chair PIN (the timer and speaker messages only). The control needs the AV PIN.')
      .waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('roomcue.pin'))).toBeNull();
    await dialog.getByLabel('PIN').fill(AV_PIN);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.close();
  });

  test('a locked control asks nothing of the log until unlocked; then its log comes', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => ctx.errors.push(e.message));
    const asked: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/log') asked.push(r.status());
    });
    await page.goto(`${ctx.show.url}/control?room=L108-A`);
    const dialog = page.getByRole('dialog', { name: 'PIN needed' });
    await dialog.getByRole('button', { name: 'Later' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Past the log's 5-second refresh: not one request, so not one 401.
    await page.waitForTimeout(6500);
    expect(asked).toEqual([]);
    const log = page.locator('.log');
    expect(await log.locator('.problem').innerText()).toBe('The log needs the PIN.');
    await log.scrollIntoViewIfNeeded();
    await screenshot(page, 'control-log-locked');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await log.scrollIntoViewIfNeeded();
    await screenshot(page, 'control-log-locked-portrait');
    await log.getByRole('button', { name: 'Unlock' }).click();
    await dialog.getByLabel('PIN').fill(AV_PIN);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => log.locator('li .text').count()).toBeGreaterThan(0);
    expect(asked.every((status) => status === 200)).toBe(true);
    await page.close();
  });

  test('the timing report shows the keynote played from 09:30 and the next talk still on', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => ctx.errors.push(e.message));
    await page.goto(`${ctx.show.url}/report?day=2026-06-29&room=L108-A`);
    const cells = (id: string) => page.locator(`tr[data-item="${id}"] td`).allTextContents();
    const keynote = await cells('d1-dongarra');
    expect(keynote[0]).toBe('09:30–10:10');
    expect(keynote[1]).toBe('09:30:00');
    expect(keynote[3]).toBe('0:00');
    expect(keynote.at(-1)).toBe('played');
    const next = await cells('d1-lu');
    expect(next[0]).toBe('10:10–10:50');
    expect(next.at(-1)).toBe('still on');
    // The welcome (09:00–09:30) was over when the server started at 09:30: nobody knows, it is not "not played".
    expect((await cells('d1-welcome')).at(-1)).toBe('not recorded');
    await screenshot(page, 'report');
    await page.close();
  });
});

describe.skipIf(chromiumMissing !== null)('the report of a rehearsed day shows the overruns that were played', () => {
  // A rehearsal at 60×: a show minute a second. The keynote (09:30–10:10) is on.
  const ctx = browserAndShow('2026-06-29T10:05', { pin: AV_PIN, speed: 60 });

  test('+5 min, run into overtime, end it: the page shows the keynote over by 5 minutes and the moment it took', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript((pin) => sessionStorage.setItem('roomcue.pin', pin), AV_PIN);
    await page.goto(`${ctx.show.url}/control?room=L108-A`);
    await page.getByRole('button', { name: '+5 min', exact: true }).click();
    // Its countdown now ends at 10:15; once it is in overtime, the desk moves on.
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${ctx.show.url}/api/state`)).json()) as { stage: { overtime: boolean } }).stage
            .overtime,
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);
    await page.getByRole('button', { name: 'End item, start next' }).click();
    await page.locator('.log li .text', { hasText: 'Next: HPC+AI' }).first().waitFor();

    await page.goto(`${ctx.show.url}/report?day=2026-06-29&room=L108-A`);
    const keynote = await page.locator('tr[data-item="d1-dongarra"] td').allTextContents();
    // Planned, actual start (on by the clock when the rehearsal began), actual end, late start, overrun, late at end.
    expect(keynote.slice(0, 2)).toEqual(['09:30–10:10', '09:30:00']);
    const minutes = (text: string) => {
      const m = /^([+−])(\d+):(\d\d)$/.exec(text);
      return m ? (m[1] === '−' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60) : NaN;
    };
    // 45 minutes (40 + 5) and the moment it took to notice the overtime and click (a show minute is a real second:
    // a loaded machine may take a few): at least 5 minutes over, as late at its end.
    expect(minutes(keynote[4]!)).toBeGreaterThanOrEqual(5);
    expect(minutes(keynote[4]!)).toBeLessThan(10);
    expect(keynote[5]).toBe(keynote[4]);
    expect(keynote.at(-1)).toBe('played');
    expect(await page.locator('tr[data-item="d1-dongarra"]').getAttribute('class')).toBe('over');
    expect(await page.locator('body > p').last().textContent()).toMatch(/^1 item\(s\) overran by a minute or more/);
    await screenshot(page, 'report-overrun');
    await page.close();
  });
});
