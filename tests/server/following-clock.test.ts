// A box's clock follows the readings of its central server's clock: a rehearsal's time and speed, kept as it runs
// while readings agree within what a request can tell, moved when they do not, and the real time when there is none.
import { describe, expect, test } from 'vitest';
import { createFollowingClock } from '../../server/clock.ts';

const T0 = 1_782_718_800_000; // 2026-06-29 09:40 in Paris: the rehearsal's show time
const REAL = 1_796_000_000_000; // the box's real clock

describe('a box clock following its central server', () => {
  test('a rehearsal at 2×: the reading, then its time running at that speed', () => {
    let real = REAL;
    const clock = createFollowingClock({ realNow: () => real });
    expect([clock.rehearsal, clock.now()]).toEqual([false, REAL]);
    expect(clock.follow({ now: T0, serverTime: 0, speed: 2, rehearsal: true }, REAL - 10, 10)).toBe(true);
    expect(clock.json()).toEqual({ now: T0 + 20, serverTime: REAL, speed: 2, rehearsal: true });
    real += 1000;
    expect(clock.now()).toBe(T0 + 2020);
    expect(clock.realDelayUntil(T0 + 4020)).toBe(1000);
  });

  test('a reading that agrees within its uncertainty and 50 ms moves nothing; one that does not is taken', () => {
    let real = REAL;
    const clock = createFollowingClock({ realNow: () => real });
    clock.follow({ now: T0, serverTime: 0, speed: 1, rehearsal: true }, REAL, 5);
    real += 60_000;
    // 80 ms off, with a round trip of 60 ms (30 each way): within 30 + 50.
    expect(clock.follow({ now: T0 + 60_080, serverTime: 0, speed: 1, rehearsal: true }, real, 30)).toBe(false);
    expect(clock.now()).toBe(T0 + 60_000);
    // 90 ms off with the same round trip: the central server's time is taken.
    expect(clock.follow({ now: T0 + 60_090, serverTime: 0, speed: 1, rehearsal: true }, real, 30)).toBe(true);
    expect(clock.now()).toBe(T0 + 60_090);
    // Restarted at 14:00: a jump back.
    expect(clock.follow({ now: T0 + 4 * 3_600_000, serverTime: 0, speed: 1, rehearsal: true }, real, 1)).toBe(true);
    expect(clock.now()).toBe(T0 + 4 * 3_600_000);
  });

  test('another speed is taken at once; the real time again when the central server is on it, or gives no clock', () => {
    let real = REAL;
    const clock = createFollowingClock({ realNow: () => real });
    clock.follow({ now: T0, serverTime: 0, speed: 1, rehearsal: true }, REAL, 0);
    expect(clock.follow({ now: T0, serverTime: 0, speed: 60, rehearsal: true }, REAL, 0)).toBe(true);
    real += 1000;
    expect([clock.speed, clock.now()]).toEqual([60, T0 + 60_000]);
    expect(clock.follow({ now: real, serverTime: real, speed: 1, rehearsal: false }, real, 0)).toBe(true);
    expect(clock.json()).toEqual({ now: real, serverTime: real, speed: 1, rehearsal: false });
    expect(clock.follow(null, real, 0)).toBe(false);
    expect(clock.now()).toBe(real);
  });
});
