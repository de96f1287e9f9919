// Removing an item inserted with "move the rest of the day later": the operator may move the rest back by its length,
// in the same edit (one undo). Only the items still where the insert put them move back; the others are named.
import { readFileSync } from 'node:fs';
import { announcementAfterHpc } from '../helpers.ts';
import { describe, expect, it } from 'vitest';
import { parseAction, type Action } from '../../core/live/actions.ts';
import { editFor, shiftBackPlan } from '../../core/edits/program-actions.ts';
import { applyEdits, checkEdit, findItem, resolveEdit, type Edit } from '../../core/edits/overlay.ts';
import { parseProgramText } from '../../core/program/parse.ts';
import type { Program } from '../../core/program/schema.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';

const source = (): Program => {
  const parsed = parseProgramText(readFileSync(new URL('../../data/dp2e-ai-2026.json', import.meta.url), 'utf8'));
  if (!parsed.program) throw new Error('the seed program does not parse');
  return parsed.program;
};

const act = <T extends Action['type']>(input: { type: T } & Record<string, unknown>) => {
  const parsed = parseAction(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.action as Extract<Action, { type: T }>;
};

/** 10 min "Announcement" after “HPC in Transition” (09:30–10:10 on day 1), the rest of the day moved later. */
const insert = (shiftFollowing = true) =>
  act({
    type: 'program.item.add',
    item: announcementAfterHpc(),
    shiftFollowing,
  });

const times = (program: Program, id: string) => {
  const item = findItem(program, id)!;
  return `${item.start.slice(11)}–${item.end.slice(11)}`;
};

/** Applies each action as the server does (editFor on the merged program, checkEdit) and returns the edits. */
function run(program: Program, actions: Action[], edits: Edit[] = []): { edits: Edit[]; labels: string[] } {
  const labels: string[] = [];
  for (const action of actions) {
    const merged = applyEdits(program, edits).program;
    const request = editFor(merged, buildTimeline(merged), action as never, 'L108-A', edits, program);
    const check = checkEdit(program, edits, request.edit);
    if (!check.ok) throw new Error(check.reason);
    edits = [...edits, request.edit];
    labels.push(request.label);
  }
  return { edits, labels };
}

const removeBack = (shiftBack?: unknown) =>
  act({ type: 'program.item.remove', itemId: 'x-announcement', ...(shiftBack === undefined ? {} : { shiftBack }) });

describe('remove an inserted item and move the rest of the day back', () => {
  it('puts every item the insert moved back to its time before, in one edit; one undo puts the insert back', () => {
    const program = source();
    const { edits, labels } = run(program, [insert(), removeBack(true)]);
    const merged = applyEdits(program, edits).program;
    expect(findItem(merged, 'x-announcement')).toBeNull();
    expect(times(merged, 'd1-lu')).toBe('10:10–10:50');
    expect(times(merged, 'd1-coffee-break')).toBe('10:50–11:20');
    expect(times(merged, 'd1-closing')).toBe('17:50–18:00');
    expect(merged).toEqual(program);
    expect(labels[1]).toBe('Remove “Announcement”, rest of the day −10 min');
    // One undo (the last edit gone): the announcement and the moved day are back.
    const undone = applyEdits(program, edits.slice(0, 1)).program;
    expect(times(undone, 'x-announcement')).toBe('10:10–10:20');
    expect(times(undone, 'd1-lu')).toBe('10:20–11:00');
  });

  it('without shiftBack the rest of the day stays where the insert put it (as before)', () => {
    const program = source();
    const { edits, labels } = run(program, [insert(), removeBack()]);
    const merged = applyEdits(program, edits).program;
    expect(times(merged, 'd1-lu')).toBe('10:20–11:00');
    expect(labels[1]).toBe('Remove “Announcement”');
  });

  it('moves back only the items still where the insert put them, and names the others', () => {
    const program = source();
    const moved = act({ type: 'program.item.move', itemId: 'd1-calvin', start: '2026-06-29T16:00' });
    const cancel = act({ type: 'program.item.cancel', itemId: 'd1-coffee-break' });
    const { edits: before } = run(program, [insert(), moved, cancel]);
    const merged = applyEdits(program, before).program;
    const plan = shiftBackPlan(merged, buildTimeline(merged), before, 'x-announcement')!;
    expect(plan.minutes).toBe(10);
    expect(plan.back.find((b) => b.itemId === 'd1-lu')).toEqual({
      itemId: 'd1-lu',
      title: 'HPC+AI Converged Supercomputing on LineShine Exascale System',
      from: { start: '2026-06-29T10:20', end: '2026-06-29T11:00' },
      to: { start: '2026-06-29T10:10', end: '2026-06-29T10:50' },
      cancelled: false,
    });
    // A cancelled item is still where the insert put it: it moves back with the others (the insert moved it too).
    expect(plan.back.find((b) => b.itemId === 'd1-coffee-break')?.cancelled).toBe(true);
    expect(plan.kept).toEqual([
      { itemId: 'd1-calvin', title: findItem(program, 'd1-calvin')!.title, why: 'moved', start: '2026-06-29T16:00' },
    ]);
    const { edits, labels } = run(program, [removeBack(true)], before);
    const after = applyEdits(program, edits).program;
    expect(times(after, 'd1-lu')).toBe('10:10–10:50');
    expect(times(after, 'd1-coffee-break')).toBe('10:50–11:20');
    expect(times(after, 'd1-calvin')).toBe('16:00–16:40');
    expect(labels.at(-1)).toBe(
      'Remove “Announcement”, rest of the day −10 min, except “AI in Science: From Myth to Reality” (moved since)',
    );
  });

  it('an item removed since is named as gone; the others move back', () => {
    const program = source();
    // A second insert, later the same day, moved by the first; then removed on its own.
    const second = act({
      type: 'program.item.add',
      item: {
        id: 'x-late',
        kind: 'talk',
        title: 'Late news',
        start: '2026-06-29T18:30',
        end: '2026-06-29T18:40',
        room: 'L108-A',
        speakers: [],
      },
    });
    const { edits: before } = run(program, [second, insert()]);
    const gone = run(program, [act({ type: 'program.item.remove', itemId: 'x-late' })], before).edits;
    const merged = applyEdits(program, gone).program;
    const plan = shiftBackPlan(merged, buildTimeline(merged), gone, 'x-announcement')!;
    expect(plan.kept).toEqual([{ itemId: 'x-late', title: 'Late news', why: 'gone', start: null }]);
    expect(plan.back.map((b) => b.itemId)).toContain('d1-lu');
  });

  it('an item whose time the source changed since the insert stays where it is (not at its old time), named', () => {
    const program = source();
    const { edits } = run(program, [insert()]);
    // The source is reloaded: “AI in Science…” (12:00–12:40 when the insert moved it to 12:10–12:50) is now at 12:05.
    const reloaded = source();
    Object.assign(findItem(reloaded, 'd1-calvin')!, { start: '2026-06-29T12:05', end: '2026-06-29T12:45' });
    const merged = applyEdits(reloaded, edits).program;
    expect(times(merged, 'd1-calvin')).toBe('12:10–12:50');
    const plan = shiftBackPlan(merged, buildTimeline(merged), edits, 'x-announcement', reloaded)!;
    expect(plan.kept).toEqual([
      { itemId: 'd1-calvin', title: findItem(program, 'd1-calvin')!.title, why: 'moved', start: '2026-06-29T12:10' },
    ]);
    const { edits: after, labels } = run(reloaded, [removeBack(true)], edits);
    const removed = applyEdits(reloaded, after).program;
    expect(times(removed, 'd1-lu')).toBe('10:10–10:50');
    expect(times(removed, 'd1-calvin')).toBe('12:10–12:50');
    expect(labels.at(-1)).toBe(
      'Remove “Announcement”, rest of the day −10 min, except “AI in Science: From Myth to Reality” (moved since)',
    );
  });

  it('refuses when nothing the insert moved is still where it put it, and when the insert moved nothing', () => {
    const program = source();
    const { edits } = run(program, [insert()]);
    const merged = applyEdits(program, edits).program;
    const shifted = (edits[0] as Extract<Edit, { op: 'add' }>).shifted!;
    // Every moved item moved again by hand.
    const moves = shifted.map((s) =>
      act({
        type: 'program.item.move',
        itemId: s.itemId,
        start: s.start.replace(/T(\d\d)/, (_, h) => `T${String(Number(h) + 1).padStart(2, '0')}`),
      }),
    );
    void merged;
    const { edits: all } = run(program, moves, edits);
    expect(() => run(program, [removeBack(true)], all)).toThrow(
      `shiftBack: none of the ${shifted.length} items inserting “Announcement” moved later is still where it put them: remove it without moving the rest back`,
    );
    const { edits: plain } = run(program, [insert(false)]);
    expect(() => run(program, [removeBack(true)], plain)).toThrow(
      'shiftBack: inserting “Announcement” moved nothing later: there is nothing to move back',
    );
  });

  it('a time the source changed since under an item moved back is a conflict, settled like the insert’s', () => {
    const program = source();
    const { edits } = run(program, [insert(), removeBack(true)]);
    const reexport = source();
    Object.assign(findItem(reexport, 'd1-calvin')!, { start: '2026-06-29T12:05', end: '2026-06-29T12:45' });
    // Listed on the insert first (the insert moved it from 12:00): the removal put it back at 12:00 meanwhile.
    const merged = applyEdits(reexport, edits);
    expect(merged.conflicts.map((c) => [c.index, c.itemId])).toEqual([
      [0, 'd1-calvin'],
      [0, 'd1-calvin'],
    ]);
    expect(times(merged.program, 'd1-calvin')).toBe('12:00–12:40');
    // Take the source's on the insert: the removal's move of it now meets the source's time, a conflict of its own.
    const insertTheirs = resolveEdit(reexport, [], edits[0]!, 'theirs')!;
    const next = applyEdits(reexport, [insertTheirs, edits[1]!]);
    expect(next.conflicts.map((c) => [c.index, c.itemId])).toEqual([
      [1, 'd1-calvin'],
      [1, 'd1-calvin'],
    ]);
    // Take the source's there too: “AI in Science…” is at the source's 12:05, the rest of the day still moved back.
    const removeTheirs = resolveEdit(reexport, [insertTheirs], edits[1]!, 'theirs')!;
    expect(removeTheirs.op === 'remove' && removeTheirs.shiftedBack?.map((m) => m.itemId)).not.toContain('d1-calvin');
    const settled = applyEdits(reexport, [insertTheirs, removeTheirs]);
    expect(settled.conflicts).toEqual([]);
    expect(times(settled.program, 'd1-calvin')).toBe('12:05–12:45');
    expect(times(settled.program, 'd1-lu')).toBe('10:10–10:50');
    expect(findItem(settled.program, 'x-announcement')).toBeNull();
  });

  it('the contract refuses a shiftBack that is not true or false, naming the field', () => {
    expect(parseAction({ type: 'program.item.remove', itemId: 'x', shiftBack: 'yes' })).toEqual({
      ok: false,
      message:
        'program.item.remove: shiftBack: expected true or false (true: move the items its insert moved later back by its length)',
    });
  });
});
