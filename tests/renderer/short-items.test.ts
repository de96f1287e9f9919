// A view reads every item of a pushed state in full: the door's and the chair's sockets leave out each item's fields
// that equal their defaults (core/contract/wire.ts), and the connection gives the views the state the server made.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ShowConnection } from '../../renderer/lib/connection.svelte.ts';
import { SilentSocket, stubPageSockets } from './silent-socket.ts';

let sockets: SilentSocket[] = [];
beforeEach(() => {
  sockets = [];
  stubPageSockets(SilentSocket, sockets);
});
afterEach(() => vi.unstubAllGlobals());

const T = (hm: string) => `2026-06-29T${hm}:00+02:00`;

/** A door's push as the server writes it: NEXT moved 10 minutes by a delay, the talk after it not, the dinner away. */
const pushed = {
  seq: 7,
  room: 'L108-A',
  today: '2026-06-29',
  current: [{ id: 'a', kind: 'talk', title: 'On now', start: T('09:00'), end: T('09:40'), remainingSeconds: 120 }],
  next: {
    id: 'b',
    kind: 'keynote',
    title: 'Moved',
    start: T('09:40'),
    end: T('10:10'),
    plannedStart: T('09:30'),
    plannedEnd: T('10:00'),
    speakers: [{ name: 'Ada Lu', affiliation: 'Mines Paris' }, { name: 'No Lab' }],
  },
  later: [
    {
      id: 'c',
      kind: 'talk',
      title: 'Cancelled',
      subtitle: 'sub',
      start: T('10:10'),
      end: T('10:40'),
      cancelled: { reason: null },
    },
    {
      id: 'd',
      kind: 'social',
      title: 'Dinner',
      start: T('19:00'),
      end: T('21:00'),
      day: '2026-06-29',
      room: null,
      location: { id: 'p', name: 'Le Procope', address: null, url: 'https://www.procope.com/' },
    },
  ],
  elsewhere: [],
  day: [],
  days: [],
};

describe('a short state received', () => {
  test('the views get every item in full: planned times, nulls, the room and the day', () => {
    const connection = new ShowConnection('signage', null);
    sockets.at(-1)!.onmessage!({ data: JSON.stringify({ type: 'state', state: pushed }) });
    const state = connection.state!;
    expect(state.current[0]).toEqual({
      id: 'a',
      kind: 'talk',
      title: 'On now',
      subtitle: null,
      start: T('09:00'),
      end: T('09:40'),
      plannedStart: T('09:00'),
      plannedEnd: T('09:40'),
      day: '2026-06-29',
      speakers: [],
      room: 'L108-A',
      location: null,
      session: null,
      url: null,
      cancelled: null,
      remainingSeconds: 120,
    });
    expect(state.next).toMatchObject({ plannedStart: T('09:30'), plannedEnd: T('10:00'), start: T('09:40') });
    expect(state.next!.speakers).toEqual([
      { name: 'Ada Lu', affiliation: 'Mines Paris' },
      { name: 'No Lab', affiliation: null },
    ]);
    expect(state.later[0]).toMatchObject({ subtitle: 'sub', cancelled: { reason: null }, room: 'L108-A', url: null });
    expect(state.later[1]).toMatchObject({ room: null, location: { name: 'Le Procope' }, plannedStart: T('19:00') });
    // NEXT happens in this room: the chair's next item in the room is NEXT.
    expect(state.nextInRoom).toBe(state.next);
  });

  test('a push whose now card has data it cannot render is shown, that field as it came (the door is not stuck)', () => {
    const connection = new ShowConnection('signage', null);
    const hostile = { ...pushed, current: [{ ...pushed.current[0], speakers: 42, plannedStart: null }] };
    sockets.at(-1)!.onmessage!({ data: JSON.stringify({ type: 'state', state: hostile }) });
    const state = connection.state!;
    expect(state.seq).toBe(7);
    expect(state.current[0]).toMatchObject({ id: 'a', title: 'On now', speakers: 42, plannedStart: null });
    expect(state.next!.speakers).toEqual([
      { name: 'Ada Lu', affiliation: 'Mines Paris' },
      { name: 'No Lab', affiliation: null },
    ]);
  });
});
