// Operator edits as data: small records kept apart from the source program and applied on top of it, in order.
// The source is never rewritten. Each edit remembers what it changed from (`base`), so that when the source changes
// underneath it (hot reload, a new export) the conflict is reported, and the operator's value is kept, never lost.
import { z } from 'zod';
import { Item, LocalDateTime, PersonRef, type Program } from '../program/schema.ts';
import { parseProgramJson } from '../program/parse.ts';

/** The fields of an item an operator may set in place. Times and rooms change through `move`. */
export const EDITABLE_FIELDS = ['title', 'subtitle', 'kind', 'speakers', 'abstract', 'url', 'timer'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const ItemId = z.string().min(1).max(200);
export const NOTE_LIMIT = 1000;
const NoteText = z.string().trim().max(NOTE_LIMIT, `a note is at most ${NOTE_LIMIT} characters`);
/** A field's value in the source when the edit was made; `null` means the field was absent. */
const BaseValue = z.unknown();

export const ItemPatch = Item.pick({ title: true, kind: true, timer: true })
  .partial()
  .extend({
    speakers: z.array(PersonRef).optional(),
    subtitle: Item.shape.subtitle.unwrap().nullable().optional(),
    abstract: Item.shape.abstract.unwrap().nullable().optional(),
    url: Item.shape.url.unwrap().nullable().optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type ItemPatch = z.infer<typeof ItemPatch>;

const Cancellation = z.object({
  reason: z.string().max(200).nullable(),
  /** Whether the door may show the reason (a private reason stays on the control view). */
  publicReason: z.boolean(),
});

/** One item moved later by an insert: its new times and the times it had when the insert was made. */
const Shift = z
  .object({
    itemId: ItemId,
    start: LocalDateTime,
    end: LocalDateTime,
    base: z.object({ start: z.string(), end: z.string() }).strict(),
  })
  .strict();
export type Shift = z.infer<typeof Shift>;

export const Edit = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('update'),
    itemId: ItemId,
    set: ItemPatch,
    base: z.record(z.string(), BaseValue),
  }),
  z.object({ op: z.literal('cancel'), itemId: ItemId, ...Cancellation.shape }),
  z.object({ op: z.literal('restore'), itemId: ItemId }),
  z.object({
    op: z.literal('move'),
    itemId: ItemId,
    start: LocalDateTime,
    end: LocalDateTime,
    room: z.string().nullable(),
    base: z.object({ start: z.string(), end: z.string(), room: z.string().nullable() }),
  }),
  z.object({ op: z.literal('swap'), a: ItemId, b: ItemId }),
  z.object({
    op: z.literal('add'),
    item: Item,
    /**
     * The items moved later to make room (program.item.add with shiftFollowing), with their new times and the times
     * they had (`base`): part of the same edit, so that one undo puts them back with the added item gone.
     */
    shifted: z.array(Shift).optional(),
  }),
  z.object({
    op: z.literal('remove'),
    itemId: ItemId,
    /**
     * The items its insert moved later, moved back in the same edit (program.item.remove with shiftBack): `start` and
     * `end` are their times before the insert, `base` the times the insert gave them (where they were when removed).
     */
    shiftedBack: z.array(Shift).optional(),
  }),
  /** Notes on an item: `av` for the control view only, `chair` for the chair view; null clears, absent keeps. */
  z.object({
    op: z.literal('note'),
    itemId: ItemId,
    av: NoteText.nullable().optional(),
    chair: NoteText.nullable().optional(),
  }),
]);
export type Edit = z.infer<typeof Edit>;

export type Cancellation = z.infer<typeof Cancellation>;

export type EditConflict =
  | { kind: 'missing'; index: number; itemId: string; message: string }
  | {
      kind: 'changed-in-source';
      index: number;
      itemId: string;
      field: string;
      title: string;
      yours: unknown;
      theirs: unknown;
      message: string;
    }
  | { kind: 'id-taken'; index: number; itemId: string; message: string };

export interface ItemEdits {
  /** The fields whose value differs from the source's, with the source's value. */
  changed: Map<string, unknown>;
  cancelled: Cancellation | null;
  added: boolean;
}

export interface ItemNotes {
  av: string | null;
  chair: string | null;
}

export interface Merged {
  program: Program;
  /** Per item id, the operators' notes. */
  notes: Map<string, ItemNotes>;
  /** Per item id, what the overlay changed. */
  edits: Map<string, ItemEdits>;
  conflicts: EditConflict[];
}

interface Slot {
  /** The array the item lives in (a session's items or the program's). */
  list: Item[];
  index: number;
}

/** The merge in progress: the program's copy, where its items are, and what the edits so far did to it. */
interface Merging {
  program: Program;
  slots: Map<string, Slot>;
  /** The ids of the items edits added (only these may be removed). */
  added: Set<string>;
  edits: Map<string, ItemEdits>;
  conflicts: EditConflict[];
  notes: Map<string, ItemNotes>;
}

/** Applies `edits` in order to a copy of `source`; the source is not touched. */
export function applyEdits(source: Program, edits: readonly Edit[]): Merged {
  const program = structuredClone(source);
  const m: Merging = {
    program,
    slots: indexItems(program),
    added: new Set(),
    edits: new Map(),
    conflicts: [],
    notes: new Map(),
  };
  edits.forEach((edit, index) => applyEdit(m, edit, index));
  dropUnchanged(m);
  return { program, notes: m.notes, edits: m.edits, conflicts: m.conflicts };
}

/** Applies the `index`th edit; one that cannot apply is reported in `m.conflicts` and changes nothing. */
function applyEdit(m: Merging, edit: Edit, index: number): void {
  switch (edit.op) {
    case 'update':
      return applyUpdate(m, edit, index);
    case 'cancel':
      return applyCancel(m, edit, index);
    case 'restore':
      return applyRestore(m, edit, index);
    case 'note':
      return applyNote(m, edit, index);
    case 'move':
      return applyMove(m, edit, index);
    case 'swap':
      return applySwap(m, edit, index);
    case 'add':
      return applyAdd(m, edit, index);
    case 'remove':
      return applyRemove(m, edit, index);
  }
}

type EditOf<Op extends Edit['op']> = Extract<Edit, { op: Op }>;

function applyUpdate(m: Merging, edit: EditOf<'update'>, index: number): void {
  const item = findForEdit(m, edit.itemId, index);
  if (!item) return;
  for (const [field, value] of Object.entries(edit.set)) {
    const theirs = fieldValue(item, field);
    if (Object.hasOwn(edit.base, field) && !same(edit.base[field], theirs) && !same(theirs, value)) {
      m.conflicts.push(changedInSource(index, item, field, value ?? null, theirs));
    }
    const before = recordOf(m, item.id);
    if (!before.changed.has(field)) before.changed.set(field, theirs);
    setField(item, field, value);
  }
}

function applyCancel(m: Merging, edit: EditOf<'cancel'>, index: number): void {
  const item = findForEdit(m, edit.itemId, index);
  if (!item) return;
  const c = { reason: edit.reason, publicReason: edit.publicReason };
  recordOf(m, item.id).cancelled = c;
  // The merged program says so (the door reads it); a private reason stays in the overlay.
  item.cancelled = c.reason && c.publicReason ? { reason: c.reason } : {};
}

function applyRestore(m: Merging, edit: EditOf<'restore'>, index: number): void {
  const item = findForEdit(m, edit.itemId, index);
  if (!item) return;
  recordOf(m, item.id).cancelled = null;
  delete item.cancelled;
}

function applyNote(m: Merging, edit: EditOf<'note'>, index: number): void {
  const item = findForEdit(m, edit.itemId, index);
  if (!item) return;
  const was = m.notes.get(item.id) ?? { av: null, chair: null };
  const pick = (v: string | null | undefined, old: string | null) => (v === undefined ? old : v || null);
  const now = { av: pick(edit.av, was.av), chair: pick(edit.chair, was.chair) };
  if (now.av === null && now.chair === null) m.notes.delete(item.id);
  else m.notes.set(item.id, now);
}

function applyMove(m: Merging, edit: EditOf<'move'>, index: number): void {
  const item = findForEdit(m, edit.itemId, index);
  if (item) placeItem(m, item, edit, index);
}

/** Gives `item` the time and room of a move (or of an insert's shift), reporting what the source changed since. */
function placeItem(
  m: Merging,
  item: Item,
  edit: Pick<EditOf<'move'>, 'start' | 'end' | 'room' | 'base'>,
  index: number,
): void {
  const theirs = { start: item.start, end: item.end, room: item.room ?? null };
  for (const field of PLACE_FIELDS) {
    if (edit.base[field] !== theirs[field] && theirs[field] !== edit[field]) {
      m.conflicts.push(changedInSource(index, item, field, edit[field], theirs[field]));
    }
  }
  rememberPlace(recordOf(m, item.id), theirs);
  item.start = edit.start;
  item.end = edit.end;
  if (edit.room === null) delete item.room;
  else item.room = edit.room;
}

function applySwap(m: Merging, edit: EditOf<'swap'>, index: number): void {
  const a = findForEdit(m, edit.a, index);
  const b = findForEdit(m, edit.b, index);
  if (!a || !b) return;
  const ta = { start: a.start, end: a.end, room: a.room };
  const tb = { start: b.start, end: b.end, room: b.room };
  for (const [item, was, to] of [
    [a, ta, tb],
    [b, tb, ta],
  ] as const) {
    rememberPlace(recordOf(m, item.id), was);
    item.start = to.start;
    item.end = to.end;
    if (to.room === undefined) delete item.room;
    else item.room = to.room;
  }
}

function applyAdd(m: Merging, edit: EditOf<'add'>, index: number): void {
  if (m.slots.has(edit.item.id)) {
    m.conflicts.push({
      kind: 'id-taken',
      index,
      itemId: edit.item.id,
      message: `the added item "${edit.item.title}" has the id "${edit.item.id}", now used by the program too`,
    });
    return;
  }
  const item = structuredClone(edit.item);
  m.program.items.push(item);
  m.slots.set(item.id, { list: m.program.items, index: m.program.items.length - 1 });
  m.added.add(item.id);
  recordOf(m, item.id).added = true;
  // The items it made room for, each like a move in its room (a time the source changed since is a conflict).
  for (const shift of edit.shifted ?? []) shiftItem(m, shift, index);
}

/** Moves an item in its room as an insert (or the removal of one) moved it; a time changed since is a conflict. */
function shiftItem(m: Merging, shift: Shift, index: number): void {
  const moved = findForEdit(m, shift.itemId, index);
  if (!moved) return;
  const room = moved.room ?? null;
  placeItem(m, moved, { ...shift, room, base: { ...shift.base, room } }, index);
}

function applyRemove(m: Merging, edit: EditOf<'remove'>, index: number): void {
  if (!m.added.has(edit.itemId)) {
    m.conflicts.push({
      kind: 'missing',
      index,
      itemId: edit.itemId,
      message: `"${edit.itemId}" was not added by an edit: cancel it instead`,
    });
    return;
  }
  const slot = m.slots.get(edit.itemId)!;
  slot.list.splice(slot.index, 1);
  m.added.delete(edit.itemId);
  m.edits.delete(edit.itemId);
  m.notes.delete(edit.itemId);
  reindex(m.slots, slot.list);
  m.slots.delete(edit.itemId);
  for (const shift of edit.shiftedBack ?? []) shiftItem(m, shift, index);
}

/** An edit that set a field back to the source's value leaves nothing to mark. */
function dropUnchanged(m: Merging): void {
  for (const [id, e] of m.edits) {
    const item = m.slots.get(id);
    if (!item) continue;
    for (const [field, was] of e.changed) {
      if (same(was, fieldValue(item.list[item.index]!, field))) e.changed.delete(field);
    }
    if (e.changed.size === 0 && !e.cancelled && !e.added) m.edits.delete(id);
  }
}

/** What the edits did to item `id` so far, made on first use. */
function recordOf(m: Merging, id: string): ItemEdits {
  let e = m.edits.get(id);
  if (!e) m.edits.set(id, (e = { changed: new Map(), cancelled: null, added: m.added.has(id) }));
  return e;
}

/** The item the `index`th edit is about, or null with a `missing` conflict when the program has none. */
function findForEdit(m: Merging, id: string, index: number): Item | null {
  const slot = m.slots.get(id);
  if (slot) return slot.list[slot.index]!;
  m.conflicts.push({ kind: 'missing', index, itemId: id, message: missingMessage(id) });
  return null;
}

function changedInSource(index: number, item: Item, field: string, yours: unknown, theirs: unknown): EditConflict {
  return {
    kind: 'changed-in-source',
    index,
    itemId: item.id,
    field,
    title: item.title,
    yours,
    theirs,
    message: `${fieldLabel(field)} of "${item.title}" was changed in the source too`,
  };
}

const PLACE_FIELDS = ['start', 'end', 'room'] as const;

/** Keeps an item's time and room from before the first edit that moved it. */
function rememberPlace(e: ItemEdits, was: { start: string; end: string; room?: string | null | undefined }): void {
  for (const field of PLACE_FIELDS) {
    if (!e.changed.has(field)) e.changed.set(field, was[field] ?? null);
  }
}

/** An update edit for `set`, remembering the current (merged) values it replaces. */
export function updateEdit(current: Program, itemId: string, set: ItemPatch): Edit | null {
  const item = findItem(current, itemId);
  if (!item) return null;
  const base: Record<string, unknown> = {};
  for (const field of Object.keys(set)) base[field] = fieldValue(item, field);
  return { op: 'update', itemId, set, base };
}

/** A move edit, remembering the current (merged) time and room. */
export function moveEdit(
  current: Program,
  itemId: string,
  start: string,
  end: string,
  room: string | null,
): Edit | null {
  const item = findItem(current, itemId);
  if (!item) return null;
  return {
    op: 'move',
    itemId,
    start,
    end,
    room,
    base: { start: item.start, end: item.end, room: item.room ?? null },
  };
}

export function findItem(program: Program, itemId: string): Item | null {
  for (const session of program.sessions) for (const item of session.items) if (item.id === itemId) return item;
  for (const item of program.items) if (item.id === itemId) return item;
  return null;
}

function indexItems(program: Program): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  for (const session of program.sessions) reindex(slots, session.items);
  reindex(slots, program.items);
  return slots;
}

function reindex(slots: Map<string, Slot>, list: Item[]): void {
  list.forEach((item, index) => {
    if (!slots.has(item.id) || slots.get(item.id)!.list === list) slots.set(item.id, { list, index });
  });
}

function fieldValue(item: Item, field: string): unknown {
  return Object.hasOwn(item, field) ? ((item as Record<string, unknown>)[field] ?? null) : null;
}

function setField(item: Item, field: string, value: unknown): void {
  const target = item as Record<string, unknown>;
  if (value === null || value === undefined) delete target[field];
  else target[field] = structuredClone(value);
}

const LABELS: Record<string, string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  kind: 'Kind',
  speakers: 'Speakers',
  abstract: 'Abstract',
  url: 'Link',
  timer: 'Timer colours',
  start: 'Start',
  end: 'End',
  room: 'Room',
};

/** The conflict of an edit whose item the source no longer has (the server names it by its last title when it can). */
export function missingMessage(id: string): string {
  return `"${id}" is no longer in the program`;
}

export function fieldLabel(field: string): string {
  return Object.hasOwn(LABELS, field) ? LABELS[field]! : field;
}

/** Two field values are the same (absent and null alike). */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export type EditCheck = { ok: true; merged: Merged } | { ok: false; reason: string };

/**
 * Whether `edit` may join `edits`: the merged program must pass the same schema and rules as a program file, and the
 * edit must apply cleanly to today's program (no missing item). The reason names the field and the rule.
 */
export function checkEdit(source: Program, edits: readonly Edit[], edit: Edit): EditCheck {
  const merged = applyEdits(source, [...edits, edit]);
  const own = merged.conflicts.find((c) => c.index === edits.length);
  if (own) return { ok: false, reason: own.message };
  const parsed = parseProgramJson(merged.program);
  const error = parsed.diagnostics.find((d) => d.severity === 'error');
  if (error) return { ok: false, reason: `${where(merged.program, error.path)}${error.message}` };
  return { ok: true, merged: { ...merged, program: parsed.program! } };
}

/**
 * The source with the edits on top, leaving out (and reporting) each edit that would make the program invalid since
 * the source changed under it. A left-out edit is not dropped: it stays in the overlay and applies again if the
 * source allows it. `refused` conflicts carry the edit's index in `edits`.
 */
export function mergeValid(source: Program, edits: readonly Edit[]): { merged: Merged; refused: EditConflict[] } {
  const merged = applyEdits(source, edits);
  if (edits.length === 0 || !parseProgramJson(merged.program).diagnostics.some((d) => d.severity === 'error'))
    return { merged, refused: [] };
  const kept: Edit[] = [];
  const refused: EditConflict[] = [];
  edits.forEach((edit, index) => {
    const check = checkEdit(source, kept, edit);
    if (check.ok) kept.push(edit);
    else
      refused.push({
        kind: 'missing',
        index,
        itemId: editItem(edit),
        message: `an edit no longer applies: ${check.reason}`,
      });
  });
  return { merged: applyEdits(source, kept), refused };
}

/** The item an edit is about (the first of a swap). */
export function editItem(edit: Edit): string {
  return edit.op === 'swap' ? edit.a : edit.op === 'add' ? edit.item.id : edit.itemId;
}

/**
 * Settles a conflict of `edit` with its source, given the edits applied before it. "yours": the edit keeps its values
 * and takes the source's current ones as its base (no more conflict); "theirs": the edit lets go of what the source
 * changed (a move, or an edit of an item that is gone, goes entirely: null).
 */
export function resolveEdit(
  source: Program,
  before: readonly Edit[],
  edit: Edit,
  keep: 'yours' | 'theirs',
): Edit | null {
  const under = applyEdits(source, before).program;
  if (edit.op === 'update') {
    const item = findItem(under, edit.itemId);
    if (!item) return keep === 'theirs' ? null : edit;
    const changed = Object.keys(edit.set).filter(
      (f) => Object.hasOwn(edit.base, f) && !same(edit.base[f], fieldValue(item, f)),
    );
    if (keep === 'yours') {
      const base = { ...edit.base };
      for (const f of changed) base[f] = fieldValue(item, f);
      return { ...edit, base };
    }
    const set = Object.fromEntries(Object.entries(edit.set).filter(([f]) => !changed.includes(f)));
    return Object.keys(set).length === 0 ? null : { ...edit, set: set as ItemPatch };
  }
  if (edit.op === 'move') {
    const item = findItem(under, edit.itemId);
    if (!item || keep === 'theirs') return null;
    return { ...edit, base: { start: item.start, end: item.end, room: item.room ?? null } };
  }
  if ((edit.op === 'add' || edit.op === 'remove') && (edit.op === 'add' ? edit.shifted : edit.shiftedBack)?.length) {
    const moves = (edit.op === 'add' ? edit.shifted : edit.shiftedBack)!;
    // Each moved item the source changed (or dropped) since: yours keeps the move over the source's new time,
    // theirs lets go of that item's move. The insert (or the removal) itself stays either way.
    const shifted: Shift[] = [];
    for (const shift of moves) {
      const item = findItem(under, shift.itemId);
      const changed = !item || item.start !== shift.base.start || item.end !== shift.base.end;
      if (!changed) shifted.push(shift);
      else if (keep === 'yours') shifted.push(item ? { ...shift, base: { start: item.start, end: item.end } } : shift);
    }
    return edit.op === 'add' ? { ...edit, shifted } : { ...edit, shiftedBack: shifted };
  }
  return keep === 'theirs' ? null : edit;
}

/** An error's place named for an operator: the item's title for "sessions[6].items[1].end", else the path. */
function where(program: Program, path: string): string {
  const m = /^(?:sessions\[(\d+)\]\.)?items\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!m) return path ? `${path}: ` : '';
  const list = m[1] === undefined ? program.items : program.sessions[Number(m[1])]?.items;
  const item = list?.[Number(m[2])];
  if (!item) return `${path}: `;
  const rest = path.slice(m[0].length);
  return `“${item.title}”${m[3] ? ` (${fieldLabel(m[3]).toLowerCase()}${rest})` : ''}: `;
}
