// The PIN guard on a fake clock: slowdown, lockouts that double, the right PIN after a lockout, no PIN not counted.
import { describe, expect, test } from 'vitest';
import { GLOBAL_WRONG_PER_HOUR, GLOBAL_WRONG_PER_MINUTE, PinGuard, SESSION_MS } from '../../server/auth.ts';

function guard() {
  const clock = { t: 1_000_000 };
  return { clock, g: new PinGuard('2468', () => clock.t) };
}

describe('PinGuard', () => {
  test('the right PIN passes; no PIN asks for it without counting as a guess', () => {
    const { g } = guard();
    expect(g.check('a', '2468')).toMatchObject({ ok: true });
    for (let i = 0; i < 20; i++) expect(g.check('a', null)).toMatchObject({ status: 401, delayMs: 0 });
    expect(g.check('a', '2468')).toMatchObject({ ok: true });
  });

  test('three free failures, then growing delays, then a lockout that doubles each time', () => {
    const { g, clock } = guard();
    const delays = Array.from({ length: 9 }, () => g.check('a', '0000')).map((r) => (r.ok ? -1 : r.delayMs));
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000, 2000, 4000, 4000]);
    expect(g.check('a', '0000')).toMatchObject({ status: 401 }); // the 10th locks
    expect(g.check('a', '2468')).toMatchObject({ status: 429, message: /try again in 1 min/ });
    clock.t += 61_000;
    expect(g.check('a', '2468')).toMatchObject({ ok: true });
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
    expect(g.check('staff', '2468')).toMatchObject({ ok: true });
  });

  test('without a PIN everything passes', () => {
    expect(new PinGuard(null).check('a', null)).toEqual({ ok: true, role: { kind: 'av' } });
  });
});

describe('PIN guessing from many addresses (issue 12, hole 3)', () => {
  const wrongFrom = (g: PinGuard, n: number, offset = 0) =>
    Array.from({ length: n }, (_, i) =>
      g.check(`10.0.${Math.floor((i + offset) / 250)}.${(i + offset) % 250}`, '0000'),
    );

  test(`after ${GLOBAL_WRONG_PER_MINUTE} wrong PINs in a minute from as many addresses, every PIN is refused unchecked`, () => {
    const { g } = guard();
    expect(wrongFrom(g, GLOBAL_WRONG_PER_MINUTE).every((r) => !r.ok && r.status === 401)).toBe(true);
    // A fresh address, even with the right PIN: 429, so a guesser learns nothing from it.
    expect(g.check('10.9.9.9', '2468')).toMatchObject({
      ok: false,
      status: 429,
      message: /too many wrong PINs on this server; try again in 60 s/,
    });
    expect(g.check('10.9.9.8', '0000')).toMatchObject({ status: 429 });
  });

  test('the operator who gave the right PIN before keeps acting with the session through the lockout', () => {
    const { g, clock } = guard();
    const first = g.check('192.168.1.10', '2468');
    if (!first.ok || !first.session) throw new Error('expected a session for the right PIN');
    wrongFrom(g, 500);
    expect(g.check('192.168.1.10', '2468')).toMatchObject({ status: 429 });
    expect(g.check('192.168.1.10', '2468', first.session)).toEqual({ ok: true, role: { kind: 'av' } });
    expect(g.check('192.168.1.77', null, first.session)).toEqual({ ok: true, role: { kind: 'av' } }); // the same browser on another address
    expect(g.check('192.168.1.10', '2468', 'forged-token')).toMatchObject({ status: 429 });
    clock.t += SESSION_MS + 1;
    expect(g.check('192.168.1.10', null, first.session)).toMatchObject({ ok: false });
  });

  test('a client that sends its PIN every time (a button box, curl) gets no session: its actions leave the console signed in', () => {
    const { g } = guard();
    const desk = g.check('192.168.1.10', '2468', null, true);
    if (!desk.ok || !desk.session) throw new Error('expected a session for the console that asked for one');
    // A Stream Deck firing 2,000 actions over the day: each is let through on its PIN, none is given a session.
    for (let i = 0; i < 2000; i++)
      expect(g.check('192.168.1.50', '2468', null, false)).toEqual({ ok: true, role: { kind: 'av' } });
    wrongFrom(g, 500);
    expect(g.check('192.168.1.10', '2468', desk.session)).toEqual({ ok: true, role: { kind: 'av' } });
  });

  test('the minute cap frees up a minute later; the hour cap holds after that', () => {
    const { g, clock } = guard();
    let checked = 0;
    // A guesser with endless addresses tries 100 PINs every 10 s for an hour.
    for (let step = 0; step < 360; step++) {
      checked += wrongFrom(g, 100, step * 100).filter((r) => !r.ok && r.status === 401).length;
      clock.t += 10_000;
    }
    expect(checked).toBe(GLOBAL_WRONG_PER_HOUR);
  });

  test('worst case over a day: 200 guesses an hour, so a 4-digit PIN falls within about 2 days, a 6-digit one 208', () => {
    const { g, clock } = guard();
    let checked = 0;
    for (let minute = 0; minute < 24 * 60; minute++) {
      checked += wrongFrom(g, 40, minute * 40).filter((r) => !r.ok && r.status === 401).length;
      clock.t += 60_000;
    }
    expect(checked).toBe(24 * GLOBAL_WRONG_PER_HOUR);
    // The figures docs/api.md states: every PIN of the space tried, at this rate.
    expect(10_000 / checked).toBeCloseTo(2.08, 2);
    expect(1_000_000 / checked).toBeCloseTo(208.3, 1);
  });
});

describe('what the operator is told (the server prints these lines)', () => {
  test('an address locked out, and each time the server-wide cap starts to hold: once, not once per guess', () => {
    const clock = { t: 1_000_000 };
    const told: string[] = [];
    const g = new PinGuard(
      '2468',
      () => clock.t,
      [],
      (line) => told.push(line),
    );
    for (let i = 0; i < 10; i++) g.check('10.0.0.7', '0000');
    expect(told).toEqual(['10 wrong PINs from 10.0.0.7: that address is refused for 1 min']);
    told.length = 0;
    for (let i = 0; i < 100; i++) g.check(`10.1.0.${i}`, '1111');
    expect(told).toEqual([
      '30 wrong PINs within a minute from 21 addresses: every PIN is refused unchecked (429) for 1 min; consoles already signed in keep working',
    ]);
    // Each minute the cap frees up and holds again is told once, until the hour's 200 (in the 6th minute): told
    // once more with the hour's figures, then nothing while the hour cap holds.
    told.length = 0;
    for (let minute = 0; minute < 10; minute++) {
      clock.t += 61_000;
      for (let i = 0; i < 40; i++) g.check(`10.2.${minute}.${i}`, '1111');
    }
    expect(told).toHaveLength(6);
    for (const line of told.slice(0, 5))
      expect(line).toMatch(/^30 wrong PINs within a minute from 30 addresses: .* for 1 min;/);
    expect(told[5]).toMatch(
      /^200 wrong PINs within an hour from 191 addresses: every PIN is refused unchecked \(429\) for 5\d min;/,
    );
  });
});

describe('chair PINs (issue 14, roles)', () => {
  const chairs = () => {
    const clock = { t: 1_000_000 };
    const g = new PinGuard('246810', () => clock.t, [
      { pin: 'chair-a', room: 'A' },
      { pin: 'chair-any', room: null },
    ]);
    return { g, clock };
  };

  test('each PIN gives its role: AV everything, a chair PIN its room (or every room)', () => {
    const { g } = chairs();
    expect(g.check('x', '246810')).toMatchObject({ ok: true, role: { kind: 'av' } });
    expect(g.check('x', 'chair-a')).toMatchObject({ ok: true, role: { kind: 'chair', room: 'A' } });
    expect(g.check('x', 'chair-any')).toMatchObject({ ok: true, role: { kind: 'chair', room: null } });
  });

  test('wrong chair PINs count in the same guessing caps; the right one is then refused unchecked', () => {
    const { g } = chairs();
    for (let i = 0; i < 10; i++) expect(g.check('guesser', `chair-${i}`)).toMatchObject({ status: 401 });
    expect(g.check('guesser', 'chair-a')).toMatchObject({ status: 429 });
  });

  test('a session keeps its role; the PIN sent with it decides when it is another right one', () => {
    const { g } = chairs();
    const chair = g.check('x', 'chair-a');
    if (!chair.ok || !chair.session) throw new Error('expected a session');
    expect(g.check('x', null, chair.session)).toMatchObject({ ok: true, role: { kind: 'chair', room: 'A' } });
    // The AV desk in the same browser (one cookie for both tabs) sends the AV PIN: it acts as AV.
    expect(g.check('x', '246810', chair.session)).toMatchObject({ ok: true, role: { kind: 'av' } });
    // A wrong PIN next to a chair session does not make it AV, and counts as a guess.
    for (let i = 0; i < 10; i++)
      expect(g.check('y', `guess-${i}`, chair.session)).toMatchObject({ role: { kind: 'chair' } });
    expect(g.check('y', '246810')).toMatchObject({ status: 429 });
  });
});
