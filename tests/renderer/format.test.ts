// What the screens print for times and countdowns, in the program's zone whatever the machine's.
import { describe, expect, test } from 'vitest';
import { clockTime, countdown, dayLine, langFrom, shortDuration } from '../../renderer/lib/format.ts';

describe('countdown', () => {
  test.each([
    { ms: 40 * 60_000, text: '40:00' },
    { ms: 40 * 60_000 - 1, text: '40:00' },
    { ms: 61_000, text: '1:01' },
    { ms: 999, text: '0:01' },
    { ms: 0, text: '+0:00' },
    { ms: -5_400, text: '+0:05' },
    { ms: -61_000, text: '+1:01' },
    { ms: 3_725_000, text: '1:02:05' },
  ])('$ms ms → $text', ({ ms, text }) => expect(countdown(ms)).toBe(text));
});

describe('times in the program zone', () => {
  test('an instant is shown in Paris time from any offset', () => {
    expect(clockTime('2026-06-29T08:50:00Z', 'Europe/Paris')).toBe('10:50');
    expect(clockTime('2026-06-29T10:50:00+02:00', 'Europe/Paris')).toBe('10:50');
    expect(clockTime(Date.UTC(2026, 5, 29, 22, 30), 'Europe/Paris')).toBe('00:30');
  });

  test('the date line in English and French', () => {
    const at = Date.UTC(2026, 5, 29, 8, 0);
    expect(dayLine(at, 'Europe/Paris', 'en')).toBe('Monday 29 June');
    expect(dayLine(at, 'Europe/Paris', 'fr')).toBe('lundi 29 juin');
  });

  test('durations and the language choice', () => {
    expect(shortDuration(25 * 60_000, 'en')).toBe('25 min');
    expect(shortDuration(65 * 60_000, 'en')).toBe('1 h 05');
    expect(shortDuration(30_000, 'en')).toBe('30 s');
    expect(langFrom('?lang=fr&room=A')).toBe('fr');
    expect(langFrom('')).toBe('en');
  });
});

test('a duration just over a whole minute, by clock noise, is not rounded up a minute', () => {
  expect(shortDuration(40 * 60_000 + 400, 'en')).toBe('40 min');
  expect(shortDuration(40 * 60_000 + 1500, 'en')).toBe('41 min');
  expect(shortDuration(39 * 60_000 + 1, 'en')).toBe('39 min');
});
