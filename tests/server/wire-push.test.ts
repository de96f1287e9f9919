// What a door's and a chair's socket carry: each item without the fields equal to their defaults (planned times that
// nothing moved, nulls, the state's own room and day), so that a push to every screen of a room is a few KB less;
// the control view's socket, GET /api/state and an action's state answer keep every field (docs/api.md).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { expandState } from '../../core/contract/wire.ts';
import { tinyProgram } from '../helpers.ts';
import { connect, post, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness(tinyProgram(), { at: '2026-06-29T09:10' });
});
afterEach(() => h.close());

type Item = Record<string, unknown>;
const T = (hm: string) => `2026-06-29T${hm}:00+02:00`;

describe("the screens' sockets", () => {
  test("a door's state: an item nothing moved has no planned times; a delay sends the planned time of each moved one", async () => {
    const door = await connect(h, 'view=signage');
    const first = await door.next(() => true);
    const next = first.next as Item;
    expect(next.id).toBe('t2');
    expect(next.start).toBe(T('09:30'));
    for (const left of ['plannedStart', 'plannedEnd', 'day', 'room', 'subtitle', 'location', 'url', 'cancelled']) {
      expect(next).not.toHaveProperty(left);
    }
    // The session, its chair and the speaker's affiliation are there: they are not defaults.
    expect((first.current as Item[])[0]!.speakers).toEqual([
      { name: 'Ada Lovelace', affiliation: 'Analytical Engines' },
    ]);
    expect(next.session).toEqual({ id: 's1', title: 'Morning', chairs: ['Ada Lovelace'], moderators: [] });

    const answer = await post(h, { type: 'delay.set', minutes: 10 });
    const delayed = await door.next((s) => s.seq === answer.json.seq);
    const moved = delayed.next as Item;
    expect(moved.start).toBe(T('09:40'));
    expect(moved.plannedStart).toBe(T('09:30'));
    expect(moved.plannedEnd).toBe(T('10:00'));
    // What the views read is the state the server made, as GET /api/state gives it.
    const res = await fetch(`${h.url}/api/state`);
    const full = (await res.json()) as Record<string, unknown>;
    expect(full.seq).toBe(delayed.seq);
    const read = expandState(delayed as never);
    expect(read.next).toEqual(full.next);
    expect(read.later).toEqual(full.later);
    expect(read.nextInRoom).toEqual(full.nextInRoom);
    expect(read.current.map(({ remainingSeconds: _, ...item }) => item)).toEqual(
      (full.current as Item[]).map(({ remainingSeconds: _, ...item }) => item),
    );
    door.ws.terminate();
  });

  test('a chair gets the short items too; the control view and GET /api/state keep every field', async () => {
    const chair = await connect(h, 'view=chair');
    const control = await connect(h, 'view=control');
    const chairState = await chair.next(() => true);
    const controlState = await control.next(() => true);
    expect(chairState.next).not.toHaveProperty('plannedStart');
    expect(controlState.next).toMatchObject({ plannedStart: T('09:30'), subtitle: null, room: 'A', url: null });
    const full = (await (await fetch(`${h.url}/api/state`)).json()) as { next: Item };
    expect(full.next).toMatchObject({ plannedStart: T('09:30'), plannedEnd: T('10:00'), day: '2026-06-29' });
    chair.ws.terminate();
    control.ws.terminate();
  });
});
