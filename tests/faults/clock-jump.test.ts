// The wall clock jumping an hour (an NTP correction) during the show: what is on follows the new time at once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ProgramInput } from '../../core/program/schema.ts';
import { parseLocal } from '../../core/time.ts';
import { createClock } from '../../server/clock.ts';
import { Show, type ShowEvent } from '../../server/show.ts';
import { ProgramWatcher } from '../../server/program/program-watcher.ts';

/** The longest the show waits between two looks at the clock (MAX_PUSH_WAIT_MS in server/show.ts). */
const PUSH_CAP_MS = 30_000;
const ZONE = 'Europe/Paris';
const at = (hm: string) => {
  const p = parseLocal(`2026-06-29T${hm}`, ZONE);
  if (!p.ok) throw new Error(p.reason);
  return p.at;
};

const program: ProgramInput = {
  formatVersion: 1,
  event: { id: 'jump', name: 'Jump Conf' },
  timezone: ZONE,
  venue: { name: 'Hall' },
  rooms: [{ id: 'A', name: 'Room A' }],
  items: [
    { id: 'talk1', kind: 'talk', title: 'First', start: '2026-06-29T09:00', end: '2026-06-29T09:50' },
    { id: 'coffee', kind: 'break', title: 'Coffee', start: '2026-06-29T09:50', end: '2026-06-29T10:10' },
    { id: 'talk2', kind: 'talk', title: 'Second', start: '2026-06-29T10:10', end: '2026-06-29T11:00' },
  ],
};

let show: Show | null = null;
let watcher: ProgramWatcher | null = null;
beforeEach(() => {
  // Timers run on the monotonic clock and Date on the wall clock: setSystemTime moves the wall clock alone, as NTP does.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  show?.close();
  watcher?.close();
  vi.useRealTimers();
});

/** A real show (program file and watcher, real clock abstraction) whose real clock is the faked Date. */
async function startAt(hm: string): Promise<{ show: Show; events: { event: ShowEvent; wall: number }[] }> {
  vi.setSystemTime(at(hm));
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-jump-'));
  writeFileSync(join(dir, 'program.json'), JSON.stringify(program));
  watcher = await ProgramWatcher.open(join(dir, 'program.json'));
  show = new Show(watcher, null, createClock({ realNow: () => Date.now() }), 'A');
  const events: { event: ShowEvent; wall: number }[] = [];
  show.subscribe((event) => events.push({ event, wall: Date.now() }));
  return { show, events };
}
const currentIds = (s: Show) => s.state().current.map((i) => i.id);

describe('the wall clock jumps an hour during the show', () => {
  test('forward: the state follows the new time at once and a push goes out within the cap', async () => {
    const { show, events } = await startAt('09:20');
    expect(currentIds(show)).toEqual(['talk1']);
    expect(show.state().timer).toMatchObject({ itemId: 'talk1', remainingSeconds: 30 * 60 });

    vi.setSystemTime(at('10:20')); // +1 h: the talk, the break and the start of the second talk are skipped
    expect(currentIds(show)).toEqual(['talk2']);
    expect(show.state().timer).toMatchObject({ itemId: 'talk2', remainingSeconds: 40 * 60, phase: 'normal' });
    expect(show.state().clock.now).toBe(at('10:20'));
    expect(events).toEqual([]);

    await vi.advanceTimersByTimeAsync(PUSH_CAP_MS);
    const ticks = events.filter((e) => e.event === 'tick');
    expect(ticks.length).toBe(1);
    expect(ticks[0]!.wall - at('10:20')).toBeLessThanOrEqual(PUSH_CAP_MS);

    // Then the pushes aim at the new time's boundaries: the end of the second talk, and nothing before it.
    await vi.advanceTimersByTimeAsync(at('11:00') - Date.now() - 1000);
    expect(events.filter((e) => e.event === 'tick').length).toBe(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(events.filter((e) => e.event === 'tick').map((e) => e.wall)).toEqual([ticks[0]!.wall, at('11:00')]);
    expect(show.state().phase).toBe('after-event');
  });

  test('backward: the state follows the new time at once; actions apply at the new time', async () => {
    const { show } = await startAt('10:20');
    expect(currentIds(show)).toEqual(['talk2']);

    vi.setSystemTime(at('09:20')); // −1 h: back in the first talk
    expect(currentIds(show)).toEqual(['talk1']);
    expect(show.state()).toMatchObject({ phase: 'in-session', next: { id: 'coffee' } });
    expect(show.state().timer).toMatchObject({ itemId: 'talk1', remainingSeconds: 30 * 60 });

    // A pause now is a pause of the first talk at 09:20, not of the second one.
    const paused = show.dispatch({ type: 'timer.pause' });
    expect(paused.timer).toMatchObject({ itemId: 'talk1', running: false });
    expect(Date.parse(paused.timer!.pausedAt!)).toBe(at('09:20'));
  });

  test('backward with nobody acting: no boundary is crossed, yet screens are told within the cap', async () => {
    const { show, events } = await startAt('10:20');
    vi.setSystemTime(at('09:20'));
    await vi.advanceTimersByTimeAsync(PUSH_CAP_MS);
    expect(events.filter((e) => e.event === 'tick').length).toBe(1);
    expect(currentIds(show)).toEqual(['talk1']);
  });

  test('forward past a started timer’s end: its item is over and the day goes on, as late as the timer made it', async () => {
    const { show, events } = await startAt('09:40');
    // With the default policy ("hold") a touched talk would stay on stage in overtime; this is the clock's rule.
    show.dispatch({ type: 'overtime.policy', policy: 'clock' });
    show.dispatch({ type: 'timer.start' }); // the first talk restarts now for its 50 minutes: ends 10:30
    expect(show.state().timer).toMatchObject({ itemId: 'talk1', remainingSeconds: 50 * 60 });

    vi.setSystemTime(at('10:40'));
    // The first talk ended at 10:30 and the rest of the day moved 40 minutes: the coffee break is on until 10:50.
    const s = show.state();
    expect(s.current.map((i) => i.id)).toEqual(['coffee']);
    expect(s).toMatchObject({ delayMinutes: 40, next: { id: 'talk2' } });
    expect(Date.parse(s.current[0]!.end)).toBe(at('10:50'));
    await vi.advanceTimersByTimeAsync(PUSH_CAP_MS);
    expect(events.filter((e) => e.event === 'tick').length).toBe(1);
  });
});
