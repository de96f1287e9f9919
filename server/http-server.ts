// The local HTTP + WebSocket server: views, state, program and actions for every screen, in Electron or headless.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { actionFromQuery, parseAction, type ActionParse } from '../core/live/actions.ts';
import { roomNow } from '../core/contract/now.ts';
import { PREFER_STATE, prefersState } from '../core/contract/answer.ts';
import { ActionRejected } from '../core/live/reducer.ts';
import { PinGuard, SESSION_MS, type ChairPin, type Role } from './auth.ts';
import { chairRefusal } from '../core/live/roles.ts';
import { HostNames } from './host-names.ts';
import { ViewErrorLog } from './view-errors.ts';
import type { CentralLink } from './replica.ts';
import type { Audience, Show, StateFor } from './show.ts';
import { resolveStatic, staticHeaders, streamFile } from './static-files.ts';
import { reportPage } from './report-page.ts';
import { guardSlowClients } from './slow-clients.ts';

export const MAX_BODY_BYTES = 16 * 1024;
/** The most log entries one GET /api/log returns. */
export const LOG_LIMIT_MAX = 1000;
/** A client that stops reading is dropped before its backlog costs the server memory. */
const MAX_WS_BACKLOG_BYTES = 1024 * 1024;
const VIEWS = ['signage', 'chair', 'control'] as const;

export interface ServerOptions {
  show: Show;
  /** On a box that follows a central server: actions go there while it is reachable. */
  central?: CentralLink | null;
  host: string;
  port: number;
  pin: string | null;
  /** Chair PINs (room ids, null: every room): the timer and the speaker messages of their room only. */
  chairPins?: readonly ChairPin[];
  /** The built renderer (vite's dist/). */
  staticDir: string;
  /** How often silent WebSocket peers are checked for (default 30 s). */
  heartbeatMs?: number;
  /** Names besides loopback and the machine's own that the server answers to (--allowed-host). */
  allowedHosts?: readonly string[];
}

export interface ScreenInfo {
  id: number;
  view: string;
  room: string;
  address: string;
  since: number;
  /** A room's box (view "box"): the screens connected to it, per view, as it last reported them. */
  screens?: Record<string, number>;
}

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

export interface RunningServer {
  url: string;
  port: number;
  screens(): ScreenInfo[];
  close(): Promise<void>;
}

/** Only the control view gets the program's warnings, edits and AV notes; the chair its notes; the rest none. */
const audienceOf = (info: ScreenInfo): Audience =>
  info.view === 'control' ? 'control' : info.view === 'chair' ? 'chair' : 'public';

/** Who acts, for the edits and the log: the name the control tab gives (X-Roomcue-Who), else its address. */
export function whoOf(req: IncomingMessage): string {
  const named = req.headers['x-roomcue-who'];
  const text = typeof named === 'string' ? [...named].filter((c) => c >= ' ' && c !== '\u007f').join('') : '';
  const name = text.trim().slice(0, 60);
  const address = req.socket.remoteAddress ?? 'unknown';
  return name ? `${name} (${address})` : address;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { show } = opts;
  const chairPins = opts.chairPins ?? [];
  const guard = new PinGuard(opts.pin, Date.now, chairPins, (line) => console.error(`roomcue server: ${line}`));
  const viewErrors = new ViewErrorLog();
  const hosts = new HostNames(opts.allowedHosts);
  const clients = new Map<WebSocket, ScreenInfo>();
  let nextId = 1;

  // Peers that vanished without closing (a screen unplugged) miss a heartbeat and are dropped.
  const alive = new WeakSet<WebSocket>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://roomcue.invalid');
    const path = url.pathname;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // Reads too: a page whose DNS name was pointed at this machine (rebinding) must not read the state either.
    if (!hosts.allows(req.headers.host)) throw new HttpError(421, misdirected(req.headers.host));
    if (path === '/api/state' && (req.method === 'GET' || req.method === 'HEAD'))
      return sendJson(res, 200, show.state(roomParam(url)));
    if (path.startsWith('/api/rooms/') && path.endsWith('/now') && (req.method === 'GET' || req.method === 'HEAD')) {
      // Companion's generic HTTP feedback: the few values a button shows, flat.
      const room = roomId(decodePathPart(path.slice('/api/rooms/'.length, -'/now'.length)));
      return sendJson(res, 200, roomNow(show.state(room), show.clock.now()));
    }
    if (path === '/api/program' && req.method === 'GET') return sendJson(res, 200, show.program);
    // A room's box that follows this server fetches everything it needs to go on alone (see server/replica.ts).
    if (path === '/api/replica' && req.method === 'GET') return sendJson(res, 200, show.replica());
    if (path === '/api/screens' && req.method === 'GET') {
      return sendJson(
        res,
        200,
        [...clients.values()].filter((c) => !c.view.endsWith('-preview')),
      );
    }
    if (path === '/api/health' && req.method === 'GET')
      return sendJson(res, 200, { ok: true, pinRequired: guard.required });
    if (path === '/api/auth' && req.method === 'POST') {
      // Lets a console check a PIN without acting (and learn its role); wrong PINs count like any other. Signing in
      // makes a session.
      const role = await authorize(req, res, null, true);
      return sendJson(res, 200, { ok: true, role: role.kind, room: role.kind === 'chair' ? role.room : null });
    }
    if (path === '/api/chair-pin' && req.method === 'GET') {
      // The control's chair link: the room's chair PIN when there are chair PINs (never the AV PIN then).
      avOnly(await authorize(req, res, null), 'the chair PIN');
      const room = roomParam(url);
      const pin = chairPins.find((c) => c.room === room) ?? chairPins.find((c) => c.room === null) ?? null;
      return sendJson(res, 200, { pin: pin?.pin ?? null, roles: guard.roles });
    }
    if (path === '/api/view-errors' && req.method === 'POST') {
      // No PIN (screens have none), but only from our own pages.
      if (!sameOrigin(req)) throw new HttpError(403, 'reports from another origin are refused');
      const outcome = viewErrors.record(await readJson(req), req.socket.remoteAddress ?? 'unknown');
      if (outcome.status !== 204) throw new HttpError(outcome.status, outcome.error!);
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      return void res.end();
    }
    if (path === '/api/actions' && req.method === 'POST') {
      const role = await authorize(req, res, null);
      return act(req, res, withQueryRoom(parseAction(await readJson(req)), url.searchParams.get('room')), null, role);
    }
    if (path.startsWith('/api/actions/') && req.method === 'GET') {
      const role = await authorize(req, res, url.searchParams.get('pin'));
      let type: string;
      try {
        type = decodeURIComponent(path.slice('/api/actions/'.length));
      } catch {
        throw new HttpError(400, 'the action type in the path is not valid URL encoding');
      }
      return act(req, res, actionFromQuery(type, url.searchParams), url.searchParams.get('pin'), role);
    }
    if (path === '/api/log' && req.method === 'GET') {
      // Who did what: for the AV desk only.
      avOnly(await authorize(req, res, null), 'the log');
      const limitText = url.searchParams.get('limit') ?? '100';
      const limit = Number(limitText);
      if (!/^\d+$/.test(limitText) || limit < 1 || limit > LOG_LIMIT_MAX)
        throw new HttpError(400, `limit must be a whole number from 1 to ${LOG_LIMIT_MAX}, got "${limitText}"`);
      const room = url.searchParams.has('room') ? roomId(url.searchParams.get('room')!) : null;
      return sendJson(res, 200, { entries: show.logEntries(limit, room) });
    }
    if (path.startsWith('/api/'))
      throw new HttpError(path.startsWith('/api/actions') ? 405 : 404, `no such API: ${req.method} ${path}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed');
    if (path === '/') return sendHtml(res, 200, indexPage(show.program.event.name));
    if (path === '/report') {
      // A page for a browser: its mistakes are a page too.
      try {
        return sendHtml(res, 200, report(url));
      } catch (err) {
        if (err instanceof HttpError) return sendHtml(res, err.status, page('Timing report', escapeHtml(err.message)));
        throw err;
      }
    }
    const view = VIEWS.find((v) => path === `/${v}` || path === `/${v}/`);
    const file = resolveStatic(opts.staticDir, view ? '/index.html' : path, req.headers['accept-encoding']);
    if (!file) {
      if (view)
        return sendHtml(
          res,
          503,
          page('Views not built', 'Run <code>npm run build:views</code> on the server, then reload this page.'),
        );
      throw new HttpError(404, 'not found');
    }
    res.writeHead(200, {
      ...staticHeaders(file, path),
      ...(file.type.startsWith('text/html') ? htmlSecurityHeaders : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    // A file removed between stat and read (a rebuild) must cost this response, not the server.
    pipeline(streamFile(file), res, () => {});
  };

  const act = async (
    req: IncomingMessage,
    res: ServerResponse,
    parsed: ActionParse,
    queryPin: string | null,
    role: Role,
  ) => {
    if (!parsed.ok) throw new HttpError(400, parsed.message);
    const action =
      parsed.action.room === undefined ? parsed.action : { ...parsed.action, room: roomId(parsed.action.room) };
    // The log says which actions came with a chair PIN.
    const who = role.kind === 'chair' ? `${whoOf(req)}, chair PIN` : whoOf(req);
    // By default a short answer: the room and the seq of the state every screen of the room was pushed before it (a
    // button box wants no more; the views render the socket's state). `Prefer: return=representation` asks for the
    // room's new state as the one who acted sees it, without the day lists (GET /api/state has them).
    const answer: StateFor | null = prefersState(req.headers.prefer)
      ? { audience: role.kind === 'chair' ? 'chair' : 'control', lists: false }
      : null;
    // RFC 7240: the answer says when it honoured the preference.
    const ok = (body: unknown) => {
      if (answer) res.setHeader('Preference-Applied', PREFER_STATE);
      sendJson(res, 200, body);
    };
    if (role.kind === 'chair') {
      const room = action.room ?? show.defaultRoom;
      const step = action.type === 'undo' || action.type === 'redo' ? show.historyStep(room, action.type) : null;
      const refusal = chairRefusal(action, room, role.room, step);
      if (refusal) {
        show.logRefused({ ...action, room }, who, refusal);
        throw new HttpError(403, refusal);
      }
    }
    // A box that follows a central server sends actions there (it decides), with the PIN they came with.
    const central = opts.central ?? null;
    if (central) {
      // The box checked the PIN (or the operator's session) itself: it vouches with its own PIN, which must be the
      // central server's (a session token means nothing there).
      const auth = opts.pin
        ? `Bearer ${opts.pin}`
        : (req.headers.authorization ?? (queryPin ? `Bearer ${queryPin}` : null));
      const forwarded = await central.forward({ ...action, room: action.room ?? show.defaultRoom }, auth);
      if (forwarded) {
        const room = action.room ?? show.defaultRoom;
        if (forwarded.status === 200) {
          // This box's state, once it took the central server's (its screens show that one).
          return ok(answer ? show.state(room, answer.audience, answer.lists) : show.answerFor(room));
        }
        return sendJson(res, forwarded.status, forwarded.body);
      }
      // Offline: the box acts on its own copy until the central server is back (then its state wins).
    }
    try {
      ok(answer ? await show.act(action, who, answer) : await show.actShort(action, who));
    } catch (err) {
      if (err instanceof ActionRejected) throw new HttpError(409, err.message);
      throw err;
    }
  };

  /** What only the AV PIN may see or do: a chair PIN gets 403 naming it. */
  const avOnly = (role: Role, what: string) => {
    if (role.kind !== 'av')
      throw new HttpError(403, `${what} is for the AV desk: it needs the AV PIN, not a chair PIN`);
  };

  /**
   * The role of a request's PIN or session. A right PIN makes a session (a cookie) only for a console that keeps it:
   * a sign-in (`keep`), or a request saying `X-Roomcue-Session: keep` (the views' actions). A button box or curl
   * sends its PIN every time and never sends a cookie back.
   */
  const authorize = async (
    req: IncomingMessage,
    res: ServerResponse,
    queryPin: string | null,
    keep = req.headers['x-roomcue-session'] === 'keep',
  ): Promise<Role> => {
    // Browsers attach Origin / Sec-Fetch-Site: refuse actions that another page (another site or port) sends.
    if (!sameOrigin(req)) throw new HttpError(403, 'actions from another origin are refused');
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw new HttpError(403, 'actions from another site are refused');
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? null;
    const result = guard.check(req.socket.remoteAddress ?? 'unknown', bearer ?? queryPin, sessionCookie(req), keep);
    if (result.ok) {
      // The browser that gave the right PIN keeps acting with this, even while guessers have the PIN locked.
      if (result.session)
        res.setHeader(
          'Set-Cookie',
          `${SESSION_COOKIE}=${result.session}; Path=/api; Max-Age=${SESSION_MS / 1000}; HttpOnly; SameSite=Strict`,
        );
      return result.role;
    }
    if (result.delayMs > 0) await new Promise((r) => setTimeout(r, result.delayMs));
    throw new HttpError(result.status, result.message);
  };

  /** The timing report page of ?day= (required) and ?room= (default: the show's room). */
  const report = (url: URL): string => {
    const day = url.searchParams.get('day');
    if (day === null || !/^\d{4}-\d{2}-\d{2}$/.test(day))
      throw new HttpError(400, `give the day as ?day=YYYY-MM-DD, e.g. ?day=${show.days[0] ?? '2026-06-29'}`);
    if (!show.days.includes(day))
      throw new HttpError(404, `the program has nothing on ${day}; its days: ${show.days.join(', ')}`);
    const room = roomParam(url);
    return reportPage(show.report(room, day), { rooms: show.program.rooms, days: show.days });
  };

  /** A room's id from its id or displayed name; 404 naming the rooms when there is none. */
  const roomId = (query: string): string => {
    const match = show.findRoom(query);
    if (!match.ok) throw new HttpError(404, match.message);
    return match.room.id;
  };
  const roomParam = (url: URL): string => roomId(url.searchParams.get('room') ?? show.defaultRoom);
  /**
   * `POST /api/actions?room=B` (a button box that names the room in its URL, as the GET form does): the room of an
   * action whose body names none; two different rooms are refused rather than one of them guessed.
   */
  const withQueryRoom = (parsed: ActionParse, query: string | null): ActionParse => {
    if (query === null || !parsed.ok) return parsed;
    if (parsed.action.room === undefined) return { ok: true, action: { ...parsed.action, room: query } };
    if (roomId(parsed.action.room) !== roomId(query))
      throw new HttpError(
        400,
        `two rooms: "${query}" in the address and "${parsed.action.room}" in the body; give one`,
      );
    return parsed;
  };

  /** An Origin, when sent, must be this server (the Host is checked against the allowed names first). */
  const sameOrigin = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    return origin === undefined || origin === `http://${req.headers.host ?? ''}`;
  };

  // Node enforces headersTimeout and requestTimeout only when it checks its connections: every 30 s by default,
  // which let a slow client hold a connection 30 s past them. Checked every second, they hold to within a second.
  const server: Server = createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message });
      console.error('roomcue server: unexpected error:', err);
      sendJson(res, 500, { error: 'internal error; the server log has details' });
    });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  // Node's checks above miss a client that goes silent, and run once a second: our own clock on each connection.
  guardSlowClients(server, { headersMs: server.headersTimeout, requestMs: server.requestTimeout });

  /** A box tells its central server how many screens it serves, per view (previews not counted). */
  const reportScreens = () => {
    if (!opts.central) return;
    const counts: Record<string, number> = Object.create(null);
    for (const c of clients.values()) {
      if (c.view.endsWith('-preview')) continue;
      counts[c.view] = (counts[c.view] ?? 0) + 1;
    }
    opts.central.reportScreens(counts);
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req, socket, head) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://roomcue.invalid');
    } catch {
      url = new URL('http://roomcue.invalid/invalid');
    }
    const match = show.findRoom(url.searchParams.get('room') ?? show.defaultRoom);
    const room = match.ok ? match.room.id : '';
    if (!hosts.allows(req.headers.host)) {
      socket.end(`HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\n\r\n${misdirected(req.headers.host)}`);
      return;
    }
    if (url.pathname !== '/ws' || !sameOrigin(req) || !match.ok) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const view = url.searchParams.get('view') ?? 'unknown';
      const info: ScreenInfo = {
        id: nextId++,
        view: view.slice(0, 20),
        room,
        address: req.socket.remoteAddress ?? '',
        since: Date.now(),
      };
      clients.set(ws, info);
      reportScreens();
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      send(ws, { type: 'state', state: show.state(room, audienceOf(info)) });
      show.emit('screens');
      ws.on('message', (data) => {
        let msg: { type?: unknown; t?: unknown; counts?: unknown } | null = null;
        try {
          const parsed: unknown = JSON.parse(String(data));
          if (typeof parsed === 'object' && parsed !== null) msg = parsed;
        } catch {
          msg = null;
        }
        if (!msg) return send(ws, { type: 'error', error: 'messages are JSON objects like {"type":"ping","t":0}' });
        if (msg.type === 'ping')
          send(ws, { type: 'pong', t: typeof msg.t === 'number' ? msg.t : null, serverTime: Date.now() });
        else if (msg.type === 'screens' && info.view === 'box') {
          const counts = boxCounts(msg);
          if (!counts) return send(ws, { type: 'error', error: 'screens: {"counts": {"signage": 2, …}}' });
          info.screens = { ...counts };
          show.emit('screens');
        } else
          send(ws, { type: 'error', error: 'send actions with POST /api/actions; the socket takes {"type":"ping"}' });
      });
      ws.on('close', () => {
        clients.delete(ws);
        reportScreens();
        show.emit('screens');
      });
      ws.on('error', () => ws.terminate());
    });
  });

  const sendRaw = (ws: WebSocket, data: Buffer | string) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_WS_BACKLOG_BYTES) return void ws.terminate();
    ws.send(data, { binary: false });
  };
  const send = (ws: WebSocket, message: object) => sendRaw(ws, JSON.stringify(message));
  const unsubscribe = show.subscribe((event) => {
    if (event === 'screens') return; // the state carries no screen list: nothing new to push
    // Each room's state is made and serialised once (once more for the control view, which alone gets the
    // program's warnings), then the same bytes go to every screen of that room.
    const messages = new Map<string, Buffer>();
    for (const [ws, info] of clients) {
      if (!show.hasRoom(info.room)) {
        ws.close(4004, `room ${info.room} is no longer in the program`);
        continue;
      }
      const audience = audienceOf(info);
      const key = `${audience} ${info.room}`;
      let message = messages.get(key);
      if (!message) {
        message = Buffer.from(JSON.stringify({ type: 'state', state: show.state(info.room, audience) }));
        messages.set(key, message);
      }
      sendRaw(ws, message);
    }
  });
  const heartbeat = setInterval(() => {
    for (const ws of clients.keys()) {
      if (!alive.has(ws)) ws.terminate();
      else {
        alive.delete(ws);
        ws.ping();
      }
    }
  }, opts.heartbeatMs ?? 30_000);
  heartbeat.unref();

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${hostInUrl}:${port}`,
    port,
    screens: () => [...clients.values()],
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const ws of clients.keys()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const htmlSecurityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
};

const SESSION_COOKIE = 'roomcue_session';

function sessionCookie(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return null;
}

function misdirected(host: string | undefined): string {
  const name = JSON.stringify((host ?? '').slice(0, 100));
  return `this server does not answer to the name ${name}: open it by this machine's address or name, or start it with --allowed-host NAME`;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'send JSON with "Content-Type: application/json"');
  }
  const body = await readBody(req);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Answer 413 first; then stop a sender that keeps streaming.
        req.removeAllListeners('data');
        req.resume();
        setTimeout(() => req.destroy(), 1000).unref();
        reject(new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    // Aborted by the client, or cut by the request timeout: nothing to answer, nothing unexpected to log.
    req.on('error', () => reject(new HttpError(408, 'the request was not completed in time')));
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
    ...htmlSecurityHeaders,
  });
  res.end(html);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title><body style="font-family:sans-serif;background:#111;color:#eee;padding:2rem"><h1>${escapeHtml(title)}</h1><p>${body}</p></body></html>`;
}

function indexPage(eventName: string): string {
  return page(
    `Roomcue — ${eventName}`,
    VIEWS.map((v) => `<a style="color:#9cf;font-size:1.5rem;margin-right:2rem" href="/${v}">${v}</a>`).join(''),
  );
}

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'the room in the path is not valid URL encoding');
  }
}
