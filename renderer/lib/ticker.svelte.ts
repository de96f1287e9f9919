// A show-clock "now" that changes on the clock's second boundaries, never drifting (no setInterval).
import type { ShowConnection } from './connection.svelte.ts';

export class Ticker {
  /** Bumped on each show second: what reads `now` is woken then. */
  private ticks = $state(0);
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param changeDue The next instant (show time) at which the server will push a new state by itself (an item ends
   *   or starts): the ticker does not wake the view at that instant, as that state redraws it then (see `tick`).
   */
  constructor(
    private readonly connection: ShowConnection,
    private readonly changeDue?: () => number | null,
  ) {
    this.tick();
  }

  /** How many times it has woken the view (for tests). */
  get tickCount(): number {
    return this.ticks;
  }

  /**
   * The show's time, read from the connection's latest state when it is read, so that a new state (the first one,
   * a rehearsal's clock, a jump) counts from its own clock at once, never from a time taken before it came; null
   * until the first state.
   */
  get now(): number | null {
    void this.ticks;
    return this.connection.showNow();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private tick = (): void => {
    this.ticks++;
    // Before the first state there is no show second to align to: wake on this machine's seconds meanwhile.
    const now = this.connection.showNow() ?? Date.now();
    const speed = this.connection.state?.clock.speed ?? 1;
    // Wake at the next whole show second (in real time that is shorter in a fast rehearsal), at most 20 times a second.
    let wait = Math.max((1000 - (((now % 1000) + 1000) % 1000)) / speed, 50) + 2;
    // A wake at (or just after) an item change would draw the item that is ending once more, a few ms before the
    // server's state of what follows comes and is drawn with its own time: two frames instead of one, at the one
    // instant every screen in the venue has work to do at once. The wake waits a little past the change instead;
    // when no state comes (an item held on stage), the view is woken then all the same.
    const due = this.connection.state ? this.changeDue?.() : null;
    if (typeof due === 'number' && due > now) {
      const untilDue = (due - now) / speed;
      if (untilDue <= wait) wait = untilDue + AFTER_CHANGE_MS;
    }
    this.timer = setTimeout(this.tick, wait);
  };
}

/** How long (real ms) past an item change the ticker waits for the state that redraws the view. */
const AFTER_CHANGE_MS = 150;

/**
 * When a door's screen next changes by itself, as its state says: the first end of an item on now, the next item's
 * start, a running timer's zero (the instants at which the server pushes a new state; `server/show.ts`).
 */
export function changeDue(connection: ShowConnection): () => number | null {
  return () => {
    const state = connection.state;
    const now = connection.showNow();
    if (!state || now === null) return null;
    // Read at every tick of the view, all day: a loop, not callbacks made at each call (each would be a new function
    // that V8 compiles again after every garbage collection; docs/performance.md).
    let due = earliestAfter(null, state.next ? Date.parse(state.next.start) : NaN, now);
    due = earliestAfter(due, state.timer?.running ? state.timer.endsAtMs : NaN, now);
    for (const item of state.current) due = earliestAfter(due, Date.parse(item.end), now);
    return due;
  };
}

/** The earlier of `due` and `t`, counting `t` only when it is a real instant after `now`. */
function earliestAfter(due: number | null, t: number, now: number): number | null {
  if (!Number.isFinite(t) || t <= now) return due;
  return due === null || t < due ? t : due;
}
