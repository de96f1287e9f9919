// A door's own flip at a talk's start (see Signage.svelte): which card it shows then, and for which state.

export class Flip {
  /** The item shown as on now by the door's clock, and the state it was foreseen from (it holds for that one only). */
  shown = $state.raw<{ from: object; id: string } | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Shows `id` in `waitMs` (real ms) unless cancelled first. */
  at(from: object, id: string, waitMs: number): void {
    this.cancel();
    this.timer = setTimeout(() => (this.shown = { from, id }), Math.max(0, waitMs));
  }

  cancel(): void {
    clearTimeout(this.timer);
  }
}
