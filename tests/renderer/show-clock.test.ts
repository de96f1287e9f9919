// The views count from the show's clock (a rehearsal's, not the wall clock): from the first state they show, never
// from the machine's clock they ticked on while connecting (the chair once showed "+3687:25:10" in a rehearsal).
import { describe, expect, test, vi } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { ShowConnection } from '../../renderer/lib/connection.svelte.ts';
import { Ticker, changeDue } from '../../renderer/lib/ticker.svelte.ts';
import { fakePageEachTest, type SilentSocket } from './silent-socket.ts';

const REAL_NOW = Date.UTC(2026, 10, 29, 23, 35); // the machine's clock: late November
const SHOW_NOW = Date.UTC(2026, 5, 29, 7, 50); // the rehearsal's: 09:50 in Paris on 29 June

function rehearsalState(): StateJson {
  return {
    seq: 3,
    clock: { now: SHOW_NOW, serverTime: REAL_NOW, speed: 1, rehearsal: true },
  } as unknown as StateJson;
}

const sockets = fakePageEachTest(REAL_NOW);

function receive(state: StateJson): void {
  sockets.at(-1)!.onmessage!({ data: JSON.stringify({ type: 'state', state }) });
}

describe('the show clock a view counts from', () => {
  test("the ticker's now is the rehearsal's as soon as the first state is in, not the wall clock it ticked on", () => {
    const connection = new ShowConnection('chair', null);
    const ticker = new Ticker(connection);
    vi.advanceTimersByTime(300); // connecting: a few hundred ms, no tick due yet
    receive(rehearsalState());
    // Read in the same frame as the state: 09:50:00.3, not 29 November.
    expect(ticker.now).toBe(SHOW_NOW + 300);
    vi.advanceTimersByTime(1000);
    expect(ticker.now).toBe(SHOW_NOW + 1300);
    ticker.stop();
    connection.close();
  });

  test('before any state there is no show time to count from', () => {
    const connection = new ShowConnection('chair', null);
    expect(connection.showNow()).toBeNull();
    receive(rehearsalState());
    expect(connection.showNow()).toBe(SHOW_NOW);
    connection.close();
  });
});

describe('the socket the page opens before the view has loaded', () => {
  test("is the view's own when it is for the same view and room, and is closed when it is not", async () => {
    const { preconnect } = await import('../../renderer/lib/connection.svelte.ts');
    const closed: SilentSocket[] = [];
    for (const s of sockets) s.close = () => void closed.push(s);
    preconnect('signage', 'L108-A');
    const early = sockets.at(-1)!;
    early.close = () => void closed.push(early);
    // The view then asks for another room: the early socket is not taken, and must not stay open.
    const connection = new ShowConnection('signage', 'L109');
    expect(sockets.length).toBe(2);
    expect(closed).toEqual([early]);
    connection.close();

    preconnect('signage', 'L108-A');
    const taken = sockets.at(-1)!;
    const same = new ShowConnection('signage', 'L108-A');
    expect(sockets.at(-1)).toBe(taken); // no second socket
    same.close();
  });
});

describe('the ticker at an item change', () => {
  const B = SHOW_NOW + 10 * 60_000; // 10:00 in Paris: one talk ends, the next starts
  function stateBefore(msBefore: number, speed = 1): StateJson {
    return {
      seq: 4,
      clock: { now: B - msBefore, serverTime: REAL_NOW, speed, rehearsal: true },
      current: [{ id: 'a', end: new Date(B).toISOString() }],
      next: { id: 'b', start: new Date(B).toISOString() },
      timer: null,
    } as unknown as StateJson;
  }

  test.each([1, 30])(
    'at %i×, does not wake the door at the change itself: the new state redraws it then (no frame of the old item just before)',
    (speed) => {
      const connection = new ShowConnection('signage', null);
      const ticker = new Ticker(connection, changeDue(connection));
      receive(stateBefore(1500 * speed, speed));
      vi.advanceTimersByTime(1500 - 1); // the ticks before the change
      const before = ticker.tickCount;
      expect(before).toBeGreaterThan(1);
      vi.advanceTimersByTime(1 + 40); // through the change, to 40 ms after it: no new state yet
      expect(ticker.tickCount).toBe(before);
      // No state came (an item held on stage): it wakes a little later all the same.
      vi.advanceTimersByTime(200);
      expect(ticker.tickCount).toBeGreaterThan(before);
      ticker.stop();
      connection.close();
    },
  );
});

describe('when a door next changes by itself (changeDue)', () => {
  const at = (minutes: number) => new Date(SHOW_NOW + minutes * 60_000).toISOString();
  function due(partial: Partial<Record<'current' | 'next' | 'timer', unknown>>): number | null {
    const connection = new ShowConnection('signage', null);
    receive({ ...rehearsalState(), current: [], next: null, timer: null, ...partial } as unknown as StateJson);
    const result = changeDue(connection)();
    connection.close();
    return result;
  }

  test('the earliest of the ends on now, the next start and a running timer, after now', () => {
    const current = [
      { id: 'a', end: at(30) },
      { id: 'b', end: at(12) },
      { id: 'c', end: at(-5) }, // held on stage past its end: not a change to come
    ];
    expect(due({ current, next: { id: 'd', start: at(20) } })).toBe(SHOW_NOW + 12 * 60_000);
    expect(due({ current, next: { id: 'd', start: at(8) } })).toBe(SHOW_NOW + 8 * 60_000);
    const timer = { running: true, endsAtMs: SHOW_NOW + 3 * 60_000 };
    expect(due({ current, next: { id: 'd', start: at(8) }, timer })).toBe(SHOW_NOW + 3 * 60_000);
  });

  test('nothing to come (all past, a paused timer): null', () => {
    const timer = { running: false, endsAtMs: SHOW_NOW + 3 * 60_000 };
    expect(due({ current: [{ id: 'a', end: at(-1) }], next: null, timer })).toBeNull();
    expect(due({})).toBeNull();
  });
});
