import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  checkEdit,
  Edit,
  findItem,
  moveEdit,
  updateEdit,
  type Edit as EditT,
} from '../../core/edits/overlay.ts';
import { parseProgramText } from '../../core/program/parse.ts';
import type { Program } from '../../core/program/schema.ts';

const source = (): Program => {
  const parsed = parseProgramText(readFileSync(new URL('../../data/dp2e-ai-2026.json', import.meta.url), 'utf8'));
  if (!parsed.program) throw new Error('the seed program does not parse');
  return parsed.program;
};

describe('operator edits on top of the program', () => {
  it('fixes a title without touching the source', () => {
    const program = source();
    const edit = updateEdit(program, 'd1-dongarra', { title: 'HPC in Transition (revised)' })!;
    const merged = applyEdits(program, [edit]);
    expect(findItem(merged.program, 'd1-dongarra')!.title).toBe('HPC in Transition (revised)');
    expect(findItem(program, 'd1-dongarra')!.title).toBe('HPC in Transition');
    expect([...merged.edits.get('d1-dongarra')!.changed]).toEqual([['title', 'HPC in Transition']]);
    expect(merged.conflicts).toEqual([]);
  });

  it('reports a field changed in the source too, and keeps the operator value', () => {
    const program = source();
    const edit = updateEdit(program, 'd1-dongarra', { title: 'HPC in transition' })!;
    const reexport = source();
    findItem(reexport, 'd1-dongarra')!.title = 'HPC in Transition: the next decade';
    const merged = applyEdits(reexport, [edit]);
    expect(findItem(merged.program, 'd1-dongarra')!.title).toBe('HPC in transition');
    expect(merged.conflicts).toEqual([
      expect.objectContaining({
        kind: 'changed-in-source',
        itemId: 'd1-dongarra',
        field: 'title',
        yours: 'HPC in transition',
        theirs: 'HPC in Transition: the next decade',
      }),
    ]);
  });

  it('does not call it a conflict when the source made the same change', () => {
    const program = source();
    const edit = updateEdit(program, 'd1-lu', { speakers: ['yutong-lu', 'jack-dongarra'] })!;
    const reexport = source();
    findItem(reexport, 'd1-lu')!.speakers = ['yutong-lu', 'jack-dongarra'];
    const merged = applyEdits(reexport, [edit]);
    expect(merged.conflicts).toEqual([]);
    expect(merged.edits.has('d1-lu')).toBe(false);
  });

  it('keeps an edit whose item left the source, reported as missing', () => {
    const program = source();
    const edit = updateEdit(program, 'd2-maze', { title: 'Ultra Ethernet' })!;
    const reexport = source();
    reexport.sessions.find((s) => s.id === 'd2-ai-hpc-morning')!.items.splice(1, 1);
    const merged = applyEdits(reexport, [edit]);
    expect(merged.conflicts).toEqual([expect.objectContaining({ kind: 'missing', itemId: 'd2-maze', index: 0 })]);
  });

  it('cancels and restores', () => {
    const program = source();
    const cancel: EditT = { op: 'cancel', itemId: 'd2-maze', reason: 'Speaker ill', publicReason: true };
    expect(applyEdits(program, [cancel]).edits.get('d2-maze')!.cancelled).toEqual({
      reason: 'Speaker ill',
      publicReason: true,
    });
    expect(applyEdits(program, [cancel, { op: 'restore', itemId: 'd2-maze' }]).edits.has('d2-maze')).toBe(false);
  });

  it('moves and swaps times', () => {
    const program = source();
    const move = moveEdit(program, 'd2-bindschaedler', '2026-06-30T09:30', '2026-06-30T10:00', null)!;
    const merged = applyEdits(program, [move]);
    const moved = findItem(merged.program, 'd2-bindschaedler')!;
    expect([moved.start, moved.end]).toEqual(['2026-06-30T09:30', '2026-06-30T10:00']);

    const swapped = applyEdits(program, [{ op: 'swap', a: 'd1-krawezik', b: 'd1-imamura' }]).program;
    expect(findItem(swapped, 'd1-krawezik')!.start).toBe('2026-06-29T16:40');
    expect(findItem(swapped, 'd1-imamura')!.start).toBe('2026-06-29T16:10');
  });

  it('adds an item, then removes only what was added', () => {
    const program = source();
    const add: EditT = {
      op: 'add',
      item: {
        id: 'x-announcement',
        kind: 'talk',
        title: 'Announcement from the sponsors',
        start: '2026-06-29T17:50',
        end: '2026-06-29T18:00',
        speakers: [],
      },
    };
    const merged = applyEdits(program, [add]);
    expect(findItem(merged.program, 'x-announcement')!.title).toBe('Announcement from the sponsors');
    expect(merged.edits.get('x-announcement')!.added).toBe(true);
    const removed = applyEdits(program, [add, { op: 'remove', itemId: 'x-announcement' }]);
    expect(findItem(removed.program, 'x-announcement')).toBeNull();
    expect(removed.edits.has('x-announcement')).toBe(false);

    const refused = applyEdits(program, [{ op: 'remove', itemId: 'd1-dongarra' }]);
    expect(findItem(refused.program, 'd1-dongarra')).not.toBeNull();
    expect(refused.conflicts[0]).toMatchObject({ kind: 'missing', itemId: 'd1-dongarra' });
  });

  it('reports an added item whose id the source now uses, instead of two items with one id', () => {
    const program = source();
    const add: EditT = {
      op: 'add',
      item: { id: 'd1-lu', kind: 'talk', title: 'X', start: '2026-06-29T18:00', end: '2026-06-29T18:10', speakers: [] },
    };
    const merged = applyEdits(program, [add]);
    expect(merged.conflicts[0]).toMatchObject({ kind: 'id-taken', itemId: 'd1-lu' });
    expect(findItem(merged.program, 'd1-lu')!.title).toBe(findItem(program, 'd1-lu')!.title);
    expect(merged.program.items.filter((i) => i.id === 'd1-lu')).toEqual([]);
  });

  it('refuses junk edits at the contract', () => {
    expect(Edit.safeParse({ op: 'update', itemId: 'd1-lu', set: {}, base: {} }).success).toBe(false);
    expect(
      Edit.safeParse({ op: 'update', itemId: 'd1-lu', set: { start: '2026-06-29T10:00' }, base: {} }).success,
    ).toBe(false);
    expect(Edit.safeParse({ op: 'explode', itemId: 'd1-lu' }).success).toBe(false);
  });
});

describe('an edit that would break the program is refused with the reason', () => {
  it('refuses an end before the start, an unknown speaker and an unknown room', () => {
    const program = source();
    const backwards = moveEdit(program, 'd1-lu', '2026-06-29T10:50', '2026-06-29T10:10', null)!;
    expect(checkEdit(program, [], backwards)).toEqual({ ok: false, reason: expect.stringMatching(/before start/) });
    const stranger = updateEdit(program, 'd1-lu', { speakers: ['nobody-at-all'] })!;
    expect(checkEdit(program, [], stranger)).toEqual({
      ok: false,
      reason: expect.stringMatching(/unknown person "nobody-at-all"/),
    });
    const elsewhere = moveEdit(program, 'd1-lu', '2026-06-29T10:10', '2026-06-29T10:50', 'L999')!;
    expect(checkEdit(program, [], elsewhere)).toEqual({
      ok: false,
      reason: expect.stringMatching(/unknown room "L999"/),
    });
    const gone: EditT = { op: 'cancel', itemId: 'no-such-item', reason: null, publicReason: false };
    expect(checkEdit(program, [], gone)).toEqual({ ok: false, reason: '"no-such-item" is no longer in the program' });
  });

  it('accepts a valid edit and gives the merged program', () => {
    const program = source();
    const result = checkEdit(program, [], updateEdit(program, 'd1-lu', { subtitle: 'Keynote' })!);
    expect(result.ok && findItem(result.merged.program, 'd1-lu')!.subtitle).toBe('Keynote');
  });
});
