// Who may act: the PIN, compared in constant time; guessing is capped per address and, above all, for the whole
// server, while a console that already gave the right PIN keeps a session that works through any lockout.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Per address: the first 3 wrong PINs are answered at once, then each waits longer (250 ms … 4 s). */
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 4000;
/** Per address: the 10th wrong PIN within 5 minutes locks it out for 1 min, then 2, 4 … 60. */
const WINDOW_MS = 5 * 60_000;
const LOCKOUT_AFTER = 10;
const FIRST_LOCKOUT_MS = 60_000;
const MAX_LOCKOUT_MS = 60 * 60_000;
/**
 * For the whole server, whatever the number of addresses: at most this many wrong PINs are checked per minute and
 * per hour; beyond, every PIN is refused unchecked (429) until the window frees up.
 */
export const GLOBAL_WRONG_PER_MINUTE = 30;
export const GLOBAL_WRONG_PER_HOUR = 200;
/** A session given for a right PIN lasts this long (a show day and its night). */
export const SESSION_MS = 24 * 60 * 60_000;
const MAX_SESSIONS = 1000;
const MAX_ADDRESSES = 10_000;

export type AuthResult =
  | { ok: true; /** A new session token, when this request gave the right PIN. */ session?: string }
  | { ok: false; status: 401 | 429; message: string; delayMs: number };

interface Failures {
  count: number;
  first: number;
  lockouts: number;
  lockedUntil: number;
}

export class PinGuard {
  private readonly digest: Buffer | null;
  private readonly failures = new Map<string, Failures>();
  /** Instants of the wrong PINs checked within the last hour, from every address. */
  private wrong: number[] = [];
  /** Session token digests → expiry. */
  private readonly sessions = new Map<string, number>();

  constructor(
    pin: string | null,
    private readonly now: () => number = Date.now,
  ) {
    this.digest = pin === null ? null : sha256(pin);
  }

  get required(): boolean {
    return this.digest !== null;
  }

  /**
   * `offered` is the PIN the client sent (Bearer token or ?pin=), null when none; `session` the session token its
   * browser holds (a cookie), if any.
   */
  check(client: string, offered: string | null, session: string | null = null): AuthResult {
    if (!this.digest) return { ok: true };
    const now = this.now();
    if (session !== null && this.validSession(session, now)) return { ok: true };
    const known = this.failures.get(client);
    if (known && known.lockedUntil > now) {
      const minutes = Math.ceil((known.lockedUntil - now) / 60_000);
      return {
        ok: false,
        status: 429,
        message: `too many wrong PINs from this address; try again in ${minutes} min`,
        delayMs: 0,
      };
    }
    const globalWait = this.globalWait(now);
    if (globalWait > 0) {
      // The PIN is not even compared: a guesser learns nothing while the cap holds.
      const wait = globalWait < 60_000 ? `${Math.ceil(globalWait / 1000)} s` : `${Math.ceil(globalWait / 60_000)} min`;
      return {
        ok: false,
        status: 429,
        message: `too many wrong PINs on this server; try again in ${wait} (a console already signed in keeps working)`,
        delayMs: 0,
      };
    }
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
    if (offered === null) {
      // A client that sent no PIN is not guessing: tell it what is needed without counting a failure.
      return {
        ok: false,
        status: 401,
        message: 'this action needs the PIN: send "Authorization: Bearer <pin>"',
        delayMs: 0,
      };
    }
    // Hashing both sides gives equal lengths, so the comparison time says nothing about the PIN.
    if (timingSafeEqual(sha256(offered), this.digest)) {
      this.failures.delete(client);
      return { ok: true, session: this.newSession(now) };
    }
    this.wrong.push(now);
    record.count += 1;
    if (record.count >= LOCKOUT_AFTER) {
      record.lockouts += 1;
      record.lockedUntil = now + Math.min(FIRST_LOCKOUT_MS * 2 ** (record.lockouts - 1), MAX_LOCKOUT_MS);
      record.count = 0;
      record.first = now;
    }
    const delayMs =
      record.count <= FREE_FAILURES ? 0 : Math.min(250 * 2 ** (record.count - FREE_FAILURES - 1), MAX_DELAY_MS);
    return { ok: false, status: 401, message: 'wrong PIN', delayMs };
  }

  /** How long until one more wrong PIN may be checked under the server-wide caps (0: now). */
  private globalWait(now: number): number {
    const hourAgo = now - 60 * 60_000;
    let drop = 0;
    while (drop < this.wrong.length && this.wrong[drop]! <= hourAgo) drop++;
    if (drop) this.wrong = this.wrong.slice(drop);
    const n = this.wrong.length;
    let wait = 0;
    if (n >= GLOBAL_WRONG_PER_HOUR) wait = this.wrong[n - GLOBAL_WRONG_PER_HOUR]! + 60 * 60_000 - now;
    if (n >= GLOBAL_WRONG_PER_MINUTE) wait = Math.max(wait, this.wrong[n - GLOBAL_WRONG_PER_MINUTE]! + 60_000 - now);
    return Math.max(0, wait);
  }

  private newSession(now: number): string {
    const token = randomBytes(32).toString('base64url');
    if (this.sessions.size >= MAX_SESSIONS) {
      for (const [key, expires] of this.sessions) if (expires <= now) this.sessions.delete(key);
      // Still full: the oldest session goes (Map keeps insertion order).
      if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    }
    this.sessions.set(sha256(token).toString('hex'), now + SESSION_MS);
    return token;
  }

  private validSession(token: string, now: number): boolean {
    if (token.length > 100) return false;
    const key = sha256(token).toString('hex');
    const expires = this.sessions.get(key);
    if (expires === undefined) return false;
    if (expires <= now) {
      this.sessions.delete(key);
      return false;
    }
    return true;
  }

  private record(client: string, now: number): Failures {
    if (this.failures.size >= MAX_ADDRESSES) this.sweep(now);
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

  /**
   * Forgets addresses that stopped trying, then the oldest ones, so the table cannot grow without end (the
   * server-wide cap, not this table, is what bounds guessing).
   */
  private sweep(now: number): void {
    for (const [client, r] of this.failures) {
      if (r.lockedUntil <= now && now - r.first > WINDOW_MS) this.failures.delete(client);
    }
    for (const client of this.failures.keys()) {
      if (this.failures.size < MAX_ADDRESSES / 2) break;
      this.failures.delete(client);
    }
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
