// `roomcue serve`: the show server without Electron, for browser-only screens, rehearsals and tests.
import { isIP } from 'node:net';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_HOLD_LIMIT_MINUTES, OVERTIME_POLICIES, type OvertimePolicy } from '../core/live/state.ts';
import { isKnownZone, isoInZone, parseInstant } from '../core/time.ts';
import { DEFAULT_PROGRAM, describeFsError, readProgramFile } from '../server/program/program-file.ts';
import { isProgramUrl } from '../server/program/program-feed.ts';
import { ProgramOpenError } from '../server/program/program-watcher.ts';
import { programNoteLines } from '../server/program/program-notes.ts';
import { defaultStateDir, isLoopback } from '../server/state-dir.ts';
import { parseTarget } from '../server/osc.ts';
import {
  BOX_CLOCK,
  DEFAULT_PORT,
  DEFAULT_STATIC_DIR,
  startShow,
  StartOptionError,
  type RunningShow,
  type ShowOptions,
} from '../server/start-show.ts';
import { CliError, type Io } from './io.ts';
import { parseChairPins, shortPinWarning, type ChairPin } from '../server/auth.ts';
import { makeDirSync } from '../server/make-dir.ts';

export interface ServeOptions {
  program?: string | undefined;
  room?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
  pin?: string | undefined;
  /** "PIN" (every room) or "ROOM=PIN,ROOM=PIN" (or ROOMCUE_CHAIR_PIN). */
  chairPin?: string | undefined;
  at?: string | undefined;
  speed?: string | undefined;
  stateDir?: string | undefined;
  oscPort?: string | undefined;
  oscOut?: string | undefined;
  oscFrom?: string | undefined;
  feedInterval?: string | undefined;
  zone?: string | undefined;
  overtime?: string | undefined;
  overtimeLimit?: string | undefined;
  allowedHost?: string | undefined;
  server?: string | undefined;
}

/** `--overtime hold|clock|always` and `--overtime-limit MIN`: the default overtime policy of every room. */
export function overtimeOption(policy: string | undefined, limit: string | undefined): OvertimePolicy | null {
  if (policy === undefined && limit === undefined) return null;
  if (policy !== undefined && !(OVERTIME_POLICIES as readonly string[]).includes(policy))
    throw new CliError(`--overtime must be one of ${OVERTIME_POLICIES.join(', ')}, got "${policy}"`, 2);
  const minutes = limit === undefined ? DEFAULT_HOLD_LIMIT_MINUTES : Number(limit);
  if (!/^\d+$/.test(limit ?? '15') || minutes < 1 || minutes > 240)
    throw new CliError(`--overtime-limit must be a whole number of minutes from 1 to 240, got "${limit}"`, 2);
  return { policy: (policy ?? 'hold') as OvertimePolicy['policy'], limitMinutes: minutes };
}

/** `--chair-pin PIN` (every room) or `--chair-pin ROOM=PIN,ROOM=PIN` (room ids or names, checked at start). */
export function chairPinsOption(text: string | undefined, pin: string | null): ChairPin[] {
  if (text === undefined) return [];
  if (pin === null) throw new CliError('--chair-pin needs --pin (the AV PIN): without it anybody may do everything', 2);
  const parsed = parseChairPins(text);
  if (!parsed.ok) throw new CliError(`--chair-pin: ${parsed.error}`, 2);
  if (parsed.pins.some((c) => c.pin === pin)) throw new CliError('--chair-pin must differ from the AV PIN (--pin)', 2);
  return parsed.pins;
}

export async function runServe(o: ServeOptions, io: Io, untilStopped = waitForSignal): Promise<number> {
  const options = await showOptions(o, io);
  const running = await startOrExplain(options);
  printBanner(running, o, options, io);
  await untilStopped();
  await running.close();
  return 0;
}

/** Every flag checked, in the order a person reads them, into the show's options; a mistake is a CliError. */
async function showOptions(o: ServeOptions, io: Io): Promise<ShowOptions & { host: string; port: number }> {
  const host = o.host ?? '127.0.0.1';
  const access = accessOptions(o, host, io);
  const port = o.port === undefined ? DEFAULT_PORT : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port must be a number from 0 to 65535, got "${o.port}"`, 2);
  const overtime = overtimeOption(o.overtime, o.overtimeLimit);
  const speed = o.speed === undefined ? undefined : Number(o.speed);
  if (speed !== undefined && !(speed > 0 && speed <= 3600))
    throw new CliError(`--speed must be a number above 0 and at most 3600, got "${o.speed}"`, 2);
  const source = sourceOptions(o);
  const osc = oscOptions(o);
  const { feed, programFile } = source;
  const feedIntervalMs = feedInterval(o, feed);
  return {
    programFile,
    room: o.room,
    host,
    port,
    ...access,
    stateDir: o.stateDir ?? defaultStateDir(),
    // A feed's time zone is known once it is fetched: startShow reads --at then. A box has no --at (its central's).
    startAt: feed || o.server !== undefined ? undefined : await rehearsalStart(o, programFile),
    at: feed ? o.at : undefined,
    speed,
    osc,
    feedIntervalMs,
    zone: o.zone,
    central: o.server,
    overtime,
  };
}

/** Who may act, and from where: --pin, --chair-pin, --host, --allowed-host. */
function accessOptions(o: ServeOptions, host: string, io: Io) {
  const pin = o.pin ?? process.env.ROOMCUE_PIN ?? null;
  if (pin !== null && !/^\S{4,64}$/.test(pin)) throw new CliError('--pin must be 4 to 64 characters without spaces', 2);
  const chairPins = chairPinsOption(o.chairPin ?? process.env.ROOMCUE_CHAIR_PIN, pin);
  if (!isLoopback(host) && pin === null) {
    throw new CliError(
      `--host ${host} makes the server reachable from the network: give a --pin (or ROOMCUE_PIN) so only staff can act`,
      2,
    );
  }
  const warning = shortPinWarning(host, pin);
  if (warning) io.err(warning);
  const allowedHosts = (o.allowedHost ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (const name of allowedHosts) {
    if (!/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/.test(name))
      throw new CliError(`--allowed-host: "${name}" is not a host name or address (e.g. screens.lan)`, 2);
  }
  return { pin, chairPins, allowedHosts };
}

/** Where the program comes from: a file, a feed URL (--program) or a central server (--server), and --zone. */
function sourceOptions(o: ServeOptions): { feed: boolean; programFile: string } {
  if (o.zone !== undefined && !isKnownZone(o.zone))
    throw new CliError(`--zone: unknown time zone "${o.zone}": use an IANA name such as Europe/Berlin`, 2);
  if (o.server !== undefined) {
    if (!/^https?:\/\/[^/\s]+\/?$/i.test(o.server))
      throw new CliError(
        `--server must be the central server's address, like http://192.168.1.10:4610, got "${o.server}"`,
        2,
      );
    if (o.program !== undefined)
      throw new CliError('--server and --program: a box that follows a central server shows its program', 2);
    if (o.at !== undefined || o.speed !== undefined) throw new CliError(BOX_CLOCK, 2);
  }
  const feed = o.program !== undefined && isProgramUrl(o.program);
  return { feed, programFile: feed ? o.program! : resolve(o.program ?? DEFAULT_PROGRAM) };
}

function feedInterval(o: ServeOptions, feed: boolean): number | undefined {
  if (o.feedInterval === undefined) return undefined;
  const seconds = Number(o.feedInterval);
  if (!feed) throw new CliError('--feed-interval applies to a --program given as an http(s) URL', 2);
  if (!/^\d+$/.test(o.feedInterval) || seconds < 5 || seconds > 3600)
    throw new CliError(`--feed-interval must be whole seconds from 5 to 3600, got "${o.feedInterval}"`, 2);
  return seconds * 1000;
}

/** --at for a program file: read in the program's time zone. */
async function rehearsalStart(o: ServeOptions, programFile: string): Promise<number | undefined> {
  if (o.at === undefined) return undefined;
  const read = await readProgramFile(programFile, { zone: o.zone });
  const zone = read.status === 'ok' ? read.program.timezone : 'UTC';
  const parsed = parseInstant(o.at, zone);
  if (!parsed.ok) throw new CliError(`--at: ${parsed.reason}`, 2);
  return parsed.at;
}

/** Starts the show; a port, an address or a program that does not do is one clear message. */
async function startOrExplain(options: ShowOptions & { host: string; port: number }): Promise<RunningShow> {
  const { host, port, osc } = options;
  try {
    return await startShow(options);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE' && e.syscall === 'bind' && osc?.port != null)
      throw new CliError(`UDP port ${osc.port} on ${host} is already in use: choose another with --osc-port`, 2);
    if (e.code === 'EADDRINUSE')
      throw new CliError(`port ${port} on ${host} is already in use: choose another with --port`, 2);
    if (e.code === 'EADDRNOTAVAIL') throw new CliError(`--host ${host} is not an address of this machine`, 2);
    // The command line is wrong (docs/cli.md, exit codes): an option that does not fit, a file that is no program.
    if (err instanceof StartOptionError) throw new CliError(e.message, 2);
    if (err instanceof ProgramOpenError && err.status !== 'invalid') throw new CliError(e.message, 2);
    // What it read is not usable, or what it needs cannot be had: a program with errors, a feed or central server.
    throw new CliError(e.message, 1);
  }
}

/** What the terminal shows once the show runs: the program, its notes, the URLs, and what is missing. */
function printBanner(running: RunningShow, o: ServeOptions, options: ShowOptions, io: Io): void {
  const { show, server } = running;
  const { pin, chairPins = [], osc, host } = options;
  io.out(
    `Roomcue serving "${show.program.event.name}", room ${show.defaultRoom}${pin ? ' (actions need the PIN)' : ''}`,
  );
  for (const line of programNoteLines(running.watcher.current.diagnostics, o.program ?? 'data/dp2e-ai-2026.json'))
    io.out(line);
  if (show.clock.rehearsal && show.central)
    io.out(
      `Rehearsal clock of the central server, now ${isoInZone(show.clock.now(), show.program.timezone).slice(0, 19)}` +
        ` at ${show.clock.speed}× speed (state not saved)`,
    );
  else if (show.clock.rehearsal)
    io.out(`Rehearsal clock from ${o.at ?? 'now'} at ${show.clock.speed}× speed (state not saved)`);
  for (const view of ['signage', 'chair', 'control']) io.out(`  ${view.padEnd(8)} ${server.url}/${view}`);
  if (chairPins.length > 0) {
    const whose = chairPins.map((c) => (c.room === null ? 'every room' : c.room)).join(', ');
    io.out(
      `Two links to hand out: the AV desk opens ${server.url}/control (the AV PIN does everything); each chair opens` +
        ` the control's "Chair screen link" (chair PIN for ${whose}: the timer and the speaker messages of its room)`,
    );
  }
  io.out(`  api      ${server.url}/api/state`);
  if (show.central) {
    io.out(
      `Following the central server ${show.central.url}${show.central.online ? '' : ' (unreachable now: serving the copy saved on this box)'}`,
    );
  }
  if (!existsSync(join(DEFAULT_STATIC_DIR, 'index.html')))
    io.err(
      'roomcue: the views are not built, so screens show "Views not built": run "npm run build:views" once, then reload them',
    );
  const stateProblem = stateDirProblem(options.stateDir);
  if (stateProblem)
    io.err(
      `roomcue: the state folder ${options.stateDir} cannot be written (${stateProblem}): the show runs from memory ` +
        'and a restart starts it from the program again; give a folder it can write with --state-dir',
    );
  if (running.osc?.port != null) io.out(`  osc in   udp://${host}:${running.osc.port}/roomcue/<room>/<action>`);
  if (osc && osc.targets.length > 0) io.out(`  osc out  ${osc.targets.map((t) => `${t.host}:${t.port}`).join(', ')}`);
}

/** Why the state folder cannot be written (made when missing, a file written there and removed), or null. */
function stateDirProblem(dir: string): string | null {
  const probe = join(dir, `.roomcue-write-test-${process.pid}`);
  try {
    makeDirSync(dir);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOTDIR' || code === 'EEXIST') return 'not a directory';
    if (code === 'EROFS') return 'read-only file system';
    if (code === 'ENOSPC') return 'the disk is full';
    return describeFsError(err);
  }
}

function waitForSignal(): Promise<void> {
  return new Promise((r) => {
    process.once('SIGINT', r);
    process.once('SIGTERM', r);
  });
}

function oscOptions(o: ServeOptions): ShowOptions['osc'] {
  if (o.oscPort === undefined && o.oscOut === undefined) {
    if (o.oscFrom !== undefined) throw new CliError('--osc-from needs --osc-port (the port OSC is received on)', 2);
    return undefined;
  }
  let port: number | null = null;
  if (o.oscPort !== undefined) {
    port = Number(o.oscPort);
    if (!/^\d+$/.test(o.oscPort) || port < 1 || port > 65535)
      throw new CliError(`--osc-port must be a UDP port from 1 to 65535, got "${o.oscPort}"`, 2);
  }
  const targets = (o.oscOut ?? '')
    .split(',')
    .filter((t) => t.trim() !== '')
    .map((text) => {
      const target = parseTarget(text);
      if (!target) throw new CliError(`--osc-out: "${text}" is not HOST:PORT (e.g. 192.168.1.20:53000)`, 2);
      return target;
    });
  const allowFrom = (o.oscFrom ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  for (const a of allowFrom) {
    if (isIP(a) === 0) throw new CliError(`--osc-from: "${a}" is not an IP address`, 2);
  }
  return { port, targets, allowFrom };
}
