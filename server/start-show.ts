// Starts a whole show (program watcher, state store, clock, server): shared by `roomcue serve` and the Electron shell.
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.ts';
import {
  SHOW_STATE_FORMAT,
  showStateJson,
  upgradeShowState,
  validateShowState,
  type ShowState,
} from '../core/live/history.ts';
import type { OvertimePolicy } from '../core/live/state.ts';
import { findRoom } from '../core/program/rooms.ts';
import { parseInstant } from '../core/time.ts';
import { isProgramUrl, ProgramFeed } from './program/program-feed.ts';
import { ProgramWatcher, type ProgramSource } from './program/program-watcher.ts';
import { STATE_JOURNAL_MAX_BYTES, StateStore } from './store/state-store.ts';
import { OVERLAY_FORMAT, validateOverlay, type OverlayFile } from './show.ts';
import { createClock } from './clock.ts';
import { startServer, type RunningServer } from './http-server.ts';
import { startOsc, type OscTarget, type RunningOsc } from './osc.ts';
import { CentralLink } from './replica.ts';
import { Show } from './show.ts';
import type { ChairPin } from './auth.ts';
import { logFileName, OperatorLog } from './operator-log.ts';

export const DEFAULT_PORT = 4610;
export const DEFAULT_STATIC_DIR = join(PACKAGE_ROOT, 'dist');

export interface ShowOptions {
  /** A program file, or the http(s) URL of a program or an export (polled every `feedIntervalMs`). */
  programFile: string;
  feedIntervalMs?: number | undefined;
  /** One feed request's time limit (default 15 s). */
  feedTimeoutMs?: number | undefined;
  /** For an imported export: the zone it does not give, or gives wrongly (see docs/import.md). */
  zone?: string | undefined;
  room?: string | undefined;
  host: string;
  port: number;
  pin: string | null;
  /** Chair PINs: `room` is a room's id or name, null for every room (see server/auth.ts). Needs `pin`. */
  chairPins?: readonly ChairPin[] | undefined;
  stateDir: string;
  /** A rehearsal: the show clock starts at this instant (and its state is not saved). */
  startAt?: number | undefined;
  /** The same as text, read in the program's zone once it is loaded (a feed's zone is not known before). */
  at?: string | undefined;
  speed?: number | undefined;
  staticDir?: string | undefined;
  heartbeatMs?: number | undefined;
  /** Names the server answers to besides loopback and the machine's own (--allowed-host). */
  allowedHosts?: readonly string[] | undefined;
  /** OSC in (a UDP port) and out (targets); none by default. */
  osc?: { port: number | null; targets: OscTarget[]; allowFrom: string[] } | undefined;
  /**
   * The URL of a central server this box follows (its program and live state; --program is then unused): the box
   * serves its screens from a copy of them, so they go on when the central server cannot be reached.
   */
  central?: string | undefined;
  /** The overtime policy of rooms whose operators did not choose one (default: hold, 15 min). */
  overtime?: OvertimePolicy | null | undefined;
}

export interface RunningShow {
  show: Show;
  server: RunningServer;
  osc: RunningOsc | null;
  /** The program file as loaded and watched (its diagnostics include an import's guesses). */
  watcher: ProgramSource;
  close(): Promise<void>;
}

export async function startShow(opts: ShowOptions): Promise<RunningShow> {
  const central = opts.central ? await CentralLink.open({ url: opts.central, cacheDir: opts.stateDir }) : null;
  const watcher: ProgramSource = central
    ? central
    : isProgramUrl(opts.programFile)
      ? await ProgramFeed.open(opts.programFile, {
          cacheDir: opts.stateDir,
          intervalMs: opts.feedIntervalMs,
          timeoutMs: opts.feedTimeoutMs,
          zone: opts.zone,
        })
      : await ProgramWatcher.open(opts.programFile, { zone: opts.zone });
  const program = watcher.current.program;
  const match = findRoom(program.rooms, opts.room ?? program.mainRoom ?? program.rooms[0]!.id);
  if (!match.ok) {
    watcher.close();
    throw new Error(`${match.message} (in ${opts.programFile})`);
  }
  const room = match.room.id;
  const chairPins: ChairPin[] = [];
  for (const c of opts.chairPins ?? []) {
    const m = c.room === null ? null : findRoom(program.rooms, c.room);
    if (m && !m.ok) {
      watcher.close();
      throw new Error(`chair PIN for room "${c.room}": ${m.message}`);
    }
    chairPins.push({ pin: c.pin, room: m ? m.room.id : null });
  }
  if (chairPins.length > 0 && opts.pin === null) {
    watcher.close();
    throw new Error('a chair PIN needs the AV PIN too (--pin): without one, anybody may do everything');
  }
  let startAt = opts.startAt;
  if (startAt === undefined && opts.at !== undefined) {
    const parsed = parseInstant(opts.at, program.timezone);
    if (!parsed.ok) {
      watcher.close();
      throw new Error(`--at: ${parsed.reason}`);
    }
    startAt = parsed.at;
  }
  const clock = createClock({ startAt, speed: opts.speed });
  const store = clock.rehearsal
    ? null
    : new StateStore<ShowState>({
        file: join(opts.stateDir, `${program.event.id}.state.json`),
        formatVersion: SHOW_STATE_FORMAT,
        validate: validateShowState,
        upgrade: upgradeShowState,
        // An action is answered once it is on disk: one appended line and one fdatasync (see server/store).
        journalMaxBytes: STATE_JOURNAL_MAX_BYTES,
        stringify: showStateJson,
      });
  // The operators' edits of the program live beside the state, in their own file (the source is never rewritten).
  const overlay = clock.rehearsal
    ? null
    : new StateStore<OverlayFile>({
        file: join(opts.stateDir, `${program.event.id}.overlay.json`),
        formatVersion: OVERLAY_FORMAT,
        validate: validateOverlay,
      });
  // The operator log beside the state; a rehearsal writes its own, started afresh, so it never mixes with the show's.
  const log = new OperatorLog(join(opts.stateDir, logFileName(program.event.id, clock.rehearsal)), {
    fresh: clock.rehearsal,
  });
  const show = new Show(watcher, store, clock, room, { overtime: opts.overtime ?? null, overlay, log });
  let server: RunningServer;
  try {
    server = await startServer({
      show,
      host: opts.host,
      port: opts.port,
      pin: opts.pin,
      chairPins,
      staticDir: opts.staticDir ?? DEFAULT_STATIC_DIR,
      heartbeatMs: opts.heartbeatMs,
      allowedHosts: opts.allowedHosts,
      central,
    });
  } catch (err) {
    show.close();
    watcher.close();
    throw err;
  }
  central?.attach(show, room);
  let osc: RunningOsc | null = null;
  if (opts.osc) {
    try {
      // On a box, OSC actions go to the central server like the box's HTTP actions (sent with the box's PIN).
      const forward = central
        ? (action: unknown) => central.forward(action, opts.pin ? `Bearer ${opts.pin}` : null)
        : undefined;
      osc = await startOsc(show, { ...opts.osc, host: opts.host, forward });
    } catch (err) {
      await server.close();
      show.close();
      watcher.close();
      throw err;
    }
  }
  return {
    show,
    server,
    osc,
    watcher,
    close: async () => {
      await osc?.close();
      await server.close();
      await show.flushSaves(); // what was applied is on disk before the show goes
      show.close();
      watcher.close();
    },
  };
}
