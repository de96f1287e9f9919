// Who may act: the PIN, compared in constant time; wrong PINs are slowed down, then locked out for longer and longer.
import { createHash, timingSafeEqual } from 'node:crypto';

const WINDOW_MS = 5 * 60_000;
const FREE_FAILURES = 3;
const LOCKOUT_AFTER = 10;
const FIRST_LOCKOUT_MS = 60_000;
const MAX_LOCKOUT_MS = 60 * 60_000;
/** Failures from all addresses in one window beyond which every wrong PIN waits the longest delay. */
const GLOBAL_SLOWDOWN_AFTER = 100;
const MAX_DELAY_MS = 4000;

export type AuthResult = { ok: true } | { ok: false; status: 401 | 429; message: string; delayMs: number };

interface Record {
  count: number;
  first: number;
  lockouts: number;
  lockedUntil: number;
}

export class PinGuard {
  private readonly digest: Buffer | null;
  private readonly failures = new Map<string, Record>();
  private recent: number[] = [];

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
    const now = this.now();
    const record = this.record(client, now);
    if (record.lockedUntil > now) {
      const minutes = Math.ceil((record.lockedUntil - now) / 60_000);
      return {
        ok: false,
        status: 429,
        message: `too many wrong PINs from this address; try again in ${minutes} min`,
        delayMs: 0,
      };
    }
    // Hashing both sides gives equal lengths, so the comparison time says nothing about the PIN.
    if (offered !== null && timingSafeEqual(sha256(offered), this.digest)) {
      this.failures.delete(client);
      return { ok: true };
    }
    if (offered === null) {
      // A client that sent no PIN is not guessing: tell it what is needed without counting a failure.
      return {
        ok: false,
        status: 401,
        message: 'this action needs the PIN: send "Authorization: Bearer <pin>"',
        delayMs: 0,
      };
    }
    record.count += 1;
    this.recent = this.recent.filter((t) => now - t < WINDOW_MS);
    this.recent.push(now);
    if (record.count >= LOCKOUT_AFTER) {
      // Each lockout lasts twice the previous one, so guessing a PIN takes years, not hours.
      record.lockouts += 1;
      record.lockedUntil = now + Math.min(FIRST_LOCKOUT_MS * 2 ** (record.lockouts - 1), MAX_LOCKOUT_MS);
      record.count = 0;
      record.first = now;
    }
    const local =
      record.count <= FREE_FAILURES ? 0 : Math.min(250 * 2 ** (record.count - FREE_FAILURES - 1), MAX_DELAY_MS);
    const delayMs = this.recent.length > GLOBAL_SLOWDOWN_AFTER ? MAX_DELAY_MS : local;
    return { ok: false, status: 401, message: 'wrong PIN', delayMs };
  }

  private record(client: string, now: number): Record {
    if (this.failures.size > 10_000) this.sweep(now);
    let r = this.failures.get(client);
    if (r && now - r.first > WINDOW_MS && r.lockedUntil <= now) {
      r.count = 0;
      r.first = now;
    }
    if (!r) {
      r = { count: 0, first: now, lockouts: 0, lockedUntil: 0 };
      this.failures.set(client, r);
    }
    return r;
  }

  /** Forgets addresses that stopped trying, so the table cannot grow without end. */
  private sweep(now: number): void {
    for (const [client, r] of this.failures) {
      if (r.lockedUntil <= now && now - r.first > MAX_LOCKOUT_MS) this.failures.delete(client);
    }
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
