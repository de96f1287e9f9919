// Keeps the live show state in one JSON file that survives crashes: atomic replace on save, bad files set aside on load.
import fs from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface StoreLoad<T> {
  state: T | null;
  warning: string | null;
}

export interface StateStoreOptions<T> {
  file: string;
  formatVersion: number;
  /** Returns the state (it sees only the file's `state` member) or throws with the reason it is bad. */
  validate: (data: unknown) => T;
  /** Turns the `state` member of a file saved in an older format (below `formatVersion`) into the current one. */
  upgrade?: (version: number, data: unknown) => unknown;
  /** Path the next save writes before renaming; must be in `file`'s directory, where rename is atomic. For tests. */
  tempName?: (file: string) => string;
}

// Per process, not per store: two stores on one file must never write the same temp file.
let tempCounter = 0;
const defaultTempName = (file: string) => `${file}.${process.pid}.${++tempCounter}.tmp`;
const STALE_TEMP = /^\d+\.\d+\.tmp$/; // what defaultTempName appends after `<file>.`

export class StateStore<T> {
  readonly file: string;
  private readonly opts: StateStoreOptions<T>;

  constructor(opts: StateStoreOptions<T>) {
    this.file = opts.file;
    this.opts = opts;
  }

  load(): StoreLoad<T> {
    this.removeStaleTemps();
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      // ENOTDIR: a parent is a regular file, so there is no state here either (save will say why it cannot write).
      if (errCode(err) === 'ENOENT' || errCode(err) === 'ENOTDIR') return { state: null, warning: null };
      return this.setAside(describe(err));
    }
    try {
      return { state: this.parse(text), warning: null };
    } catch (err) {
      return this.setAside(describe(err));
    }
  }

  save(state: T): void {
    const temp = (this.opts.tempName ?? defaultTempName)(this.file);
    let tempIsOurs = false;
    try {
      const { formatVersion } = this.opts;
      const text = JSON.stringify({ formatVersion, savedAt: new Date().toISOString(), state });
      try {
        fs.mkdirSync(dirname(this.file), { recursive: true });
      } catch (err) {
        // EEXIST: the directory's path is a regular file; open below then fails with the clearer "not a directory".
        if (errCode(err) !== 'EEXIST') throw err;
      }
      const fd = fs.openSync(temp, 'wx'); // exclusive: never write into (nor later delete) a path someone else owns
      tempIsOurs = true;
      try {
        fs.writeFileSync(fd, text);
        fs.fsyncSync(fd); // the bytes are on disk before the name points at them
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, this.file); // atomic: a reader, or a crash, sees the old file or the new one, never a mix
      tempIsOurs = false;
      syncDir(dirname(this.file)); // so the rename itself survives a power cut
    } catch (err) {
      if (tempIsOurs) tryUnlink(temp);
      throw new Error(`cannot save show state to ${this.file}: ${describe(err)}`, { cause: err });
    }
  }

  /**
   * The same atomic, durable replace as `save`, but the waits for the disk (fsync of the file, then of its directory)
   * happen off the event loop: screens, pings and other requests go on while the disk catches up. The bytes go to
   * the temp file synchronously (into the OS's cache, well under a millisecond).
   */
  async saveAsync(state: T): Promise<void> {
    const temp = (this.opts.tempName ?? defaultTempName)(this.file);
    let tempIsOurs = false;
    let fd: number | null = null;
    try {
      const { formatVersion } = this.opts;
      const text = JSON.stringify({ formatVersion, savedAt: new Date().toISOString(), state });
      try {
        fs.mkdirSync(dirname(this.file), { recursive: true });
      } catch (err) {
        if (errCode(err) !== 'EEXIST') throw err;
      }
      fd = fs.openSync(temp, 'wx');
      tempIsOurs = true;
      fs.writeFileSync(fd, text);
      await fsyncAsync(fd); // the bytes are on disk before the name points at them
      const open = fd;
      fd = null;
      fs.closeSync(open);
      await fs.promises.rename(temp, this.file); // may wait for the file system's journal too
      tempIsOurs = false;
      await syncDirAsync(dirname(this.file)); // so the rename itself survives a power cut
    } catch (err) {
      if (fd !== null) tryClose(fd);
      if (tempIsOurs) tryUnlink(temp);
      throw new Error(`cannot save show state to ${this.file}: ${describe(err)}`, { cause: err });
    }
  }

  private parse(text: string): T {
    const data = reword('not valid JSON', () => JSON.parse(text) as unknown);
    if (typeof data !== 'object' || data === null || !('formatVersion' in data) || !('state' in data)) {
      throw new Error('not a show state file');
    }
    const version = data.formatVersion;
    const { upgrade, formatVersion } = this.opts;
    const older = upgrade && typeof version === 'number' && Number.isInteger(version) && version >= 1;
    if (version !== formatVersion && !(older && version < formatVersion)) {
      throw new Error(`format version ${JSON.stringify(version)}, expected ${formatVersion}`);
    }
    const state = version === formatVersion ? data.state : upgrade!(version, data.state);
    return reword('invalid show state', () => this.opts.validate(state));
  }

  // Moved, never deleted: the operator may still want what was in it.
  private setAside(reason: string): StoreLoad<T> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-'); // no ':' so the name is valid on Windows
    let aside = `${this.file}.corrupt-${stamp}`;
    // rename replaces an existing target: a second bad file must not overwrite the first one set aside.
    for (let n = 1; fs.existsSync(aside); n++) aside = `${this.file}.corrupt-${stamp}-${n}`;
    let fate = `was moved to ${aside} and`;
    try {
      fs.renameSync(this.file, aside);
    } catch (err) {
      fate = `could not be moved aside (${describe(err)});`;
    }
    const warning = `show state file ${this.file} was unreadable (${reason}); it ${fate} the show starts from the program`;
    return { state: null, warning };
  }

  // A crash between open and rename leaves a temp file; it was never acknowledged, so dropping it loses nothing.
  private removeStaleTemps(): void {
    const dir = dirname(this.file);
    const prefix = `${basename(this.file)}.`;
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      // no directory yet: nothing to clean
    }
    for (const name of names) {
      if (name.startsWith(prefix) && STALE_TEMP.test(name.slice(prefix.length))) tryUnlink(join(dir, name));
    }
  }
}

function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (err) {
    // Some platforms (Windows, some network file systems) refuse to open or fsync a directory: nothing more to do.
    if (!['EISDIR', 'EPERM', 'EINVAL'].includes(errCode(err))) throw err;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const fsyncAsync = (fd: number) =>
  new Promise<void>((resolve, reject) => fs.fsync(fd, (err) => (err ? reject(err) : resolve())));

async function syncDirAsync(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // As in syncDir: some platforms refuse to open or fsync a directory.
    if (!['EISDIR', 'EPERM', 'EINVAL'].includes(errCode(err))) throw err;
  } finally {
    await handle?.close();
  }
}

function tryClose(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
}

function tryUnlink(path: string): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // already gone, or not ours to remove (a directory): leaving it is harmless
  }
}

function reword<R>(what: string, fn: () => R): R {
  try {
    return fn();
  } catch (err) {
    throw new Error(`${what}: ${describe(err)}`, { cause: err });
  }
}

const errCode = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code ?? '';

/** "ENOSPC: no space left on device, write" → "no space left on device (ENOSPC)"; other errors keep their message. */
function describe(err: unknown): string {
  const code = errCode(err);
  const message = err instanceof Error ? err.message : String(err);
  const os = code ? new RegExp(`^${code}: ([^,]+)`).exec(message) : null;
  return os ? `${os[1]} (${code})` : message;
}
