// A show-clock "now" that changes on the clock's second boundaries, never drifting (no setInterval).
import type { ShowConnection } from './connection.svelte.ts';

export class Ticker {
  /** Bumped on each show second: what reads `now` is woken then. */
  private ticks = $state(0);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly connection: ShowConnection) {
    this.tick();
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
    const wait = Math.max((1000 - (((now % 1000) + 1000) % 1000)) / speed, 50);
    this.timer = setTimeout(this.tick, wait + 2);
  };
}
