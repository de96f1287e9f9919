// A WebSocket stand-in that never opens: a test hands the connection its messages itself, or none (a live link down).
export class SilentSocket {
  static OPEN = 1;
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  send(): void {}
  close(): void {}
}
