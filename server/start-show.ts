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
import type { Program } from '../core/program/schema.ts';
import { parseInstant } from '../core/time.ts';
import { isProgramUrl, ProgramFeed } from './program/program-feed.ts';
import { ProgramWatcher, type ProgramSource } from './program/program-watcher.ts';
import { STATE_JOURNAL_MAX_BYTES, StateStore } from './store/state-store.ts';
import { OVERLAY_FORMAT, validateOverlay, type OverlayFile } from './show.ts';
import { createClock, type ShowClock } from './clock.ts';
import { startServer, type RunningServer, type ServerOptions } from './http-server.ts';
import { startOsc, type OscTarget, type RunningOsc } from './osc.ts';
import { CentralLink } from './replica.ts';
import { Show } from './show.ts';
import type { ChairPin } from './auth.ts';
import { logFileName, OperatorLog } from './operator-log.ts';

export const DEFAULT_PORT = 4610;

/**
 * A show refused at start because of what it was given, not because something failed: a room or a chair PIN's room
 * the program does not have, an --at it cannot read, a box given a clock. `roomcue serve` exits 2 for it (as for a
 * program file that cannot be read or is not JSON, see ProgramOpenError), 1 for the rest.
 */
export class StartOptionError extends Error {}
/** Why a box takes no --at or --speed. */
export const BOX_CLOCK =
  "--at and --speed are the central server's: a box (--server) shows the central server's clock, a rehearsal's " +
  'too, so start the central server with them';
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
  if (opts.central && (opts.startAt !== undefined || opts.at !== undefined || opts.speed !== undefined))
    throw new StartOptionError(BOX_CLOCK);
  const central = opts.central ? await CentralLink.open({ url: opts.central, cacheDir: opts.stateDir }) : null;
  const watcher: ProgramSource = central ?? (await openProgram(opts));
  const program = watcher.current.program;
  const setup = await undoingOnError(
    () => showSetup(opts, program),
    () => watcher.close(),
  );
  // A box shows its central server's clock (a rehearsal's too); it has no --at or --speed of its own.
  const clock = central?.clock ?? createClock({ startAt: setup.startAt, speed: opts.speed });
  const show = createShow(opts, watcher, program, clock, setup.room);
  const server = await undoingOnError(
    () => startServer(serverOptions(opts, show, setup.chairPins, central)),
    () => {
      show.close();
      watcher.close();
    },
  );
  central?.attach(show, setup.room);
  const osc = await undoingOnError(
    () => startShowOsc(opts, show, central),
    async () => {
      await server.close();
      show.close();
      watcher.close();
    },
  );
  return { show, server, osc, watcher, close: () => closeShow(osc, server, show, watcher) };
}

/** The program file or feed, loaded and watched. */
async function openProgram(opts: ShowOptions): Promise<ProgramSource> {
  if (!isProgramUrl(opts.programFile)) return ProgramWatcher.open(opts.programFile, { zone: opts.zone });
  return ProgramFeed.open(opts.programFile, {
    cacheDir: opts.stateDir,
    intervalMs: opts.feedIntervalMs,
    timeoutMs: opts.feedTimeoutMs,
    zone: opts.zone,
  });
}

/** What the options mean in this program: its room, the chair PINs' rooms, the rehearsal's start. */
interface ShowSetup {
  room: string;
  chairPins: ChairPin[];
  startAt: number | undefined;
}

/** The options read against the program; an error names the option that does not fit it. */
function showSetup(opts: ShowOptions, program: Program): ShowSetup {
  const match = findRoom(program.rooms, opts.room ?? program.mainRoom ?? program.rooms[0]!.id);
  if (!match.ok) throw new StartOptionError(`${match.message} (in ${opts.programFile})`);
  const chairPins = chairPinRooms(opts.chairPins ?? [], program);
  if (chairPins.length > 0 && opts.pin === null) {
    throw new StartOptionError('a chair PIN needs the AV PIN too (--pin): without one, anybody may do everything');
  }
  return { room: match.room.id, chairPins, startAt: rehearsalStart(opts, program) };
}

/** The chair PINs with their rooms' ids (given by id or name; null is every room). */
function chairPinRooms(pins: readonly ChairPin[], program: Program): ChairPin[] {
  return pins.map((c) => {
    const m = c.room === null ? null : findRoom(program.rooms, c.room);
    if (m && !m.ok) throw new StartOptionError(`chair PIN for room "${c.room}": ${m.message}`);
    return { pin: c.pin, room: m ? m.room.id : null };
  });
}

/** The instant a rehearsal starts at: `startAt`, else `at` read in the program's zone; undefined for a show. */
function rehearsalStart(opts: ShowOptions, program: Program): number | undefined {
  if (opts.startAt !== undefined || opts.at === undefined) return opts.startAt;
  const parsed = parseInstant(opts.at, program.timezone);
  if (!parsed.ok) throw new StartOptionError(`--at: ${parsed.reason}`);
  return parsed.at;
}

/** The show, with the files it keeps beside its state (a rehearsal keeps only its own log). */
function createShow(opts: ShowOptions, watcher: ProgramSource, program: Program, clock: ShowClock, room: string) {
  const eventId = program.event.id;
  const store = clock.rehearsal ? null : showStateStore(opts.stateDir, eventId);
  // The operators' edits of the program live beside the state, in their own file (the source is never rewritten).
  const overlay = clock.rehearsal ? null : overlayStore(opts.stateDir, eventId);
  // The operator log beside the state; a rehearsal writes its own, started afresh, so it never mixes with the show's.
  const log = new OperatorLog(join(opts.stateDir, logFileName(eventId, clock.rehearsal)), {
    fresh: clock.rehearsal,
  });
  return new Show(watcher, store, clock, room, { overtime: opts.overtime ?? null, overlay, log });
}

function showStateStore(stateDir: string, eventId: string): StateStore<ShowState> {
  return new StateStore<ShowState>({
    file: join(stateDir, `${eventId}.state.json`),
    formatVersion: SHOW_STATE_FORMAT,
    validate: validateShowState,
    upgrade: upgradeShowState,
    // An action is answered once it is on disk: one appended line and one fdatasync (see server/store).
    journalMaxBytes: STATE_JOURNAL_MAX_BYTES,
    stringify: showStateJson,
  });
}

function overlayStore(stateDir: string, eventId: string): StateStore<OverlayFile> {
  return new StateStore<OverlayFile>({
    file: join(stateDir, `${eventId}.overlay.json`),
    formatVersion: OVERLAY_FORMAT,
    validate: validateOverlay,
  });
}

function serverOptions(
  opts: ShowOptions,
  show: Show,
  chairPins: ChairPin[],
  central: CentralLink | null,
): ServerOptions {
  return {
    show,
    host: opts.host,
    port: opts.port,
    pin: opts.pin,
    chairPins,
    staticDir: opts.staticDir ?? DEFAULT_STATIC_DIR,
    heartbeatMs: opts.heartbeatMs,
    allowedHosts: opts.allowedHosts,
    central,
  };
}

/** OSC in and out, when asked for. On a box, OSC actions go to the central server like the box's HTTP actions (sent
 * with the box's PIN). */
async function startShowOsc(opts: ShowOptions, show: Show, central: CentralLink | null): Promise<RunningOsc | null> {
  if (!opts.osc) return null;
  const forward = central
    ? (action: unknown) => central.forward(action, opts.pin ? `Bearer ${opts.pin}` : null)
    : undefined;
  return startOsc(show, { ...opts.osc, host: opts.host, forward });
}

/** Closes in the reverse order of starting; what was applied is on disk before the show goes. */
async function closeShow(
  osc: RunningOsc | null,
  server: RunningServer,
  show: Show,
  watcher: ProgramSource,
): Promise<void> {
  await osc?.close();
  await server.close();
  await show.flushSaves();
  show.close();
  watcher.close();
}

/** What `step()` gives; if it fails, `undo()` closes what was opened before it, and the error goes on. */
async function undoingOnError<T>(step: () => T | Promise<T>, undo: () => void | Promise<void>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    await undo();
    throw err;
  }
}
