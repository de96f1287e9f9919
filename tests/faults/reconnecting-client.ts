// A WebSocket client that reconnects like the views do (renderer/lib/connection.svelte.ts): 0.5 s, 1 s, 2 s … 10 s.
import WebSocket from 'ws';
import type { StateJson } from '../../core/contract/state.ts';

const MAX_BACKOFF_MS = 10_000;

export interface ReceivedState {
  state: StateJson;
  /** Which connection delivered it (1 for the first, 2 after the first reconnect, …). */
  connection: number;
  receivedAt: number;
}

export class ReconnectingClient {
  readonly states: ReceivedState[] = [];
  /** Date.now() of every successful open. */
  readonly opens: number[] = [];
  online = false;
  private socket: WebSocket | null = null;
  private attempts = 0;
  private closed = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly url: string,
    private readonly query: string,
  ) {
    this.connect();
  }

  get last(): ReceivedState | undefined {
    return this.states[this.states.length - 1];
  }

  /** Resolves with the first received state (from the start) that matches. */
  next(predicate: (r: ReceivedState) => boolean, timeoutMs = 5000): Promise<ReceivedState> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.states.find(predicate);
        if (!found) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const seen = this.states.map((r) => `#${r.connection} seq ${r.state.seq}`).join(', ');
        reject(new Error(`no matching state within ${timeoutMs} ms (got: ${seen || 'nothing'})`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.socket?.terminate();
  }

  private connect(): void {
    const socket = new WebSocket(`${this.url.replace(/^http/, 'ws')}/ws?${this.query}`);
    this.socket = socket;
    socket.on('open', () => {
      this.online = true;
      this.attempts = 0;
      this.opens.push(Date.now());
    });
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; state?: StateJson };
      if (message.type !== 'state' || !message.state) return;
      this.states.push({ state: message.state, connection: this.opens.length, receivedAt: Date.now() });
      for (const waiter of [...this.waiters]) waiter();
    });
    socket.on('error', () => {}); // a refused connection: 'close' follows and schedules the retry
    socket.on('close', () => {
      this.online = false;
      if (this.closed) return;
      const delay = Math.min(500 * 2 ** this.attempts++, MAX_BACKOFF_MS) * (0.8 + Math.random() * 0.4);
      this.retry = setTimeout(() => this.connect(), delay);
    });
  }
}
