// Saves one after another, never two at once, and never an older state after a newer one: a save asked for while
// another is being written waits for it, and saves asked for meanwhile are merged (only the newest is written).
export class SaveQueue<T> {
  private running: Promise<void> | null = null;
  private pending: { state: T; done: Promise<void>; resolve: () => void } | null = null;

  /**
   * @param write writes one state (rejects with the reason it could not)
   * @param settled told how each write ended (null: saved), before the saves waiting on it resolve
   */
  constructor(
    private readonly write: (state: T) => Promise<void>,
    private readonly settled: (error: unknown) => void,
  ) {}

  /** Resolves once `state`, or a newer one, has been written or has failed (never rejects: see `settled`). */
  save(state: T): Promise<void> {
    if (this.pending) this.pending.state = state;
    else {
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      this.pending = { state, done, resolve };
    }
    const done = this.pending.done;
    if (!this.running) this.next();
    return done;
  }

  /** Resolves once every state asked for so far is written (or failed). */
  flush(): Promise<void> {
    return this.pending?.done ?? this.running ?? Promise.resolve();
  }

  private next(): void {
    const job = this.pending;
    this.pending = null;
    if (!job) {
      this.running = null;
      return;
    }
    const run = async () => {
      try {
        await this.write(job.state);
        this.settled(null);
      } catch (err) {
        this.settled(err);
      }
    };
    this.running = run().then(() => {
      job.resolve();
      this.next();
    });
  }
}
