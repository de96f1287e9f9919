// A room named the way a person types it: its id, or the name printed in the schedule, with case and accents ignored.
import type { Room } from './schema.ts';

export type RoomMatch =
  { ok: true; room: Room; by: 'id' | 'name' } | { ok: false; message: string; candidates: Room[] };

/** "Salle Émile-Borel" and "salle emile borel" compare equal: no accents, no case, punctuation and spaces as one. */
export function roomKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Finds the room `query` names: an exact id first, then an id or a displayed name with case and accents ignored. */
export function findRoom(rooms: readonly Room[], query: string): RoomMatch {
  const exact = rooms.find((r) => r.id === query);
  if (exact) return { ok: true, room: exact, by: 'id' };
  const key = roomKey(query);
  if (key !== '') {
    const byId = rooms.filter((r) => roomKey(r.id) === key);
    const byName = rooms.filter((r) => roomKey(r.name) === key && !byId.includes(r));
    const found = [...byId, ...byName];
    if (found.length === 1) return { ok: true, room: found[0]!, by: byId.length === 1 ? 'id' : 'name' };
    if (found.length > 1) {
      return {
        ok: false,
        candidates: found,
        message: `"${query}" could be ${found.length} rooms: ${found.map(describe).join(', ')}; give the id`,
      };
    }
  }
  return {
    ok: false,
    candidates: [],
    message: `unknown room "${query}"; rooms: ${rooms.map(describe).join(', ')}`,
  };
}

function describe(room: Room): string {
  return roomKey(room.name) === roomKey(room.id) ? room.id : `${room.id} ("${room.name}")`;
}
