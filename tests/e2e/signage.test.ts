// The door screen in Chromium against a real show: what a passer-by reads at each moment of the two days.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { repoPath } from '../helpers.ts';
import {
  act,
  chromiumMissing,
  launchBrowser,
  overflowing,
  screenshot,
  serveShow,
  shippedProgram,
  type ServedShow,
} from './browser.ts';

const SIZES = [
  [1920, 1080],
  [1080, 1920],
  [1280, 720],
] as const;

interface Moment {
  label: string;
  at: string;
  screen: string;
  /** Items shown large (now cards, break strips, the hero next card), in order. */
  hero: string[];
  /** The side "next" card when something is on. */
  next?: string;
  texts: string[];
}

const MOMENTS: Moment[] = [
  {
    label: 'before-event',
    at: '2026-06-29T07:30',
    screen: 'before-event',
    hero: ['d1-registration'],
    texts: ['Welcome', 'Starts in 1 h 00', 'Registration, welcome coffee'],
  },
  {
    label: 'keynote',
    at: '2026-06-29T09:45',
    screen: 'in-session',
    hero: ['d1-dongarra'],
    next: 'd1-lu',
    texts: ['Keynote', 'HPC in Transition', 'Jack Dongarra', 'Chair: Nahid Emad', '09:30–10:10', '25 min left'],
  },
  {
    label: 'coffee-break',
    at: '2026-06-29T10:55',
    screen: 'in-break',
    hero: ['d1-coffee-break', 'd1-nakajima'],
    texts: ['Coffee break until 11:20', 'Kengo Nakajima', 'starts in 25 min'],
  },
  {
    label: 'lunch',
    at: '2026-06-29T13:00',
    screen: 'in-break',
    hero: ['d1-lunch', 'd1-olukotun'],
    texts: ['Lunch until 13:40', 'Ecole des Mines de Paris', 'Kunle Olukotun'],
  },
  {
    label: 'panel',
    at: '2026-06-29T17:20',
    screen: 'in-session',
    hero: ['d1-panel'],
    next: 'd1-closing',
    texts: ['Panel', 'Moderator: Ian Foster', 'Kengo Nakajima'],
  },
  {
    label: 'before-dinner',
    at: '2026-06-29T18:30',
    screen: 'in-break',
    hero: ['d1-dinner'],
    texts: ['Workshop Dinner', 'Restaurant Procope', 'starts in 30 min'],
  },
  {
    label: 'between-days',
    at: '2026-06-29T23:00',
    screen: 'between-days',
    hero: ['d2-registration'],
    texts: ['See you tomorrow', 'Tuesday 30 June, 08:30', 'Tomorrow'],
  },
  {
    label: 'overlap',
    at: '2026-06-30T13:45',
    screen: 'in-session',
    hero: ['d2-poster-session', 'd2-lunch'],
    next: 'd2-denoyer',
    texts: ['Poster Session', 'Lunch', 'Ecole des Mines de Paris', 'until 14:00'],
  },
  {
    label: 'after-event',
    at: '2026-06-30T19:00',
    screen: 'after-event',
    hero: [],
    texts: ['Thank you for coming', 'DP2E-AI 2026'],
  },
];

/** The longest titles of the program (and the panel with five speakers), photographed when jumped to. */
const LONGEST = ['d2-denoyer', 'd2-pan', 'd2-dirhoussi', 'd1-panel', 'd1-welcome'];

async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      document.fonts.ready.then(
        () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
      ) as Promise<void>,
  );
}

/** Nothing overflows a fitted box and the page itself never scrolls. */
async function expectTidy(page: Page, what: string): Promise<void> {
  expect(await overflowing(page, '[data-fit]'), what).toEqual([]);
  const scroll = await page.evaluate(() => {
    const s = document.scrollingElement!;
    return { h: s.scrollHeight - innerHeight, w: s.scrollWidth - innerWidth };
  });
  expect(scroll, what).toEqual({ h: 0, w: 0 });
}

async function heroIds(page: Page): Promise<string[]> {
  return page.$$eval('.hero [data-item-id]', (nodes) => nodes.map((n) => (n as HTMLElement).dataset.itemId ?? ''));
}

describe.skipIf(chromiumMissing !== null)('signage', () => {
  let browser: Browser;
  const shows: ServedShow[] = [];
  const serve = async (at: string, opts?: Parameters<typeof serveShow>[1]) => {
    const show = await serveShow(at, opts);
    shows.push(show);
    return show;
  };
  const open = async (url: string, width: number, height: number): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(url);
    await page.waitForSelector('main[data-screen]:not([data-screen="connecting"])');
    await settled(page);
    return page;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(shows.map((s) => s.close()));
  });

  test.each(['2026-06-29T09:45', '2026-06-29T10:55', '2026-06-29T19:30', '2026-06-29T23:00', '2026-06-30T13:45'])(
    'read from the corridor at %s: NEXT at 4 percent of the short side or more, the rest of the day at 2.5 percent',
    async (at) => {
      const show = await serve(at);
      const page = await open(`${show.url}/signage`, 1920, 1080);
      for (const [width, height] of [
        [1920, 1080],
        [1080, 1920],
      ] as const) {
        await page.setViewportSize({ width, height });
        await settled(page);
        const short = Math.min(width, height);
        // The rendered font size of each visible text in `selector`, in px.
        const sizes = (selector: string) =>
          page.$$eval(selector, (nodes) =>
            nodes
              .filter((n) => (n as HTMLElement).offsetParent !== null && (n.textContent ?? '').trim() !== '')
              .map((n) => `${parseFloat(getComputedStyle(n).fontSize)} ${(n.textContent ?? '').trim().slice(0, 30)}`),
          );
        const next = [
          ...(await sizes('article.next .title')),
          ...(await sizes('article.next [data-range]')),
          ...(await sizes('article.next .speakers .name')),
        ];
        expect(next.length, `${at} ${width}x${height}: a NEXT card`).toBeGreaterThanOrEqual(2);
        for (const line of next)
          expect(parseFloat(line), `${at} ${width}x${height}: ${line}`).toBeGreaterThanOrEqual(0.04 * short);
        const rest = await sizes('.agenda h3, .agenda .time, .agenda .title, .agenda .sub');
        for (const line of rest)
          expect(parseFloat(line), `${at} ${width}x${height}: ${line}`).toBeGreaterThanOrEqual(0.025 * short - 0.5);
        expect(await overflowing(page, '[data-fit]'), `${at} ${width}x${height}`).toEqual([]);
      }
      await page.close();
    },
  );

  test.each(MOMENTS)('at $at ($label) the door shows the right things', async (m) => {
    const show = await serve(m.at);
    const page = await open(`${show.url}/signage`, SIZES[0][0], SIZES[0][1]);
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await settled(page);
      const where = `${m.label} ${width}x${height}`;
      expect(await page.getAttribute('main', 'data-screen'), where).toBe(m.screen);
      expect(await heroIds(page), where).toEqual(m.hero);
      if (m.next) expect(await page.getAttribute('.side [data-item-id]', 'data-item-id'), where).toBe(m.next);
      // innerText applies text-transform: compare without case.
      const text = (await page.innerText('main')).toLowerCase();
      for (const t of m.texts) expect(text, where).toContain(t.toLowerCase());
      expect(await page.innerText('[data-clock]'), where).toBe(m.at.slice(11, 16));
      expect(await page.isVisible('[data-rehearsal]'), where).toBe(true);
      await expectTidy(page, where);
      await screenshot(page, `signage-${m.label}-${width}x${height}`);
    }
    await page.close();
  });

  test('running late and an announcement reach the screen within a second; blackout shows nothing', async () => {
    const show = await serve('2026-06-29T09:45');
    const page = await open(`${show.url}/signage`, 1920, 1080);
    expect(await page.isVisible('[data-late]')).toBe(false);
    await act(show, { type: 'delay.set', minutes: 10 });
    await page.waitForSelector('[data-late]', { timeout: 1000 });
    expect(await page.innerText('[data-late]')).toBe('Running 10 min late');
    // The times shown are the live ones: the next keynote moved by ten minutes.
    expect(await page.innerText('.side [data-item-id="d1-lu"]')).toContain('10:20–11:00');

    const text = 'Coffee is served in the main hall. Please keep the corridor clear for the poster boards.';
    await act(show, { type: 'message.set', to: 'public', text });
    await page.waitForSelector('[data-announcement]', { timeout: 1000 });
    expect(await page.innerText('[data-announcement]')).toContain(text);
    await settled(page);
    await expectTidy(page, 'late + announcement');
    await screenshot(page, 'signage-late-announcement-1920x1080');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await settled(page);
    await expectTidy(page, 'late + announcement portrait');
    await screenshot(page, 'signage-late-announcement-1080x1920');

    await act(show, { type: 'blackout', on: true });
    await page.waitForSelector('main[data-screen="blackout"]', { timeout: 1000 });
    expect(await page.innerText('body')).toBe('');
    const colour = await page.$eval('main', (n) => getComputedStyle(n).backgroundColor);
    expect(colour).toBe('rgb(0, 0, 0)');
    await act(show, { type: 'blackout', on: false });
    await page.waitForSelector('main[data-screen="in-session"]', { timeout: 1000 });

    // The server goes away: the last state stays, with a discreet indicator.
    await show.close();
    shows.splice(shows.indexOf(show), 1);
    await page.waitForSelector('[data-offline]', { timeout: 5000 });
    expect(await heroIds(page)).toEqual(['d1-dongarra']);
    await screenshot(page, 'signage-offline-1080x1920');
    await page.close();
  });

  test('every item of the program fits its boxes in both orientations', async () => {
    const program = shippedProgram();
    const ids = [...(program.items ?? []), ...(program.sessions ?? []).flatMap((s) => s.items)].map((i) => i.id);
    const show = await serve('2026-06-29T09:45');
    const pages = [await open(`${show.url}/signage`, 1920, 1080), await open(`${show.url}/signage`, 1080, 1920)];
    for (const id of ids) {
      await act(show, { type: 'goto', itemId: id });
      for (const page of pages) {
        await page.waitForSelector(`.hero [data-item-id="${id}"]`, { timeout: 2000 });
        await settled(page);
        await expectTidy(page, `${id} ${page.viewportSize()?.width}`);
        if (LONGEST.includes(id)) {
          const { width, height } = page.viewportSize()!;
          await screenshot(page, `signage-goto-${id}-${width}x${height}`);
        }
      }
    }
    await Promise.all(pages.map((p) => p.close()));
  });

  test('in French the labels are French', async () => {
    const show = await serve('2026-06-29T09:45');
    const page = await open(`${show.url}/signage?lang=fr`, 1920, 1080);
    const text = (await page.innerText('main')).toLowerCase();
    for (const t of ['Conférence invitée', 'En cours', 'Ensuite', 'Lundi 29 juin', 'Salle L108-A', 'Répétition']) {
      expect(text).toContain(t.toLowerCase());
    }
    for (const t of ['now', ' left', 'today', 'next', 'room']) expect(text).not.toContain(t);
    await screenshot(page, 'signage-fr-1920x1080');
    await page.close();
  });

  test('the text has enough contrast (WCAG AA) and still fits on a 4K screen in both orientations', async () => {
    const show = await serve('2026-06-29T10:55');
    const page = await open(`${show.url}/signage`, 1920, 1080);
    await act(show, { type: 'delay.set', minutes: 5 });
    await act(show, { type: 'message.set', to: 'public', text: 'Posters are up in the hall' });
    await page.waitForSelector('[data-announcement]', { timeout: 1000 });
    await page.evaluate(readFileSync(repoPath('node_modules/axe-core/axe.min.js'), 'utf8'));
    const contrast = await page.evaluate(async () => {
      type Axe = { run: (o: object) => Promise<{ violations: { nodes: { html: string }[] }[]; passes: unknown[] }> };
      const result = await (window as unknown as { axe: Axe }).axe.run({ runOnly: ['color-contrast'] });
      return { failing: result.violations.flatMap((v) => v.nodes.map((n) => n.html)), passes: result.passes.length };
    });
    expect(contrast.failing).toEqual([]);
    expect(contrast.passes).toBeGreaterThan(0);
    for (const [width, height] of [
      [3840, 2160],
      [2160, 3840],
    ] as const) {
      await page.setViewportSize({ width, height });
      await settled(page);
      await expectTidy(page, `${width}x${height}`);
    }
    await page.close();
  });

  test('a talk with a page shows a QR code to it', async () => {
    const program = shippedProgram();
    const url = 'https://dp2e-ai.example.org/talks/dongarra';
    for (const s of program.sessions ?? []) for (const i of s.items) if (i.id === 'd1-dongarra') i.url = url;
    const show = await serve('2026-06-29T09:45', { program });
    const page = await open(`${show.url}/signage`, 1920, 1080);
    expect(await page.getAttribute('.hero svg[role="img"]', 'aria-label')).toBe(url);
    await expectTidy(page, 'qr');
    await screenshot(page, 'signage-qr-1920x1080');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await settled(page);
    await expectTidy(page, 'qr portrait');
    await screenshot(page, 'signage-qr-1080x1920');
    await page.close();
  });
});
