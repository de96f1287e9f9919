// Slow clients are cut at the documented times: the headers within 5 s, the whole request within 10 s.
//
// Node's own headersTimeout and requestTimeout are checked only once per connectionsCheckingInterval, and only on
// connections that keep sending: a client that sends part of its headers (or declares a body) and then goes silent
// held its connection for ever (seen: still open after 60 s). So every HTTP connection carries one clock of ours,
// from its first byte's moment (the connection) for the first request and from the end of the previous response for
// the next one on a kept-alive connection. A WebSocket takes its socket over and manages it itself.
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

export interface SlowClientLimits {
  /** The request line and headers must have come within this many ms. */
  headersMs: number;
  /** The whole request (headers and body) must have come within this many ms. */
  requestMs: number;
}

const TIMEOUT_ANSWER = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

interface Clock {
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The request being received, once its headers have come. */
  req: IncomingMessage | null;
}

export function guardSlowClients(server: Server, limits: SlowClientLimits): void {
  const clocks = new WeakMap<Socket, Clock>();

  const cut = (socket: Socket) => {
    if (socket.destroyed) return;
    // Nothing of an answer was sent yet: say why before closing (as Node does on its own timeouts).
    if (socket.writable && socket.bytesWritten === 0) socket.write(TIMEOUT_ANSWER);
    socket.destroy();
  };

  /** Starts the clock of the next request on this socket: its headers due in headersMs, all of it in requestMs. */
  const start = (socket: Socket, clock: Clock, idleMs: number) => {
    clearTimeout(clock.timer);
    clock.req = null;
    const headersDue = idleMs + limits.headersMs;
    const requestDue = idleMs + limits.requestMs;
    const t0 = Date.now();
    const check = (): void => {
      clock.timer = undefined;
      const req = clock.req;
      if (req === null) return cut(socket); // the headers never came
      if (req.complete) return; // received in time; the answer is ours to give
      const left = requestDue - (Date.now() - t0);
      if (left <= 0) return cut(socket);
      clock.timer = setTimeout(check, left).unref();
    };
    clock.timer = setTimeout(check, headersDue).unref();
  };

  server.on('connection', (socket: Socket) => {
    const clock: Clock = { timer: undefined, req: null };
    clocks.set(socket, clock);
    start(socket, clock, 0);
    socket.once('close', () => clearTimeout(clock.timer));
  });

  server.on('request', (req: IncomingMessage, res) => {
    const socket = req.socket;
    const clock = clocks.get(socket);
    if (!clock) return;
    clock.req = req;
    // A kept-alive connection may send its next request after the answer: a new clock, counted from then (Node closes
    // a connection idle for keepAliveTimeout, so the idle time before its first byte is at most that).
    res.once('finish', () => {
      if (!socket.destroyed && clocks.get(socket) === clock) start(socket, clock, server.keepAliveTimeout);
    });
  });

  server.on('upgrade', (req: IncomingMessage) => {
    const clock = clocks.get(req.socket);
    if (!clock) return;
    clearTimeout(clock.timer);
    clocks.delete(req.socket);
  });
}
