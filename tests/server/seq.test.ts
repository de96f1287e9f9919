// Every accepted action makes a new state, so it advances `seq`: the short answer's seq names that state, and a
// screen can tell it from the one before (a chair that drops states it has seen, a button box that waits for it).
import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Action } from '../../core/live/actions.ts';
import { connect, programAroundNow, startHarness, type Harness } from './harness.ts';

let h: Harness;
const program = programAroundNow();
beforeAll(async () => {
  h = await startHarness(program);
});
afterAll(() => h.close());

const later = (id: string, minutes: number) =>
  DateTime.fromISO(program.items!.find((i) => i.id === id)!.start)
    .plus({ minutes })
    .toFormat("yyyy-MM-dd'T'HH:mm");

/** One accepted example of every action type, in an order where each applies. */
const examples: Action[] = [
  { type: 'timer.start' },
  { type: 'timer.pause' },
  { type: 'timer.resume' },
  { type: 'timer.add', seconds: 60 },
  { type: 'timer.reset' },
  { type: 'delay.set', minutes: 5 },
  { type: 'message.set', to: 'speaker', text: 'Five minutes' },
  { type: 'message.ack' },
  { type: 'message.clear' },
  { type: 'blackout', on: true },
  { type: 'overtime.policy', policy: 'clock' },
  { type: 'goto', itemId: 'talk2' },
  { type: 'item.previous' },
  { type: 'follow' },
  { type: 'item.end' },
  { type: 'undo' },
  { type: 'redo' },
  { type: 'presets.set', texts: ['Five minutes', 'Wrap up please'] },
  { type: 'program.item.update', itemId: 'talk2', set: { title: 'Second talk, new title' } },
  { type: 'program.item.note', itemId: 'talk2', chair: 'Bring the clicker' },
  { type: 'program.item.cancel', itemId: 'talk2', reason: 'Speaker ill' },
  { type: 'program.item.restore', itemId: 'talk2' },
  { type: 'program.item.move', itemId: 'talk2', start: later('talk2', 10) },
  { type: 'program.item.swap', a: 'talk1', b: 'b-talk' },
  {
    type: 'program.item.add',
    item: {
      id: 'extra',
      kind: 'talk',
      title: 'Extra talk',
      start: later('talk2', 60),
      end: later('talk2', 80),
      speakers: [],
    },
    room: 'A',
  },
  { type: 'program.item.remove', itemId: 'extra' },
];

test('every action type advances seq: its short answer names a state no screen had before', async () => {
  // program.edit.resolve needs a conflict with the source: its seq is checked in edits.test.ts.
  const covered = new Set([...examples.map((a) => a.type), 'program.edit.resolve']);
  expect(Action.options.map((o) => o.shape.type.value).filter((t) => !covered.has(t))).toEqual([]);
  const screen = await connect(h);
  let last = (await (await fetch(`${h.url}/api/state`)).json()).seq as number;
  for (const action of examples) {
    const res = await fetch(`${h.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${h.pin}` },
      body: JSON.stringify(action),
    });
    const answer = (await res.json()) as { seq: number; room: string; error?: string };
    expect([action.type, res.status, answer.error]).toEqual([action.type, 200, undefined]);
    expect([action.type, answer.seq]).toEqual([action.type, last + 1]);
    // The screen of the room was pushed that state, with that seq, before the answer.
    const pushed = await screen.next((s) => s.seq === answer.seq, 2000);
    expect(pushed.seq).toBe(answer.seq);
    last = answer.seq;
  }
  screen.ws.close();
});
