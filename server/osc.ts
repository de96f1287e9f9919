// OSC in and out over UDP, for lighting/sound consoles, QLab and Companion: every action has an address, and what a
// room shows is sent to the configured targets when it changes (the countdown at each of its seconds while it runs).
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { decode, encode, Message } from 'node-osc';
import { roomNow, type RoomNowJson } from '../core/contract/now.ts';
import { parseAction } from '../core/live/actions.ts';
import { ActionRejected } from '../core/live/reducer.ts';
import { isLoopback } from './state-dir.ts';
import type { Show } from './show.ts';

export interface OscTarget {
  host: string;
  port: number;
}

export interface OscOptions {
  /** UDP port to receive on; null: no OSC in (targets can still be sent to, from an ephemeral port). */
  port: number | null;
  host: string;
  targets: OscTarget[];
  /** Addresses allowed to send actions (OSC has no PIN); loopback is always allowed. */
  allowFrom: string[];
  log?: (line: string) => void;
  /**
   * On a box that follows a central server: sends an action there (it decides); null while it cannot be reached,
   * when the box applies the action itself, as it does with the HTTP API's.
   */
  forward?: ((action: unknown) => Promise<{ status: number; body: unknown } | null>) | undefined;
}

export interface RunningOsc {
  /** The UDP port actually bound (for OSC in), or null. */
  port: number | null;
  close(): Promise<void>;
}

/** Arguments by position, for the actions that take any: `/roomcue/L108-A/timer/add 60`. */
const POSITIONAL = new Map<string, readonly string[]>([
  ['timer.add', ['seconds']],
  ['goto', ['itemId']],
  ['delay.set', ['minutes']],
  ['message.set', ['to', 'text', 'until']],
  ['message.clear', ['to']],
  ['blackout', ['on']],
  ['overtime.policy', ['policy', 'limitMinutes']],
  ['program.item.cancel', ['itemId', 'reason']],
  ['program.item.restore', ['itemId']],
]);

const PREFIX = '/roomcue/';

interface OscMessage {
  oscType: 'message';
  address: string;
  /** node-osc decodes each argument as `{ value }` (with its OSC type tag). */
  args: { value: unknown }[];
}
interface OscBundle {
  oscType: 'bundle';
  elements: (OscMessage | OscBundle)[];
}

/** The action an OSC message asks for, or why it cannot be one. Pure: tested without a socket. */
export function actionFromOsc(
  show: Pick<Show, 'findRoom'>,
  address: string,
  args: readonly unknown[],
): { ok: true; action: unknown } | { ok: false; message: string } {
  if (!address.startsWith(PREFIX)) return { ok: false, message: `${address}: addresses start with ${PREFIX}` };
  const parts = address.slice(PREFIX.length).split('/');
  if (parts.length < 2 || parts.some((p) => p === '')) {
    return { ok: false, message: `${address}: expected ${PREFIX}<room>/<action>, e.g. ${PREFIX}L108-A/timer/add 60` };
  }
  const match = show.findRoom(decodeRoom(parts[0]!));
  if (!match.ok) return { ok: false, message: match.message };
  const type = parts.slice(1).join('.');
  // Any action, also those whose fields are not flat (program.item.update's `set`): its fields as one JSON object.
  const json = jsonFields(address, args);
  if (json) {
    if (!json.ok) return json;
    const parsed = parseAction({ ...json.fields, type, room: match.room.id });
    return parsed.ok ? { ok: true, action: parsed.action } : { ok: false, message: parsed.message };
  }
  const names = POSITIONAL.get(type) ?? [];
  if (args.length > names.length) {
    return {
      ok: false,
      message: `${address}: ${type} takes ${names.length ? names.join(', ') : 'no arguments'}, got ${args.length}`,
    };
  }
  const input: Record<string, unknown> = Object.create(null);
  input.type = type;
  input.room = match.room.id;
  args.forEach((value, i) => {
    const name = names[i]!;
    input[name] = name === 'on' ? truthy(value) : value;
  });
  const parsed = parseAction({ ...input });
  return parsed.ok ? { ok: true, action: parsed.action } : { ok: false, message: parsed.message };
}

/** One string argument that starts with "{": the action's fields as JSON; null for positional arguments. */
function jsonFields(
  address: string,
  args: readonly unknown[],
): { ok: true; fields: Record<string, unknown> } | { ok: false; message: string } | null {
  if (args.length !== 1 || typeof args[0] !== 'string' || !args[0].trimStart().startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(args[0]);
  } catch {
    value = null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: `${address}: the argument is not a JSON object, e.g. {"itemId":"d1-lu"}` };
  }
  const fields = value as Record<string, unknown>;
  if (Object.hasOwn(fields, 'type') || Object.hasOwn(fields, 'room')) {
    return { ok: false, message: `${address}: the address gives the room and the action; leave them out of the JSON` };
  }
  return { ok: true, fields };
}

/** The central server's refusal, in its words. */
function errorOf(answer: { status: number; body: unknown }): string {
  const body = answer.body as { error?: unknown } | null;
  return typeof body?.error === 'string' ? body.error : `the central server answered ${answer.status}`;
}

function decodeRoom(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function truthy(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    if (/^(1|on|true)$/i.test(value)) return true;
    if (/^(0|off|false)$/i.test(value)) return false;
  }
  return value;
}

/** What is sent for a room, by address under /roomcue/<room>/. */
function outValues(now: RoomNowJson): [string, string | number][] {
  return [
    ['item', now.itemId ?? ''],
    ['title', now.title],
    ['speakers', now.speakers],
    ['phase', now.phase],
    ['running', now.running ? 1 : 0],
    ['onair', now.onAir ? 1 : 0],
    ['blackout', now.blackout ? 1 : 0],
    ['late', now.lateMinutes],
    ['next', now.nextTitle],
    ['next/start', now.nextStart],
    ['remaining', now.remainingSeconds ?? 0],
    ['remaining/text', now.remaining],
  ];
}

/**
 * What an OSC message asks, done here or, on a box, sent to the central server that decides: null, or the problem to
 * answer the sender with on /roomcue/error.
 */
async function perform(
  show: Show,
  forward: OscOptions['forward'],
  packet: OscMessage,
  from: RemoteInfo,
): Promise<string | null> {
  const asked = actionFromOsc(
    show,
    packet.address,
    packet.args.map((a) => a.value),
  );
  if (!asked.ok) return asked.message;
  const forwarded = forward ? await forward(asked.action) : null;
  if (forwarded) return forwarded.status === 200 ? null : `${packet.address}: ${errorOf(forwarded)}`;
  try {
    show.dispatch(asked.action as Parameters<Show['dispatch']>[0], `OSC ${from.address}`);
    return null;
  } catch (err) {
    if (!(err instanceof ActionRejected)) throw err;
    return `${packet.address}: ${err.message}`;
  }
}

/**
 * OSC out: sends what changed of each room to the targets. It keeps, per room and address, the last value sent; only
 * changes go out (the countdown's once per second while a timer runs).
 */
function publisher(
  show: Pick<Show, 'clock' | 'rooms' | 'state'>,
  targets: readonly OscTarget[],
  send: (address: string, value: string | number, to: OscTarget) => void,
): () => void {
  const sent = new Map<string, string | number>();
  return () => {
    if (targets.length === 0) return;
    const at = show.clock.now();
    for (const room of show.rooms) {
      for (const [leaf, value] of outValues(roomNow(show.state(room), at))) {
        const address = `${PREFIX}${room}/${leaf}`;
        if (sent.get(address) === value) continue;
        sent.set(address, value);
        for (const target of targets) send(address, value, target);
      }
    }
  };
}

/** The fewest real ms between two of a room's countdown sends: above 100× speed, some seconds are left out. */
const MIN_COUNTDOWN_GAP_MS = 10;
/** Real ms a countdown timer waits at most (a wall-clock jump back is caught up by then), and the check when idle. */
const MAX_COUNTDOWN_WAIT_MS = 1000;

/**
 * The first show instant after `after` at which a countdown ending at `endsAtMs` shows another whole second. It
 * shows ceil((endsAtMs - now) / 1000), as the views and roomNow do: the value steps down when endsAtMs - now reaches
 * a whole number of seconds (1200 from 1,199,001 to 1,200,000 ms left, 1199 from 1,199,000).
 */
export function nextSecondChange(endsAtMs: number, after: number): number {
  return endsAtMs - 1000 * (Math.ceil((endsAtMs - after) / 1000) - 1);
}

/**
 * OSC out: sends what each room shows to the targets, now and as it changes, until the returned function is called.
 * While a timer runs, its countdown goes out once per second of the countdown, at the instant that second begins on
 * the show clock: the timer is armed from the clock each time (from the countdown's absolute end), so its lateness
 * never adds up to a second skipped or sent twice, at 1× as at --speed 60 (above 100×, one value every 10 ms).
 */
export function oscOut(
  show: Pick<Show, 'clock' | 'rooms' | 'state' | 'subscribe'>,
  targets: readonly OscTarget[],
  send: (address: string, value: string | number, to: OscTarget) => void,
): () => void {
  if (targets.length === 0) return () => {};
  const publish = publisher(show, targets, send);
  /** Per room, the show instant of the countdown second last sent by the timer. */
  const sentSecond = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const runningEnds = () => {
    const ends = new Map<string, number>();
    for (const room of show.rooms) {
      const t = show.state(room).timer;
      if (t?.running) ends.set(room, t.endsAtMs);
    }
    return ends;
  };
  const arm = (ends = runningEnds()) => {
    if (timer) clearTimeout(timer);
    const now = show.clock.now();
    // On a fast rehearsal clock, a room's next second no closer than MIN_COUNTDOWN_GAP_MS real ms to the last sent.
    const gap = MIN_COUNTDOWN_GAP_MS * show.clock.speed;
    let next = Infinity;
    for (const [room, endsAt] of ends) {
      const last = sentSecond.get(room);
      const after = last === undefined || last > now ? now : Math.max(now, last + gap - 1);
      next = Math.min(next, nextSecondChange(endsAt, after));
    }
    // Early by the wall clock (Node's timers can be, by up to ~2 ms), it finds the same second and looks again.
    const wait = Math.min(Math.max(show.clock.realDelayUntil(next), 1), MAX_COUNTDOWN_WAIT_MS);
    timer = setTimeout(tick, wait);
    timer.unref?.();
  };
  const publishNow = (ends: Map<string, number>) => {
    publish();
    const now = show.clock.now();
    for (const [room, endsAt] of ends) sentSecond.set(room, nextSecondChange(endsAt, now) - 1000);
  };
  const tick = () => {
    const ends = runningEnds();
    if (ends.size > 0) publishNow(ends);
    arm(ends);
  };
  const unsubscribe = show.subscribe((event) => {
    if (event === 'screens') return;
    const ends = runningEnds();
    publishNow(ends);
    arm(ends);
  });
  const ends = runningEnds();
  publishNow(ends);
  arm(ends);
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}

export async function startOsc(show: Show, opts: OscOptions): Promise<RunningOsc> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const socket: Socket = createSocket({ type: opts.host.includes(':') ? 'udp6' : 'udp4' });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ port: opts.port ?? 0, address: opts.port === null ? undefined : opts.host }, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  socket.on('error', (err) => log(`roomcue osc: ${err.message}`));

  const allowed = new Set(opts.allowFrom);
  const refusedFrom = new Set<string>();
  const send = (address: string, value: string | number, to: OscTarget) => {
    const packet = encode(new Message(address, value));
    socket.send(packet, to.port, to.host);
  };

  const receive = async (packet: OscMessage | OscBundle, from: RemoteInfo): Promise<void> => {
    if (packet.oscType === 'bundle') {
      for (const element of packet.elements) await receive(element, from);
      return;
    }
    const problem = await perform(show, opts.forward, packet, from);
    if (problem !== null) send('/roomcue/error', problem, { host: from.address, port: from.port });
  };

  if (opts.port !== null) {
    socket.on('message', (buffer, from) => {
      if (!isLoopback(from.address) && !allowed.has(from.address)) {
        if (!refusedFrom.has(from.address) && refusedFrom.size < 100) {
          refusedFrom.add(from.address);
          log(`roomcue osc: ignoring messages from ${from.address} (allow it with --osc-from ${from.address})`);
        }
        return;
      }
      let packet: OscMessage | OscBundle;
      try {
        packet = decode(buffer) as OscMessage | OscBundle;
      } catch {
        send('/roomcue/error', 'not an OSC message', { host: from.address, port: from.port });
        return;
      }
      receive(packet, from).catch((err: unknown) =>
        log(`roomcue osc: ${err instanceof Error ? err.message : String(err)}`),
      );
    });
  }

  const stopOut = oscOut(show, opts.targets, send);

  const address = socket.address();
  return {
    port: opts.port === null ? null : address.port,
    close: async () => {
      stopOut();
      await new Promise<void>((resolve) => socket.close(() => resolve()));
    },
  };
}

/** "192.168.1.20:53000" → a target; null when it is not HOST:PORT. */
export function parseTarget(text: string): OscTarget | null {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(text.trim());
  if (!m) return null;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return null;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}
