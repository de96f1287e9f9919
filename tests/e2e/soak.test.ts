// The short version of `npm run soak` for CI: six simulated hours, three screens, actions every 7 simulated minutes.
import { describe, expect, test } from 'vitest';
import { runSoak } from '../../bench/soak.ts';
import { CHROMIUM, chromiumMissing } from './browser.ts';

describe.skipIf(chromiumMissing !== null)('soak, short', () => {
  test('every sampled instant shows the right item, with no page error', async () => {
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
});
