// isoInZone formats from the cached zone offset (the hot path of every state pushed to screens): it must print
// exactly what luxon prints, across summer-time changes, odd offsets, milliseconds and the zones luxon treats apart.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { isoInZone } from '../../core/time.ts';
import { heapAfterGc } from '../helpers.ts';

const luxon = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toISO({ suppressMilliseconds: true });
const ZONES = [
  'Europe/Paris',
  'America/Los_Angeles',
  'Pacific/Auckland',
  'America/St_Johns', // −03:30 / −02:30
  'Asia/Kathmandu', // +05:45
  'Australia/Lord_Howe', // half-hour summer time
  'Etc/UTC',
  'UTC',
  'utc',
  'Europe/London',
];

describe('isoInZone', () => {
  test('the DP2E-AI keynote in Paris, in summer and around the autumn change', () => {
    expect(isoInZone(Date.UTC(2026, 5, 29, 7, 30), 'Europe/Paris')).toBe('2026-06-29T09:30:00+02:00');
    expect(isoInZone(Date.UTC(2026, 9, 25, 0, 30), 'Europe/Paris')).toBe('2026-10-25T02:30:00+02:00');
    expect(isoInZone(Date.UTC(2026, 9, 25, 1, 30), 'Europe/Paris')).toBe('2026-10-25T02:30:00+01:00');
    expect(isoInZone(Date.UTC(2026, 5, 29, 7, 30, 5, 120), 'UTC')).toBe('2026-06-29T07:30:05.120Z');
  });

  test('the same instant asked again, in one zone then another, keeps each zone’s offset (the cache is per zone)', () => {
    const at = Date.UTC(2026, 5, 29, 7, 30);
    for (let round = 0; round < 2; round++) {
      expect(isoInZone(at, 'Europe/Paris')).toBe('2026-06-29T09:30:00+02:00');
      expect(isoInZone(at, 'America/Los_Angeles')).toBe('2026-06-29T00:30:00-07:00');
      expect(isoInZone(at, 'UTC')).toBe('2026-06-29T07:30:00Z');
    }
  });

  test('prints what luxon prints, for any instant from 1900 to 2100 in any of these zones', () => {
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.boolean(), (at, zone, whole) => {
        const t = whole ? at - (at % 1000) : at;
        expect(isoInZone(t, zone)).toBe(luxon(t, zone));
      }),
      { numRuns: 5000 },
    );
  });

  test('every quarter hour across both 2026 changes in Paris and Auckland', () => {
    for (const zone of ['Europe/Paris', 'Pacific/Auckland']) {
      for (const [from, to] of [
        [Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30)],
        [Date.UTC(2026, 3, 4), Date.UTC(2026, 3, 6)],
        [Date.UTC(2026, 8, 26), Date.UTC(2026, 8, 28)],
        [Date.UTC(2026, 9, 24), Date.UTC(2026, 9, 26)],
      ] as const) {
        for (let at = from; at < to; at += 15 * 60_000) {
          expect(isoInZone(at, zone)).toBe(luxon(at, zone));
          expect(isoInZone(at - 1, zone)).toBe(luxon(at - 1, zone));
        }
      }
    }
  });
});

describe('what formatting keeps', () => {
  test("a passing instant is not kept: eight hours of a screen's clock, one state a second, leave the heap as it was", () => {
    // The heap after full GCs also moves by steps of up to ~400 KB, either way, when V8 installs code it compiled for
    // hot functions or drops old bytecode, at moments that depend on its background threads, so on the machine's load
    // (as tests/server/log.test.ts found). So a first, unmeasured round warms the code and looks the zone's offsets up,
    // then each of 5 rounds formats a fresh eight hours (another day: instants never formatted before), and the median
    // of their growths must stay under the bound: a cache of formatted instants grows in most rounds (28,800 kept
    // take well over a megabyte; the old one, cleared at 20,000 per zone, keeps 8,800 more in 3 of the 5 rounds), such a step
    // lands in one.
    const day = (n: number) => Date.UTC(2026, 5, 29 + n, 7, 0);
    /** The eight hours from `start`, one instant a second, each formatted and dropped; the last one's text. */
    const eightHours = (start: number) => {
      let last = '';
      for (let s = 1; s <= 8 * 3600; s++) last = isoInZone(start + s * 1000, 'Europe/Paris');
      return last;
    };
    eightHours(day(0));
    const lasts: string[] = [];
    const growths: number[] = [];
    for (let round = 1; round <= 5; round++) {
      const before = heapAfterGc();
      lasts.push(eightHours(day(round)));
      growths.push(heapAfterGc() - before);
    }
    // What each round formatted is still in use after the measurements (and right): 17:00 in Paris, each day.
    expect(lasts).toEqual([1, 2, 3, 4, 5].map((n) => luxon(day(n) + 8 * 3600_000, 'Europe/Paris')));
    expect(lasts[0]).toBe('2026-06-30T17:00:00+02:00');
    const median = [...growths].sort((a, b) => a - b)[2]!;
    // 256 KB is room for the allocator's own noise.
    expect(median, `heap growth in each round (bytes): ${growths.join(', ')}`).toBeLessThan(256 * 1024);
  });
});
