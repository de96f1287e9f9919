// "Running N min late" and NEXT's time say the same thing: N is how many whole minutes NEXT's shown time moved, on a
// fresh state and on a screen counting on from the last push until the next one.
import { describe, expect, test } from 'vitest';
import { screenChanges, resolveLive } from '../../core/live/live-screen.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { clockTime } from '../../renderer/lib/format.ts';
import { t as words } from '../../renderer/lib/i18n.ts';
import { announcedLate } from '../../renderer/lib/stage.ts';
import { marks, nextLine } from '../../renderer/views/chair/display.ts';
import { loadShippedProgram } from '../helpers.ts';
import { at, play, state } from './play.ts';

const dp2e = buildTimeline(loadShippedProgram());
const banner = (s: ReturnType<typeof state>, now: number) => words('en').runningLate(announcedLate(s, now));

describe('the lateness a screen announces is the one NEXT shows', () => {
  test('Dongarra started 2 min 30 s late: NEXT at 10:12 and "Running 2 min late", on the door and the chair', () => {
    const late = play(dp2e, [['2026-06-29T09:32:30', { type: 'timer.start' }]]);
    const now = '2026-06-29T09:40';
    const s = state(dp2e, late, now);
    expect(clockTime(s.next!.start, s.timezone)).toBe('10:12');
    expect(banner(s, at(dp2e, now))).toBe('Running 2 min late');
    expect(nextLine(s, at(dp2e, now), 'en')?.time).toBe('10:12');
    expect(marks(s, true, 'en', at(dp2e, now)).map((m) => m.text)).toEqual(['Running 2 min late']);
  });

  test('paused after that late start: until the next push, the counted-on banner agrees with the pushed NEXT', () => {
    const paused = play(dp2e, [
      ['2026-06-29T09:32:30', { type: 'timer.start' }],
      ['2026-06-29T09:45', { type: 'timer.pause' }],
    ]);
    const pushedAt = at(dp2e, '2026-06-29T09:45');
    const pushed = state(dp2e, paused, '2026-06-29T09:45');
    // The server pushes again at the first instant the screen changes by itself (server/show.ts).
    const nextPush = Math.min(...screenChanges(resolveLive(dp2e, paused.live, dp2e.mainRoom, pushedAt), pushedAt));
    // NEXT's shown time (10:12) less its planned one (10:10), in minutes.
    const minutes = (iso: string) =>
      clockTime(iso, dp2e.zone)
        .split(':')
        .reduce((h, m) => Number(h) * 60 + Number(m), 0);
    const shown = minutes(pushed.next!.start) - minutes(pushed.next!.plannedStart);
    expect(shown).toBe(2);
    for (let now = pushedAt; now < nextPush; now += 1000) {
      expect(banner(pushed, now), new Date(now).toISOString()).toBe(words('en').runningLate(shown));
    }
    // At that push NEXT has moved a minute, and the banner with it.
    const after = state(dp2e, paused, nextPush);
    expect(clockTime(after.next!.start, after.timezone)).toBe('10:13');
    expect(banner(after, nextPush)).toBe('Running 3 min late');
  });
});
