// Time rules and engine rules on small programs: DST, instants typed by users, rooms, overlaps, day boundaries.
import { describe, expect, test } from 'vitest';
import { resolveLive } from '../../core/live/live-screen.ts';
import { reduce } from '../../core/live/reducer.ts';
import { emptyLive } from '../../core/live/state.ts';
import { jsonErrorOffset } from '../../core/program/json-error-offset.ts';
import { UnknownRoomError } from '../../core/schedule/resolve.ts';
import { screenJson } from '../../core/schedule/screen-json.ts';
import { isoInZone, parseInstant, parseLocal } from '../../core/time.ts';
import { screenAt, timelineOf, tinyProgram } from '../helpers.ts';

describe('instants typed by a user', () => {
  test.each([
    { label: 'program-local time', text: '2026-06-29T10:55', iso: '2026-06-29T08:55:00.000Z' },
    { label: 'with seconds', text: '2026-06-29T10:55:30', iso: '2026-06-29T08:55:30.000Z' },
    { label: 'Z', text: '2026-06-29T08:55Z', iso: '2026-06-29T08:55:00.000Z' },
    { label: 'an offset', text: '2026-06-29T18:55+10:00', iso: '2026-06-29T08:55:00.000Z' },
    { label: 'winter time in Paris', text: '2026-12-01T10:00', iso: '2026-12-01T09:00:00.000Z' },
  ])('$label: $text', ({ text, iso }) => {
    const parsed = parseInstant(text, 'Europe/Paris');
    expect(parsed.ok && new Date(parsed.at).toISOString()).toBe(iso);
  });

  test.each(['tomorrow', '2026-06-29', '29/06/2026 10:55', '2026-06-29T25:00', '2026-13-01T10:00', ''])(
    'refused: "%s"',
    (text) => {
      const parsed = parseInstant(text, 'Europe/Paris');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(/ISO 8601|not a valid|does not exist/);
    },
  );

  test('a wall-clock time that happens twice (autumn) is read as one fixed instant, winter time; one skipped (spring) is refused', () => {
    const autumn = parseLocal('2026-10-25T02:30', 'Europe/Paris');
    expect(autumn.ok && isoInZone(autumn.at, 'Europe/Paris')).toBe('2026-10-25T02:30:00+01:00');
    expect(parseLocal('2026-03-29T02:30', 'Europe/Paris').ok).toBe(false);
  });
});

describe('the engine on small programs', () => {
  test('an item across the autumn clock change lasts its real length', () => {
    const p = tinyProgram();
    p.items = [{ id: 'night', kind: 'social', title: 'Night', start: '2026-10-25T01:00', end: '2026-10-25T04:00' }];
    p.sessions = [];
    const t = timelineOf(p);
    const json = screenJson(t, screenAt(t, '2026-10-25T01:00'));
    expect(json.current[0]!.remainingSeconds).toBe(4 * 3600); // 01:00 CEST to 04:00 CET
    expect(json.current[0]!.end).toBe('2026-10-25T04:00:00+01:00');
  });

  test('each room sees its own items and the ones away from the rooms', () => {
    const p = tinyProgram();
    p.rooms!.push({ id: 'B', name: 'Room B' });
    p.locations = [{ id: 'cafe', name: 'Café' }];
    p.items!.push(
      { id: 'b-talk', kind: 'talk', title: 'In B', start: '2026-06-29T09:00', end: '2026-06-29T09:45', room: 'B' },
      {
        id: 'lunch',
        kind: 'meal',
        title: 'Lunch',
        start: '2026-06-29T12:00',
        end: '2026-06-29T13:00',
        location: 'cafe',
      },
    );
    const t = timelineOf(p);
    expect(screenAt(t, '2026-06-29T09:10', 'A').current.map((i) => i.id)).toEqual(['t1']);
    expect(screenAt(t, '2026-06-29T09:10', 'B').current.map((i) => i.id)).toEqual(['b-talk']);
    expect(screenAt(t, '2026-06-29T10:00', 'B').next?.id).toBe('lunch');
    expect(screenAt(t, '2026-06-29T12:30', 'B').current.map((i) => i.id)).toEqual(['lunch']);
    expect(() => screenAt(t, '2026-06-29T10:00', 'C')).toThrow(UnknownRoomError);
  });

  test('a delay that pushes a late-night item past midnight keeps the order of the night', () => {
    const p = tinyProgram();
    p.sessions = [];
    p.items = [
      { id: 'night-demo', kind: 'social', title: 'Night demo', start: '2026-06-29T23:30', end: '2026-06-29T23:59' },
      { id: 'night-hack', kind: 'social', title: 'Night hack', start: '2026-06-30T00:00', end: '2026-06-30T00:30' },
    ];
    const t = timelineOf(p);
    const late = reduce(t, emptyLive(), { type: 'delay.set', minutes: 45 }, Date.UTC(2026, 5, 29, 21, 0), 'A');
    const s = resolveLive(t, late, 'A', Date.UTC(2026, 5, 29, 22, 5)); // 00:05 in Paris
    // The demo runs 45 min late (00:15-00:44); the hack, after it in the program, waits for it past midnight.
    expect(s.current.map((i) => i.id)).toEqual([]);
    expect(s.next?.id).toBe('night-demo');
    const at = (h: number, m: number) =>
      resolveLive(t, late, 'A', Date.UTC(2026, 5, 29, h, m)).current.map((i) => i.id);
    expect(at(22, 40)).toEqual(['night-demo']); // 00:40
    expect(at(22, 50)).toEqual(['night-hack']); // 00:50
  });

  test('a long item overlapped by short ones stays current throughout', () => {
    const p = tinyProgram();
    p.items!.push({ id: 'expo', kind: 'poster', title: 'Expo', start: '2026-06-29T08:00', end: '2026-06-29T11:00' });
    const t = timelineOf(p);
    for (const [at, ids] of [
      ['2026-06-29T08:30', ['expo']],
      ['2026-06-29T09:15', ['expo', 't1']],
      ['2026-06-29T09:45', ['expo', 't2']],
      ['2026-06-29T10:15', ['expo', 'b1']],
      ['2026-06-29T10:45', ['expo']],
    ] as const) {
      expect(
        screenAt(t, at).current.map((i) => i.id),
        at,
      ).toEqual(ids);
    }
  });

  test('a room with nothing in it says after the event', () => {
    const p = tinyProgram();
    p.rooms!.push({ id: 'B', name: 'Room B' });
    expect(screenAt(timelineOf(p), '2026-06-29T09:00', 'B')).toMatchObject({
      phase: 'after-event',
      current: [],
      next: null,
    });
  });
});

describe('JSON syntax error positions', () => {
  test.each([
    '{}',
    '[1, 2.5e3, -0, "a\\u00e9"]',
    '{"a": [true, false, null]}',
    '{"a": 1,}',
    '[1 2]',
    '{"a": hello}',
    '"\\x"',
    '01',
    '{"a": 1}}',
    '',
    '   ',
    '{"a"',
  ])('agrees with JSON.parse on %j', (text) => {
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    expect(jsonErrorOffset(text) === null).toBe(valid);
  });
});
