// Keeps the live show state in one JSON file that survives crashes: atomic replace on save, bad files set aside on load.
// Journaled (the show's state): each save appends one line to `<file>.journal` and waits for one fdatasync; a load
// replays the newest whole line and folds it into the file (see `journalMaxBytes`).
import fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makeDirSync } from '../make-dir.ts';

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
  /**
   * Journaled: `saveAsync` appends the state as one line to `<file>.journal` and waits for one fdatasync (the atomic
   * replace waits for the disk four times: the temp file, the rename, the directory). Once the journal outgrows this
   * many bytes, the saved state is folded into the file (atomic replace) and the journal emptied; `load` replays the
   * newest whole line, folds it in the same way, and drops a last line cut by a crash (it was never acknowledged).
   * Invariant: when the journal has a whole line, its last one is the newest state saved.
   */
  journalMaxBytes?: number;
  /** A state's JSON, the text `JSON.stringify` makes (the default); a faster one for a state saved at every action. */
  stringify?: (state: T) => string;
}

/** The show state's journal is folded into its file past this size (4 MiB: over a hundred saves of a big show). */
export const STATE_JOURNAL_MAX_BYTES = 4 * 1024 * 1024;

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

  /** `<file>.journal`, where a journaled store's saves go. */
  get journal(): string {
    return `${this.file}.journal`;
  }

  load(): StoreLoad<T> {
    this.removeStaleTemps();
    const loaded = this.loadFile();
    return this.opts.journalMaxBytes === undefined ? loaded : this.replayJournal(loaded);
  }

  private loadFile(): StoreLoad<T> {
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
      const text = this.serialize(state);
      try {
        makeDirSync(dirname(this.file));
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
      // The file now holds the newest state: older lines in the journal must not win over it at the next load.
      if (this.opts.journalMaxBytes !== undefined) emptyJournalSync(this.journal);
    } catch (err) {
      if (tempIsOurs) tryUnlink(temp);
      throw new Error(`cannot save show state to ${this.file}: ${describe(err)}`, { cause: err });
    }
  }

  /**
   * Resolves once `state` is durably on disk, waiting for the disk off the event loop: screens, pings and other
   * requests go on while it catches up. Journaled: one line appended (synchronously, into the OS's cache) and one
   * fdatasync; otherwise the atomic replace of `save`.
   */
  async saveAsync(state: T): Promise<void> {
    if (this.opts.journalMaxBytes === undefined) return this.replaceAsync(state);
    const size = await this.append(state);
    if (size <= this.opts.journalMaxBytes) return;
    // Folded: the file gets this state (durably) before the journal is emptied, so a crash in between loads it either
    // way. A fold that fails costs nothing saved: the state is in the journal; the next save tries again.
    try {
      await this.replaceAsync(state);
      await emptyJournal(this.journal);
    } catch {
      // the journal keeps growing until a fold works
    }
  }

  /** Appends `state` to the journal and waits until it is on disk; resolves with the journal's size. */
  private async append(state: T): Promise<number> {
    let fd: number | null = null;
    let before = -1;
    try {
      const line = `${this.serialize(state)}\n`;
      fd = openJournal(this.journal);
      before = fs.fstatSync(fd).size;
      if (before > 0 && !endsWithNewline(fd, before)) {
        // A line cut by a crash, not yet dropped by a load: the new line must not be glued to it.
        fs.ftruncateSync(fd, (before = lastLineEnd(fd, before)));
      }
      fs.writeFileSync(fd, line);
      await fdatasyncAsync(fd); // one wait for the disk: the bytes and the file's new length
      const size = before + Buffer.byteLength(line);
      const open = fd;
      fd = null;
      fs.closeSync(open);
      return size;
    } catch (err) {
      if (fd !== null) {
        // A line half written (a full disk) is taken back, so that the next one starts on a line of its own.
        if (before >= 0) tryTruncate(fd, before);
        tryClose(fd);
      }
      throw new Error(`cannot save show state to ${this.file}: ${describe(err)}`, { cause: err });
    }
  }

  private serialize(state: T): string {
    const { formatVersion, stringify } = this.opts;
    if (!stringify) return JSON.stringify({ formatVersion, savedAt: new Date().toISOString(), state });
    return `{"formatVersion":${formatVersion},"savedAt":"${new Date().toISOString()}","state":${stringify(state)}}`;
  }

  /**
   * The newest whole line of the journal wins over the file (see `journalMaxBytes`), and is folded into it. A last
   * line without its newline was cut by a crash: never acknowledged, dropped. A whole line that does not read is
   * corruption: the journal is set aside, named in the warning, and the show goes on from the line before it.
   */
  private replayJournal(loaded: StoreLoad<T>): StoreLoad<T> {
    let text: string;
    try {
      text = fs.readFileSync(this.journal, 'utf8');
    } catch (err) {
      if (errCode(err) === 'ENOENT' || errCode(err) === 'ENOTDIR') return loaded;
      return { state: loaded.state, warning: join2(loaded.warning, `cannot read ${this.journal}: ${describe(err)}`) };
    }
    const lines = text.slice(0, text.lastIndexOf('\n') + 1).split('\n');
    lines.pop();
    let state = loaded.state;
    let warning = loaded.warning;
    let replayed = false;
    let kept = true; // false: a bad journal could not be moved aside (then it is not emptied either)
    for (let i = lines.length - 1; i >= 0; i--) {
      try {
        state = this.parse(lines[i]!);
        replayed = true;
        break;
      } catch (err) {
        if (i !== lines.length - 1) continue;
        const aside = this.setJournalAside(i + 1, describe(err));
        kept = aside.moved;
        warning = join2(warning, aside.warning);
      }
    }
    if (!replayed && warning === loaded.warning && text.length === 0) return loaded;
    if (replayed && loaded.warning) warning = join2(warning, `the newest save was recovered from ${this.journal}`);
    if (state === null || !kept) return { state, warning };
    try {
      this.save(state); // the file gets the replayed state, then the journal is emptied
    } catch (err) {
      warning = join2(warning, describe(err));
    }
    return { state, warning };
  }

  private setJournalAside(line: number, reason: string): { moved: boolean; warning: string } {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let aside = `${this.journal}.corrupt-${stamp}`;
    for (let n = 1; fs.existsSync(aside); n++) aside = `${this.journal}.corrupt-${stamp}-${n}`;
    let fate = `was moved to ${aside} and`;
    let moved = true;
    try {
      fs.renameSync(this.journal, aside);
    } catch (err) {
      fate = `could not be moved aside (${describe(err)});`;
      moved = false;
    }
    const warning = `show state journal ${this.journal} line ${line} was unreadable (${reason}); it ${fate} the show goes on from the last good save before it`;
    return { moved, warning };
  }

  /** The atomic replace of `save`, with the waits for the disk off the event loop. */
  private async replaceAsync(state: T): Promise<void> {
    const temp = (this.opts.tempName ?? defaultTempName)(this.file);
    let tempIsOurs = false;
    let fd: number | null = null;
    try {
      const text = this.serialize(state);
      try {
        makeDirSync(dirname(this.file));
      } catch (err) {
        if (errCode(err) !== 'EEXIST') throw err;
      }
      fd = fs.openSync(temp, 'wx');
      tempIsOurs = true;
      fs.writeFileSync(fd, text);
      await fsyncAsync(fd);
      // the bytes are on disk before the name points at them
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

/** Opens a journal to append (and read its last line), making its directory on the first save. */
function openJournal(journal: string): number {
  try {
    return fs.openSync(journal, 'a+');
  } catch (err) {
    if (errCode(err) !== 'ENOENT') throw err;
  }
  try {
    makeDirSync(dirname(journal));
  } catch (err) {
    // EEXIST: the directory's path is a regular file; open below then fails with the clearer "not a directory".
    if (errCode(err) !== 'EEXIST') throw err;
  }
  return fs.openSync(journal, 'a+');
}

const fdatasyncAsync = (fd: number) =>
  new Promise<void>((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve())));

function endsWithNewline(fd: number, size: number): boolean {
  const last = Buffer.alloc(1);
  return fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 0x0a;
}

/** Where the last whole line of a file of `size` bytes ends (0: none). */
function lastLineEnd(fd: number, size: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  for (let end = size; end > 0;) {
    const start = Math.max(0, end - chunk.length);
    const read = fs.readSync(fd, chunk, 0, end - start, start);
    const at = chunk.subarray(0, read).lastIndexOf(0x0a);
    if (at >= 0) return start + at + 1;
    end = start;
  }
  return 0;
}

/** Empties a journal durably (nothing to do when there is none). */
function emptyJournalSync(journal: string): void {
  let fd: number;
  try {
    fd = fs.openSync(journal, 'r+');
  } catch (err) {
    if (errCode(err) === 'ENOENT') return;
    throw err;
  }
  try {
    fs.ftruncateSync(fd, 0);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function emptyJournal(journal: string): Promise<void> {
  const handle = await fs.promises.open(journal, 'r+');
  try {
    await handle.truncate(0);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function tryTruncate(fd: number, size: number): void {
  try {
    fs.ftruncateSync(fd, size);
  } catch {
    // the next load drops a cut last line anyway
  }
}

const join2 = (a: string | null, b: string) => (a ? `${a}; ${b}` : b);

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
