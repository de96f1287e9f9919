// Keeps the last good program of a file that people edit during the event, and says why an edit was refused.
import { Listeners } from './listeners.ts';
import { createHash } from 'node:crypto';
import { type FSWatcher, type StatsListener, unwatchFile, watch, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { type Diagnostic, formatDiagnostic } from '../../core/program/diagnostics.ts';
import type { Program } from '../../core/program/schema.ts';
import { type ProgramFileResult, describeFsError, readProgramFile } from './program-file.ts';

export interface ProgramSnapshot {
  file: string;
  program: Program;
  diagnostics: Diagnostic[];
  loadedAt: number;
}
export interface ProgramProblem {
  file: string;
  status: 'unreadable' | 'not-json' | 'invalid';
  /** One line, for a status bar or a log. */
  message: string;
  diagnostics: Diagnostic[];
  at: number;
}
/** Where the program comes from: a file on disk (ProgramWatcher) or a URL (ProgramFeed); the show needs only this. */
export interface ProgramSource {
  readonly current: ProgramSnapshot;
  readonly problem: ProgramProblem | null;
  onChange(listener: (event: ProgramChange) => void): () => void;
  close(): void;
}

export type ProgramChange =
  { type: 'reloaded'; snapshot: ProgramSnapshot } | { type: 'rejected'; problem: ProgramProblem };

const POLL_MS = 1000;
const KEPT = 'still showing the last good version';

/** The program file a show was to start with cannot be read, is not JSON, or is not a valid program. */
export class ProgramOpenError extends Error {
  constructor(
    message: string,
    readonly status: 'unreadable' | 'not-json' | 'invalid',
  ) {
    super(message);
  }
}

export class ProgramWatcher implements ProgramSource {
  static async open(
    file: string,
    opts: { debounceMs?: number; zone?: string | undefined } = {},
  ): Promise<ProgramWatcher> {
    const path = resolve(file);
    const key = await fingerprint(path);
    const result = await readProgramFile(path, { zone: opts.zone });
    if (result.status !== 'ok') throw new ProgramOpenError(openFailure(file, result), result.status);
    const snapshot = { file, program: result.program, diagnostics: result.diagnostics, loadedAt: Date.now() };
    return new ProgramWatcher(file, path, snapshot, key, opts.debounceMs ?? 150, opts.zone);
  }

  private snap: ProgramSnapshot;
  private prob: ProgramProblem | null = null;
  private readonly listeners = new Listeners<ProgramChange>((message) =>
    console.error(`program watcher listener failed: ${message}`),
  );
  private dirWatcher: FSWatcher | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly poll: StatsListener = () => this.schedule();

  private constructor(
    private readonly file: string,
    private readonly path: string,
    snapshot: ProgramSnapshot,
    /** What was last read (a hash of the text, or the read error): an event that changes nothing stays silent. */
    private lastKey: string,
    private readonly debounceMs: number,
    private readonly zone: string | undefined,
  ) {
    this.snap = snapshot;
    // The directory, not the file: editors save by writing a new file and renaming it over the old one.
    try {
      const name = basename(path);
      this.dirWatcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
        if (changed === null || changed.toString() === name) this.schedule();
      });
      this.dirWatcher.on('error', () => this.stopDirWatcher()); // e.g. the directory went away: polling goes on
    } catch {
      this.dirWatcher = null; // inotify limits, odd filesystems: polling alone still applies edits
    }
    // fs.watch misses events on network shares and some containers; a slow stat poll catches those.
    watchFile(path, { interval: POLL_MS, persistent: false }, this.poll);
    this.schedule(); // an edit between the first read and the watchers starting would otherwise go unseen
  }

  get current(): ProgramSnapshot {
    return this.snap;
  }

  get problem(): ProgramProblem | null {
    return this.prob;
  }

  onChange(listener: (event: ProgramChange) => void): () => void {
    return this.listeners.add(listener);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopDirWatcher();
    unwatchFile(this.path, this.poll);
    this.listeners.clear();
  }

  private stopDirWatcher(): void {
    this.dirWatcher?.close();
    this.dirWatcher = null;
  }

  /** Editors write in bursts (truncate, write, rename): read once things have settled. */
  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      // Reads queue up so that an older read never lands after a newer one; a failure is logged, never unhandled.
      this.queue = this.queue.then(() => this.reload()).catch((err) => console.error(`program watcher: ${text(err)}`));
    }, this.debounceMs);
  }

  private async reload(): Promise<void> {
    const key = await fingerprint(this.path);
    if (this.closed || key === this.lastKey) return;
    const result = await readProgramFile(this.path, { zone: this.zone });
    if (this.closed) return;
    this.lastKey = key;
    if (result.status === 'ok') {
      this.snap = { file: this.file, program: result.program, diagnostics: result.diagnostics, loadedAt: Date.now() };
      this.prob = null;
      this.listeners.emit({ type: 'reloaded', snapshot: this.snap });
    } else {
      this.prob = problemOf(this.file, result);
      this.listeners.emit({ type: 'rejected', problem: this.prob });
    }
  }
}

async function fingerprint(path: string): Promise<string> {
  try {
    const bytes = await readFile(path);
    return `text:${createHash('sha256').update(bytes).digest('hex')}`;
  } catch (err) {
    return `error:${describeFsError(err)}`;
  }
}

type Failed = Exclude<ProgramFileResult, { status: 'ok' }>;

function problemOf(file: string, result: Failed): ProgramProblem {
  const at = Date.now();
  if (result.status === 'unreadable') {
    const message =
      result.message === 'no such file'
        ? `program file ${file} is missing; ${KEPT}`
        : `program file ${file} cannot be read (${result.message}); ${KEPT}`;
    const diagnostics: Diagnostic[] = [{ severity: 'error', path: '', message: result.message }];
    return { file, status: 'unreadable', message, diagnostics, at };
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0] ? oneLine(formatDiagnostic(file, errors[0])) : `program file ${file} is invalid`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
  return { file, status: result.status, message: `${first}${more}; ${KEPT}`, diagnostics: result.diagnostics, at };
}

function openFailure(file: string, result: Failed): string {
  if (result.status === 'unreadable') return `cannot read program file ${file}: ${result.message}`;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const what = result.status === 'not-json' ? 'is not valid JSON' : 'is not a valid program';
  return [`program file ${file} ${what}:`, ...errors.map((d) => `  ${oneLine(formatDiagnostic(file, d))}`)].join('\n');
}

const oneLine = (line: string) => line.replace(/\s*\n\s*/g, ' ');
const text = (err: unknown) => (err instanceof Error ? err.message : String(err));
