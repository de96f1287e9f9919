// Every item of a program with the session it belongs to and its JSON path, in file order.
import type { Item, Program, Session } from './schema.ts';

export interface PlacedItem {
  item: Item;
  session: Session | null;
  sessionPath: string | null;
  path: string;
}

export function placedItems(program: Program): PlacedItem[] {
  const out: PlacedItem[] = [];
  program.sessions.forEach((session, s) => {
    session.items.forEach((item, i) => {
      out.push({ item, session, sessionPath: `sessions[${s}]`, path: `sessions[${s}].items[${i}]` });
    });
  });
  program.items.forEach((item, i) => out.push({ item, session: null, sessionPath: null, path: `items[${i}]` }));
  return out;
}

/** The room an item happens in, or null for an item away from the rooms (it has a location). */
export function itemRoom(program: Program, item: Item, session: Session | null): string | null {
  if (item.location) return null;
  return item.room ?? session?.room ?? mainRoomId(program);
}

export function mainRoomId(program: Program): string {
  return program.mainRoom ?? program.rooms[0]!.id;
}
