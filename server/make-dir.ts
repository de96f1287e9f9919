// `mkdir -p` that gives up instead of looping. Node 20's mkdirSync(dir, { recursive: true }) spins forever where the
// system answers ENOENT for a folder whose parent exists (any path under /proc): `roomcue serve --state-dir /proc/x`
// printed its addresses, then froze in its check of the folder, answering no screen.
import fs from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Makes `dir` and its missing parents; throws the system's error (ENOENT, EACCES, ENOTDIR…) when one cannot be made. */
export function makeDirSync(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (isDirectory(at)) break;
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (err) {
      // Made meanwhile by someone else: fine. Anything else, including ENOENT under a parent that is there, is final.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !isDirectory(folder)) throw err;
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
