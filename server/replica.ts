// A room's box that follows a central server: it keeps a copy of the central program and live state, serves its own
// screens from that copy (so they never go dark), and returns to the central server's word as soon as it is back.
import { Listeners } from './program/listeners.ts';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { parseProgramJson } from '../core/program/parse.ts';
import type { Program } from '../core/program/schema.ts';
import { validateLiveState, type LiveState } from '../core/live/state.ts';
import { NOTE_LIMIT } from '../core/edits/overlay.ts';
import type { ClockJson, NoteJson } from '../core/contract/state.ts';
import { createFollowingClock, type FollowingClock } from './clock.ts';
import { z } from 'zod';
import type { ProgramChange, ProgramSnapshot, ProgramSource } from './program/program-watcher.ts';
import { makeDirSync } from './make-dir.ts';

/** What GET /api/replica answers: everything a box needs to compute every screen by itself. */
export interface ReplicaJson {
  format: 1;
  /** Changes when the program changes (a box fetches the program only then). */
  programKey: string;
  program: Program;
  live: LiveState;
  /** The operators' notes on items (the program above has the edits applied already). */
  notes?: NoteJson[];
  /** The central server's clock when it answered: a box shows the same time (a rehearsal's too). */
  clock?: ClockJson;
}

const Clock = z.object({
  now: z.number().finite(),
  serverTime: z.number().finite(),
  speed: z.number().positive().max(3600),
  rehearsal: z.boolean(),
});

const Notes = z
  .array(
    z.object({
      itemId: z.string().min(1).max(200),
      av: z.string().max(NOTE_LIMIT).nullable(),
      chair: z.string().max(NOTE_LIMIT).nullable(),
    }),
  )
  .max(100_000);

export interface CentralStatus {
  url: string;
  online: boolean;
  /** When the box lost the central server (epoch ms); null while online. */
  offlineSince: number | null;
}

/** The box's Show, as the link drives it. */
export interface ReplicaHost {
  /** The central server's live state replaces the box's (what the box did while offline is dropped). */
  adoptLive(live: LiveState, notes?: NoteJson[]): void;
  /** The central server's notes on items (on a box, the chair shows them although the box has no edits). */
  adoptNotes(notes: NoteJson[]): void;
  /** Online/offline changed: push it to the control view. */
  centralChanged(status: CentralStatus): void;
  /** The box's clock moved with the central server's (a rehearsal started, ended or jumped): push new states. */
  clockChanged(): void;
}

export interface CentralOptions {
  /** The central server, e.g. "http://192.168.1.10:4610". */
  url: string;
  /** Where the copy is kept (the box's state folder). */
  cacheDir: string;
  /** A request's limit; default 3 s. */
  timeoutMs?: number;
  /** Between two attempts to reconnect; default 1 s. */
  retryMs?: number;
  /** Between two pings to the central server; default 1 s. */
  pingMs?: number;
  /** Nothing heard from the central server for this long (no pong, no push): it is gone; default 3 s. */
  silenceMs?: number;
  log?: (line: string) => void;
}

interface Cached {
  url: string;
  /** This box's real clock when the replica arrived: the moment its `clock` was read (older copies lack `clock`). */
  savedAt: number;
  replica: ReplicaJson;
}

/** A replica as fetched: when it arrived by this box's real clock, and half the request's round trip. */
interface Fetched {
  replica: ReplicaJson;
  realAt: number;
  uncertaintyMs: number;
}

export function programKey(program: Program): string {
  return createHash('sha256').update(JSON.stringify(program)).digest('hex').slice(0, 24);
}

export class CentralLink implements ProgramSource {
  /** Fetches the central server's state, or loads the copy of the last one; fails when there is neither. */
  static async open(opts: CentralOptions): Promise<CentralLink> {
    const link = new CentralLink(opts);
    const fetched = await link.fetchReplica();
    if (typeof fetched !== 'string') {
      link.take(fetched);
      link.status = { url: link.base, online: true, offlineSince: null };
      link.startedRehearsing = link.clock.rehearsal;
      return link;
    }
    const cached = link.loadCopy();
    if (!cached) {
      throw new Error(
        `cannot reach the central server ${link.base} (${fetched}) and this box has no copy of its program yet: ` +
          'start it once while the central server is reachable',
      );
    }
    link.log(
      `roomcue: central server ${link.base} unreachable (${fetched}): serving the copy saved ${iso(cached.savedAt)}`,
    );
    link.status = { url: link.base, online: false, offlineSince: Date.now() };
    link.startedRehearsing = link.clock.rehearsal;
    return link;
  }

  status!: CentralStatus;
  /** The box's show clock: the central server's, as last read (a rehearsal's time and speed, or the real time). */
  readonly clock: FollowingClock = createFollowingClock();
  /** The box started on a rehearsal's clock: like a rehearsing server, it saves no state until it restarts. */
  private startedRehearsing = false;
  /** The live state the box starts from when it reached the central server (else its own saved state applies). */
  initialLive: LiveState | null = null;
  private initialNotes: NoteJson[] = [];
  private snap!: ProgramSnapshot;
  private key = '';
  private readonly listeners = new Listeners<ProgramChange>((message) =>
    this.log(`roomcue: a program listener failed: ${message}`),
  );
  private host: ReplicaHost | null = null;
  private ws: WebSocket | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  /** The refresh running now (it fetches again when `dirty`), for a caller that needs its outcome. */
  private inFlight: Promise<void> | null = null;
  private dirty = false;
  private closed = false;
  private readonly base: string;
  private readonly log: (line: string) => void;

  private constructor(private readonly opts: CentralOptions) {
    this.base = opts.url.replace(/\/+$/, '');
    this.log = opts.log ?? ((line) => console.log(line));
  }

  get current(): ProgramSnapshot {
    return this.snap;
  }

  get problem(): null {
    return null; // the central server's own program problems are shown on its control view
  }

  onChange(listener: (event: ProgramChange) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Starts following: a WebSocket to the central server, each of its pushes fetches the replica. */
  attach(host: ReplicaHost, room: string): void {
    this.host = host;
    this.room = room;
    host.centralChanged(this.status);
    if (this.initialLive) host.adoptLive(this.initialLive, this.initialNotes);
    else if (this.initialNotes.length > 0) host.adoptNotes(this.initialNotes);
    this.connect();
  }
  private room = '';

  /**
   * Sends an operator's action to the central server while it is reachable (the central server decides); null while
   * offline, when the box applies it itself until the central server is back.
   */
  async forward(body: unknown, authorization: string | null): Promise<{ status: number; body: unknown } | null> {
    if (!this.status.online) return null;
    let res: Response;
    try {
      res = await fetch(`${this.base}/api/actions`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(authorization ? { Authorization: authorization } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 3000),
      });
    } catch {
      this.wentOffline();
      return null;
    }
    if (res.status === 401) {
      // The operator typed the box's PIN right (the box checked it): the box and the central server disagree.
      await res.body?.cancel().catch(() => {});
      return {
        status: 502,
        body: {
          error: `the central server ${this.base} refused this box's PIN: give the box the central server's PIN (--pin)`,
        },
      };
    }
    const answer = (await res.json().catch(() => ({ error: `central server answered ${res.status}` }))) as unknown;
    if (res.ok) await this.refresh();
    return { status: res.status, body: answer };
  }

  /** The box's own screens, per view: sent to the central server now and on every reconnection. */
  reportScreens(counts: Record<string, number>): void {
    this.screens = { ...counts };
    this.sendScreens();
  }
  private screens: Record<string, number> = {};

  private sendScreens(): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type: 'screens', counts: this.screens }));
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.ws?.terminate();
    this.listeners.clear();
  }

  private connect(): void {
    if (this.closed) return;
    const wsUrl = `${this.base.replace(/^http/, 'ws')}/ws?room=${encodeURIComponent(this.room)}&view=box`;
    const ws = new WebSocket(wsUrl, { handshakeTimeout: this.opts.timeoutMs ?? 3000 });
    this.ws = ws;
    // The box asks every second whether the central server is still there (a WebSocket ping): a pulled cable or a
    // frozen server closes nothing, so silence for longer than silenceMs counts as gone.
    let heard = Date.now();
    const alive = () => {
      heard = Date.now();
    };
    const watch = setInterval(() => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (Date.now() - heard > (this.opts.silenceMs ?? 3000)) ws.terminate();
      else ws.ping();
    }, this.opts.pingMs ?? 1000);
    watch.unref();
    ws.on('open', () => {
      alive();
      this.sendScreens();
      void this.refresh();
    });
    ws.on('message', () => {
      alive();
      void this.refresh();
    });
    ws.on('ping', alive);
    ws.on('pong', alive);
    ws.on('error', () => {}); // 'close' follows and handles it
    ws.on('close', () => {
      clearInterval(watch);
      if (this.ws !== ws) return;
      this.ws = null;
      this.wentOffline();
      if (!this.closed) {
        this.retry = setTimeout(() => this.connect(), this.opts.retryMs ?? 1000);
        this.retry.unref();
      }
    });
  }

  private wentOffline(): void {
    if (!this.status.online) return;
    this.status = { url: this.base, online: false, offlineSince: Date.now() };
    this.log(`roomcue: central server ${this.base} lost: the screens go on from this box's copy`);
    this.host?.centralChanged(this.status);
  }

  /**
   * Fetches the replica and adopts it; pushes that arrive meanwhile are coalesced into one more fetch, which a caller
   * asking during a fetch waits for (an action forwarded just now is then in what the box shows and answers).
   */
  private refresh(): Promise<void> {
    if (this.inFlight) {
      this.dirty = true;
      return this.inFlight;
    }
    this.inFlight = this.refreshing();
    return this.inFlight;
  }

  private async refreshing(): Promise<void> {
    try {
      do {
        this.dirty = false;
        const fetched = await this.fetchReplica();
        if (this.closed) return;
        if (typeof fetched === 'string') {
          this.log(`roomcue: central server ${this.base}: ${fetched}`);
          return;
        }
        const programChanged = fetched.replica.programKey !== this.key;
        const clockChanged = this.take(fetched);
        if (programChanged) this.listeners.emit({ type: 'reloaded', snapshot: this.snap });
        this.host?.adoptLive(fetched.replica.live, fetched.replica.notes ?? []);
        if (clockChanged) this.host?.clockChanged();
        if (!this.status.online) {
          this.status = { url: this.base, online: true, offlineSince: null };
          this.log(`roomcue: central server ${this.base} is back: following it again`);
          this.host?.centralChanged(this.status);
        }
      } while (this.dirty);
    } finally {
      this.inFlight = null;
    }
  }

  /** The replica, validated like anything that crosses the API; a string says why there is none. */
  private async fetchReplica(): Promise<Fetched | string> {
    let json: unknown;
    const sent = Date.now();
    let received: number;
    try {
      const res = await fetch(`${this.base}/api/replica`, { signal: AbortSignal.timeout(this.opts.timeoutMs ?? 3000) });
      if (!res.ok) return `HTTP ${res.status}`;
      json = await res.json();
      received = Date.now();
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      return e.name === 'TimeoutError' ? 'no answer' : (e.cause?.code ?? e.message);
    }
    const replica = readReplica(json);
    if (!replica) return 'its answer is not a Roomcue replica';
    // The central server read its clock between the request's start and its answer's end: the middle is the guess
    // (taken before the program is checked, which takes a while for a large one).
    return { replica, realAt: (sent + received) / 2, uncertaintyMs: (received - sent) / 2 };
  }

  /** Adopts a fetched replica (program, live state, clock) and keeps its copy; true when the box's clock changed. */
  private take({ replica, realAt, uncertaintyMs }: Fetched): boolean {
    const wasRehearsal = this.clock.rehearsal;
    const clockChanged = this.clock.follow(replica.clock ?? null, realAt, uncertaintyMs);
    if (this.snap && clockChanged && this.clock.rehearsal !== wasRehearsal) {
      this.log(
        this.clock.rehearsal
          ? `roomcue: central server ${this.base} rehearses (${this.clock.speed}× speed): this box shows its clock`
          : `roomcue: central server ${this.base} runs the show on the real time again: so does this box` +
              (this.startedRehearsing ? ' (started during the rehearsal, it saves no state: restart it)' : ''),
      );
    }
    this.key = replica.programKey;
    this.snap = {
      file: `${this.base} (central server)`,
      program: replica.program,
      diagnostics: [],
      loadedAt: Date.now(),
    };
    this.initialLive = replica.live;
    this.initialNotes = replica.notes ?? [];
    this.saveCopy(replica, realAt);
    return clockChanged;
  }

  private get copyFile(): string {
    return join(
      this.opts.cacheDir,
      'central',
      `${createHash('sha256').update(this.base).digest('hex').slice(0, 16)}.json`,
    );
  }

  private saveCopy(replica: ReplicaJson, realAt: number): void {
    const cached: Cached = { url: this.base, savedAt: realAt, replica };
    try {
      makeDirSync(join(this.opts.cacheDir, 'central'));
      writeFileSync(`${this.copyFile}.tmp`, JSON.stringify(cached));
      renameSync(`${this.copyFile}.tmp`, this.copyFile);
    } catch (err) {
      this.log(`roomcue: cannot save the central server's copy (${err instanceof Error ? err.message : err})`);
    }
  }

  private loadCopy(): Cached | null {
    let cached: Cached;
    try {
      cached = JSON.parse(readFileSync(this.copyFile, 'utf8')) as Cached;
    } catch {
      return null;
    }
    const replica = readReplica(cached.replica);
    if (!replica || cached.url !== this.base) return null;
    this.key = replica.programKey;
    this.snap = {
      file: `${this.base} (central server, copy)`,
      program: replica.program,
      diagnostics: [],
      loadedAt: cached.savedAt,
    };
    // The box's own saved live state (what it showed last) is newer than the copy's: initialLive stays null.
    // The notes are the central server's: the copy's are the last known.
    this.initialNotes = replica.notes ?? [];
    // So is its clock: a rehearsal goes on from the time it showed then, as it does on the central server.
    this.clock.follow(replica.clock ?? null, cached.savedAt);
    return { ...cached, replica };
  }
}

/** A replica from JSON: the program through the same checks as a program file, the live state through its schema. */
export function readReplica(json: unknown): ReplicaJson | null {
  if (typeof json !== 'object' || json === null) return null;
  const r = json as Partial<ReplicaJson>;
  if (r.format !== 1 || typeof r.programKey !== 'string') return null;
  const parsed = parseProgramJson(r.program);
  if (!parsed.program) return null;
  try {
    const notes = r.notes === undefined ? [] : Notes.parse(r.notes);
    const clock = r.clock === undefined ? undefined : Clock.parse(r.clock);
    const live = validateLiveState(r.live);
    return { format: 1, programKey: r.programKey, program: parsed.program, live, notes, ...(clock ? { clock } : {}) };
  } catch {
    return null;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
