// At a talk's start a door turns its hero by its own clock; the state the server pushes at that same instant (the same
// talk on now) is read a moment later, so that every door in the venue first does its cheap turn (a card built ahead,
// shown) before any does the push's work (Svelte's update of the whole door, its fitting, a frame): done at once,
// ten doors sharing two cores turned up to ~50 ms apart, the first ones' work delaying the others' turns.
import { describe, expect, test, vi } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { ShowConnection } from '../../renderer/lib/connection.svelte.ts';
import { Flip, TURN_HOLD_MS } from '../../renderer/views/signage/flip.svelte.ts';
import { fakePageEachTest } from './silent-socket.ts';

const NOW = Date.UTC(2026, 5, 29, 8, 9, 59);

function state(seq: number, current: string): StateJson {
  return {
    seq,
    clock: { now: NOW, serverTime: NOW, speed: 1, rehearsal: false },
    current: [{ id: current }],
  } as unknown as StateJson;
}

const sockets = fakePageEachTest(NOW);

const send = (message: object) => sockets.at(-1)!.onmessage!({ data: JSON.stringify(message) });
const currentId = (c: ShowConnection) => c.state?.current[0]?.id;

/** A door showing Dongarra whose clock says Lu starts in `waitMs`: its turn is set. */
function doorTurningToLu(waitMs: number) {
  const connection = new ShowConnection('signage', null);
  send({ type: 'state', state: state(1, 'dongarra') });
  const flip = new Flip(connection);
  const from = {};
  flip.at(from, 'lu', waitMs);
  return { connection, flip, from };
}

describe('a door’s own turn and the state pushed at that instant', () => {
  test('the turn shows the card at its instant and holds the states that come then; the rest of the door turns after', () => {
    const { connection, flip, from } = doorTurningToLu(1000);
    vi.advanceTimersByTime(999);
    expect(flip.shown).toBeNull();
    vi.advanceTimersByTime(1);
    expect(flip.shown).toEqual({ from, id: 'lu' });
    expect(flip.settled).toBeNull();
    // The server's state of 10:10 reaches the page 3 ms after the door turned: kept aside, not read yet.
    vi.advanceTimersByTime(3);
    send({ type: 'state', state: state(2, 'lu') });
    expect(currentId(connection)).toBe('dongarra');
    // A pong is read at once (the clock's offset does not wait).
    send({ type: 'pong', t: Date.now() - 4, serverTime: Date.now() - 2 });
    expect(connection.clockMeasured).toBe(true);
    // A later state in the same moment replaces the kept one; the latest is shown when the hold ends.
    send({ type: 'state', state: state(3, 'lu') });
    vi.advanceTimersByTime(TURN_HOLD_MS - 3 - 1);
    expect(currentId(connection)).toBe('dongarra');
    vi.advanceTimersByTime(1);
    expect(connection.state?.seq).toBe(3);
    connection.close();
  });

  test('no state came: the rest of the door turns when the hold ends, by the door’s own guess', () => {
    const { connection, flip, from } = doorTurningToLu(500);
    vi.advanceTimersByTime(500);
    expect(flip.settled).toBeNull();
    vi.advanceTimersByTime(TURN_HOLD_MS);
    expect(flip.settled).toEqual({ from, id: 'lu' });
    // After the hold, a state is read as it comes.
    send({ type: 'state', state: state(2, 'lu') });
    expect(currentId(connection)).toBe('lu');
    connection.close();
  });

  test('without a turn, states are read as they come', () => {
    const { connection, flip } = doorTurningToLu(1000);
    flip.cancel();
    vi.advanceTimersByTime(1000);
    send({ type: 'state', state: state(2, 'lu') });
    expect(currentId(connection)).toBe('lu');
    connection.close();
  });
});

describe('how well a door knows the server’s clock', () => {
  test('half the fastest ping’s round trip: a page whose pings all took 900 ms cannot place an instant within 25 ms', () => {
    const connection = new ShowConnection('signage', null);
    expect(connection.clockErrorMs).toBe(Infinity);
    // A ping answered 900 ms later (the machine busy while the page loaded): the offset is known to ±450 ms only.
    send({ type: 'pong', t: Date.now() - 900, serverTime: Date.now() - 20 });
    expect(connection.clockMeasured).toBe(true);
    expect(connection.clockErrorMs).toBe(450);
    // A fast one later: ±1 ms.
    send({ type: 'pong', t: Date.now() - 2, serverTime: Date.now() - 1 });
    expect(connection.clockErrorMs).toBe(1);
    connection.close();
  });
});
