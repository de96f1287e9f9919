// Runs the built kiosk shell (dist-electron/main.js) as a process under Node with the stand-in `electron`, and lets a
// test read what it did (windows, loads, error boxes, exit code, stderr) and poke it (displays, crashes, quit).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from '../../helpers.ts';

export interface StandInDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  primary?: boolean;
  rotation?: number;
  scaleFactor?: number;
}

export interface KioskEvent {
  type: string;
  window?: number;
  [key: string]: unknown;
}

export interface KioskOptions {
  displays?: StandInDisplay[];
  /** The app's own command-line arguments (after `electron .`). */
  args?: string[];
  /** config.json in the user data folder: an object, or raw text. */
  config?: unknown;
  env?: Record<string, string>;
  singleInstance?: boolean;
  shortcutsOk?: boolean;
  /** 0.01: a 10 s timer in the shell fires after 100 ms. */
  timeScale?: number;
}

export const MAIN_BUNDLE = repoPath('dist-electron/main.js');

export class Kiosk {
  readonly userData: string;
  readonly exited: Promise<number>;
  private readonly logFile: string;
  private readonly child: ChildProcess;
  private stderrText = '';
  private stdoutText = '';
  private exitCode: number | null = null;

  constructor(options: KioskOptions = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'roomcue-stand-in-'));
    this.userData = dir;
    this.logFile = join(dir, 'stand-in.log');
    writeFileSync(this.logFile, '');
    if (options.config !== undefined) {
      const text = typeof options.config === 'string' ? options.config : JSON.stringify(options.config);
      writeFileSync(join(dir, 'config.json'), text);
    }
    const scenario = {
      displays: options.displays,
      userData: dir,
      appPath: repoPath('.'),
      singleInstance: options.singleInstance,
      shortcutsOk: options.shortcutsOk,
    };
    this.child = fork(MAIN_BUNDLE, ['.', ...(options.args ?? [])], {
      cwd: repoPath('.'),
      execArgv: ['--import', repoPath('tests/shell/stand-in/register.mjs')],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        ROOMCUE_STATE_DIR: join(dir, 'state'),
        ...options.env,
        STANDIN_SCENARIO: JSON.stringify(scenario),
        STANDIN_LOG: this.logFile,
        STANDIN_TIME_SCALE: String(options.timeScale ?? 1),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderrText += d.toString()));
    this.child.stdout!.on('data', (d: Buffer) => (this.stdoutText += d.toString()));
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? 128 : 0);
        resolve(this.exitCode);
      }),
    );
  }

  get stderr(): string {
    return this.stderrText;
  }

  get stdout(): string {
    return this.stdoutText;
  }

  events(type?: string): KioskEvent[] {
    const all = readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as KioskEvent);
    return type ? all.filter((e) => e.type === type) : all;
  }

  /** Waits until `check` returns something (not undefined/false), failing with what happened so far. */
  async until<T>(what: string, check: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline || (this.exitCode !== null && check() === undefined && Date.now() > deadline)) {
        throw new Error(
          `stand-in: timed out waiting for ${what}\n--- events\n${this.events()
            .map((e) => JSON.stringify(e))
            .join('\n')}\n--- stderr\n${this.stderrText}`,
        );
      }
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  /** The windows opened and still open, by view (from the URL they loaded). */
  openWindows(): { id: number; view: string; options: Record<string, unknown> }[] {
    const destroyed = new Set(this.events('destroy').map((e) => e.window));
    const loads = this.events('load');
    return this.events('window')
      .filter((w) => !destroyed.has(w.window))
      .map((w) => {
        const url = loads.find((l) => l.window === w.window)?.url as string | undefined;
        const view = url ? new URL(url).pathname.slice(1) : '?';
        return { id: w.window!, view, options: w.options as Record<string, unknown> };
      });
  }

  async windowOf(view: string): Promise<{ id: number; options: Record<string, unknown> }> {
    return this.until(`a ${view} window`, () => this.openWindows().find((w) => w.view === view));
  }

  send(command: Record<string, unknown>): void {
    this.child.send(command);
  }

  /** A signal to the app's process, as systemd or Ctrl+C send it. */
  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }

  kill(): void {
    if (this.exitCode === null) this.child.kill('SIGKILL');
  }
}
