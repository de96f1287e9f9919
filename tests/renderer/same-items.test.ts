// A door's cards redo their work only for items that changed: an item a new state repeats unchanged is the object the
// view already shows (renderer/lib/same-items.ts), so its card's texts, times and fitting are not done again at every
// push, and V8 does not keep compiling more of that work day after day (docs/performance.md).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import type { ItemJson } from '../../core/schedule/screen-json.ts';
import { ShowConnection } from '../../renderer/lib/connection.svelte.ts';
import { SilentSocket, stubPageSockets } from './silent-socket.ts';

let sockets: SilentSocket[] = [];
beforeEach(() => {
  sockets = [];
  stubPageSockets(SilentSocket, sockets);
});
afterEach(() => vi.unstubAllGlobals());

function item(id: string, start: string, end: string, title = `Talk ${id}`): ItemJson {
  return {
    id,
    kind: 'talk',
    title,
    subtitle: null,
    start,
    end,
    plannedStart: start,
    plannedEnd: end,
    day: start.slice(0, 10),
    speakers: [{ name: 'Ada Lu', affiliation: 'Mines Paris' }],
    room: 'L108-A',
    location: null,
    session: null,
    url: null,
    cancelled: null,
  } as ItemJson;
}

const T = (hm: string) => `2026-06-29T${hm}:00+02:00`;

function state(seq: number, parts: Partial<StateJson>): StateJson {
  return { seq, current: [], next: null, later: [], elsewhere: [], ...parts } as unknown as StateJson;
}

function receive(s: StateJson): void {
  sockets.at(-1)!.onmessage!({ data: JSON.stringify({ type: 'state', state: s }) });
}

describe('the items of a new state', () => {
  test('an item repeated unchanged is the object the view has; one that changed in any field is the new one', () => {
    const connection = new ShowConnection('signage', null);
    const on = item('a', T('10:00'), T('10:30'));
    receive(
      state(1, {
        current: [{ ...on, remainingSeconds: 600 }],
        next: item('b', T('10:30'), T('11:00')),
        later: [item('c', T('11:00'), T('11:30')), item('d', T('11:30'), T('12:00'))],
      }),
    );
    const first = connection.state!;
    // A message set: the same items, the talk on now with fewer seconds left, d's title edited.
    receive(
      state(2, {
        current: [{ ...on, remainingSeconds: 420 }],
        next: item('b', T('10:30'), T('11:00')),
        later: [item('c', T('11:00'), T('11:30')), item('d', T('11:30'), T('12:00'), 'Talk d, new title')],
      }),
    );
    const second = connection.state!;
    expect(second).not.toBe(first);
    expect(second.next).toBe(first.next);
    expect(second.later[0]).toBe(first.later[0]);
    expect(second.later[1]).not.toBe(first.later[1]);
    expect(second.later[1]!.title).toBe('Talk d, new title');
    // The talk on now only has fewer seconds left, which no view reads (they count from its end): the same object,
    // carrying the new count.
    expect(second.current[0]).toBe(first.current[0]);
    expect((second.current[0] as { remainingSeconds: number }).remainingSeconds).toBe(420);
    // A delay of 5 min: every time moves, every item is new and carries its new times.
    receive(
      state(3, {
        current: [{ ...item('a', T('10:05'), T('10:35')), remainingSeconds: 700 }],
        next: item('b', T('10:35'), T('11:05')),
        later: [item('c', T('11:05'), T('11:35'))],
      }),
    );
    const third = connection.state!;
    expect(third.current[0]).not.toBe(second.current[0]);
    expect(third.current[0]!.end).toBe(T('10:35'));
    expect(third.next).not.toBe(second.next);
    expect(third.next!.start).toBe(T('10:35'));
    expect(third.later[0]!.start).toBe(T('11:05'));
    connection.close();
  });

  test("only the last state's items are kept: an item that left and came back is a new object", () => {
    const connection = new ShowConnection('signage', null);
    receive(state(1, { next: item('b', T('10:30'), T('11:00')) }));
    const b = connection.state!.next;
    receive(state(2, { next: item('x', T('10:30'), T('11:00')) }));
    receive(state(3, { next: item('b', T('10:30'), T('11:00')) }));
    expect(connection.state!.next).not.toBe(b);
    expect(connection.state!.next).toEqual(b);
    connection.close();
  });

  test("another room's items are kept the same way", () => {
    const connection = new ShowConnection('signage', null);
    const room = () => ({
      room: 'b',
      roomName: 'Room B',
      capacity: null,
      current: [item('e', T('10:00'), T('10:45'))],
      next: item('f', T('10:45'), T('11:30')),
    });
    receive(state(1, { elsewhere: [room()] } as Partial<StateJson>));
    const before = connection.state!.elsewhere[0]!;
    receive(state(2, { elsewhere: [room()] } as Partial<StateJson>));
    const after = connection.state!.elsewhere[0]!;
    expect(after.current[0]).toBe(before.current[0]);
    expect(after.next).toBe(before.next);
    connection.close();
  });

  test('an item on now is kept only as an item on now: NEXT that becomes the talk on now is a new object', () => {
    const connection = new ShowConnection('signage', null);
    const b = item('b', T('10:30'), T('11:00'));
    receive(state(1, { next: b }));
    const asNext = connection.state!.next!;
    receive(state(2, { current: [{ ...b, remainingSeconds: 1800 }] }));
    const on = connection.state!.current[0]!;
    expect(on).not.toBe(asNext);
    expect(on.remainingSeconds).toBe(1800);
    expect('remainingSeconds' in asNext).toBe(false);
    connection.close();
  });

  test('the announcement and the message to the speaker, unchanged, are the objects the view has', () => {
    const connection = new ShowConnection('signage', null);
    const message = (text: string) => ({ text, setAt: T('10:00'), until: null, ackedAt: null });
    const messages = (text: string) => ({ speaker: message(`${text} (speaker)`), public: message(text) });
    receive(state(1, { messages: messages('Lunch in the hall') } as Partial<StateJson>));
    const first = connection.state!.messages;
    receive(state(2, { messages: messages('Lunch in the hall') } as Partial<StateJson>));
    const second = connection.state!.messages;
    expect(second.public).toBe(first.public);
    expect(second.speaker).toBe(first.speaker);
    receive(state(3, { messages: messages('Lunch in room B') } as Partial<StateJson>));
    expect(connection.state!.messages.public).not.toBe(second.public);
    expect(connection.state!.messages.public!.text).toBe('Lunch in room B');
    receive(state(4, { messages: { speaker: null, public: null } } as Partial<StateJson>));
    expect(connection.state!.messages.public).toBe(null);
    connection.close();
  });
});
