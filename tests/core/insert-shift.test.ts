// Inserting an item after another with "move the rest of the day later": one edit that adds the item and shifts every
// later item of the same room on the same day of the event by its length; one undo puts everything back.
import { readFileSync } from 'node:fs';
import { announcementAfterHpc } from '../helpers.ts';
import { describe, expect, it } from 'vitest';
import { Action, parseAction } from '../../core/live/actions.ts';
import { editFor } from '../../core/edits/program-actions.ts';
import { applyEdits, checkEdit, findItem, resolveEdit, type Edit } from '../../core/edits/overlay.ts';
import { applyAction, emptyShowState, historyLabels, recordEdit } from '../../core/live/history.ts';
import { parseProgramText } from '../../core/program/parse.ts';
import type { Program } from '../../core/program/schema.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';

const source = (): Program => {
  const parsed = parseProgramText(readFileSync(new URL('../../data/dp2e-ai-2026.json', import.meta.url), 'utf8'));
  if (!parsed.program) throw new Error('the seed program does not parse');
  return parsed.program;
};

/** The action the control sends: 10 min "Announcement" after “HPC in Transition” (09:30–10:10 on day 1). */
const insertAction = (shiftFollowing: boolean | undefined, extra: Record<string, unknown> = {}) => {
  const parsed = parseAction({
    type: 'program.item.add',
    item: {
      ...announcementAfterHpc(),
      ...extra,
    },
    ...(shiftFollowing === undefined ? {} : { shiftFollowing }),
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.action as Extract<Action, { type: 'program.item.add' }>;
};

const times = (program: Program, id: string) => {
  const item = findItem(program, id)!;
  return `${item.start.slice(11)}–${item.end.slice(11)}`;
};

describe('insert after an item, moving the rest of the day', () => {
  it('shifts every later item of the room that day by the new item’s length, not the lunch away nor day 2', () => {
    const program = source();
    const request = editFor(program, buildTimeline(program), insertAction(true), 'L108-A');
    const check = checkEdit(program, [], request.edit);
    if (!check.ok) throw new Error(check.reason);
    const merged = check.merged.program;
    expect(times(merged, 'x-announcement')).toBe('10:10–10:20');
    expect(times(merged, 'd1-dongarra')).toBe('09:30–10:10'); // the item it follows stays
    expect(times(merged, 'd1-lu')).toBe('10:20–11:00');
    expect(times(merged, 'd1-coffee-break')).toBe('11:00–11:30');
    expect(times(merged, 'd1-calvin')).toBe('12:10–12:50');
    expect(times(merged, 'd1-closing')).toBe('18:00–18:10');
    // Away from the rooms (a location): the restaurant's lunch and the dinner keep their time.
    expect(times(merged, 'd1-lunch')).toBe('12:40–13:40');
    expect(times(merged, 'd1-dinner')).toBe('19:00–21:00');
    // The next day is not touched.
    expect(times(merged, 'd2-registration')).toBe('08:30–09:00');
    expect(times(merged, 'd2-dirhoussi')).toBe('09:00–09:30');
    // The control lists the moved items as changed, with their times before.
    expect([...check.merged.edits.get('d1-lu')!.changed]).toEqual([
      ['start', '2026-06-29T10:10'],
      ['end', '2026-06-29T10:50'],
    ]);
    expect(request.label).toBe('Insert “Announcement” after “HPC in Transition”, rest of the day +10 min');
    expect(request.room).toBe('L108-A');
    // The source is not touched.
    expect(times(program, 'd1-lu')).toBe('10:10–10:50');
  });

  it('without shiftFollowing the item is only added: the keynote keeps 10:10 (the overlap the control warns of)', () => {
    const program = source();
    const request = editFor(program, buildTimeline(program), insertAction(undefined), 'L108-A');
    const merged = applyEdits(program, [request.edit]).program;
    expect(times(merged, 'x-announcement')).toBe('10:10–10:20');
    expect(times(merged, 'd1-lu')).toBe('10:10–10:50');
    expect(request.label).toBe('Add “Announcement”');
  });

  it('moves only the same room’s items, cancelled ones too (a restored one is back in its place)', () => {
    const program = source();
    program.rooms.push({ id: 'L200', name: 'Room 200' });
    findItem(program, 'd1-imamura')!.room = 'L200';
    findItem(program, 'd1-nakajima')!.cancelled = { reason: 'Flight cancelled' };
    const request = editFor(program, buildTimeline(program), insertAction(true), 'L108-A');
    const merged = applyEdits(program, [request.edit]).program;
    expect(times(merged, 'd1-imamura')).toBe('16:40–17:10');
    expect(times(merged, 'd1-krawezik')).toBe('16:20–16:50');
    expect(times(merged, 'd1-nakajima')).toBe('11:30–12:10');
    expect(findItem(merged, 'd1-nakajima')!.cancelled).toEqual({ reason: 'Flight cancelled' });
  });

  it('one undo puts every item back exactly; redo does it again', () => {
    const program = source();
    const timeline = buildTimeline(program);
    const request = editFor(program, timeline, insertAction(true), 'L108-A');
    const at = Date.parse('2026-06-29T08:00:00Z');
    const done = recordEdit(emptyShowState(), request.room, request.label, { id: 1, at, who: 't', edit: request.edit });
    expect(historyLabels(done, 'L108-A').undo).toBe(
      'Insert “Announcement” after “HPC in Transition”, rest of the day +10 min',
    );
    const after = applyEdits(
      program,
      done.edits.map((e) => e.edit),
    ).program;
    const undone = applyAction(buildTimeline(after), done, { type: 'undo' }, at, 'L108-A');
    expect(undone.edits).toEqual([]);
    expect(
      applyEdits(
        program,
        undone.edits.map((e) => e.edit),
      ).program,
    ).toEqual(program);
    const redone = applyAction(buildTimeline(program), undone, { type: 'redo' }, at, 'L108-A');
    expect(
      times(
        applyEdits(
          program,
          redone.edits.map((e) => e.edit),
        ).program,
        'd1-lu',
      ),
    ).toBe('10:20–11:00');
  });

  it('a time the source changed under a moved item is a conflict; yours keeps it, theirs keeps the insert', () => {
    const program = source();
    const edit = editFor(program, buildTimeline(program), insertAction(true), 'L108-A').edit;
    const reexport = source();
    findItem(reexport, 'd1-calvin')!.start = '2026-06-29T12:05';
    const merged = applyEdits(reexport, [edit]);
    expect(merged.conflicts).toEqual([
      expect.objectContaining({
        kind: 'changed-in-source',
        itemId: 'd1-calvin',
        field: 'start',
        yours: '2026-06-29T12:10',
        theirs: '2026-06-29T12:05',
      }),
    ]);
    expect(times(merged.program, 'd1-calvin')).toBe('12:10–12:50'); // the operator's value is kept

    const yours = resolveEdit(reexport, [], edit, 'yours')!;
    expect(applyEdits(reexport, [yours]).conflicts).toEqual([]);
    expect(times(applyEdits(reexport, [yours]).program, 'd1-calvin')).toBe('12:10–12:50');

    const theirs = resolveEdit(reexport, [], edit, 'theirs')!;
    const took = applyEdits(reexport, [theirs]);
    expect(took.conflicts).toEqual([]);
    expect(times(took.program, 'd1-calvin')).toBe('12:05–12:40');
    expect(times(took.program, 'x-announcement')).toBe('10:10–10:20');
    expect(times(took.program, 'd1-lu')).toBe('10:20–11:00');
  });

  it('an item the source dropped since is reported; the insert and the other moves still apply', () => {
    const program = source();
    const edit = editFor(program, buildTimeline(program), insertAction(true), 'L108-A').edit;
    const reexport = source();
    const morning = reexport.sessions.find((s) => s.id === 'd1-keynotes-morning')!;
    morning.items = morning.items.filter((i) => i.id !== 'd1-calvin');
    const merged = applyEdits(reexport, [edit]);
    expect(merged.conflicts).toEqual([expect.objectContaining({ kind: 'missing', itemId: 'd1-calvin' })]);
    expect(times(merged.program, 'd1-lu')).toBe('10:20–11:00');
    const theirs = resolveEdit(reexport, [], edit, 'theirs')!;
    expect(applyEdits(reexport, [theirs]).conflicts).toEqual([]);
  });

  it('refuses to move the day for an item away from the rooms, with the reason', () => {
    const program = source();
    const action = insertAction(true, { room: undefined, location: 'procope' });
    expect(() => editFor(program, buildTimeline(program), action, 'L108-A')).toThrow(
      'shiftFollowing: “Announcement” is away from the rooms (it has a location): there is no room’s day to move',
    );
  });

  it('the contract refuses a shiftFollowing that is not true or false, naming the field', () => {
    expect(parseAction({ ...insertAction(undefined), shiftFollowing: 'yes' })).toEqual({
      ok: false,
      message:
        "program.item.add: shiftFollowing: expected true or false (true: move the rest of the room's day later by the item's length)",
    });
  });
});

// Edits saved before shiftFollowing existed are still read.
it('an add edit without moves is still a valid edit', () => {
  const add: Edit = {
    op: 'add',
    item: { id: 'a', kind: 'talk', title: 'A', start: '2026-06-29T18:00', end: '2026-06-29T18:10', speakers: [] },
  };
  expect(applyEdits(source(), [add]).conflicts).toEqual([]);
});
