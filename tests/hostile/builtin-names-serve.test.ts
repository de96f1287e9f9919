// Hole 1 of issue 12 through the server: a room called like a built-in serves, takes actions, and hot-reloads.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ProgramInput } from '../../core/program/schema.ts';
import { connect, post, programAroundNow, startHarness, type Harness } from '../server/harness.ts';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];

function withRooms(base: ProgramInput, ids: string[]): ProgramInput {
  const p = structuredClone(base);
  p.rooms = [{ id: ids[0]!, name: 'Main' }, ...ids.slice(1).map((id) => ({ id, name: `Room ${id}` }))];
  p.items = p.items!.map((item, i) => ({ ...item, room: ids[i % ids.length]! }));
  return p;
}

let h: Harness;
const base = programAroundNow();
beforeAll(async () => {
  h = await startHarness(withRooms(base, ['A', ...NAMES]), { pin: null });
});
afterAll(() => h.close());

test.each(NAMES)('GET /api/state?room=%s answers with that room', async (room) => {
  const res = await fetch(`${h.url}/api/state?room=${room}`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { room: string }).room).toBe(room);
});

test.each(NAMES)('an action in room %s applies to that room only', async (room) => {
  const { status, json } = await post(h, { type: 'blackout', room, on: true });
  expect(status).toBe(200);
  expect(json.blackout).toBe(true);
  const a = (await (await fetch(`${h.url}/api/state?room=A`)).json()) as { blackout: boolean };
  expect(a.blackout).toBe(false);
});

test('a program edited to use built-in room names is reloaded and pushed to the screens', async () => {
  const c = await connect(h, 'view=signage&room=A');
  await c.next(() => true);
  writeFileSync(h.programFile, JSON.stringify(withRooms(base, ['A', 'isPrototypeOf', 'propertyIsEnumerable'])));
  await c.next((s) => (s.rooms as { id: string }[] | undefined)?.some((r) => r.id === 'isPrototypeOf') ?? false, 5000);
  const res = await fetch(`${h.url}/api/state?room=propertyIsEnumerable`);
  expect(res.status).toBe(200);
  expect((await post(h, { type: 'timer.start', room: 'isPrototypeOf' })).status).toBeLessThan(500);
  c.ws.close();
});
