// The show's saves run in the background: one at a time, in order, merged when actions come faster than the disk.
import { describe, expect, test } from 'vitest';
import { SaveQueue } from '../../server/store/save-queue.ts';

/** A disk whose writes finish only when the test says so. */
function slowDisk() {
  const written: number[] = [];
  const inFlight: { state: number; finish: (error?: Error) => void }[] = [];
  const outcomes: (string | null)[] = [];
  const queue = new SaveQueue<number>(
    (state) =>
      new Promise<void>((resolve, reject) => {
        inFlight.push({
          state,
          finish: (error) => {
            if (error) return reject(error);
            written.push(state);
            resolve();
          },
        });
      }),
    (err) => outcomes.push(err === null ? null : String((err as Error).message)),
  );
  return { queue, written, inFlight, outcomes };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('SaveQueue', () => {
  test('three saves asked for during a slow write: the newest is written next, once, and all three resolve', async () => {
    const { queue, written, inFlight } = slowDisk();
    const resolved: number[] = [];
    void queue.save(1).then(() => resolved.push(1));
    await settle();
    for (const n of [2, 3, 4]) void queue.save(n).then(() => resolved.push(n));
    expect(inFlight.map((w) => w.state)).toEqual([1]); // never two writes at once
    inFlight[0]!.finish();
    await settle();
    expect(resolved).toEqual([1]);
    expect(inFlight.map((w) => w.state)).toEqual([1, 4]);
    inFlight[1]!.finish();
    await settle();
    expect(written).toEqual([1, 4]);
    expect(resolved).toEqual([1, 2, 3, 4]);
  });

  test('flush waits for the save in progress and the one queued behind it', async () => {
    const { queue, inFlight } = slowDisk();
    void queue.save(1);
    void queue.save(2);
    let flushed = false;
    void queue.flush().then(() => (flushed = true));
    await settle();
    inFlight[0]!.finish();
    await settle();
    expect(flushed).toBe(false);
    inFlight[1]!.finish();
    await settle();
    expect(flushed).toBe(true);
    await queue.flush(); // nothing left: resolves at once
  });

  test('a failed write is reported, does not reject the waiting save, and the next save is still written', async () => {
    const { queue, written, inFlight, outcomes } = slowDisk();
    const first = queue.save(1);
    await settle();
    inFlight[0]!.finish(new Error('no space left on device (ENOSPC)'));
    await first;
    expect(outcomes).toEqual(['no space left on device (ENOSPC)']);
    const second = queue.save(2);
    await settle();
    inFlight[1]!.finish();
    await second;
    expect(written).toEqual([2]);
    expect(outcomes).toEqual(['no space left on device (ENOSPC)', null]);
  });
});
