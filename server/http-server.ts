// The local HTTP + WebSocket server: views, state, program and actions for every screen, in Electron or headless.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { WebSocketServer } from 'ws';
import { actionFromQuery, parseAction, type Action, type ActionParse } from '../core/live/actions.ts';
import { roomNow } from '../core/contract/now.ts';
import { PREFER_STATE, prefersState } from '../core/contract/answer.ts';
import { ActionRejected } from '../core/live/reducer.ts';
import { PinGuard, SESSION_MS, type ChairPin, type Role } from './auth.ts';
import { chairRefusal } from '../core/live/roles.ts';
import { HostNames, misdirected, sameOrigin } from './host-names.ts';
import { ViewErrorLog } from './view-errors.ts';
import type { CentralLink } from './replica.ts';
import type { Show, StateFor } from './show.ts';
import { pushState, startHeartbeat, upgradeToScreen, type ScreenSockets } from './screen-sockets.ts';
import type { ScreenInfo } from '../core/contract/screens.ts';
import { resolveStatic, staticHeaders, streamFile } from './static-files.ts';
import { reportPage } from './report-page.ts';
import { guardSlowClients } from './slow-clients.ts';

export const MAX_BODY_BYTES = 16 * 1024;
/** The most log entries one GET /api/log returns. */
export const LOG_LIMIT_MAX = 1000;
const VIEWS = ['signage', 'chair', 'control'] as const;

export type { ScreenInfo } from '../core/contract/screens.ts';

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

export interface RunningServer {
  url: string;
  port: number;
  screens(): ScreenInfo[];
  close(): Promise<void>;
}

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

/** What the routes and the sockets of one server share: the show, the PIN guard, the screens connected. */
interface ServerParts extends ScreenSockets {
  opts: ServerOptions;
  chairPins: readonly ChairPin[];
  guard: PinGuard;
  viewErrors: ViewErrorLog;
}

/** One HTTP request, as a route handles it. */
interface Call extends ServerParts {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  path: string;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const parts = serverParts(opts);
  const server = createHttpServer(parts);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => upgradeToScreen(parts, wss, req, socket, head));
  const unsubscribe = parts.show.subscribe((event) => pushState(parts, event));
  const heartbeat = startHeartbeat(parts, opts.heartbeatMs ?? 30_000);
  await listen(server, opts.port, opts.host);
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${hostInUrl}:${port}`,
    port,
    screens: () => [...parts.clients.values()],
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const ws of parts.clients.keys()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function serverParts(opts: ServerOptions): ServerParts {
  const chairPins = opts.chairPins ?? [];
  let nextId = 1;
  return {
    opts,
    show: opts.show,
    chairPins,
    guard: new PinGuard(opts.pin, Date.now, chairPins, (line) => console.error(`roomcue server: ${line}`)),
    viewErrors: new ViewErrorLog(),
    hosts: new HostNames(opts.allowedHosts),
    central: opts.central ?? null,
    clients: new Map(),
    alive: new WeakSet(),
    nextScreenId: () => nextId++,
  };
}

function createHttpServer(parts: ServerParts): Server {
  // Node enforces headersTimeout and requestTimeout only when it checks its connections: every 30 s by default,
  // which let a slow client hold a connection 30 s past them. Checked every second, they hold to within a second.
  const server: Server = createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    handleRequest(parts, req, res).catch((err: unknown) => answerError(res, err));
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  // Node's checks above miss a client that goes silent, and run once a second: our own clock on each connection.
  guardSlowClients(server, { headersMs: server.headersTimeout, requestMs: server.requestTimeout });
  return server;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise());
  });
}

function answerError(res: ServerResponse, err: unknown): void {
  if (res.headersSent) return void res.destroy();
  if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message });
  console.error('roomcue server: unexpected error:', err);
  sendJson(res, 500, { error: 'internal error; the server log has details' });
}

// HTTP: the API's routes, then the pages and the views' files.

async function handleRequest(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://roomcue.invalid');
  const call: Call = { ...parts, req, res, url, path: url.pathname };
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // Reads too: a page whose DNS name was pointed at this machine (rebinding) must not read the state either.
  if (!parts.hosts.allows(req.headers.host)) throw new HttpError(421, misdirected(req.headers.host));
  const route = API_ROUTES.find((r) => r.methods.includes(req.method ?? '') && pathMatches(r.path, call.path));
  if (route) return route.answer(call);
  if (call.path.startsWith('/api/'))
    throw new HttpError(call.path.startsWith('/api/actions') ? 405 : 404, `no such API: ${req.method} ${call.path}`);
  return servePage(call);
}

interface ApiRoute {
  methods: readonly string[];
  /** The exact path, or a test of it. */
  path: string | ((path: string) => boolean);
  answer: (call: Call) => void | Promise<void>;
}

const READ = ['GET', 'HEAD'] as const;

const pathMatches = (route: ApiRoute['path'], path: string): boolean =>
  typeof route === 'string' ? path === route : route(path);

/** The API, in the order a request's path and method are tried. */
const API_ROUTES: readonly ApiRoute[] = [
  { methods: READ, path: '/api/state', answer: (c) => sendJson(c.res, 200, c.show.state(roomParam(c))) },
  { methods: READ, path: (p) => p.startsWith('/api/rooms/') && p.endsWith('/now'), answer: answerRoomNow },
  { methods: ['GET'], path: '/api/program', answer: (c) => sendJson(c.res, 200, c.show.program) },
  // A room's box that follows this server fetches everything it needs to go on alone (see server/replica.ts).
  { methods: ['GET'], path: '/api/replica', answer: (c) => sendJson(c.res, 200, c.show.replica()) },
  { methods: ['GET'], path: '/api/screens', answer: answerScreens },
  {
    methods: ['GET'],
    path: '/api/health',
    answer: (c) => sendJson(c.res, 200, { ok: true, pinRequired: c.guard.required }),
  },
  { methods: ['POST'], path: '/api/auth', answer: signIn },
  { methods: ['GET'], path: '/api/chair-pin', answer: answerChairPin },
  { methods: ['POST'], path: '/api/view-errors', answer: recordViewError },
  { methods: ['POST'], path: '/api/actions', answer: postAction },
  { methods: ['GET'], path: (p) => p.startsWith('/api/actions/'), answer: getAction },
  { methods: ['GET'], path: '/api/log', answer: answerLog },
];

/** Companion's generic HTTP feedback: the few values a button shows, flat. */
function answerRoomNow(c: Call): void {
  const room = roomId(c.show, decodePathPart(c.path.slice('/api/rooms/'.length, -'/now'.length)));
  sendJson(c.res, 200, roomNow(c.show.state(room), c.show.clock.now()));
}

function answerScreens(c: Call): void {
  sendJson(
    c.res,
    200,
    [...c.clients.values()].filter((s) => !s.view.endsWith('-preview')),
  );
}

/** Lets a console check a PIN without acting (and learn its role); wrong PINs count like any other. Signing in makes
 * a session. */
async function signIn(c: Call): Promise<void> {
  const role = await authorize(c, null, true);
  sendJson(c.res, 200, { ok: true, role: role.kind, room: role.kind === 'chair' ? role.room : null });
}

/** The control's chair link: the room's chair PIN when there are chair PINs (never the AV PIN then). */
async function answerChairPin(c: Call): Promise<void> {
  avOnly(await authorize(c, null), 'the chair PIN');
  const room = roomParam(c);
  const pin = c.chairPins.find((p) => p.room === room) ?? c.chairPins.find((p) => p.room === null) ?? null;
  sendJson(c.res, 200, { pin: pin?.pin ?? null, roles: c.guard.roles });
}

/** A view's error report. No PIN (screens have none), but only from our own pages. */
async function recordViewError(c: Call): Promise<void> {
  if (!sameOrigin(c.req)) throw new HttpError(403, 'reports from another origin are refused');
  const outcome = c.viewErrors.record(await readJson(c.req), c.req.socket.remoteAddress ?? 'unknown');
  if (outcome.status !== 204) throw new HttpError(outcome.status, outcome.error!);
  c.res.writeHead(204, { 'Cache-Control': 'no-store' });
  c.res.end();
}

async function postAction(c: Call): Promise<void> {
  const role = await authorize(c, null);
  return act(c, withQueryRoom(c.show, parseAction(await readJson(c.req)), c.url.searchParams.get('room')), null, role);
}

/**
 * `POST /api/actions?room=B` (a button box that names the room in its URL, as the GET form does): the room of an
 * action whose body names none; two different rooms are refused rather than one of them guessed.
 */
function withQueryRoom(show: Show, parsed: ActionParse, query: string | null): ActionParse {
  if (query === null || !parsed.ok) return parsed;
  if (parsed.action.room === undefined) return { ok: true, action: { ...parsed.action, room: query } };
  if (roomId(show, parsed.action.room) !== roomId(show, query))
    throw new HttpError(400, `two rooms: "${query}" in the address and "${parsed.action.room}" in the body; give one`);
  return parsed;
}

/** The GET form for button boxes: /api/actions/timer.add?seconds=60&pin=… */
async function getAction(c: Call): Promise<void> {
  const role = await authorize(c, c.url.searchParams.get('pin'));
  let type: string;
  try {
    type = decodeURIComponent(c.path.slice('/api/actions/'.length));
  } catch {
    throw new HttpError(400, 'the action type in the path is not valid URL encoding');
  }
  return act(c, actionFromQuery(type, c.url.searchParams), c.url.searchParams.get('pin'), role);
}

/** Who did what: for the AV desk only. */
async function answerLog(c: Call): Promise<void> {
  avOnly(await authorize(c, null), 'the log');
  const limitText = c.url.searchParams.get('limit') ?? '100';
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > LOG_LIMIT_MAX)
    throw new HttpError(400, `limit must be a whole number from 1 to ${LOG_LIMIT_MAX}, got "${limitText}"`);
  const room = c.url.searchParams.has('room') ? roomId(c.show, c.url.searchParams.get('room')!) : null;
  sendJson(c.res, 200, { entries: c.show.logEntries(limit, room) });
}

/** Applies an action from either form (POST body, GET query), as `role` may, and answers. */
async function act(c: Call, parsed: ActionParse, queryPin: string | null, role: Role): Promise<void> {
  const { req, res, show } = c;
  if (!parsed.ok) throw new HttpError(400, parsed.message);
  const action =
    parsed.action.room === undefined ? parsed.action : { ...parsed.action, room: roomId(show, parsed.action.room) };
  // The log says which actions came with a chair PIN.
  const who = role.kind === 'chair' ? `${whoOf(req)}, chair PIN` : whoOf(req);
  const answer = stateAsked(req, role);
  if (role.kind === 'chair') refuseForChair(c, action, role.room, who);
  // A box that follows a central server sends actions there (it decides), with the PIN they came with.
  const central = c.opts.central ?? null;
  if (central && (await forwardToCentral(c, central, action, queryPin, answer))) return;
  try {
    answerOk(res, answer, answer ? await show.act(action, who, answer) : await show.actShort(action, who));
  } catch (err) {
    if (err instanceof ActionRejected) throw new HttpError(409, err.message);
    throw err;
  }
}

/**
 * By default a short answer: the room and the seq of the state every screen of the room was pushed before it (a
 * button box wants no more; the views render the socket's state). `Prefer: return=representation` asks for the
 * room's new state as the one who acted sees it, without the day lists (GET /api/state has them).
 */
function stateAsked(req: IncomingMessage, role: Role): StateFor | null {
  return prefersState(req.headers.prefer)
    ? { audience: role.kind === 'chair' ? 'chair' : 'control', lists: false }
    : null;
}

/** 200 with the action's answer. RFC 7240: the answer says when it honoured the preference. */
function answerOk(res: ServerResponse, answer: StateFor | null, body: unknown): void {
  if (answer) res.setHeader('Preference-Applied', PREFER_STATE);
  sendJson(res, 200, body);
}

/** A chair PIN acts on its own room's timer and speaker messages only: anything else is logged and refused (403). */
function refuseForChair(c: Call, action: Action, chairRoom: string | null, who: string): void {
  const room = action.room ?? c.show.defaultRoom;
  const step = action.type === 'undo' || action.type === 'redo' ? c.show.historyStep(room, action.type) : null;
  const refusal = chairRefusal(action, room, chairRoom, step);
  if (refusal) {
    c.show.logRefused({ ...action, room }, who, refusal);
    throw new HttpError(403, refusal);
  }
}

/**
 * On a box: the action goes to the central server, which decides, and its answer is the box's. False when the central
 * server cannot be reached: the box acts on its own copy until it is back (then its state wins).
 */
async function forwardToCentral(
  c: Call,
  central: CentralLink,
  action: Action,
  queryPin: string | null,
  answer: StateFor | null,
): Promise<boolean> {
  const { req, res, show } = c;
  // The box checked the PIN (or the operator's session) itself: it vouches with its own PIN, which must be the
  // central server's (a session token means nothing there).
  const auth = c.opts.pin
    ? `Bearer ${c.opts.pin}`
    : (req.headers.authorization ?? (queryPin ? `Bearer ${queryPin}` : null));
  const room = action.room ?? show.defaultRoom;
  const forwarded = await central.forward({ ...action, room }, auth);
  if (!forwarded) return false;
  if (forwarded.status !== 200) sendJson(res, forwarded.status, forwarded.body);
  // This box's state, once it took the central server's (its screens show that one).
  else answerOk(res, answer, answer ? show.state(room, answer.audience, answer.lists) : show.answerFor(room));
  return true;
}

/** What only the AV PIN may see or do: a chair PIN gets 403 naming it. */
function avOnly(role: Role, what: string): void {
  if (role.kind !== 'av') throw new HttpError(403, `${what} is for the AV desk: it needs the AV PIN, not a chair PIN`);
}

/**
 * The role of a request's PIN or session. A right PIN makes a session (a cookie) only for a console that keeps it:
 * a sign-in (`keep`), or a request saying `X-Roomcue-Session: keep` (the views' actions). A button box or curl
 * sends its PIN every time and never sends a cookie back.
 */
async function authorize(
  c: Call,
  queryPin: string | null,
  keep = c.req.headers['x-roomcue-session'] === 'keep',
): Promise<Role> {
  const { req, res } = c;
  // Browsers attach Origin / Sec-Fetch-Site: refuse actions that another page (another site or port) sends.
  if (!sameOrigin(req)) throw new HttpError(403, 'actions from another origin are refused');
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new HttpError(403, 'actions from another site are refused');
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? null;
  const result = c.guard.check(req.socket.remoteAddress ?? 'unknown', bearer ?? queryPin, sessionCookie(req), keep);
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
}

/** A room's id from its id or displayed name; 404 naming the rooms when there is none. */
function roomId(show: Show, query: string): string {
  const match = show.findRoom(query);
  if (!match.ok) throw new HttpError(404, match.message);
  return match.room.id;
}

/** The room of ?room= (default: the show's room). */
const roomParam = (c: Call): string => roomId(c.show, c.url.searchParams.get('room') ?? c.show.defaultRoom);

/** What is not the API: the index, the timing report and the views' files. */
function servePage(c: Call): void {
  const { req, res, path } = c;
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed');
  if (path === '/') return sendHtml(res, 200, indexPage(c.show.program.event.name));
  if (path === '/report') return serveReport(c);
  serveStatic(c);
}

/** A page for a browser: its mistakes are a page too. */
function serveReport(c: Call): void {
  try {
    return sendHtml(c.res, 200, report(c));
  } catch (err) {
    if (err instanceof HttpError) return sendHtml(c.res, err.status, page('Timing report', escapeHtml(err.message)));
    throw err;
  }
}

/** The timing report page of ?day= (required) and ?room= (default: the show's room). */
function report(c: Call): string {
  const { show } = c;
  const day = c.url.searchParams.get('day');
  if (day === null || !/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new HttpError(400, `give the day as ?day=YYYY-MM-DD, e.g. ?day=${show.days[0] ?? '2026-06-29'}`);
  if (!show.days.includes(day))
    throw new HttpError(404, `the program has nothing on ${day}; its days: ${show.days.join(', ')}`);
  const room = roomParam(c);
  return reportPage(show.report(room, day), { rooms: show.program.rooms, days: show.days });
}

/** A view (its index.html) or one of the built files. */
function serveStatic(c: Call): void {
  const { req, res, path } = c;
  const view = VIEWS.find((v) => path === `/${v}` || path === `/${v}/`);
  const file = resolveStatic(c.opts.staticDir, view ? '/index.html' : path, req.headers['accept-encoding']);
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
