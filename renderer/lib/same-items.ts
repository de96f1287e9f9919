// The items of a new state that are the same as in the state before, kept as the same objects.
import type { StateJson } from '../../core/contract/state.ts';
import type { ItemJson } from '../../core/schedule/screen-json.ts';

/**
 * Each state the show pushes (every action, every item change) is parsed into new objects, also for the items it
 * repeats unchanged (NEXT, the rest of the day, the other rooms). A view's card of an item redoes its work when its
 * item is a new object: its texts, speakers and times formatted again, its fitting checked again, on every screen at
 * every push. V8 optimises each such function once it has run some hundreds of times, so the door's compiled code kept
 * growing day after day with the number of pushes (docs/performance.md, "Memory: what grows day after day"). Items
 * whose every field is the same as in the last state are replaced by the object the views already have; an item that
 * changed in any way (a time moved by a delay, a title edited, the seconds left of one on now) stays the new object.
 * Only the last state's items are kept.
 */
export class SameItems {
  private last = new Map<string, ItemJson>();
  private seen = new Map<string, ItemJson>();

  /** Replaces, in `state` (just parsed, not yet shown), each item equal to one of the last state by that one. */
  keep(state: StateJson): void {
    // Each list is looked at only when it is there (a partial state in a test, a view's state without it).
    const { current, later, elsewhere } = state;
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) current[i] = this.same(current[i]!) as (typeof current)[number];
    }
    if (state.next) state.next = this.same(state.next);
    if (Array.isArray(later)) for (let i = 0; i < later.length; i++) later[i] = this.same(later[i]!);
    if (Array.isArray(elsewhere)) {
      for (const room of elsewhere) {
        for (let i = 0; i < room.current.length; i++) room.current[i] = this.same(room.current[i]!);
        if (room.next) room.next = this.same(room.next);
      }
    }
    if (state.nextInRoom) state.nextInRoom = this.same(state.nextInRoom);
    const last = this.last;
    last.clear();
    this.last = this.seen;
    this.seen = last;
  }

  private same(item: ItemJson): ItemJson {
    const text = JSON.stringify(item);
    const kept = this.last.get(text) ?? this.seen.get(text) ?? item;
    this.seen.set(text, kept);
    return kept;
  }
}
