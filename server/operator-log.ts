// The operator log: one JSON line per action, edit, refusal and stage change, beside the show state, rotated by size.
import fs from 'node:fs';
import { dirname } from 'node:path';
import { parseLogLines, type LogEntry } from '../core/report/log-entry.ts';
import { makeDirSync } from './make-dir.ts';

/** A file grows to this many bytes before it is rotated (5 MB: about 15,000 entries, several show days). */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
/** Rotated files kept besides the current one: `<file>.1` (the newest) … `<file>.KEEP`. */
export const LOG_KEEP = 4;
/**
 * The newest entries kept in memory, of all rooms and of each room, so that the control's log (GET /api/log, 50 of a
 * room every few seconds) reads no file. No more: kept entries are about 350 bytes each, and a tail that filled for
 * days was server memory growing day after day. Older entries are read from the files when asked for.
 */
const TAIL = 100;
/** The key of the all-rooms tail (room ids are 1 to 100 characters). */
const ALL = '';

export interface OperatorLogOptions {
  maxBytes?: number;
  keep?: number;
  /** Start an empty log (a rehearsal's: each rehearsal is its own). */
  fresh?: boolean;
}

export class OperatorLog {
  private size: number;
  private readonly maxBytes: number;
  private readonly keep: number;
  /** Why the last write failed, until one succeeds (for the control view's warning). */
  warning: string | null = null;
  /** The newest entries (at most TAIL), oldest first, of all rooms (key ALL) and of each room. */
  private readonly tails = new Map<string, LogEntry[]>();
  /** How many entries the files hold, of all rooms (key ALL) and of each room. */
  private readonly counts = new Map<string, number>();

  constructor(
    readonly file: string,
    opts: OperatorLogOptions = {},
  ) {
    this.maxBytes = opts.maxBytes ?? LOG_MAX_BYTES;
    this.keep = opts.keep ?? LOG_KEEP;
    if (opts.fresh) for (const f of this.files()) tryUnlink(f);
    this.size = fileSize(file);
    for (const entry of this.all()) this.remember(entry);
  }

  /** Counts an entry written and keeps it in the tails. */
  private remember(entry: LogEntry): void {
    for (const key of [ALL, entry.room]) {
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      let tail = this.tails.get(key);
      if (!tail) this.tails.set(key, (tail = []));
      tail.push(entry);
      if (tail.length > TAIL) tail.shift();
    }
  }

  /** Appends one entry; a disk failure is kept as `warning` (the show goes on), never thrown. */
  append(entry: LogEntry): void {
    const line = `${JSON.stringify(entry)}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      try {
        fs.appendFileSync(this.file, line);
      } catch (err) {
        // The first entry (or the folder was removed): make the folder, once, and write again.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        makeDirSync(dirname(this.file));
        fs.appendFileSync(this.file, line);
      }
      this.size += bytes;
      this.warning = null;
      this.remember(entry);
    } catch (err) {
      this.warning = `cannot write the operator log ${this.file}: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  /** Every entry still kept, oldest first (rotated files first). */
  all(): LogEntry[] {
    return readLog(this.file, this.keep);
  }

  /** The newest entries first, at most `limit`, of one room or all. */
  recent(limit: number, room: string | null = null): LogEntry[] {
    const key = room ?? ALL;
    const tail = this.tails.get(key) ?? [];
    if (tail.length >= Math.min(limit, this.counts.get(key) ?? 0)) return tail.slice(-limit).reverse();
    const out: LogEntry[] = [];
    // Newest file first; older files are read only when the newer ones hold too few.
    for (const f of this.files()) {
      const entries = readEntries(f);
      for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
        const e = entries[i]!;
        if (room === null || e.room === room) out.push(e);
      }
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The current file, then `.1` … `.keep` (newest to oldest). */
  private files(): string[] {
    return logFiles(this.file, this.keep);
  }

  private rotate(): void {
    // The oldest file goes: its entries leave the counts, and the tails when they still hold them (a tail holds the
    // newest of its room: only a room with fewer entries in every kept file than a tail).
    for (const gone of readEntries(this.keep > 0 ? `${this.file}.${this.keep}` : this.file)) {
      for (const key of [ALL, gone.room]) {
        const left = (this.counts.get(key) ?? 1) - 1;
        this.counts.set(key, left);
        const tail = this.tails.get(key);
        if (tail && tail.length > left) tail.shift();
      }
    }
    tryUnlink(`${this.file}.${this.keep}`);
    for (let n = this.keep - 1; n >= 1; n--) {
      if (fs.existsSync(`${this.file}.${n}`)) fs.renameSync(`${this.file}.${n}`, `${this.file}.${n + 1}`);
    }
    if (this.keep > 0) fs.renameSync(this.file, `${this.file}.1`);
    else tryUnlink(this.file);
    this.size = 0;
  }
}

export function logFiles(file: string, keep = LOG_KEEP): string[] {
  return [file, ...Array.from({ length: keep }, (_, i) => `${file}.${i + 1}`)];
}

/** The entries of a log and its rotated files, oldest first; files that are not there are skipped. */
export function readLog(file: string, keep = LOG_KEEP): LogEntry[] {
  return logFiles(file, keep)
    .reverse()
    .flatMap((f) => readEntries(f));
}

/** Where a show's log is: `<event>.log.jsonl` beside its state, `<event>.rehearsal.log.jsonl` for a rehearsal. */
export function logFileName(eventId: string, rehearsal: boolean): string {
  return `${eventId}.${rehearsal ? 'rehearsal.' : ''}log.jsonl`;
}

function readEntries(file: string): LogEntry[] {
  try {
    return parseLogLines(fs.readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function tryUnlink(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // not there: nothing to remove
  }
}
