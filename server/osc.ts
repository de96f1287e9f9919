// OSC in and out over UDP, for lighting/sound consoles, QLab and Companion: every action has an address, and what a
// room shows is sent to the configured targets when it changes (the countdown once per second while a timer runs).
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
  show: Show,
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

  const publish = publisher(show, opts.targets, send);
  const unsubscribe = show.subscribe((event) => {
    if (event !== 'screens') publish();
  });
  const everySecond = setInterval(() => {
    if (show.rooms.some((room) => show.state(room).timer?.running)) publish();
  }, 1000);
  everySecond.unref();
  publish();

  const address = socket.address();
  return {
    port: opts.port === null ? null : address.port,
    close: async () => {
      unsubscribe();
      clearInterval(everySecond);
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
