// Child process for the kill -9 tests: saves {seq, payload} in a loop and acknowledges each save once it returned.
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { StateStore } from '../../server/store/state-store.ts';

export interface Shot {
  seq: number;
  payload: string;
}

// A few KB, derived from seq so the parent can tell a torn or mixed-up state from a whole one.
export const payloadFor = (seq: number) => `${seq};`.repeat(1500);

export function validateShot(data: unknown): Shot {
  const shot = data as Shot;
  if (typeof shot?.seq !== 'number' || shot.payload !== payloadFor(shot.seq)) throw new Error('not a shot');
  return shot;
}

// Runs only as the child's main script: the test imports this file for payloadFor and validateShot.
// With "journal": saves are the show's (saveAsync on a journaled store, folded past 64 KB), acknowledged once resolved.
const [script, file, from, mode] = process.argv.slice(1);
if (script && pathToFileURL(script).href === import.meta.url && file && from) {
  const journal = mode === 'journal';
  const store = new StateStore<Shot>({
    file,
    formatVersion: 1,
    validate: validateShot,
    ...(journal ? { journalMaxBytes: 64 * 1024 } : {}),
  });
  for (let seq = Number(from); ; seq++) {
    if (journal) await store.saveAsync({ seq, payload: payloadFor(seq) });
    else store.save({ seq, payload: payloadFor(seq) });
    // Synchronous write to fd 1: the ack leaves only after the save returned, and nothing is buffered in this process.
    writeSync(1, `ack ${seq}\n`);
  }
}
