// The items of a new state that are the same as in the state before, kept as the same objects.
import type { StateJson } from '../../core/contract/state.ts';
import type { CurrentItemJson } from '../../core/schedule/screen-json.ts';

/**
 * Each state the show pushes (every action, every item change) is parsed into new objects, also for the items it
 * repeats unchanged (NEXT, the rest of the day, the other rooms). A view's card of an item redoes its work when its
 * item is a new object: its texts, speakers and times formatted again, its fitting checked again, on every screen at
 * every push. V8 optimises each such function once it has run some hundreds of times, so the door's compiled code kept
 * growing day after day with the number of pushes (docs/performance.md, "Memory: what grows day after day"). Items
 * whose every field is the same as in the last state are replaced by the object the views already have; an item that
 * changed in any way (a time moved by a delay, a title edited) stays the new object. Only the last state's items are
 * kept.
 *
 * An item on now also carries its whole seconds left (`remainingSeconds`), different at nearly every push: no view
 * reads it (each counts down from the item's end or the timer's, on its own clock), and with it the door's hero card
 * was new at every push and redid all its work. An item on now is kept when all its other fields are the same, and
 * given the new count (a plain field: nothing reactive reads it). It is kept only as an item on now: NEXT that
 * becomes the item on now is a new object, so that an item never gains or loses a field.
 *
 * The room's announcement and the message to the speaker are kept the same way (their cards refit their text when
 * the message is a new object).
 */
export class SameItems {
  private last = new Map<string, object>();
  private seen = new Map<string, object>();

  /** Replaces, in `state` (just parsed, not yet shown), each item equal to one of the last state by that one. */
  keep(state: StateJson): void {
    // Each list is looked at only when it is there (a partial state in a test, a view's state without it).
    const { current, later, elsewhere } = state;
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) current[i] = this.sameOnNow(current[i]!);
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
    const messages = state.messages;
    if (messages) {
      if (messages.public) messages.public = this.same(messages.public, 'public ');
      if (messages.speaker) messages.speaker = this.same(messages.speaker, 'speaker ');
    }
    const last = this.last;
    last.clear();
    this.last = this.seen;
    this.seen = last;
  }

  private same<T extends object>(item: T, kind = ''): T {
    const text = kind + JSON.stringify(item);
    const kept = (this.last.get(text) ?? this.seen.get(text) ?? item) as T;
    this.seen.set(text, kept);
    return kept;
  }

  private sameOnNow(item: CurrentItemJson): CurrentItemJson {
    const remainingSeconds = item.remainingSeconds;
    // The key leaves the count out (the last field the server writes; JSON.stringify leaves out what is undefined).
    const text = `now ${JSON.stringify(item, withoutCount)}`;
    const kept = (this.last.get(text) ?? this.seen.get(text) ?? item) as CurrentItemJson;
    kept.remainingSeconds = remainingSeconds;
    this.seen.set(text, kept);
    return kept;
  }
}

/** JSON.stringify's replacer that leaves out an item's seconds left (a module function: it runs at every state). */
function withoutCount(key: string, value: unknown): unknown {
  return key === 'remainingSeconds' ? undefined : value;
}
