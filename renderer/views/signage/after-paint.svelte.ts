// Work a door leaves for after its first frame with a state is on screen (see Signage.svelte: its side column).

/**
 * `done` turns true once, after the frame that follows `start()` is painted (a task queued from that frame's animation
 * callback), or `lateMs` after `start()`, whichever comes first: a page drawn in the background gets no animation
 * frames, and would otherwise never do that work.
 */
export class AfterPaint {
  done = $state(false);
  private frame = 0;
  private afterPaint: ReturnType<typeof setTimeout> | undefined;
  private late: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly lateMs: number) {}

  start(): void {
    if (this.done || this.late !== undefined) return;
    const finish = () => {
      this.stop();
      this.done = true;
    };
    this.frame = requestAnimationFrame(() => (this.afterPaint = setTimeout(finish)));
    this.late = setTimeout(finish, this.lateMs);
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.afterPaint);
    clearTimeout(this.late);
  }
}
