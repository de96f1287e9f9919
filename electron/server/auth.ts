// Who may act: the PIN, compared in constant time, with repeated failures slowed down per client address.
import { createHash, timingSafeEqual } from 'node:crypto';

const WINDOW_MS = 5 * 60_000;
const FREE_FAILURES = 3;
const LOCKOUT_FAILURES = 20;

export type AuthResult = { ok: true } | { ok: false; status: 401 | 429; message: string; delayMs: number };

export class PinGuard {
  private readonly digest: Buffer | null;
  private readonly failures = new Map<string, { count: number; first: number }>();

  constructor(
    pin: string | null,
    private readonly now: () => number = Date.now,
  ) {
    this.digest = pin === null ? null : sha256(pin);
  }

  get required(): boolean {
    return this.digest !== null;
  }

  /** `offered` is the PIN the client sent (Bearer token or ?pin=), null when none. */
  check(client: string, offered: string | null): AuthResult {
    if (!this.digest) return { ok: true };
    const record = this.record(client);
    if (record && record.count >= LOCKOUT_FAILURES) {
      return {
        ok: false,
        status: 429,
        message: 'too many wrong PINs from this address; wait a few minutes',
        delayMs: 0,
      };
    }
    // Hashing both sides gives equal lengths, so the comparison time says nothing about the PIN.
    if (offered !== null && timingSafeEqual(sha256(offered), this.digest)) {
      this.failures.delete(client);
      return { ok: true };
    }
    const count = (record?.count ?? 0) + 1;
    this.failures.set(client, { count, first: record?.first ?? this.now() });
    const delayMs = count <= FREE_FAILURES ? 0 : Math.min(250 * 2 ** (count - FREE_FAILURES - 1), 4000);
    const message = offered === null ? 'this action needs the PIN: send "Authorization: Bearer <pin>"' : 'wrong PIN';
    return { ok: false, status: 401, message, delayMs };
  }

  private record(client: string) {
    const r = this.failures.get(client);
    if (r && this.now() - r.first > WINDOW_MS) {
      this.failures.delete(client);
      return undefined;
    }
    return r;
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
