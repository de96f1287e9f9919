// A door's own flip at a talk's start (see Signage.svelte): which card it shows then, and for which state.

type Shown = { from: object; id: string };

export class Flip {
  /** The item shown as on now by the door's clock, and the state it was foreseen from (it holds for that one only). */
  shown = $state.raw<Shown | null>(null);
  /**
   * The same, one task later: then the rest of the door (NEXT, the day list) turns too. The hero's card was built
   * ahead and turns at once; NEXT's new card and the list cost a few ms more, after it.
   */
  settled = $state.raw<Shown | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rest: ReturnType<typeof setTimeout> | undefined;

  /** Shows `id` in `waitMs` (real ms) unless cancelled first. */
  at(from: object, id: string, waitMs: number): void {
    this.cancel();
    this.timer = setTimeout(
      () => {
        const shown = { from, id };
        this.shown = shown;
        this.rest = setTimeout(() => (this.settled = shown), 0);
      },
      Math.max(0, waitMs),
    );
  }

  cancel(): void {
    clearTimeout(this.timer);
    clearTimeout(this.rest);
  }
}
