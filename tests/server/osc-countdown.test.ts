// OSC out sends a running countdown as the screens show it: each whole second once, none skipped, none twice, at the
// instant it changes on the show clock, however late (or a little early) the timer that sends it fires, at 1× and on
// a sped-up rehearsal clock, for rooms whose seconds change at different instants.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ProgramInput } from '../../core/program/schema.ts';
import { parseProgramJson } from '../../core/program/parse.ts';
import { parseLocal } from '../../core/time.ts';
import { createClock } from '../../server/clock.ts';
import { oscOut } from '../../server/osc.ts';
import type { ProgramChange, ProgramSource } from '../../server/program/program-watcher.ts';
import { Show } from '../../server/show.ts';

const ZONE = 'Europe/Paris';
const at = (hms: string) => {
  const p = parseLocal(`2026-06-29T${hms}`, ZONE);
  if (!p.ok) throw new Error(p.reason);
  return p.at;
};

const program: ProgramInput = {
  formatVersion: 1,
  event: { id: 'osc', name: 'OSC Conf' },
  timezone: ZONE,
  venue: { name: 'Hall' },
  rooms: [
    { id: 'A', name: 'Room A' },
    { id: 'B', name: 'Room B' },
  ],
  items: [
    { id: 'a-talk', kind: 'talk', title: 'In A', start: '2026-06-29T09:50', end: '2026-06-29T10:10', room: 'A' },
    { id: 'b-talk', kind: 'talk', title: 'In B', start: '2026-06-29T09:50', end: '2026-06-29T10:10', room: 'B' },
  ],
};

class StandInSource implements ProgramSource {
  current = (() => {
    const parsed = parseProgramJson(program);
    if (!parsed.program) throw new Error(JSON.stringify(parsed.diagnostics));
    return { file: 'program.json', program: parsed.program, diagnostics: parsed.diagnostics, loadedAt: 0 };
  })();
  problem = null;
  onChange(_listener: (event: ProgramChange) => void) {
    return () => {};
  }
  close() {}
}

/**
 * Every timer set from now on fires `lateMs` after it was due (negative: before, but never before 1 ms, as Node's
 * timers do by the wall clock). An interval, as Node's, is re-armed from when its callback ran: its lateness adds up.
 */
function timersFiring(lateMs: number) {
  const fakeSet = globalThis.setTimeout;
  const fakeClear = globalThis.clearTimeout;
  const due = (wait: number | undefined) => Math.max(1, (wait ?? 0) + lateMs);
  const set = (fn: () => void, wait?: number) => fakeSet(fn, due(wait));
  vi.stubGlobal('setTimeout', set);
  class Interval {
    handle: ReturnType<typeof setTimeout> | null = null;
    constructor(fn: () => void, every: number) {
      const run = () => {
        this.handle = set(run, every);
        fn();
      };
      this.handle = set(run, every);
    }
    unref() {
      return this;
    }
  }
  vi.stubGlobal('setInterval', (fn: () => void, every: number) => new Interval(fn, every));
  vi.stubGlobal('clearInterval', (i: Interval | undefined) => {
    if (i?.handle) fakeClear(i.handle);
  });
}

let show: Show | null = null;
afterEach(() => {
  show?.close();
  show = null;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('OSC out, the countdown', () => {
  test.each([
    { speed: 1, lateMs: 30 },
    { speed: 1, lateMs: -1 },
    { speed: 60, lateMs: 5 },
    { speed: 60, lateMs: -1 },
  ])(
    'at speed $speed, its timer firing $lateMs ms off each time for 60 s: each room sends each second once, as it changes',
    async ({ speed, lateMs }) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
      vi.setSystemTime(at('08:00'));
      const clock = createClock({ startAt: at('09:50'), speed, realNow: () => Date.now() });
      show = new Show(new StandInSource(), null, clock, 'A');
      const s = show;
      // Room B's seconds change 400 ms after room A's: its timer was held 0.4 s.
      s.dispatch({ type: 'timer.pause', room: 'B' }, 'test');
      await vi.advanceTimersByTimeAsync(400 / speed);
      s.dispatch({ type: 'timer.resume', room: 'B' }, 'test');
      timersFiring(lateMs);

      const sent: { address: string; value: number; showAt: number }[] = [];
      const stop = oscOut(s, [{ host: '127.0.0.1', port: 9 }], (address, value) => {
        if (address.endsWith('/remaining')) sent.push({ address, value: value as number, showAt: clock.now() });
      });
      const from = clock.now();
      await vi.advanceTimersByTimeAsync((60_000 + 500) / speed);
      stop();

      for (const room of ['A', 'B']) {
        const endsAt = s.state(room).timer!.endsAtMs;
        const values = sent.filter((m) => m.address === `/roomcue/${room}/remaining`);
        const first = values[0]!.value;
        // Each second of the countdown once, in order: 1200, 1199, 1198, … (not 1200, 1198, nor 1199, 1199).
        expect(values.map((m) => m.value)).toEqual(values.map((_, i) => first - i));
        expect(values.length).toBeGreaterThanOrEqual(60);
        // Each sent when the screens start showing it (its second began at endsAt - value s), as late as the timer.
        for (const m of values.slice(1)) {
          const lateShowMs = m.showAt - (endsAt - m.value * 1000);
          expect(lateShowMs, `${room} ${m.value}`).toBeGreaterThanOrEqual(0);
          expect(lateShowMs, `${room} ${m.value}`).toBeLessThanOrEqual((Math.max(lateMs, 0) + 1) * speed);
        }
        expect(values[0]!.showAt).toBe(from);
      }
    },
  );

  test('on a rehearsal clock at 3600×, a second a fraction of a ms long, a room gets a value every 10 ms, in order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(at('08:00'));
    const clock = createClock({ startAt: at('09:50'), speed: 3600, realNow: () => Date.now() });
    show = new Show(new StandInSource(), null, clock, 'A');
    const sent: { value: number; realAt: number }[] = [];
    const stop = oscOut(show, [{ host: '127.0.0.1', port: 9 }], (address, value) => {
      if (address === '/roomcue/A/remaining') sent.push({ value: value as number, realAt: Date.now() });
    });
    // A quarter of a real second: 900 of the talk's 1200 s.
    await vi.advanceTimersByTimeAsync(250);
    stop();
    // Every 10 real ms the second shown then (36 show seconds apart), from 1200 down to 300.
    expect(sent.map((m) => m.value)).toEqual(Array.from({ length: 26 }, (_, i) => 1200 - 36 * i));
    expect(sent.map((m) => m.realAt - sent[0]!.realAt)).toEqual(Array.from({ length: 26 }, (_, i) => 10 * i));
  });
});
