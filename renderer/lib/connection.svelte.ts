// The one link of a view to the show server: live state over WebSocket, reconnect with backoff, server clock offset.
import type { StateJson } from '../../core/contract/state.ts';
import { expandState, type WireStateJson } from '../../core/contract/wire.ts';
import { SameItems } from './same-items.ts';

const PING_EVERY_MS = 20_000;
/**
 * A ping with no answer (nor any other message) this long after it: the link is dead though the socket never closed
 * (Wi-Fi gone, a lid shut, an access point restarted), and the screen says so instead of counting from a stale state.
 */
const PONG_WAIT_MS = 5_000;
const MAX_BACKOFF_MS = 10_000;
/** Pings made in the first seconds of a connection, this far apart (ms), to measure the clock well early. */
const EARLY_PINGS = 4;
const EARLY_PING_MS = 1_000;

/** The address of a view's live state: the view (a preview embedded in the control console says so) and its room. */
function socketUrl(view: string, room: string | null): string {
  // A view embedded as a preview in the control console says so, and is not listed as one of the room's screens.
  const preview = new URLSearchParams(location.search).get('preview') === '1';
  const query = new URLSearchParams({ view: preview ? `${view}-preview` : view });
  if (room) query.set('room', room);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws?${query}`;
}

/** A socket the page's entry opened while the view's code was still loading, and what it received meanwhile. */
let early: { url: string; socket: WebSocket; messages: string[] } | null = null;

/**
 * Opens the view's socket at once (main.ts, before the view's code has loaded), so that the first state is on its
 * way, or here, when the view starts: the screen does not wait for its code and then for the server in turn.
 */
export function preconnect(view: string, room: string | null): void {
  const entry = { url: socketUrl(view, room), socket: null as unknown as WebSocket, messages: [] as string[] };
  entry.socket = new WebSocket(entry.url);
  entry.socket.onmessage = (event) => entry.messages.push(String(event.data));
  early = entry;
}

/**
 * The last timer and the last NEXT start the show sent, kept while later states have none. JSON.parse gives each
 * object a hidden class (map) of its fields; a map no live object has is dropped at the next garbage collection, and
 * with it the optimised code of every function that read such objects (a screen's countdown and overtime, run at every
 * tick), compiled again afterwards, day after day, whenever the show had no timer at a collection
 * (docs/performance.md, "Optimised code that a garbage collection drops"). One kept object of each keeps its map,
 * and that code.
 */
const kept: { timer: StateJson['timer']; nextStart: StateJson['nextStart'] } = { timer: null, nextStart: null };
function keepShapes(state: StateJson): void {
  if (state.timer) kept.timer = state.timer;
  if (state.nextStart) kept.nextStart = state.nextStart;
}

/**
 * A mistake in the page's address that the server named (a room the show does not have: a typo in `?room=`, or a room
 * gone from the program): shown over the view (ViewRoot) instead of "Connecting…" for ever, until a socket opens.
 */
export const linkProblem = $state<{ text: string | null }>({ text: null });

export class ShowConnection {
  /** The last state received; kept while offline so the screen never goes blank. */
  state = $state.raw<StateJson | null>(null);
  online = $state(false);
  /** Server clock minus this machine's clock, ms (from the fastest recent ping). */
  offsetMs = $state(0);
  /** Whether `offsetMs` is measured (a ping came back): until then this machine's clock is taken as the server's. */
  clockMeasured = $state(false);
  /**
   * How far off `offsetMs` can be (ms): half the round trip of the ping it comes from (the server read its clock
   * somewhere within that trip). Infinite until a ping came back.
   */
  clockErrorMs = $state(Infinity);
  private socket: WebSocket | null = null;
  private attempts = 0;
  private closed = false;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private earlyPings: ReturnType<typeof setTimeout>[] = [];
  private samples: { rtt: number; offset: number }[] = [];
  /** Messages received on the live socket: a ping's deadline checks that one came after it. */
  private heard = 0;
  private pongDeadline: ReturnType<typeof setTimeout> | undefined;
  /** The unchanged items of each new state are the objects the view already shows (see SameItems). */
  private readonly sameItems = new SameItems();
  /** Until this instant (this machine's clock) a state that comes is kept aside, then read (see `holdStates`). */
  private holdEnd = 0;
  private held: StateJson | null = null;
  private holdTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly view: string,
    readonly room: string | null,
  ) {
    this.connect();
  }

  /**
   * The show's clock now (ms), as the server has it: the real time, or a rehearsal's. Null until the first state
   * says which clock the show runs on: this machine's clock is not the show's (a rehearsal runs on another date).
   */
  showNow(localNow = Date.now()): number | null {
    const clock = this.state?.clock;
    if (!clock) return null;
    return clock.now + (localNow + this.offsetMs - clock.serverTime) * clock.speed;
  }

  /**
   * States that come in the next `ms` (real ms) are read only then, the latest one: a door that has just turned to
   * the next talk by its own clock reads the state pushed at that same instant a moment later (signage/flip.svelte.ts).
   * Pongs are read as they come.
   */
  holdStates(ms: number): void {
    this.holdEnd = Date.now() + ms;
    clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(() => {
      this.holdEnd = 0;
      const held = this.held;
      this.held = null;
      if (held) this.show(held);
    }, ms);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.holdTimer);
    clearInterval(this.pingTimer);
    this.clearEarlyPings();
    clearTimeout(this.pongDeadline);
    clearTimeout(this.retryTimer);
    this.socket?.close();
  }

  private connect(): void {
    const url = socketUrl(this.view, this.room);
    // The socket the page opened early, when it is this view's and still open or opening; else a new one.
    const adopted = early?.url === url && early.socket.readyState <= WebSocket.OPEN ? early : null;
    // One not taken (another room or view) is closed: left open, it would count as a screen and keep every state.
    if (early && !adopted) early.socket.close();
    early = null;
    const socket = adopted?.socket ?? new WebSocket(url);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      linkProblem.text = null;
      this.online = true;
      this.attempts = 0;
      this.ping();
      this.pingTimer = setInterval(() => this.ping(), PING_EVERY_MS);
      // A few more soon after: the first trip is made while the page (and maybe the machine) is busy starting up, and
      // a slow trip can misjudge the clock by half its length (tens of ms) until the next ping, 20 s later.
      for (let i = 1; i <= EARLY_PINGS; i++) this.earlyPings.push(setTimeout(() => this.ping(), i * EARLY_PING_MS));
    };
    socket.onmessage = (event) => this.receive(String(event.data));
    if (adopted) {
      for (const message of adopted.messages) this.receive(message);
      if (socket.readyState === WebSocket.OPEN) socket.onopen(new Event('open'));
    }
    socket.onclose = () => this.lost(opened);
  }

  /** The link is down (closed, or silent past a ping's deadline): offline, and a new socket after a backoff. */
  private lost(opened: boolean): void {
    this.online = false;
    clearInterval(this.pingTimer);
    this.clearEarlyPings();
    clearTimeout(this.pongDeadline);
    if (this.closed) return;
    // Refused before it opened: the server refuses an unknown room; ask it in words (it may also just be away).
    if (!opened && this.room) void this.checkRoom(this.room);
    // 0.5 s, 1 s, 2 s … up to 10 s, with jitter so that a room full of screens does not reconnect in step.
    const delay = Math.min(500 * 2 ** this.attempts++, MAX_BACKOFF_MS) * (0.8 + Math.random() * 0.4);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  /** A socket gone silent: dropped (its late close, if one ever comes, says nothing about the next link). */
  private drop(socket: WebSocket): void {
    if (socket !== this.socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    socket.close();
    this.socket = null;
    this.lost(true);
  }

  /** Sets `linkProblem` when the server says it has no such room (its 404 names the rooms it has). */
  private async checkRoom(room: string): Promise<void> {
    try {
      const res = await fetch(`/api/state?room=${encodeURIComponent(room)}`, { cache: 'no-store' });
      if (res.status !== 404) return;
      const body = (await res.json()) as { error?: unknown };
      if (typeof body.error === 'string' && !this.online && !this.closed) linkProblem.text = body.error.slice(0, 2000);
    } catch {
      // The server is not reachable: "Connecting…" says what there is to say.
    }
  }

  private clearEarlyPings(): void {
    for (const timer of this.earlyPings) clearTimeout(timer);
    this.earlyPings = [];
  }

  private ping(): void {
    const socket = this.socket;
    if (socket?.readyState !== WebSocket.OPEN) return;
    socket.send(JSON.stringify({ type: 'ping', t: Date.now() }));
    const heard = this.heard;
    clearTimeout(this.pongDeadline);
    this.pongDeadline = setTimeout(() => {
      if (this.heard === heard) this.drop(socket);
    }, PONG_WAIT_MS);
  }

  private show(state: StateJson): void {
    this.sameItems.keep(state);
    this.state = state;
    keepShapes(state);
  }

  private receive(text: string): void {
    this.heard++;
    let message: { type?: string; state?: StateJson | WireStateJson; t?: number; serverTime?: number };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.type === 'state' && message.state) {
      // The door's and the chair's pushes write items short (fields equal to their defaults left out): the views read
      // every item in full, as GET /api/state gives it.
      const state = expandState(message.state);
      if (Date.now() < this.holdEnd) this.held = state;
      else this.show(state);
    }
    if (message.type === 'pong' && typeof message.t === 'number' && typeof message.serverTime === 'number') {
      const now = Date.now();
      // NTP-style: the server read its clock halfway through the round trip; the fastest trip is the most exact.
      this.samples = [
        ...this.samples.slice(-7),
        { rtt: now - message.t, offset: message.serverTime - (message.t + now) / 2 },
      ];
      const best = this.samples.reduce((fastest, s) => (s.rtt < fastest.rtt ? s : fastest));
      this.offsetMs = best.offset;
      this.clockErrorMs = best.rtt / 2;
      this.clockMeasured = true;
    }
  }
}
