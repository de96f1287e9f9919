// What changed between two versions of a program, in the words an operator reads on the control view:
// "'X' moved 14:00 → 14:30", "'Y' removed", "'Z' new".
import type { Item, Program } from './schema.ts';
import { placedItems, itemRoom } from './walk.ts';

export interface ProgramChangeLine {
  itemId: string;
  kind: 'new' | 'removed' | 'moved' | 'room' | 'retitled' | 'speakers' | 'edited';
  text: string;
}

interface Seen {
  item: Item;
  room: string | null;
}

/** Items compared by id; an item whose several fields changed gives one line per kind of change. */
export function programChanges(before: Program, after: Program): ProgramChangeLine[] {
  const index = (p: Program) => {
    const out = new Map<string, Seen>();
    for (const { item, session } of placedItems(p)) out.set(item.id, { item, room: itemRoom(p, item, session) });
    return out;
  };
  const a = index(before);
  const b = index(after);
  const out: ProgramChangeLine[] = [];
  const roomName = (p: Program, id: string | null) =>
    id === null ? 'away' : (p.rooms.find((r) => r.id === id)?.name ?? id);

  for (const [id, now] of b) {
    const was = a.get(id);
    const t = quote(now.item.title);
    if (!was) {
      out.push({ itemId: id, kind: 'new', text: `${t} new, ${when(now.item.start)}–${hm(now.item.end)}` });
      continue;
    }
    if (was.item.start !== now.item.start || was.item.end !== now.item.end) {
      const from = `${when(was.item.start, now.item.start)}–${hm(was.item.end)}`;
      out.push({
        itemId: id,
        kind: 'moved',
        text: `${t} moved ${from} → ${when(now.item.start, was.item.start)}–${hm(now.item.end)}`,
      });
    }
    if (was.room !== now.room) {
      out.push({
        itemId: id,
        kind: 'room',
        text: `${t} moved from ${roomName(before, was.room)} to ${roomName(after, now.room)}`,
      });
    }
    if (was.item.title !== now.item.title) {
      out.push({ itemId: id, kind: 'retitled', text: `${quote(was.item.title)} renamed ${t}` });
    }
    if (JSON.stringify(was.item.speakers) !== JSON.stringify(now.item.speakers)) {
      out.push({ itemId: id, kind: 'speakers', text: `${t}: speakers changed` });
    }
    const rest = (i: Item) => JSON.stringify({ ...i, start: 0, end: 0, room: 0, title: 0, speakers: 0 });
    if (rest(was.item) !== rest(now.item)) out.push({ itemId: id, kind: 'edited', text: `${t} edited` });
  }
  for (const [id, was] of a) {
    if (!b.has(id)) out.push({ itemId: id, kind: 'removed', text: `${quote(was.item.title)} removed` });
  }
  return out;
}

/** "3 changes: 'X' moved 14:00–14:30 → 14:30–15:00, 'Y' removed, 'Z' new …" in one line, the first few named. */
export function summarizeChanges(lines: readonly ProgramChangeLine[], shown = 3): string {
  if (lines.length === 0) return 'no change to the items';
  const head = lines.slice(0, shown).map((l) => l.text);
  const more = lines.length > shown ? `, and ${lines.length - shown} more` : '';
  return `${lines.length} change${lines.length === 1 ? '' : 's'}: ${head.join(', ')}${more}`;
}

const hm = (local: string) => local.slice(11, 16);
/** The time, with the date when the other side of the change is on another day. */
const when = (local: string, other?: string) =>
  other === undefined || other.slice(0, 10) !== local.slice(0, 10) ? `${local.slice(0, 10)} ${hm(local)}` : hm(local);
const quote = (title: string) => `'${title.length > 60 ? `${title.slice(0, 57)}…` : title}'`;
