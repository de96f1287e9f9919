// A door's own flip at a talk's start (see Signage.svelte): which card it shows then, and for which state.

type Shown = { from: object; id: string };

/** What the flip asks of the door's connection: to read the states that come in the next moments a little later. */
interface Holds {
  holdStates(ms: number): void;
}

/**
 * How long (real ms) after a door's own turn the rest of its work waits: the rest of the door (NEXT, the day list)
 * and the state the server pushes at that same instant. Every door in a venue turns at one instant; when the first
 * ones to wake also did that work at once (Svelte's update of the whole door, its fitting, a frame: 10–20 ms each),
 * ten doors sharing two cores turned up to ~50 ms apart. Now each does only its cheap turn (a card built ahead, shown)
 * at the instant, and the rest a moment later, when all have turned; a person does not see NEXT follow 0.1 s later.
 */
export const TURN_HOLD_MS = 100;

export class Flip {
  /** The item shown as on now by the door's clock, and the state it was foreseen from (it holds for that one only). */
  shown = $state.raw<Shown | null>(null);
  /**
   * The same, `TURN_HOLD_MS` later: then the rest of the door (NEXT, the day list) turns too, unless the state pushed
   * at the change has come by then (it replaces the door's guess, and this flip is dropped).
   */
  settled = $state.raw<Shown | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rest: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly connection: Holds) {}

  /** Shows `id` in `waitMs` (real ms) unless cancelled first. */
  at(from: object, id: string, waitMs: number): void {
    this.cancel();
    this.timer = setTimeout(
      () => {
        const shown = { from, id };
        this.shown = shown;
        // Held first, so that a state kept aside is read before the door's own guess of the rest would be made.
        this.connection.holdStates(TURN_HOLD_MS);
        this.rest = setTimeout(() => (this.settled = shown), TURN_HOLD_MS);
      },
      Math.max(0, waitMs),
    );
  }

  cancel(): void {
    clearTimeout(this.timer);
    clearTimeout(this.rest);
  }
}
