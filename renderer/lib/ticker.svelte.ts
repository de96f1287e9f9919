// A show-clock "now" that changes on the clock's second boundaries, never drifting (no setInterval).
import type { ShowConnection } from './connection.svelte.ts';

export class Ticker {
  now = $state(0);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly connection: ShowConnection) {
    this.tick();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private tick = (): void => {
    const now = this.connection.showNow();
    this.now = now;
    const speed = this.connection.state?.clock.speed ?? 1;
    // Wake at the next whole show second (in real time that is shorter in a fast rehearsal), at most 20 times a second.
    const wait = Math.max((1000 - (((now % 1000) + 1000) % 1000)) / speed, 50);
    this.timer = setTimeout(this.tick, wait + 2);
  };
}
