// The console's venue times: a message's "until" typed as HH:MM becomes an instant in the program's zone, whatever the machine's.
import { afterEach, describe, expect, test } from 'vitest';
import { untilIso, venueClock } from '../../renderer/views/control/venue-time.ts';

const PARIS = 'Europe/Paris';
const at = (iso: string) => Date.parse(iso);
const machineZone = process.env.TZ;

afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

describe('until: HH:MM on the venue day', () => {
  test.each([
    {
      label: 'later today (summer)',
      time: '10:30',
      now: '2026-06-29T09:40:00+02:00',
      iso: '2026-06-29T10:30:00+02:00',
    },
    {
      label: 'later today (winter)',
      time: '17:05',
      now: '2026-01-12T16:00:00+01:00',
      iso: '2026-01-12T17:05:00+01:00',
    },
    {
      label: 'seconds from the time input',
      time: '10:30:00',
      now: '2026-06-29T09:40:00+02:00',
      iso: '2026-06-29T10:30:00+02:00',
    },
    { label: 'one digit hour', time: '9:05', now: '2026-06-29T08:00:00+02:00', iso: '2026-06-29T09:05:00+02:00' },
    // 23:30 UTC on the 28th is already the 29th in Paris: the venue's day counts, not UTC's.
    {
      label: "the venue's day, not UTC's",
      time: '08:00',
      now: '2026-06-28T23:30:00Z',
      iso: '2026-06-29T08:00:00+02:00',
    },
    {
      label: 'a zone far from the machine',
      time: '18:00',
      now: '2026-06-29T09:00:00+12:00',
      iso: '2026-06-29T18:00:00+12:00',
      zone: 'Pacific/Auckland',
    },
    {
      label: 'the day summer time starts, after the change',
      time: '03:30',
      now: '2026-03-29T01:00:00+01:00',
      iso: '2026-03-29T03:30:00+02:00',
    },
    // A night session: at 23:50, "00:15" is in 25 minutes, after midnight, not a time that has passed.
    {
      label: 'just after midnight, typed late in the evening',
      time: '00:15',
      now: '2026-06-29T23:50:00+02:00',
      iso: '2026-06-30T00:15:00+02:00',
    },
    {
      label: 'after midnight at the end of a month, in a zone far from the machine',
      time: '01:30',
      now: '2026-12-31T22:00:00+13:00',
      iso: '2027-01-01T01:30:00+13:00',
      zone: 'Pacific/Auckland',
    },
  ])('$label', ({ time, now, iso, zone }) => {
    expect(untilIso(time, at(now), zone ?? PARIS)).toEqual({ ok: true, iso });
  });

  test('empty: until cleared', () => {
    expect(untilIso('  ', at('2026-06-29T09:40:00+02:00'), PARIS)).toEqual({ ok: true, iso: undefined });
  });

  test.each([
    { label: 'not a time', time: 'soon', problem: 'format' },
    { label: 'hour out of range', time: '24:10', problem: 'format' },
    { label: 'minute out of range', time: '10:75', problem: 'format' },
    { label: 'already past today', time: '09:00', problem: 'past' },
    { label: 'exactly now', time: '09:40', problem: 'past' },
  ])('refused: $label', ({ time, problem }) => {
    const parsed = untilIso(time, at('2026-06-29T09:40:00+02:00'), PARIS);
    expect(parsed).toMatchObject({ ok: false, problem });
  });

  test('late in the evening, a time more than 12 hours away tomorrow is still a time past today', () => {
    expect(untilIso('12:00', at('2026-06-29T23:50:00+02:00'), PARIS)).toEqual({
      ok: false,
      problem: 'past',
      time: '12:00',
    });
  });

  test('a time skipped by summer time is refused, not moved', () => {
    expect(untilIso('02:30', at('2026-03-29T00:30:00+01:00'), PARIS)).toEqual({
      ok: false,
      problem: 'gap',
      time: '02:30',
    });
  });

  test('late on the eve of summer time, a time tonight that the clock skips is refused as skipped, not as past', () => {
    expect(untilIso('02:30', at('2026-03-28T23:50:00+01:00'), PARIS)).toEqual({
      ok: false,
      problem: 'gap',
      time: '02:30',
    });
    // Just after the gap it is tonight's, as any time after midnight.
    expect(untilIso('03:00', at('2026-03-28T23:50:00+01:00'), PARIS)).toEqual({
      ok: true,
      iso: '2026-03-29T03:00:00+02:00',
    });
    // In the morning, the same time is one that has passed today.
    expect(untilIso('02:30', at('2026-03-28T10:00:00+01:00'), PARIS)).toMatchObject({ ok: false, problem: 'past' });
  });

  test('on the night summer time ends, a time the clock shows twice is the one still to come', () => {
    // 02:15 after the clock went back (01:15 UTC): 02:30 comes again in 15 minutes.
    expect(untilIso('02:30', at('2026-10-25T02:15:00+01:00'), PARIS)).toEqual({
      ok: true,
      iso: '2026-10-25T02:30:00+01:00',
    });
    // 02:45 before it went back: 02:30 comes again in 45 minutes.
    expect(untilIso('02:30', at('2026-10-25T02:45:00+02:00'), PARIS)).toEqual({
      ok: true,
      iso: '2026-10-25T02:30:00+01:00',
    });
    // Before both, the first one.
    expect(untilIso('02:30', at('2026-10-25T02:10:00+02:00'), PARIS)).toEqual({
      ok: true,
      iso: '2026-10-25T02:30:00+02:00',
    });
    // After both, it has passed.
    expect(untilIso('02:30', at('2026-10-25T02:45:00+01:00'), PARIS)).toMatchObject({ ok: false, problem: 'past' });
  });

  test.each(['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Tokyo'])(
    'the same answer on a machine in %s',
    (zone) => {
      process.env.TZ = zone;
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone); // the machine's zone did change
      expect(untilIso('10:30', at('2026-06-29T09:40:00+02:00'), PARIS)).toEqual({
        ok: true,
        iso: '2026-06-29T10:30:00+02:00',
      });
      expect(venueClock(at('2026-06-29T09:40:05+02:00'), PARIS)).toBe('09:40:05');
    },
  );
});

describe('venue clock', () => {
  test('with seconds, in the venue zone', () => {
    expect(venueClock(at('2026-06-29T07:05:09Z'), PARIS)).toBe('09:05:09');
    expect(venueClock(at('2026-06-29T22:30:00Z'), PARIS)).toBe('00:30:00');
  });
});
