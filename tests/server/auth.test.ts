// The PIN guard on a fake clock: slowdown, lockouts that double, the right PIN after a lockout, no PIN not counted.
import { describe, expect, test } from 'vitest';
import { PinGuard } from '../../server/auth.ts';

function guard() {
  const clock = { t: 1_000_000 };
  return { clock, g: new PinGuard('2468', () => clock.t) };
}

describe('PinGuard', () => {
  test('the right PIN passes; no PIN asks for it without counting as a guess', () => {
    const { g } = guard();
    expect(g.check('a', '2468')).toEqual({ ok: true });
    for (let i = 0; i < 20; i++) expect(g.check('a', null)).toMatchObject({ status: 401, delayMs: 0 });
    expect(g.check('a', '2468')).toEqual({ ok: true });
  });

  test('three free failures, then growing delays, then a lockout that doubles each time', () => {
    const { g, clock } = guard();
    const delays = Array.from({ length: 9 }, () => g.check('a', '0000')).map((r) => (r.ok ? -1 : r.delayMs));
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000, 2000, 4000, 4000]);
    expect(g.check('a', '0000')).toMatchObject({ status: 401 }); // the 10th locks
    expect(g.check('a', '2468')).toMatchObject({ status: 429, message: /try again in 1 min/ });
    clock.t += 61_000;
    expect(g.check('a', '2468')).toEqual({ ok: true });
    for (let i = 0; i < 10; i++) g.check('a', '0000');
    expect(g.check('a', '0000')).toMatchObject({ status: 429, message: /try again in 1 min/ }); // counted anew
    clock.t += 61_000;
    for (let i = 0; i < 10; i++) g.check('a', '0000');
    expect(g.check('a', '0000')).toMatchObject({ status: 429, message: /try again in 2 min/ });
  });

  test('other addresses are not locked out by one guesser', () => {
    const { g } = guard();
    for (let i = 0; i < 10; i++) g.check('attacker', '0000');
    expect(g.check('attacker', '2468')).toMatchObject({ status: 429 });
    expect(g.check('staff', '2468')).toEqual({ ok: true });
  });

  test('many addresses guessing at once: every wrong PIN waits the longest delay', () => {
    const { g } = guard();
    for (let i = 0; i < 101; i++) g.check(`addr${i}`, '0000');
    expect(g.check('addr-new', '0000')).toMatchObject({ status: 401, delayMs: 4000 });
    expect(g.check('staff', '2468')).toEqual({ ok: true });
  });

  test('without a PIN everything passes', () => {
    expect(new PinGuard(null).check('a', null)).toEqual({ ok: true });
  });
});
