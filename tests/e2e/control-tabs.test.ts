// Two control consoles on the same room (the AV desk's laptop and a tablet, or two tabs): an edit saved in one is not
// undone by the other saving the form it opened before. Each sends what its operator changed, not its whole form.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { StateJson } from '../../core/contract/state.ts';
import { chromiumMissing, launchBrowser, serveShow, type ServedShow } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('two consoles editing the same item', () => {
  let browser: Browser;
  let show: ServedShow;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    show = await serveShow('2026-06-29T09:40');
  });
  afterAll(async () => {
    await browser?.close();
    await show?.close();
    expect(errors).toEqual([]);
  });

  const item = async (id: string) => {
    const s = (await (await fetch(`${show.url}/api/state`)).json()) as StateJson;
    const it = s.day.find((i) => i.id === id)!;
    return { title: it.title, start: it.start.slice(11, 16), end: it.end.slice(11, 16), seq: s.seq };
  };

  async function console_(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${show.url}/control`);
    await page.locator('[data-item="d1-lu"]').waitFor();
    return page;
  }
  async function openEditor(page: Page, id: string): Promise<Page> {
    await page.locator(`[data-item="${id}"]`).focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-editor="${id}"]`).waitFor();
    return page;
  }
  const field = (page: Page, id: string, label: string) =>
    page.locator(`[data-editor="${id}"]`).getByLabel(label, { exact: true });
  async function save(page: Page, id: string): Promise<void> {
    const seq = (await item(id)).seq;
    await page.locator(`[data-editor="${id}"]`).getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await item(id)).seq).toBeGreaterThan(seq);
    await page.locator(`[data-editor="${id}"]`).waitFor({ state: 'detached' });
  }

  test("A opened the form, B fixed the title, A moves the talk: B's title stays", async () => {
    const [a, b] = [await console_(), await console_()];
    await openEditor(a, 'd1-lu');
    await openEditor(b, 'd1-lu');
    await field(b, 'd1-lu', 'Title').fill('HPC+AI on LineShine (fixed by B)');
    await save(b, 'd1-lu');
    await field(a, 'd1-lu', 'Start').fill('10:15');
    await save(a, 'd1-lu');
    // Before: A's form sent the title it had been opened with, and B's fix was gone.
    expect(await item('d1-lu')).toMatchObject({ title: 'HPC+AI on LineShine (fixed by B)', start: '10:15' });
    await Promise.all([a.close(), b.close()]);
  });

  test("A opened the form, B moved the talk, A fixes its title: B's times stay", async () => {
    const [a, b] = [await console_(), await console_()];
    await openEditor(a, 'd1-calvin');
    await openEditor(b, 'd1-calvin');
    await field(b, 'd1-calvin', 'Start').fill('12:05'); // the same 40 minutes: 12:05-12:45
    await save(b, 'd1-calvin');
    await field(a, 'd1-calvin', 'Title').fill('AI in Science: Myth and Reality');
    await save(a, 'd1-calvin');
    expect(await item('d1-calvin')).toMatchObject({
      title: 'AI in Science: Myth and Reality',
      start: '12:05',
      end: '12:45',
    });
    await Promise.all([a.close(), b.close()]);
  });
});
