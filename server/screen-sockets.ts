// The screens' WebSocket connections: each screen's socket, the state pushed to it, its pings, the heartbeat.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { CentralLink } from './replica.ts';
import type { Audience, Show } from './show.ts';
import { misdirected, sameOrigin, type HostNames } from './host-names.ts';
import type { ScreenInfo } from '../core/contract/screens.ts';
import { compactState, type WireStateJson } from '../core/contract/wire.ts';
import type { StateJson } from '../core/contract/state.ts';

/** A client that stops reading is dropped before its backlog costs the server memory. */
const MAX_WS_BACKLOG_BYTES = 1024 * 1024;

/**
 * The TCP socket under each screen's WebSocket. A push frames its message once per room and writes the same bytes to
 * every screen's socket: through `ws.send` the library built a frame (header, options, a corked two-part write) for
 * each socket. Only messages go this way; pings, pongs and close frames still go through `ws`, whose sender never holds
 * a frame back when no compression was negotiated (so nothing can land inside another frame), and `bufferedAmount`
 * still counts these bytes (it is the socket's own write queue). A socket with an extension is not in this map.
 */
const framedSockets = new WeakMap<WebSocket, Duplex>();

/** The screens connected to one server, and what their sockets need. */
export interface ScreenSockets {
  show: Show;
  hosts: HostNames;
  /** On a box that follows a central server: it is told how many screens the box serves. */
  central: CentralLink | null;
  clients: Map<WebSocket, ScreenInfo>;
  /** Peers that vanished without closing (a screen unplugged) miss a heartbeat and are dropped. */
  alive: WeakSet<WebSocket>;
  nextScreenId: () => number;
}

export function upgradeToScreen(
  sockets: ScreenSockets,
  wss: WebSocketServer,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): void {
  const { show } = sockets;
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://roomcue.invalid');
  } catch {
    url = new URL('http://roomcue.invalid/invalid');
  }
  const match = show.findRoom(url.searchParams.get('room') ?? show.defaultRoom);
  const room = match.ok ? match.room.id : '';
  if (!sockets.hosts.allows(req.headers.host)) {
    socket.end(`HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\n\r\n${misdirected(req.headers.host)}`);
    return;
  }
  if (url.pathname !== '/ws' || !sameOrigin(req) || !match.ok) {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    return;
  }
  const view = url.searchParams.get('view') ?? 'unknown';
  wss.handleUpgrade(req, socket, head, (ws) => {
    // No permessage-deflate (the server does not offer it): a message is one plain text frame, written whole.
    if (ws.extensions === '') framedSockets.set(ws, socket);
    connectScreen(sockets, ws, req, view, room);
  });
}

function connectScreen(sockets: ScreenSockets, ws: WebSocket, req: IncomingMessage, view: string, room: string): void {
  const { show, clients, alive } = sockets;
  const info: ScreenInfo = {
    id: sockets.nextScreenId(),
    view: view.slice(0, 20),
    room,
    address: req.socket.remoteAddress ?? '',
    since: Date.now(),
  };
  clients.set(ws, info);
  reportScreens(sockets);
  alive.add(ws);
  ws.on('pong', () => alive.add(ws));
  send(ws, { type: 'state', state: screenState(show, room, audienceOf(info)) });
  show.emit('screens');
  ws.on('message', (data) => onScreenMessage(sockets, ws, info, String(data)));
  ws.on('close', () => {
    clients.delete(ws);
    reportScreens(sockets);
    show.emit('screens');
  });
  ws.on('error', () => ws.terminate());
}

/** A screen's message: a ping (for its clock), or a box's count of its screens. */
function onScreenMessage(sockets: ScreenSockets, ws: WebSocket, info: ScreenInfo, text: string): void {
  const msg = parseScreenMessage(text);
  if (!msg) return send(ws, { type: 'error', error: 'messages are JSON objects like {"type":"ping","t":0}' });
  if (msg.type === 'ping')
    send(ws, { type: 'pong', t: typeof msg.t === 'number' ? msg.t : null, serverTime: Date.now() });
  else if (msg.type === 'screens' && info.view === 'box') {
    const counts = boxCounts(msg);
    if (!counts) return send(ws, { type: 'error', error: 'screens: {"counts": {"signage": 2, …}}' });
    info.screens = { ...counts };
    sockets.show.emit('screens');
  } else send(ws, { type: 'error', error: 'send actions with POST /api/actions; the socket takes {"type":"ping"}' });
}

function parseScreenMessage(text: string): { type?: unknown; t?: unknown; counts?: unknown } | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

/** A box tells its central server how many screens it serves, per view (previews not counted). */
function reportScreens(sockets: ScreenSockets): void {
  const central = sockets.central;
  if (!central) return;
  const counts: Record<string, number> = Object.create(null);
  for (const c of sockets.clients.values()) {
    if (c.view.endsWith('-preview')) continue;
    counts[c.view] = (counts[c.view] ?? 0) + 1;
  }
  central.reportScreens(counts);
}

/**
 * How long one turn of a push writes to screens' sockets before the server does anything else (an operator's answer,
 * another room's request, a pong), in milliseconds. A write to a socket is a system call of some 10–20 µs: a push to
 * 50 screens took about 0.8 ms in one turn, to 1,000 screens about 15 ms, and the operator's answer, ready once the
 * action was on disk, waited behind all of them. A few dozen screens still get a push in one turn.
 */
const PUSH_TURN_MS = 0.25;

/** Per server, the number of its latest push: a push that a newer one overtakes stops (that one reaches every screen). */
const pushNumbers = new WeakMap<ScreenSockets, number>();

/** Every screen gets its room's new state. */
export function pushState(sockets: ScreenSockets, event: string): void {
  if (event === 'screens') return; // the state carries no screen list: nothing new to push
  const push = (pushNumbers.get(sockets) ?? 0) + 1;
  pushNumbers.set(sockets, push);
  // Each room's state is made, serialised and framed once per audience (the control view alone gets the program's
  // warnings, the chair its notes), then the same bytes go to every screen of that room and audience.
  const frames = new Map<string, Partial<Record<Audience, TextFrame>>>();
  const screens = [...sockets.clients.keys()];
  const writeFrom = (first: number): void => {
    // Overtaken: the newer push writes its state to every screen, these ones included, and none gets an older one after.
    if (pushNumbers.get(sockets) !== push) return;
    const turnEnds = performance.now() + PUSH_TURN_MS;
    for (let i = first; i < screens.length; i++) {
      const ws = screens[i]!;
      const info = sockets.clients.get(ws);
      if (!info) continue; // closed since the push began
      if (!sockets.show.hasRoom(info.room)) {
        ws.close(4004, closeReason(`room ${info.room} is no longer in the program`));
        continue;
      }
      const audience = audienceOf(info);
      let room = frames.get(info.room);
      if (!room) frames.set(info.room, (room = {}));
      const frame = (room[audience] ??= textFrame(
        JSON.stringify({ type: 'state', state: screenState(sockets.show, info.room, audience) }),
      ));
      sendFrame(ws, frame);
      if (i + 1 < screens.length && performance.now() >= turnEnds) return void setImmediate(writeFrom, i + 1);
    }
  };
  writeFrom(0);
}

export function startHeartbeat(sockets: ScreenSockets, everyMs: number): ReturnType<typeof setInterval> {
  const heartbeat = setInterval(() => {
    for (const ws of sockets.clients.keys()) {
      if (!sockets.alive.has(ws)) ws.terminate();
      else {
        sockets.alive.delete(ws);
        ws.ping();
      }
    }
  }, everyMs);
  heartbeat.unref();
  return heartbeat;
}

/** A message as a whole WebSocket frame (RFC 6455 5.2): FIN, text, unmasked (a server's), then its UTF-8 bytes. */
interface TextFrame {
  bytes: Buffer;
  /** Where the text starts in `bytes`: after a header of 2, 4 or 10 bytes. */
  headerBytes: number;
}

/** The length is written in the shortest of its three forms, as RFC 6455 requires (browsers fail on any other). */
export function textFrame(text: string): TextFrame {
  const length = Buffer.byteLength(text);
  const headerBytes = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const bytes = Buffer.allocUnsafe(headerBytes + length);
  bytes[0] = 0x81;
  if (headerBytes === 2) bytes[1] = length;
  else if (headerBytes === 4) {
    bytes[1] = 126;
    bytes.writeUInt16BE(length, 2);
  } else {
    bytes[1] = 127;
    bytes.writeUInt32BE(0, 2); // a message is far below 4 GiB: the high half of the 64-bit length is zero
    bytes.writeUInt32BE(length, 6);
  }
  bytes.write(text, headerBytes, 'utf8');
  return { bytes, headerBytes };
}

function sendFrame(ws: WebSocket, frame: TextFrame): void {
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount > MAX_WS_BACKLOG_BYTES) return void ws.terminate();
  const socket = framedSockets.get(ws);
  if (!socket) ws.send(frame.bytes.subarray(frame.headerBytes), { binary: false });
  else if (socket.writable) socket.write(frame.bytes); // else it is closing: `ws` sees that and drops the screen
}

const send = (ws: WebSocket, message: object) => sendFrame(ws, textFrame(JSON.stringify(message)));

/** `{"type":"screens","counts":{"signage":2}}` from a box: at most 10 views, names of up to 20 characters. */
function boxCounts(msg: { counts?: unknown }): Record<string, number> | null {
  const counts = msg.counts;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) return null;
  const entries = Object.entries(counts);
  if (entries.length > 10) return null;
  const out: Record<string, number> = Object.create(null);
  for (const [view, n] of entries) {
    if (!/^[a-z][a-z-]{0,19}$/.test(view) || !Number.isInteger(n) || (n as number) < 0 || (n as number) > 10_000)
      return null;
    out[view] = n as number;
  }
  return out;
}

/**
 * A close frame's reason: at most 123 bytes of UTF-8 (RFC 6455 5.5: a control frame carries 125, 2 of them the code),
 * else `ws` throws and the push that closes the socket stops there. A longer one (a room id of 100 characters) is cut
 * at a whole character and ends with "…".
 */
export function closeReason(text: string): string {
  if (Buffer.byteLength(text) <= 123) return text;
  let cut = '';
  for (const ch of text) {
    if (Buffer.byteLength(cut + ch) > 120) break; // "…" is 3 bytes
    cut += ch;
  }
  return `${cut}…`;
}

/**
 * The state a screen's socket carries: the door's and the chair's with their items short (core/contract/wire.ts:
 * fields equal to their defaults left out; every screen of a room gets it at every change), the control view's in full
 * (its few screens read the day's lists, and their planned times, everywhere).
 */
function screenState(show: Show, room: string, audience: Audience): StateJson | WireStateJson {
  const state = show.state(room, audience);
  return audience === 'control' ? state : compactState(state);
}

/** Only the control view gets the program's warnings, edits and AV notes; the chair its notes; the rest none. */
const audienceOf = (info: ScreenInfo): Audience =>
  info.view === 'control' ? 'control' : info.view === 'chair' ? 'chair' : 'public';
