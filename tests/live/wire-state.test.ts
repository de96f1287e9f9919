// The screens' wire form of a state (core/contract/wire.ts): the door's and the chair's pushes leave out each item's
// fields that equal their defaults, and the views read back exactly the state the server made.
import { describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { compactState, expandState } from '../../core/contract/wire.ts';
import type { Action } from '../../core/live/actions.ts';
import { shippedAt, shippedStateAt } from '../shipped-state.ts';

const at = shippedAt;

/** The real state of the shipped program at `local`, after timed actions; `lists` as the control view has them. */
const stateAt = (local: string, steps: [string, Action][] = [], lists = false): StateJson =>
  shippedStateAt(local, steps, {
    lists,
    // Another room's items, as a multi-room show lists them (here the same program's, to have real items).
    elsewhere: (screen) => [{ room: 'L109', current: screen.current, next: screen.later[1] ?? null }],
  });

/** Day 1 after its last talk: NEXT is the dinner at Le Procope (19:00), away from the rooms. */
const DINNER_NEXT = '18:30';

/** What a screen receives: the wire form through JSON, as the socket carries it. */
const overTheWire = (state: StateJson) => JSON.parse(JSON.stringify(compactState(state)));

describe("the screens' short items", () => {
  test('an item nothing moved carries no planned times, no nulls, no room or day equal to the state’s', () => {
    const state = stateAt('09:40');
    const k = state.later.findIndex((i) => i.speakers.length > 0 && i.speakers.every((p) => p.affiliation !== null));
    const full = state.later[k]!;
    expect(full.plannedStart).toBe(full.start);
    const wire = overTheWire(state);
    const item = wire.later[k];
    expect(item.id).toBe(full.id);
    for (const left of ['plannedStart', 'plannedEnd', 'day', 'room', 'subtitle', 'location', 'url', 'cancelled']) {
      expect(full).toHaveProperty(left);
      expect(item).not.toHaveProperty(left);
    }
    expect(item.speakers).toEqual(full.speakers);
    expect(item.start).toBe(full.start);
    expect(item.end).toBe(full.end);
  });

  test('a delay: the moved items carry their planned times, and the views read them back', () => {
    const state = stateAt('09:40', [['09:35', { type: 'delay.set', minutes: 10 }]]);
    const full = state.next!;
    expect(full.start).not.toBe(full.plannedStart);
    const wire = overTheWire(state);
    expect(wire.next.plannedStart).toBe(full.plannedStart);
    expect(wire.next.plannedEnd).toBe(full.plannedEnd);
    expect(wire.next.start).toBe(full.start);
    expect(expandState(wire).next).toEqual(full);
  });

  test('an item away from the rooms keeps its room: null, its place, its link; a subtitle stays', () => {
    const state = stateAt(DINNER_NEXT);
    const away = state.next!;
    expect(away.location?.name).toMatch(/Procope/);
    expect(away.location?.url).toBe('https://www.procope.com/');
    expect(away.room).toBeNull();
    const wire = overTheWire(state);
    const sent = wire.next;
    expect(sent.room).toBeNull();
    expect(sent.location).toEqual(away.location);
    expect('url' in sent).toBe(false); // the link is the place's, not the item's
    expect(expandState(wire)).toEqual(state);
    const morning = stateAt('08:50');
    expect(morning.next?.id).toBe('d1-welcome');
    expect(overTheWire(morning).next.subtitle).toBe('from Ecole des Mines de Paris');
    expect(expandState(overTheWire(morning))).toEqual(morning);
  });

  test('nextInRoom is left out when it is NEXT, and read back as NEXT; kept when it differs', () => {
    const same = stateAt('10:20');
    expect(same.nextInRoom).toEqual(same.next);
    const wire = overTheWire(same);
    expect('nextInRoom' in wire).toBe(false);
    expect(expandState(wire).nextInRoom).toEqual(same.next);
    // NEXT is the dinner, away: the chair counts down to the next item in the room (the next day's first, or none).
    const dinner = stateAt(DINNER_NEXT);
    expect(dinner.next?.location).not.toBeNull();
    expect(dinner.nextInRoom?.id).not.toBe(dinner.next!.id);
    const sent = overTheWire(dinner);
    expect(sent.nextInRoom === null ? null : sent.nextInRoom.id).toBe(dinner.nextInRoom?.id ?? null);
    expect(expandState(sent).nextInRoom).toEqual(dinner.nextInRoom);
  });

  test('whatever the state, the views read back exactly the state the server made', () => {
    const moments = [
      '2026-06-29T07:00',
      '08:55',
      '09:40',
      '12:30',
      '15:10',
      '17:50',
      DINNER_NEXT,
      '23:30',
      '2026-06-30T10:00',
    ];
    const steps: [string, Action][][] = [
      [],
      [['08:00', { type: 'delay.set', minutes: 7 }]],
      [
        ['09:31', { type: 'timer.start' }],
        ['09:32', { type: 'timer.add', seconds: 300 }],
      ],
    ];
    for (const local of moments) {
      for (const s of steps) {
        for (const lists of [false, true]) {
          const state = stateAt(
            local,
            s.filter(([when]) => at(when) <= at(local)),
            lists,
          );
          expect(expandState(overTheWire(state))).toEqual(state);
          // A full state read as a wire one (GET /api/state's) is read back equal too.
          expect(expandState(JSON.parse(JSON.stringify(state)))).toEqual(state);
        }
      }
    }
  });

  test('every item the views hold has the same fields in the same order, whatever was left out', () => {
    const read = expandState(overTheWire(stateAt('12:30', [['12:00', { type: 'delay.set', minutes: 5 }]])));
    const items = [...read.current, read.next!, ...read.later].map((i) => {
      const { remainingSeconds: _, ...rest } = i as typeof i & { remainingSeconds?: number };
      return Object.keys(rest).join(',');
    });
    expect(new Set(items).size).toBe(1);
  });

  test("a door's state is much smaller on the wire", () => {
    const state = stateAt('09:40');
    const full = JSON.stringify(state).length;
    const wire = JSON.stringify(compactState(state)).length;
    expect(wire).toBeLessThan(full * 0.7);
  });
});
