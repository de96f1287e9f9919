// The short version of `npm run soak` for CI: six simulated hours, three screens, actions every 7 simulated minutes.
import { describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { heroMismatch, runSoak } from '../../bench/soak.ts';
import { CHROMIUM, chromiumMissing, launchBrowser } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('soak, short', () => {
  test('every sampled instant shows the right hero item, with no page error', async () => {
    const result = await runSoak({ hours: 6, speed: 1440, samples: 20, chromium: CHROMIUM });
    expect(result.pageErrors).toEqual([]);
    expect(result.wrong).toEqual([]);
    expect(result.samples).toBe(20);
    expect(result.actions).toBeGreaterThan(30);
    for (const [screen, heap] of Object.entries(result.pageHeapMb)) {
      // Flat memory is judged by the long soak; here only a gross leak (doubling in six hours) fails.
      expect(heap.end, screen).toBeLessThan(heap.start * 2);
    }
  });

  test('the check sees a screen one item behind, though its title is in the page', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      // The hero shows d0-7 and the day list names d0-8 too: a search of the page's text would pass.
      await page.setContent(
        '<main><div class="hero"><article data-item-id="d0-7">Talk 8</article></div>' +
          '<aside><li data-agenda="d0-8">Talk 9</li></aside></main>',
      );
      const state = (current: string | null, next: string | null) =>
        ({
          blackout: false,
          phase: current ? 'in-session' : 'in-break',
          current: current ? [{ id: current }] : [],
          next: next ? { id: next } : null,
        }) as unknown as StateJson;
      expect(await heroMismatch(page, () => state('d0-8', 'd0-9'), 200)).toEqual({ shown: 'd0-7', expected: 'd0-8' });
      expect(await heroMismatch(page, () => state('d0-7', 'd0-8'), 200)).toBeNull();
      // Between items the hero is what comes next.
      expect(await heroMismatch(page, () => state(null, 'd0-7'), 200)).toBeNull();
      expect(await heroMismatch(page, () => ({ ...state('d0-7', null), blackout: true }), 200)).toEqual({
        shown: 'd0-7',
        expected: null,
      });
    } finally {
      await browser.close();
    }
  });
});
