// A WebSocket stand-in that never opens: a test hands the connection its messages itself, or none (a live link down).
import { afterEach, beforeEach, vi } from 'vitest';
export class SilentSocket {
  static OPEN = 1;
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  send(): void {}
  close(): void {}
}

/**
 * The page of a test: at http://127.0.0.1:1, its WebSocket a `Socket`, each one the connection opens put in `made`
 * (stubbed globals: the test's afterEach undoes them with `vi.unstubAllGlobals()`).
 */
export function stubPageSockets<T extends SilentSocket>(Socket: new () => T, made: T[]): void {
  vi.stubGlobal('location', { search: '', protocol: 'http:', host: '127.0.0.1:1' });
  vi.stubGlobal(
    'WebSocket',
    class extends (Socket as new () => SilentSocket) {
      constructor() {
        super();
        made.push(this as unknown as T);
      }
    },
  );
}

/**
 * Each test of the file on a page of its own (`stubPageSockets`) with fake timers from `now` (by default the real
 * clock's): the sockets its connections open are in the list returned, emptied before each test.
 */
export function fakePageEachTest<T extends SilentSocket>(
  now?: number,
  Socket: new () => T = SilentSocket as unknown as new () => T,
): T[] {
  const sockets: T[] = [];
  beforeEach(() => {
    vi.useFakeTimers({
      ...(now === undefined ? {} : { now }),
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
    sockets.length = 0;
    stubPageSockets(Socket, sockets);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  return sockets;
}
