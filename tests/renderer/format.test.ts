// What the screens print for times and countdowns, in the program's zone whatever the machine's.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { daysApart, eventDay } from '../../renderer/lib/days.ts';
import {
  clockTime,
  countdown,
  dayLine,
  instantOf,
  langFrom,
  shortDuration,
  wallTime,
} from '../../renderer/lib/format.ts';
import { programDay } from '../../core/time.ts';
import { repoPath } from '../helpers.ts';

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

describe('times in far zones and across summer-time changes (run under several machine TZ by npm run test:tz)', () => {
  test.each([
    // Paris: the last minute before the spring change, the first after, and the autumn hour shown twice.
    { at: '2026-03-29T00:59:00Z', zone: 'Europe/Paris', time: '01:59' },
    { at: '2026-03-29T01:00:00Z', zone: 'Europe/Paris', time: '03:00' },
    { at: '2026-10-25T00:30:00Z', zone: 'Europe/Paris', time: '02:30' },
    { at: '2026-10-25T01:30:00Z', zone: 'Europe/Paris', time: '02:30' },
    { at: '2026-06-29T08:50:00Z', zone: 'Pacific/Auckland', time: '20:50' },
    { at: '2026-06-29T08:50:00Z', zone: 'America/Los_Angeles', time: '01:50' },
    { at: '2026-06-29T08:50:00Z', zone: 'Asia/Kolkata', time: '14:20' },
    { at: '2026-06-29T00:00:00Z', zone: 'UTC', time: '00:00' },
  ])('$at is $time in $zone', ({ at, zone, time }) => {
    expect(clockTime(at, zone)).toBe(time);
    expect(clockTime(Date.parse(at), zone)).toBe(time);
  });

  test("the day line is the venue's day, not the machine's", () => {
    // 23:30 UTC on Sunday 28 June is already Monday in Paris, still Sunday afternoon in Los Angeles.
    const at = Date.UTC(2026, 5, 28, 23, 30);
    expect(dayLine(at, 'Europe/Paris', 'en')).toBe('Monday 29 June');
    expect(dayLine(at, 'America/Los_Angeles', 'fr')).toBe('dimanche 28 juin');
    expect(dayLine(at, 'Pacific/Auckland', 'en')).toBe('Monday 29 June');
  });

  test('calendar days between two instants, in the zone, across a 23-hour day', () => {
    const paris = 'Europe/Paris';
    const calendarDaysBetween = (from: number, to: number, zone: string) =>
      daysApart(eventDay(from, zone, 0), eventDay(to, zone, 0));
    expect(
      calendarDaysBetween(Date.parse('2026-06-29T23:59:00+02:00'), Date.parse('2026-06-30T00:01:00+02:00'), paris),
    ).toBe(1);
    expect(
      calendarDaysBetween(Date.parse('2026-06-29T00:01:00+02:00'), Date.parse('2026-06-29T23:59:00+02:00'), paris),
    ).toBe(0);
    expect(
      calendarDaysBetween(Date.parse('2026-03-28T12:00:00+01:00'), Date.parse('2026-03-29T12:00:00+02:00'), paris),
    ).toBe(1);
    expect(
      calendarDaysBetween(Date.parse('2026-03-28T00:30:00+01:00'), Date.parse('2026-03-30T23:30:00+02:00'), paris),
    ).toBe(2);
    expect(
      calendarDaysBetween(Date.parse('2026-06-30T10:00:00+02:00'), Date.parse('2026-06-29T10:00:00+02:00'), paris),
    ).toBe(-1);
  });

  test.each([
    { label: 'the evening', iso: '2026-06-29T23:45:00+02:00', day: '2026-06-29' },
    { label: 'the night', iso: '2026-06-30T04:59:00+02:00', day: '2026-06-29' },
    { label: 'the day change', iso: '2026-06-30T05:00:00+02:00', day: '2026-06-30' },
    { label: 'the night the clocks go forward', iso: '2026-03-29T04:30:00+02:00', day: '2026-03-28' },
    { label: 'the night the clocks go back', iso: '2026-10-25T04:59:00+01:00', day: '2026-10-24' },
  ])("a view's day of the event with days changing at 05:00: $label", ({ iso, day }) => {
    expect(eventDay(Date.parse(iso), 'Europe/Paris', 300)).toBe(day);
  });

  test('a wall time is found back as its instant; a skipped one is null; a repeated one is the first', () => {
    const w = { year: 2026, month: 6, day: 29, hour: 10, minute: 30, second: 0 };
    expect(instantOf(w, 'Europe/Paris')).toBe(Date.parse('2026-06-29T10:30:00+02:00'));
    expect(instantOf(w, 'Pacific/Auckland')).toBe(Date.parse('2026-06-29T10:30:00+12:00'));
    expect(instantOf({ ...w, month: 3, hour: 2 }, 'Europe/Paris')).toBeNull();
    expect(instantOf({ ...w, month: 10, day: 25, hour: 2 }, 'Europe/Paris')).toBe(
      Date.parse('2026-10-25T02:30:00+02:00'),
    );
    expect(wallTime(Date.parse('2026-06-29T22:30:05Z'), 'Europe/Paris')).toEqual({
      year: 2026,
      month: 6,
      day: 30,
      hour: 0,
      minute: 30,
      second: 5,
    });
  });
});

test('no view imports a date library: the browser formats venue times with Intl', () => {
  const files = readdirSync(repoPath('renderer'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.(ts|svelte)$/.test(f),
  );
  expect(files.length).toBeGreaterThan(20);
  const importers = files.filter((f) => /from ['"]luxon['"]/.test(readFileSync(repoPath(`renderer/${f}`), 'utf8')));
  expect(importers).toEqual([]);
});

describe("the views' day of the event where the clocks repeat the day change (as the engine's programDay)", () => {
  test.each([
    { zone: 'Europe/Paris', change: 150, utc: '2026-10-25T00:15Z', day: '2026-10-24' },
    { zone: 'Europe/Paris', change: 150, utc: '2026-10-25T00:30Z', day: '2026-10-25' },
    { zone: 'Europe/Paris', change: 150, utc: '2026-10-25T01:00Z', day: '2026-10-25' },
    { zone: 'Europe/Paris', change: 150, utc: '2026-10-25T01:29Z', day: '2026-10-25' },
    { zone: 'America/Los_Angeles', change: 90, utc: '2026-11-01T09:10Z', day: '2026-11-01' },
    { zone: 'America/Los_Angeles', change: 120, utc: '2026-11-01T09:10Z', day: '2026-10-31' },
  ])('$zone, minute $change: $utc is $day', ({ zone, change, utc, day }) => {
    expect(eventDay(Date.parse(utc), zone, change)).toBe(day);
  });

  test.each([
    { zone: 'Europe/Paris', night: '2026-10-24T20:00Z', changes: [0, 60, 120, 150, 179, 180, 300] },
    { zone: 'America/Los_Angeles', night: '2026-11-01T04:00Z', changes: [60, 90, 119, 120, 300] },
    { zone: 'Pacific/Auckland', night: '2026-04-04T10:00Z', changes: [120, 150, 180, 300] },
    // Lord Howe goes back half an hour (02:00 to 01:30).
    { zone: 'Australia/Lord_Howe', night: '2026-04-04T10:00Z', changes: [60, 90, 100, 120, 300] },
  ])('$zone: every minute of the night, the views and the engine agree', ({ zone, night, changes }) => {
    const from = Date.parse(night);
    for (const change of changes) {
      const differ: string[] = [];
      for (let t = from; t < from + 12 * 3_600_000; t += 60_000) {
        if (eventDay(t, zone, change) !== programDay(t, zone, change)) differ.push(new Date(t).toISOString());
      }
      expect([change, differ]).toEqual([change, []]);
    }
  });
});
