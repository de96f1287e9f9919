// The listeners of a program source (file, feed, central server): a failing one is logged and never stops the others.
export class Listeners<T> {
  private readonly all = new Set<(event: T) => void>();

  constructor(private readonly onError: (message: string) => void) {}

  add(listener: (event: T) => void): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  emit(event: T): void {
    for (const listener of [...this.all]) {
      try {
        listener(event);
      } catch (err) {
        this.onError(err instanceof Error ? err.message : String(err));
      }
    }
  }

  clear(): void {
    this.all.clear();
  }
}
