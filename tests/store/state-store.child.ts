// Child process for the kill -9 test: saves {seq, payload} in a loop and acknowledges each save once save() returned.
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
const [script, file, from] = process.argv.slice(1);
if (script && pathToFileURL(script).href === import.meta.url && file && from) {
  const store = new StateStore<Shot>({ file, formatVersion: 1, validate: validateShot });
  for (let seq = Number(from); ; seq++) {
    store.save({ seq, payload: payloadFor(seq) });
    // Synchronous write to fd 1: the ack leaves only after save() returned, and nothing is buffered in this process.
    writeSync(1, `ack ${seq}\n`);
  }
}
