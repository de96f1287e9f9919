// A link that dies without closing (a tablet's Wi-Fi drops, a laptop's lid shuts, an access point restarts): no close
// ever comes, pushes stop, and the screen must say it is no longer live instead of counting on from a stale state.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { ShowConnection } from '../../renderer/lib/connection.svelte.ts';
import { SilentSocket, fakePageEachTest } from './silent-socket.ts';

class LinkSocket extends SilentSocket {
  sent: string[] = [];
  closed = false;
  override send(text?: string): void {
    this.sent.push(String(text));
  }
  override close(): void {
    this.closed = true;
  }
  open(): void {
    this.readyState = 1;
    this.onopen!();
  }
  /** The server's answer to the last ping. */
  pong(): void {
    const ping = JSON.parse(this.sent.at(-1)!) as { t: number };
    this.onmessage!({ data: JSON.stringify({ type: 'pong', t: ping.t, serverTime: Date.now() }) });
  }
  pings(): number {
    return this.sent.filter((s) => s.includes('"ping"')).length;
  }
}

const sockets = fakePageEachTest(undefined, LinkSocket);
beforeEach(() => vi.stubGlobal('fetch', () => Promise.reject(new Error('offline'))));

describe('a live link that goes silent without closing', () => {
  test('is taken as lost when a ping gets no answer: the screen says it is offline and a new socket is opened', () => {
    const connection = new ShowConnection('chair', null);
    const first = sockets[0]!;
    first.open();
    // The first pings of a connection are answered: it is live.
    for (let i = 0; i < 5; i++) {
      first.pong();
      vi.advanceTimersByTime(1000);
    }
    first.pong();
    expect(connection.online).toBe(true);
    // The Wi-Fi drops: nothing comes back any more, and the browser never fires "close".
    vi.advanceTimersByTime(30_000);
    expect(first.pings()).toBeGreaterThan(5);
    expect(connection.online).toBe(false);
    expect(first.closed).toBe(true);
    // It tries again on its own, as after a close.
    vi.advanceTimersByTime(1_000);
    expect(sockets.length).toBe(2);
    connection.close();
  });

  test('a link whose pings are answered stays live, pings after pings', () => {
    const connection = new ShowConnection('chair', null);
    const socket = sockets[0]!;
    socket.open();
    for (let i = 0; i < 120; i++) {
      vi.advanceTimersByTime(500);
      if (socket.sent.length && socket.pings() > 0) socket.pong();
    }
    expect(connection.online).toBe(true);
    expect(sockets.length).toBe(1);
    expect(socket.closed).toBe(false);
    connection.close();
  });

  test('a lost link that was dropped does not count twice when its late close comes', () => {
    const connection = new ShowConnection('chair', null);
    const first = sockets[0]!;
    first.open();
    vi.advanceTimersByTime(60_000);
    expect(connection.online).toBe(false);
    vi.advanceTimersByTime(1_000);
    const second = sockets[1]!;
    second.open();
    expect(connection.online).toBe(true);
    // The old socket's close, minutes later, says nothing about the new link.
    first.onclose?.();
    expect(connection.online).toBe(true);
    expect(sockets.length).toBe(2);
    connection.close();
  });
});
