// The one link of a view to the show server: live state over WebSocket, reconnect with backoff, server clock offset.
import type { StateJson } from '../../core/contract/state.ts';

const PING_EVERY_MS = 20_000;
const MAX_BACKOFF_MS = 10_000;

export class ShowConnection {
  /** The last state received; kept while offline so the screen never goes blank. */
  state = $state.raw<StateJson | null>(null);
  online = $state(false);
  /** Server clock minus this machine's clock, ms (from the fastest recent ping). */
  offsetMs = $state(0);
  private socket: WebSocket | null = null;
  private attempts = 0;
  private closed = false;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private samples: { rtt: number; offset: number }[] = [];

  constructor(
    readonly view: string,
    readonly room: string | null,
  ) {
    this.connect();
  }

  /** The show's clock now (ms), as the server has it: the real time, or a rehearsal's. */
  showNow(localNow = Date.now()): number {
    const clock = this.state?.clock;
    if (!clock) return localNow + this.offsetMs;
    return clock.now + (localNow + this.offsetMs - clock.serverTime) * clock.speed;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.pingTimer);
    clearTimeout(this.retryTimer);
    this.socket?.close();
  }

  private connect(): void {
    // A view embedded as a preview in the control console says so, and is not listed as one of the room's screens.
    const preview = new URLSearchParams(location.search).get('preview') === '1';
    const query = new URLSearchParams({ view: preview ? `${this.view}-preview` : this.view });
    if (this.room) query.set('room', this.room);
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws?${query}`);
    this.socket = socket;
    socket.onopen = () => {
      this.online = true;
      this.attempts = 0;
      this.ping();
      this.pingTimer = setInterval(() => this.ping(), PING_EVERY_MS);
    };
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onclose = () => {
      this.online = false;
      clearInterval(this.pingTimer);
      if (this.closed) return;
      // 0.5 s, 1 s, 2 s … up to 10 s, with jitter so that a room full of screens does not reconnect in step.
      const delay = Math.min(500 * 2 ** this.attempts++, MAX_BACKOFF_MS) * (0.8 + Math.random() * 0.4);
      this.retryTimer = setTimeout(() => this.connect(), delay);
    };
  }

  private ping(): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'ping', t: Date.now() }));
  }

  private receive(text: string): void {
    let message: { type?: string; state?: StateJson; t?: number; serverTime?: number };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.type === 'state' && message.state) this.state = message.state;
    if (message.type === 'pong' && typeof message.t === 'number' && typeof message.serverTime === 'number') {
      const now = Date.now();
      // NTP-style: the server read its clock halfway through the round trip; the fastest trip is the most exact.
      this.samples = [
        ...this.samples.slice(-7),
        { rtt: now - message.t, offset: message.serverTime - (message.t + now) / 2 },
      ];
      this.offsetMs = this.samples.reduce((best, s) => (s.rtt < best.rtt ? s : best)).offset;
    }
  }
}
