// From an operator's `program.item.*` action to the edit record it adds to the overlay, named for a person.
import type { ProgramAction } from '../live/actions.ts';
import { ActionRejected } from '../live/reducer.ts';
import type { Program } from '../program/schema.ts';
import type { Timeline } from '../schedule/timeline.ts';
import { localTime, parseLocal, programDay, zoneOffset } from '../time.ts';
import { applyEdits, fieldLabel, findItem, moveEdit, same, updateEdit, type Edit, type Shift } from './overlay.ts';
import type { Item } from '../program/schema.ts';
import type { TimelineItem } from '../schedule/timeline.ts';

export interface EditRequest {
  edit: Edit;
  /** For undo and the log: "Cancel “Opening”", "Move “X” to 14:30". */
  label: string;
  /** The room whose history keeps the step (the item's room; where it goes for an added item). */
  room: string;
}

/**
 * The edit an action asks for, against the merged program (`program`, `timeline`) as it is now. Throws
 * ActionRejected naming what is wrong (an unknown item, a removal of an item the program has).
 */
export function editFor(
  program: Program,
  timeline: Timeline,
  action: Exclude<ProgramAction, { type: 'program.edit.resolve' }>,
  defaultRoom: string,
  /** The edits `program` has on top of its source (a removal with shiftBack reads its insert's moves there). */
  edits: readonly Edit[] = [],
  /** The source under `edits` (a removal with shiftBack leaves an item the source moved since the insert). */
  source?: Program,
): EditRequest {
  const item = (id: string) => {
    const found = findItem(program, id);
    if (!found) throw new ActionRejected(`unknown item "${id}"`);
    return found;
  };
  const roomOf = (id: string) => timeline.byId.get(id)?.room ?? defaultRoom;
  const quoted = (title: string) => `“${title.length > 40 ? `${title.slice(0, 39)}…` : title}”`;
  switch (action.type) {
    case 'program.item.update': {
      const it = item(action.itemId);
      const edit = updateEdit(program, action.itemId, action.set)!;
      if (edit.op === 'update' && Object.entries(action.set).every(([f, v]) => same(edit.base[f], v)))
        throw new ActionRejected(
          `nothing to change: “${it.title}” already has ${Object.keys(action.set).join(', ')} so`,
        );
      const fields = Object.keys(action.set).map((f) => fieldLabel(f).toLowerCase());
      return { edit, label: `Edit ${fields.join(', ')} of ${quoted(it.title)}`, room: roomOf(it.id) };
    }
    case 'program.item.cancel': {
      const it = item(action.itemId);
      if (it.cancelled) throw new ActionRejected(`“${it.title}” is already cancelled`);
      const reason = action.reason ? action.reason : null;
      return {
        edit: { op: 'cancel', itemId: it.id, reason, publicReason: action.public ?? true },
        label: `Cancel ${quoted(it.title)}`,
        room: roomOf(it.id),
      };
    }
    case 'program.item.restore': {
      const it = item(action.itemId);
      if (!it.cancelled) throw new ActionRejected(`“${it.title}” is not cancelled`);
      return { edit: { op: 'restore', itemId: it.id }, label: `Restore ${quoted(it.title)}`, room: roomOf(it.id) };
    }
    case 'program.item.move': {
      const it = item(action.itemId);
      const start = parseLocal(action.start, timeline.zone);
      if (!start.ok) throw new ActionRejected(`start: ${start.reason}`);
      const was = timeline.byId.get(it.id)!;
      const end = action.end ?? localDateTime(start.at + (was.plannedEnd - was.plannedStart), timeline.zone);
      // A new length (a new end) is named by both times: "to 09:30" alone would not say the end moved.
      const endAt = parseLocal(end, timeline.zone);
      const lengthChanged = endAt.ok && endAt.at - start.at !== was.plannedEnd - was.plannedStart;
      const until = lengthChanged ? `–${localTime(endAt.at, timeline.zone)}` : '';
      const to = action.room ?? null;
      if (to !== null && !program.rooms.some((r) => r.id === to)) throw new ActionRejected(`unknown room "${to}"`);
      const edit = moveEdit(program, it.id, normal(action.start), end, to ?? it.room ?? null)!;
      const where = to !== null && to !== (it.room ?? null) ? ` in ${roomName(program, to)}` : '';
      return {
        edit,
        label: `Move ${quoted(it.title)} to ${localTime(start.at, timeline.zone)}${until}${where}`,
        room: roomOf(it.id),
      };
    }
    case 'program.item.swap': {
      if (action.a === action.b) throw new ActionRejected('swap needs two different items');
      const a = item(action.a);
      const b = item(action.b);
      return {
        edit: { op: 'swap', a: a.id, b: b.id },
        label: `Swap ${quoted(a.title)} and ${quoted(b.title)}`,
        room: roomOf(a.id),
      };
    }
    case 'program.item.add': {
      if (findItem(program, action.item.id)) throw new ActionRejected(`an item with id "${action.item.id}" exists`);
      const room = action.item.room ?? action.room ?? defaultRoom;
      if (!action.shiftFollowing)
        return { edit: { op: 'add', item: action.item }, label: `Add ${quoted(action.item.title)}`, room };
      if (action.item.location !== undefined)
        throw new ActionRejected(
          `shiftFollowing: ${quoted(action.item.title)} is away from the rooms (it has a location): there is no room’s day to move`,
        );
      // The room the added item is in: its own, else the program's main room (it belongs to no session).
      const made = makeRoom(timeline, action.item, action.item.room ?? timeline.mainRoom);
      const after = made.after ? `after ${quoted(made.after.title)}` : `at ${localTime(made.start, timeline.zone)}`;
      const rest = made.shifted.length ? `, rest of the day +${formatLength(made.length)}` : '';
      return {
        edit: { op: 'add', item: action.item, shifted: made.shifted },
        label: `Insert ${quoted(action.item.title)} ${after}${rest}`,
        room,
      };
    }
    case 'program.item.remove': {
      const it = item(action.itemId);
      const label = `Remove ${quoted(it.title)}`;
      if (!action.shiftBack) return { edit: { op: 'remove', itemId: it.id }, label, room: roomOf(it.id) };
      const plan = shiftBackPlan(program, timeline, edits, it.id, source);
      if (!plan) throw new ActionRejected(`“${it.title}” was not added by an edit: cancel it instead`);
      if (plan.back.length === 0 && plan.kept.length === 0)
        throw new ActionRejected(
          `shiftBack: inserting ${quoted(it.title)} moved nothing later: there is nothing to move back`,
        );
      if (plan.back.length === 0)
        throw new ActionRejected(
          `shiftBack: none of the ${plan.kept.length} items inserting ${quoted(it.title)} moved later is still where it put them: remove it without moving the rest back`,
        );
      const except = plan.kept.length
        ? `, except ${plan.kept.map((k) => `${quoted(k.title)} (${k.why === 'gone' ? 'gone' : 'moved since'})`).join(', ')}`
        : '';
      const shiftedBack: Shift[] = plan.back.map((b) => ({ itemId: b.itemId, ...b.to, base: b.from }));
      return {
        edit: { op: 'remove', itemId: it.id, shiftedBack },
        label: `${label}, rest of the day −${formatLength(plan.minutes * 60_000)}${except}`,
        room: roomOf(it.id),
      };
    }
    case 'program.item.note': {
      const it = item(action.itemId);
      if (action.av === undefined && action.chair === undefined) throw new ActionRejected('note: give av or chair');
      const which = [action.av !== undefined ? 'AV' : '', action.chair !== undefined ? 'chair' : '']
        .filter(Boolean)
        .join(' and ');
      return {
        edit: { op: 'note', itemId: it.id, av: action.av, chair: action.chair },
        label: `${which} note on ${quoted(it.title)}`,
        room: roomOf(it.id),
      };
    }
  }
}

/**
 * What an insert with shiftFollowing moves: every item of `room` (the new item's room; not the items away from the
 * rooms, which have a location and concern everyone) on the new item's day of the event that starts at or after it,
 * cancelled ones too (restored, one is back in its place in the order), later by the new item's length. `after`: the
 * item of the room that ends where the new one starts (the one it is inserted after), for the label.
 */
export function makeRoom(
  timeline: Timeline,
  item: Pick<Item, 'start' | 'end'>,
  room: string,
): { start: number; length: number; shifted: Shift[]; after: TimelineItem | null } {
  const start = parseLocal(item.start, timeline.zone);
  const end = parseLocal(item.end, timeline.zone);
  if (!start.ok) throw new ActionRejected(`item.start: ${start.reason}`);
  if (!end.ok) throw new ActionRejected(`item.end: ${end.reason}`);
  const length = end.at - start.at;
  if (length <= 0) throw new ActionRejected(`item.end: ${item.end} is not after the start ${item.start}`);
  const day = programDay(start.at, timeline.zone, timeline.dayChange);
  const inRoom = timeline.items.filter((i) => i.room === room && i.day === day);
  const shifted = inRoom
    .filter((i) => i.plannedStart >= start.at)
    .map((i) => ({
      itemId: i.id,
      start: programTime(i, 'start', i.plannedStart + length, timeline.zone),
      end: programTime(i, 'end', i.plannedEnd + length, timeline.zone),
      base: { start: localDateTime(i.plannedStart, timeline.zone), end: localDateTime(i.plannedEnd, timeline.zone) },
    }));
  const before = inRoom.filter((i) => i.plannedEnd === start.at && i.plannedStart < start.at);
  return { start: start.at, length, shifted, after: before.at(-1) ?? null };
}

/** What removing an inserted item and moving the rest of its day back would do (program.item.remove, shiftBack). */
export interface ShiftBackPlan {
  /** How much earlier each item moves: the inserted item's length when it was inserted. */
  minutes: number;
  /** The items still where the insert put them (cancelled since or not): their times now (`from`) and before (`to`). */
  back: {
    itemId: string;
    title: string;
    from: { start: string; end: string };
    to: { start: string; end: string };
    cancelled: boolean;
  }[];
  /**
   * The items the insert moved that were edited since and stay as they are: moved again (by hand, by another insert,
   * to another room; `start`: where it is now) or gone from the program (removed, or dropped by the source).
   */
  kept: { itemId: string; title: string; why: 'moved' | 'gone'; start: string | null }[];
}

/**
 * What moving back the items that inserting `itemId` moved later would do, against the merged program (`program`,
 * `timeline`) with `edits` on top of `source`: null when no edit added `itemId`. Only the last insert of the id
 * counts; an item moves back only if it is still in the room the insert moved it in, at the times it gave it, and
 * (given `source`) the source still has it where the insert moved it from: one the source moved since (its conflict
 * not settled, the insert's time kept) stays, or it would go back to a time the source no longer has.
 */
export function shiftBackPlan(
  program: Program,
  timeline: Timeline,
  edits: readonly Edit[],
  itemId: string,
  source?: Program,
): ShiftBackPlan | null {
  const index = edits.findLastIndex((e) => e.op === 'add' && e.item.id === itemId);
  const add = edits[index];
  if (add?.op !== 'add' || !findItem(program, itemId)) return null;
  // The program the insert moved the items in, as the source has it now.
  const under = source && add.shifted?.length ? applyEdits(source, edits.slice(0, index)).program : null;
  const start = parseLocal(add.item.start, timeline.zone);
  const end = parseLocal(add.item.end, timeline.zone);
  const minutes = start.ok && end.ok ? Math.round((end.at - start.at) / 60_000) : 0;
  const room = add.item.room ?? timeline.mainRoom;
  const plan: ShiftBackPlan = { minutes, back: [], kept: [] };
  for (const shift of add.shifted ?? []) {
    const now = findItem(program, shift.itemId);
    // A gone item by the title it had: an added one's from its add edit.
    const addedAs = edits.findLast((e) => e.op === 'add' && e.item.id === shift.itemId);
    const title =
      now?.title ??
      (addedAs?.op === 'add' ? addedAs.item.title : timeline.byId.get(shift.itemId)?.title) ??
      shift.itemId;
    if (!now) {
      plan.kept.push({ itemId: shift.itemId, title, why: 'gone', start: null });
      continue;
    }
    const inRoom = (timeline.byId.get(now.id)?.room ?? now.room ?? timeline.mainRoom) === room;
    const was = under ? findItem(under, now.id) : null;
    const sourceMoved = !!was && (was.start !== shift.base.start || was.end !== shift.base.end);
    if (!inRoom || now.start !== shift.start || now.end !== shift.end || sourceMoved) {
      plan.kept.push({ itemId: now.id, title, why: 'moved', start: now.start });
      continue;
    }
    plan.back.push({
      itemId: now.id,
      title,
      from: { start: shift.start, end: shift.end },
      to: { start: shift.base.start, end: shift.base.end },
      cancelled: now.cancelled !== undefined,
    });
  }
  return plan;
}

/**
 * The program time of `at`, where a moved item's start or end goes. Refused when no program time names it: in the
 * first of the autumn's two hours (02:00–03:00 summer time in Paris), whose times a program reads as the second.
 */
function programTime(item: TimelineItem, field: 'start' | 'end', at: number, zone: string): string {
  const local = localDateTime(at, zone);
  const read = parseLocal(local, zone);
  if (read.ok && read.at === at) return local;
  const clock = localTime(at, zone);
  throw new ActionRejected(
    `shiftFollowing: “${item.title}” would ${field} at ${clock} before the clocks go back, a time a program cannot name (its ${clock} is the one after): insert without moving the rest of the day, or choose another length`,
  );
}

/** "10 min", "1 h 30 min": a length as the undo label says it. */
function formatLength(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "2026-06-29T14:30": an instant as a program-zone local date-time, minutes only when seconds are 0. */
export function localDateTime(at: number, zone: string): string {
  const local = new Date(at + zoneOffset(zone, at) * 60_000).toISOString();
  return local.slice(17, 19) === '00' ? local.slice(0, 16) : local.slice(0, 19);
}

/** "2026-06-29T14:30:00" and "2026-06-29T14:30" are the same time; the program writes the short form. */
function normal(local: string): string {
  return local.endsWith(':00') && local.length === 19 ? local.slice(0, 16) : local;
}

function roomName(program: Program, id: string): string {
  return program.rooms.find((r) => r.id === id)?.name ?? id;
}
