// The server tests' program around the real now must be on one day whatever the hour CI runs at: at 23:31 Paris time
// it used to run from 23:21 to 01:11, split over two days, and six tests found the break and second talk missing.
import { DateTime } from 'luxon';
import { expect, test } from 'vitest';
import { programAroundNow } from './harness.ts';

test('programAroundNow is on one day, without a clock change, at every minute of a day, a DST day included', () => {
  for (const day of ['2026-11-30', '2026-03-29', '2026-10-25']) {
    const midnight = DateTime.fromISO(`${day}T00:00`, { zone: 'UTC' });
    for (let m = 0; m < 24 * 60; m += 1) {
      const now = midnight.plus({ minutes: m });
      const p = programAroundNow(now);
      const starts = p.items!.map((i) => i.start.slice(0, 10));
      const ends = p.items!.map((i) => i.end.slice(0, 10));
      expect(new Set([...starts, ...ends]), `${now.toISO()} in ${p.timezone}`).toEqual(new Set([starts[0]]));
      const first = DateTime.fromISO(p.items![0]!.start, { zone: p.timezone });
      const last = DateTime.fromISO(p.items![2]!.end, { zone: p.timezone });
      expect(first.offset, `${now.toISO()} in ${p.timezone}`).toBe(last.offset);
      expect(+first <= +now && +now < +last).toBe(true);
    }
  }
});
