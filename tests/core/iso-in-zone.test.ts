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
    const start = Date.UTC(2026, 5, 29, 7, 0);
    isoInZone(start, 'Europe/Paris'); // the zone's offsets looked up once, before the first reading
    const before = heapAfterGc();
    for (let s = 1; s <= 8 * 3600; s++) isoInZone(start + s * 1000, 'Europe/Paris');
    // Kept, 28,800 formatted instants take well over a megabyte; 256 KB is room for the allocator's own noise.
    expect(heapAfterGc() - before).toBeLessThan(256 * 1024);
  });
});
