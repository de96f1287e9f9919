// The push at an item change (a boundary) reaches every screen with what follows, whatever happens around it: the
// push timer firing a little early by the wall clock, a push or an action's fan-out taking a few ms across the
// boundary, a program reload just before it, a sped-up rehearsal clock, a screen connecting at that very moment.
import { afterEach, describe, expect, test, vi } from 'vitest';
import WebSocket from 'ws';
import type { ProgramInput } from '../../core/program/schema.ts';
import { parseProgramJson } from '../../core/program/parse.ts';
import { parseLocal } from '../../core/time.ts';
import type { StateJson } from '../../core/contract/state.ts';
import { createClock } from '../../server/clock.ts';
import { startServer, type RunningServer } from '../../server/http-server.ts';
import type { ProgramChange, ProgramSource } from '../../server/program/program-watcher.ts';
import { Show } from '../../server/show.ts';

const ZONE = 'Europe/Paris';
const at = (hms: string) => {
  const p = parseLocal(`2026-06-29T${hms}`, ZONE);
  if (!p.ok) throw new Error(p.reason);
  return p.at;
};
/** The boundary: the first talk ends and the coffee break starts. */
const BOUNDARY = at('09:50');

const programInput = (talkTitle = 'First'): ProgramInput => ({
  formatVersion: 1,
  event: { id: 'edge', name: 'Edge Conf' },
  timezone: ZONE,
  venue: { name: 'Hall' },
  rooms: [
    { id: 'A', name: 'Room A' },
    { id: 'B', name: 'Room B' },
  ],
  items: [
    { id: 'talk1', kind: 'talk', title: talkTitle, start: '2026-06-29T09:00', end: '2026-06-29T09:50', room: 'A' },
    { id: 'coffee', kind: 'break', title: 'Coffee', start: '2026-06-29T09:50', end: '2026-06-29T10:10' },
    { id: 'talk2', kind: 'talk', title: 'Second', start: '2026-06-29T10:10', end: '2026-06-29T11:00', room: 'A' },
    { id: 'b-talk', kind: 'talk', title: 'In B', start: '2026-06-29T09:00', end: '2026-06-29T11:00', room: 'B' },
  ],
});

/** A program source that reloads when told (the file watcher's part, without a file). */
class StandInSource implements ProgramSource {
  current = snapshot(programInput());
  problem = null;
  private readonly listeners = new Set<(event: ProgramChange) => void>();
  onChange(listener: (event: ProgramChange) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  reload(input: ProgramInput) {
    this.current = snapshot(input);
    for (const l of this.listeners) l({ type: 'reloaded', snapshot: this.current });
  }
  close() {}
}
function snapshot(input: ProgramInput) {
  const parsed = parseProgramJson(input);
  if (!parsed.program) throw new Error(JSON.stringify(parsed.diagnostics));
  return { file: 'program.json', program: parsed.program, diagnostics: parsed.diagnostics, loadedAt: 0 };
}

let show: Show | null = null;
let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  show?.close();
  show = null;
  vi.useRealTimers();
});

/**
 * A show whose wall clock reads `skew` ms off the timers' clock (the faked one): Node's timers fire up to ~2 ms early
 * by Date.now (a fractional delay is cut to whole ms, and the loop's time is read once per turn); on this machine 182
 * of 300 timers of 7–20 ms fired early, the worst by 1.9 ms. Each push, as the server makes it (a state per room and
 * audience, serialised, written to every socket), takes `pushMs` ms of that wall clock.
 */
function fakeShow(opts: { speed?: number; startAt?: number; pushMs: number }) {
  const clockState = { skew: 0 };
  const clock = createClock({
    startAt: opts.startAt,
    speed: opts.speed,
    realNow: () => Date.now() + clockState.skew,
  });
  const source = new StandInSource();
  show = new Show(source, null, clock, 'A');
  const s = show;
  const pushed: { event: string; showAt: number; current: string[] }[] = [];
  s.subscribe((event) => {
    if (event === 'screens') return;
    const state = s.state('A', 'public');
    pushed.push({ event, showAt: clock.now(), current: state.current.map((i) => i.id) });
    clockState.skew += opts.pushMs;
  });
  return { show: s, clock, clockState, source, pushed };
}

describe('the push at a boundary', () => {
  test.each([
    { speed: 1, earlyMs: 1 },
    { speed: 60, earlyMs: 0.05 },
  ])(
    'at speed $speed, a push timer firing $earlyMs ms early and a push taking 2 ms: the coffee break is still pushed',
    async ({ speed, earlyMs }) => {
      // Real time: the clock starts (rehearsal or not) one real second before the boundary.
      const startAt = speed === 1 ? undefined : BOUNDARY - 1000 * speed;
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      vi.setSystemTime(speed === 1 ? BOUNDARY - 1000 : at('08:00'));
      const { clock, clockState, pushed } = fakeShow({ speed, startAt, pushMs: 2 });
      expect(pushed).toEqual([]);
      // Armed at the boundary, it fires a little early by the wall clock (at speed 60, 0.05 ms is 3 show ms).
      clockState.skew = -earlyMs;
      await vi.advanceTimersByTimeAsync(1000 + 500);
      expect(clock.now()).toBeGreaterThan(BOUNDARY);
      expect(pushed.at(-1)?.current).toEqual(['coffee']);
      // And within 50 real ms of the boundary, not at the next one.
      const first = pushed.find((p) => p.current[0] === 'coffee')!;
      expect((first.showAt - BOUNDARY) / speed).toBeLessThan(50);
    },
  );

  test("an action's fan-out crossing the boundary: the coffee break is still pushed", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(BOUNDARY - 10_000);
    const { show, clock, pushed } = fakeShow({ pushMs: 5 });
    await vi.advanceTimersByTimeAsync(10_000 - 3);
    // 3 ms before the boundary AV puts a message up; sending its state to the screens takes 5 ms.
    show.dispatch({ type: 'message.set', text: 'Lunch is upstairs', to: 'public' });
    expect(pushed.map((p) => p.current)).toEqual([['talk1']]);
    expect(clock.now()).toBeGreaterThan(BOUNDARY);
    await vi.advanceTimersByTimeAsync(1000);
    expect(pushed.at(-1)?.current).toEqual(['coffee']);
  });

  test('a program reload whose push crosses the boundary: the coffee break is still pushed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(BOUNDARY - 10_000);
    const { source, clock, pushed } = fakeShow({ pushMs: 5 });
    await vi.advanceTimersByTimeAsync(10_000 - 3);
    source.reload(programInput('First, retitled'));
    expect(pushed.map((p) => p.current)).toEqual([['talk1']]);
    expect(clock.now()).toBeGreaterThan(BOUNDARY);
    await vi.advanceTimersByTimeAsync(1000);
    expect(pushed.at(-1)?.current).toEqual(['coffee']);
  });

  test('a push timer firing well before its time (a loaded loop) pushes nothing early and the boundary on time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(BOUNDARY - 1000);
    const { clock, clockState, pushed } = fakeShow({ pushMs: 1 });
    clockState.skew = -300;
    await vi.advanceTimersByTimeAsync(1000);
    expect(clock.now()).toBeLessThan(BOUNDARY);
    expect(pushed).toEqual([]); // a state of the talk that is ending, pushed again, would be a wasted redraw
    await vi.advanceTimersByTimeAsync(400);
    expect(pushed.map((p) => p.current)).toEqual([['coffee']]);
    expect(pushed[0]!.showAt - BOUNDARY).toBeLessThan(50);
  });
});

describe('a screen connecting at the moment of a boundary', () => {
  /** A real server on loopback, its show clock starting at `startAt` and reading `real.now()` as the real time. */
  async function realServer(startAt: number, real = { now: () => Date.now() }) {
    const clock = createClock({ startAt, realNow: () => real.now() });
    show = new Show(new StandInSource(), null, clock, 'A');
    server = await startServer({ show, host: '127.0.0.1', port: 0, pin: null, staticDir: '/nonexistent' });
    return { show, clock, url: server.url.replace('http', 'ws') };
  }

  function open(url: string) {
    const ws = new WebSocket(`${url}/ws?view=signage&room=A`);
    const states: StateJson[] = [];
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.type === 'state') states.push(msg.state);
    });
    return { ws, states };
  }
  const until = async (check: () => boolean, ms: number) => {
    const t0 = Date.now();
    while (!check() && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 10));
    return check();
  };

  test('the boundary passing right after its first state is made: the push of what follows reaches it', async () => {
    // The show clock stands still 100 ms before the coffee break until the screen's first state is made (however
    // long the connection takes); then, before that state is even sent, it jumps to 1 ms past the boundary and runs.
    const t0 = Date.now();
    const real = { now: () => t0 };
    const { show, clock, url } = await realServer(BOUNDARY - 100, real);
    const state = show.state.bind(show);
    let made: number | null = null;
    show.state = (...args) => {
      const s = state(...args);
      if (made === null) {
        made = clock.now();
        const resumed = Date.now();
        real.now = () => t0 + 101 + (Date.now() - resumed);
      }
      return s;
    };
    const c = open(url);
    expect(await until(() => c.states.length > 0, 2000)).toBe(true);
    expect(made).toBe(BOUNDARY - 100);
    expect(c.states[0]!.current.map((i) => i.id)).toEqual(['talk1']);
    expect(clock.now()).toBeGreaterThanOrEqual(BOUNDARY);
    // The push timer, armed for the boundary (looking again every 100 ms while the clock stood still), fires and
    // finds the screen registered.
    expect(await until(() => c.states.some((s) => s.current[0]?.id === 'coffee'), 2000)).toBe(true);
    c.ws.close();
  });

  test('a screen connecting just after the push: its first state is already the coffee break', async () => {
    const { show, clock, url } = await realServer(BOUNDARY - 150);
    const ticks: number[] = [];
    show.subscribe((e) => e === 'tick' && ticks.push(clock.now()));
    expect(await until(() => ticks.length > 0, 2000)).toBe(true);
    const c = open(url);
    expect(await until(() => c.states.length > 0, 2000)).toBe(true);
    expect(c.states[0]!.current.map((i) => i.id)).toEqual(['coffee']);
    c.ws.close();
  });
});
