// Operators edit the program through the API: each edit as a door, chair and control see it, undo/redo, conflicts with
// a changed source, the overlay file across a restart, notes per audience, presets and the chair's acknowledgement.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { localDateTime } from '../../core/edits/program-actions.ts';
import { connect, post, programAroundNow, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness(programAroundNow());
});
afterEach(() => h.close());

const state = async (query = '') => (await (await fetch(`${h.url}/api/state${query}`)).json()) as StateJson;
const ok = async (body: unknown) => {
  const r = await post(h, body);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json as unknown as StateJson;
};

/** The item the tests add in room A: an announcement from `start` to `end` (local times). */
const announcement = (start: string, end: string) => ({
  id: 'announce',
  kind: 'talk',
  title: 'Announcement',
  start,
  end,
  room: 'A',
});

describe('edits', () => {
  test('cancel: the door shows it cancelled with the public reason, nobody is on stage, undo gives it back', async () => {
    const door = await connect(h, 'view=signage');
    const s = await ok({ type: 'program.item.cancel', itemId: 'talk1', reason: 'Speaker ill' });
    expect(s.current[0]!.id).toBe('talk1');
    expect(s.current[0]!.cancelled).toEqual({ reason: 'Speaker ill' });
    expect(s.stage.itemId).toBeNull();
    expect(s.timer).toBeNull();
    expect(s.edits!.items).toEqual([
      {
        itemId: 'talk1',
        title: 'First talk',
        changed: [],
        cancelled: { reason: 'Speaker ill', public: true },
        added: false,
      },
    ]);
    const pushed = (await door.next((x) => x.seq === s.seq)) as unknown as StateJson;
    expect(pushed.current[0]!.cancelled).toEqual({ reason: 'Speaker ill' });
    expect(pushed.edits).toBeUndefined();
    door.ws.close();

    const undone = await ok({ type: 'undo' });
    expect(undone.current[0]!.cancelled).toBeNull();
    expect(undone.stage.itemId).toBe('talk1');
    expect(undone.history.redo).toBe('Cancel “First talk”');
    expect((await ok({ type: 'redo' })).current[0]!.cancelled).toEqual({ reason: 'Speaker ill' });
  });

  test('a talk running 20 min over, then cancelled: the day is on time again; undo gives the timer back', async () => {
    expect((await ok({ type: 'timer.add', seconds: 1200 })).late.minutes).toBe(20);
    const s = await ok({ type: 'program.item.cancel', itemId: 'talk1' });
    expect(s.late.minutes).toBe(0);
    expect(s.current[0]!.end).toBe(s.current[0]!.plannedEnd);
    expect(s.next!.start).toBe(s.next!.plannedStart);
    const back = await ok({ type: 'undo' });
    expect(back.late.minutes).toBe(20);
    expect(back.stage.itemId).toBe('talk1');
  });

  test("the chair's next item in the room is one that happens: a cancelled one is skipped", async () => {
    expect((await state()).nextInRoom!.id).toBe('break1');
    const s = await ok({ type: 'program.item.cancel', itemId: 'break1' });
    expect(s.next!.id).toBe('break1'); // the door still says it is cancelled
    expect(s.nextInRoom!.id).toBe('talk2');
    expect((await ok({ type: 'undo' })).nextInRoom!.id).toBe('break1');
  });

  test('a private reason stays on the control view', async () => {
    await ok({ type: 'program.item.cancel', itemId: 'talk1', reason: 'Flight missed', public: false });
    const door = await connect(h, 'view=signage');
    const seen = (await door.next(() => true)) as unknown as StateJson;
    door.ws.close();
    expect(seen.current[0]!.cancelled).toEqual({ reason: null });
    expect(JSON.stringify(seen)).not.toContain('Flight missed');
    expect((await state()).edits!.items[0]!.cancelled).toEqual({ reason: 'Flight missed', public: false });
  });

  test('a title fixed while the talk is on reaches the door; the control says what it was', async () => {
    const door = await connect(h, 'view=signage');
    const s = await ok({ type: 'program.item.update', itemId: 'talk1', set: { title: 'The first talk' } });
    const pushed = (await door.next((x) => x.seq === s.seq)) as unknown as StateJson;
    door.ws.close();
    expect(pushed.current[0]!.title).toBe('The first talk');
    expect(s.edits!.items[0]!.changed).toEqual([{ field: 'title', label: 'Title', was: 'First talk' }]);
    // The source file is never rewritten.
    expect(readFileSync(h.programFile, 'utf8')).toContain('"First talk"');
  });

  test('swap and move change what is on and when', async () => {
    // An action's answer has no day list: the control view reads the day from its state (GET /api/state here).
    const startOf = async (id: string) => (await state()).day.find((i) => i.id === id)!.start;
    const planned = await startOf('talk1');
    const swapped = await ok({ type: 'program.item.swap', a: 'talk1', b: 'talk2' });
    expect(swapped.current[0]!.id).toBe('talk2');
    expect(await startOf('talk1')).not.toBe(planned);
    const before = (await ok({ type: 'undo' })).current[0]!;
    expect(before.id).toBe('talk1');
    expect(await startOf('talk1')).toBe(planned);
    // Move the second talk to start when the coffee starts: same length, 40 minutes.
    const coffee = before.end.slice(0, 16);
    const moved = await ok({ type: 'program.item.move', itemId: 'talk2', start: coffee });
    const talk2 = (await state()).day.find((i) => i.id === 'talk2')!;
    expect(talk2.start.slice(0, 16)).toBe(coffee);
    expect(Date.parse(talk2.end) - Date.parse(talk2.start)).toBe(40 * 60_000);
    expect(moved.history.undo).toBe(`Move “Second talk” to ${coffee.slice(11)}`);
  });

  test('a new end (the talk given 15 minutes more) is named by its new times in undo and the log, not "to" its start', async () => {
    const s0 = await state();
    const talk = s0.day.find((i) => i.id === 'talk2')!;
    const start = localDateTime(Date.parse(talk.start), s0.timezone);
    const end = localDateTime(Date.parse(talk.end) + 15 * 60_000, s0.timezone);
    const moved = await ok({ type: 'program.item.move', itemId: 'talk2', start, end });
    // Before: "Move “Second talk” to 19:08", its start, which did not change: nobody could tell what undo would undo.
    expect(moved.history.undo).toBe(`Move “Second talk” to ${start.slice(11)}–${end.slice(11)}`);
    await ok({ type: 'undo' });
  });

  test('a move that makes two talks overlap is accepted with a warning on the control view', async () => {
    const s0 = await state();
    const first = s0.current[0]!;
    const moved = await ok({ type: 'program.item.move', itemId: 'talk2', start: first.start.slice(0, 16) });
    const overlap = moved.program.warnings.filter((w) => w.includes('after the edits'));
    expect(overlap).toEqual([
      expect.stringMatching(
        /: warning: after the edits: "(Second|First) talk" overlaps "(First|Second) talk" .* in room A/,
      ),
    ]);
    expect(s0.program.warnings.some((w) => w.includes('after the edits'))).toBe(false);
    expect((await ok({ type: 'undo' })).program.warnings.some((w) => w.includes('after the edits'))).toBe(false);
  });

  test('add and remove an item; an item of the program cannot be removed, only cancelled', async () => {
    const s = await ok({
      type: 'program.item.add',
      item: announcement(
        (await state()).current[0]!.end.slice(0, 16),
        (await state()).day.find((i) => i.id === 'break1')!.end.slice(0, 16),
      ),
    });
    expect((await state()).day.map((i) => i.id)).toContain('announce');
    expect(s.edits!.items.find((i) => i.itemId === 'announce')!.added).toBe(true);
    const removed = await ok({ type: 'program.item.remove', itemId: 'announce' });
    expect(removed.edits!.items.find((i) => i.itemId === 'announce')).toBeUndefined();
    expect((await state()).day.map((i) => i.id)).not.toContain('announce');
    const refused = await post(h, { type: 'program.item.remove', itemId: 'talk1' });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toBe('"talk1" was not added by an edit: cancel it instead');
  });

  test('insert after the talk with shiftFollowing: the rest of room A moves, room B not; one undo puts all back', async () => {
    const before = await state();
    const bBefore = await state('?room=B');
    const at = (id: string, s: StateJson = before) => s.day.find((i) => i.id === id)!;
    const talkEnd = at('talk1').plannedEnd.slice(0, 16);
    const plus10 = (iso: string) => new Date(Date.parse(iso) + 600_000).toISOString();
    const door = await connect(h, 'view=signage');
    const s = await ok({
      type: 'program.item.add',
      item: announcement(talkEnd, localDateTime(Date.parse(at('talk1').plannedEnd) + 600_000, before.timezone)),
      shiftFollowing: true,
    });
    expect(s.history.undo).toBe('Insert “Announcement” after “First talk”, rest of the day +10 min');
    const pushed = (await door.next((x) => x.seq === s.seq)) as unknown as StateJson;
    door.ws.close();
    // The door: next is the announcement, then the coffee 10 min later.
    expect(pushed.next!.id).toBe('announce');
    expect(pushed.later[0]!.id).toBe('break1');
    expect(Date.parse(pushed.later[0]!.start)).toBe(Date.parse(plus10(at('break1').plannedStart)));
    const after = await state();
    expect(Date.parse(at('talk2', after).plannedEnd)).toBe(Date.parse(plus10(at('talk2').plannedEnd)));
    expect(at('talk1', after).plannedEnd).toBe(at('talk1').plannedEnd);
    expect(at('b-talk', await state('?room=B')).plannedEnd).toBe(at('b-talk', bBefore).plannedEnd);
    expect(s.edits!.count).toBe(1);

    const undone = await ok({ type: 'undo' });
    expect(undone.history.redo).toBe('Insert “Announcement” after “First talk”, rest of the day +10 min');
    expect(undone.edits!.count).toBe(0);
    expect((await state()).day).toEqual(before.day);
  });

  test('remove the inserted item with shiftBack: the rest of room A moves back, in one edit; one undo redoes the insert', async () => {
    const before = await state();
    const at = (id: string, s: StateJson = before) => s.day.find((i) => i.id === id)!;
    const talkEnd = at('talk1').plannedEnd.slice(0, 16);
    const end = localDateTime(Date.parse(at('talk1').plannedEnd) + 600_000, before.timezone);
    const inserted = await ok({ type: 'program.item.add', item: announcement(talkEnd, end), shiftFollowing: true });
    const moved = (await state()).day.filter((i) => i.id !== 'announce' && i.plannedStart >= at('talk1').plannedEnd);
    expect(moved.map((i) => i.id)).toEqual(['break1', 'talk2']);
    // The control is told what a removal would move back: each item at its time before the insert.
    const plan = inserted.edits!.items.find((e) => e.itemId === 'announce')!.shiftBack!;
    expect(plan.minutes).toBe(10);
    expect(plan.kept).toEqual([]);
    expect(plan.back.map((b) => [b.itemId, b.to.start])).toEqual(
      moved.map((i) => [i.id, at(i.id).plannedStart.slice(0, 16)]),
    );
    const door = await connect(h, 'view=signage');
    const s = await ok({ type: 'program.item.remove', itemId: 'announce', shiftBack: true });
    expect(s.history.undo).toBe('Remove “Announcement”, rest of the day −10 min');
    const pushed = (await door.next((x) => x.seq === s.seq)) as unknown as StateJson;
    door.ws.close();
    expect(pushed.next!.id).toBe('break1');
    expect(pushed.next!.start).toBe(at('break1').plannedStart);
    expect((await state()).day).toEqual(before.day);
    expect(s.edits!.count).toBe(2);

    const undone = await ok({ type: 'undo' });
    expect(undone.history.redo).toBe('Remove “Announcement”, rest of the day −10 min');
    expect(at('announce', await state()).plannedStart.slice(0, 16)).toBe(talkEnd);
    expect(at('break1', await state()).plannedStart).toBe(moved[0]!.plannedStart);
    // Redo: the announcement gone and the day back again, as one step.
    const redone = await ok({ type: 'redo' });
    expect(redone.history.undo).toBe('Remove “Announcement”, rest of the day −10 min');
    expect((await state()).day).toEqual(before.day);
  });

  /** The control's state once the program file, rewritten with `program`, has been reloaded with conflicts. */
  const conflictsAfterReload = async (program: unknown): Promise<StateJson> => {
    const control = await connect(h, 'view=control');
    writeFileSync(h.programFile, JSON.stringify(program, null, 2));
    const seen = (await control.next(
      (x) => ((x as unknown as StateJson).edits?.conflicts.length ?? 0) > 0,
      10_000,
    )) as unknown as StateJson;
    control.ws.close();
    return seen;
  };

  test('shiftBack after a reload that moved an item the insert had moved: that item stays where it is, named', async () => {
    const before = await state();
    const talkEnd = before.day.find((i) => i.id === 'talk1')!.plannedEnd;
    const end = localDateTime(Date.parse(talkEnd) + 600_000, before.timezone);
    await ok({ type: 'program.item.add', item: announcement(talkEnd.slice(0, 16), end), shiftFollowing: true });
    const inserted = (await state()).day.find((i) => i.id === 'talk2')!;
    // The source moves the second talk 5 min later: the insert's time is kept, the conflict listed.
    const program = JSON.parse(readFileSync(h.programFile, 'utf8'));
    const talk2 = program.items.find((i: { id: string }) => i.id === 'talk2');
    talk2.start = localDateTime(
      Date.parse(before.day.find((i) => i.id === 'talk2')!.plannedStart) + 300_000,
      before.timezone,
    );
    talk2.end = localDateTime(
      Date.parse(before.day.find((i) => i.id === 'talk2')!.plannedEnd) + 300_000,
      before.timezone,
    );
    const seen = await conflictsAfterReload(program);
    const plan = seen.edits!.items.find((e) => e.itemId === 'announce')!.shiftBack!;
    expect(plan.back.map((b) => b.itemId)).toEqual(['break1']);
    expect(plan.kept).toEqual([
      { itemId: 'talk2', title: 'Second talk', why: 'moved', start: inserted.plannedStart.slice(0, 16) },
    ]);
    const s = await ok({ type: 'program.item.remove', itemId: 'announce', shiftBack: true });
    expect(s.history.undo).toBe('Remove “Announcement”, rest of the day −10 min, except “Second talk” (moved since)');
    const after = await state();
    expect(after.day.find((i) => i.id === 'break1')!.plannedStart).toBe(
      before.day.find((i) => i.id === 'break1')!.plannedStart,
    );
    expect(after.day.find((i) => i.id === 'talk2')!.plannedStart).toBe(inserted.plannedStart);
  });

  test('shiftBack: junk is a 400 naming the field; on an insert that moved nothing, a 409 that says so', async () => {
    const talkEnd = (await state()).day.find((i) => i.id === 'talk1')!.plannedEnd.slice(0, 16);
    const end = localDateTime(Date.parse(talkEnd + 'Z') + 600_000, 'UTC');
    await ok({ type: 'program.item.add', item: announcement(talkEnd, end) });
    const junk = await post(h, { type: 'program.item.remove', itemId: 'announce', shiftBack: 1 });
    expect(junk.status).toBe(400);
    expect(junk.json.error).toBe(
      'program.item.remove: shiftBack: expected true or false (true: move the items its insert moved later back by its length)',
    );
    const nothing = await post(h, { type: 'program.item.remove', itemId: 'announce', shiftBack: true });
    expect(nothing.status).toBe(409);
    expect(nothing.json.error).toBe(
      'shiftBack: inserting “Announcement” moved nothing later: there is nothing to move back',
    );
    const source = await post(h, { type: 'program.item.remove', itemId: 'talk1', shiftBack: true });
    expect(source.status).toBe(409);
    expect(source.json.error).toBe('“First talk” was not added by an edit: cancel it instead');
    expect((await state()).edits!.count).toBe(1);
  });

  test('junk in an insert is a 400 naming the field', async () => {
    const item = { id: 'x', kind: 'talk', title: 'X', start: '2026-06-29T10:10', end: '2026-06-29T10:20' };
    const yes = await post(h, { type: 'program.item.add', item, shiftFollowing: 'yes' });
    expect(yes.status).toBe(400);
    expect(yes.json.error).toBe(
      "program.item.add: shiftFollowing: expected true or false (true: move the rest of the room's day later by the item's length)",
    );
    const typo = await post(h, { type: 'program.item.add', item, shiftFolowing: true });
    expect(typo.status).toBe(400);
    expect(typo.json.error).toBe('program.item.add: unknown field shiftFolowing');
    const away = await post(h, {
      type: 'program.item.add',
      item: { ...item, location: 'nowhere' },
      shiftFollowing: true,
    });
    expect(away.status).toBe(409);
    expect(away.json.error).toBe(
      'shiftFollowing: “X” is away from the rooms (it has a location): there is no room’s day to move',
    );
    expect((await state()).edits!.count).toBe(0);
  });

  test('an edit that would break the program is refused with the reason; junk is a 400', async () => {
    const r = await post(h, { type: 'program.item.update', itemId: 'talk1', set: { speakers: ['nobody'] } });
    expect(r.status).toBe(409);
    expect(r.json.error).toBe('“First talk” (speakers[0]): unknown person "nobody" (not a key of "people")');
    const start = (await state()).current[0]!.start.slice(0, 16);
    const backwards = await post(h, { type: 'program.item.move', itemId: 'talk1', start, end: '2020-01-01T09:00' });
    expect(backwards.status).toBe(409);
    expect(backwards.json.error).toBe(`“First talk”: end 09:00 is before start ${start.slice(11)}`);
    const bad = await post(h, { type: 'program.item.update', itemId: 'talk1', set: { room: 'B' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('program.item.update: unknown field set.room');
    const same = await post(h, { type: 'program.item.update', itemId: 'talk1', set: { title: 'First talk' } });
    expect(same.status).toBe(409);
    expect(same.json.error).toBe('nothing to change: “First talk” already has title so');
    const unknown = await post(h, { type: 'program.item.cancel', itemId: 'nope' });
    expect(unknown.status).toBe(409);
    expect(unknown.json.error).toBe('unknown item "nope"');
    expect((await state()).edits!.count).toBe(0);
  });

  test('the source changes under an edit: the control sees yours and theirs, yours is kept', async () => {
    await ok({ type: 'program.item.update', itemId: 'talk1', set: { title: 'Fixed title' } });
    const program = JSON.parse(readFileSync(h.programFile, 'utf8'));
    program.items[0].title = 'Their new title';
    const seen = await conflictsAfterReload(program);
    expect(seen.edits!.conflicts).toEqual([
      {
        editId: expect.any(Number),
        itemId: 'talk1',
        kind: 'changed-in-source',
        field: 'title',
        message: 'Title of "Their new title" was changed in the source too',
        yours: 'Fixed title',
        theirs: 'Their new title',
      },
    ]);
    expect(seen.current[0]!.title).toBe('Fixed title');

    // Keep yours: no more conflict, the operator's title stays; undo brings the conflict back.
    const editId = seen.edits!.conflicts[0]!.editId!;
    const kept = await ok({ type: 'program.edit.resolve', editId, keep: 'yours' });
    expect(kept.seq).toBe(seen.seq + 1); // a new state, like every action's (seq.test.ts has the others)
    expect(kept.edits!.conflicts).toEqual([]);
    expect(kept.current[0]!.title).toBe('Fixed title');
    expect(kept.history.undo).toBe('Keep yours for “Fixed title”');
    expect((await ok({ type: 'undo' })).edits!.conflicts.length).toBe(1);
    // Take theirs: the edit lets go of the title; the source's shows.
    const taken = await ok({ type: 'program.edit.resolve', editId, keep: 'theirs' });
    expect(taken.edits!.conflicts).toEqual([]);
    expect(taken.edits!.count).toBe(0);
    expect(taken.current[0]!.title).toBe('Their new title');
    const again = await post(h, { type: 'program.edit.resolve', editId, keep: 'theirs' });
    expect(again.status).toBe(409);
    expect(again.json.error).toBe(`no edit ${editId}`);
  });

  test('edits, notes and presets survive a restart', async () => {
    await ok({ type: 'program.item.update', itemId: 'talk2', set: { title: 'Renamed' } });
    await ok({ type: 'program.item.note', itemId: 'talk1', av: 'Lapel mic 2', chair: 'Slides from USB' });
    await ok({ type: 'presets.set', texts: ['2 minutes', 'Stop now'] });
    await h.restart();
    const s = await state();
    expect(s.day.find((i) => i.id === 'talk2')!.title).toBe('Renamed');
    expect(s.notes).toEqual([{ itemId: 'talk1', av: 'Lapel mic 2', chair: 'Slides from USB' }]);
    expect(s.presets).toEqual(['2 minutes', 'Stop now']);
    // Undo still knows the edits.
    expect(s.history.undo).toBe('AV and chair note on “First talk”');
  });
});

describe('notes, presets and the chair', () => {
  test('the AV note is for the control only; the chair note reaches the chair, not the door', async () => {
    const s = await ok({ type: 'program.item.note', itemId: 'talk1', av: 'Lapel mic 2', chair: 'Slides from USB' });
    const [chair, door] = await Promise.all([connect(h, 'view=chair'), connect(h, 'view=signage')]);
    const c = (await chair.next((x) => x.seq === s.seq)) as unknown as StateJson;
    const d = (await door.next((x) => x.seq === s.seq)) as unknown as StateJson;
    chair.ws.close();
    door.ws.close();
    expect(c.notes).toEqual([{ itemId: 'talk1', av: null, chair: 'Slides from USB' }]);
    expect(d.notes).toEqual([]);
    expect(JSON.stringify(c)).not.toContain('Lapel');
  });

  test('the chair acknowledges a speaker message once; the control sees when', async () => {
    await ok({ type: 'message.set', to: 'speaker', text: 'Wrap up, please' });
    const acked = await ok({ type: 'message.ack' });
    expect(acked.messages.speaker!.ackedAt).not.toBeNull();
    const again = await post(h, { type: 'message.ack' });
    expect(again.status).toBe(409);
    expect(again.json.error).toBe('the message to the speaker was already acknowledged');
    const fresh = await ok({ type: 'message.set', to: 'speaker', text: 'Questions now' });
    expect(fresh.messages.speaker!.ackedAt).toBeNull();
  });
});
