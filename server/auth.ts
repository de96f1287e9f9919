// Who may act: the PIN, compared in constant time; guessing is capped per address and, above all, for the whole
// server, while a console that already gave the right PIN keeps a session that works through any lockout.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isLoopback } from './state-dir.ts';

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

/** Below this many characters a PIN on the network can be found by guessing within days: see docs/api.md. */
export const ADVISED_PIN_LENGTH = 6;

/** The warning `roomcue serve` and the kiosk app give at start for a short PIN on a network host; null when none. */
export function shortPinWarning(host: string, pin: string | null): string | null {
  if (pin === null || isLoopback(host) || pin.length >= ADVISED_PIN_LENGTH) return null;
  return `warning: a ${pin.length}-character PIN on the network can be guessed within days even with the server's limits; use ${ADVISED_PIN_LENGTH} digits or more (see docs/api.md, Security)`;
}

/** Who a right PIN (or its session) is: the AV desk, or a chair (of one room, or of every room when null). */
export type Role = { kind: 'av' } | { kind: 'chair'; room: string | null };
export const AV: Role = { kind: 'av' };

/** A chair PIN: for one room, or for every room (`room` null). */
export interface ChairPin {
  pin: string;
  room: string | null;
}

/** `PIN` (every room) or `ROOM=PIN,ROOM=PIN` (room ids or names, resolved when the show starts). */
export function parseChairPins(text: string): { ok: true; pins: ChairPin[] } | { ok: false; error: string } {
  const pins: ChairPin[] = [];
  for (const part of text.split(',')) {
    const m = /^(?:([^=]+)=)?(\S{4,64})$/.exec(part.trim());
    if (!m || (part.includes('=') && !m[1]?.trim()))
      return { ok: false, error: `"${part}" is not PIN or ROOM=PIN (4 to 64 characters without spaces)` };
    pins.push({ room: m[1]?.trim() ?? null, pin: m[2]! });
  }
  return { ok: true, pins };
}

export type AuthResult =
  | { ok: true; role: Role; /** A new session token, when this request gave the right PIN. */ session?: string }
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
  /** The wrong PINs checked within the last hour, from every address: when, and from where. */
  private wrong: { at: number; client: string }[] = [];
  /** Whether the server-wide cap holding now was told to the operator (once per time it starts to hold). */
  private capTold = false;
  /** Session token digests → expiry and role. */
  private readonly sessions = new Map<string, { expires: number; role: Role }>();
  private readonly chairs: { digest: Buffer; role: Role }[];

  /**
   * `tell` gets one line for the operator when guessing is noticed: an address locked out, the server-wide cap
   * starting to hold (the server prints it).
   */
  constructor(
    pin: string | null,
    private readonly now: () => number = Date.now,
    chairPins: readonly ChairPin[] = [],
    private readonly tell: (line: string) => void = () => {},
  ) {
    this.digest = pin === null ? null : sha256(pin);
    this.chairs = chairPins.map((c) => ({ digest: sha256(c.pin), role: { kind: 'chair', room: c.room } }));
  }

  /** Whether chair PINs were given (the control's chair link then hands out the chair PIN, never the AV one). */
  get roles(): boolean {
    return this.chairs.length > 0;
  }

  /** The role a PIN gives, if it is one of the right ones; every PIN is compared, in constant time each. */
  private roleOf(offered: string): Role | null {
    const digest = sha256(offered);
    let role: Role | null = null;
    if (this.digest && timingSafeEqual(digest, this.digest)) role = AV;
    for (const c of this.chairs) if (timingSafeEqual(digest, c.digest) && role === null) role = c.role;
    return role;
  }

  get required(): boolean {
    return this.digest !== null;
  }

  /**
   * `offered` is the PIN the client sent (Bearer token or ?pin=), null when none; `session` the session token its
   * browser holds (a cookie), if any. `wantsSession`: whether a right PIN makes a session (a console that keeps its
   * cookie asks for one); a client that sends its PIN every time (a button box, curl) never sends a session back, and
   * a session per request would fill the table until the oldest, a signed-in console's, went.
   */
  check(client: string, offered: string | null, session: string | null = null, wantsSession = true): AuthResult {
    if (!this.digest) return { ok: true, role: AV };
    const now = this.now();
    const held = session !== null ? this.validSession(session, now) : null;
    if (held) {
      // A console that gave a right PIN keeps acting through any lockout. The PIN it sends with the session decides
      // when it is another right one (the AV desk and a chair tab in one browser share the cookie); a wrong one
      // counts as a guess like any other, and the session keeps its own role.
      if (offered === null || this.blocked(client, now)) return { ok: true, role: held };
      const role = this.roleOf(offered);
      if (role) {
        this.failures.delete(client);
        return sameRole(role, held) || !wantsSession
          ? { ok: true, role }
          : { ok: true, role, session: this.newSession(now, role) };
      }
      this.countWrong(client, this.record(client, now), now);
      return { ok: true, role: held };
    }
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
      if (!this.capTold) {
        this.capTold = true;
        this.tell(
          `${this.capReason(now)}: every PIN is refused unchecked (429) for ${wait}; consoles already signed in keep working`,
        );
      }
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
    const role = this.roleOf(offered);
    if (role) {
      this.failures.delete(client);
      return wantsSession ? { ok: true, role, session: this.newSession(now, role) } : { ok: true, role };
    }
    this.countWrong(client, record, now);
    const delayMs =
      record.count <= FREE_FAILURES ? 0 : Math.min(250 * 2 ** (record.count - FREE_FAILURES - 1), MAX_DELAY_MS);
    return { ok: false, status: 401, message: 'wrong PIN', delayMs };
  }

  private countWrong(client: string, record: Failures, now: number): void {
    this.wrong.push({ at: now, client });
    record.count += 1;
    if (record.count >= LOCKOUT_AFTER) {
      record.lockouts += 1;
      const lockout = Math.min(FIRST_LOCKOUT_MS * 2 ** (record.lockouts - 1), MAX_LOCKOUT_MS);
      record.lockedUntil = now + lockout;
      record.count = 0;
      record.first = now;
      this.tell(`${LOCKOUT_AFTER} wrong PINs from ${client}: that address is refused for ${lockout / 60_000} min`);
    }
  }

  /** Which server-wide cap holds: "30 wrong PINs within a minute from 12 addresses". */
  private capReason(now: number): string {
    const lastMinute = this.wrong.filter((w) => w.at > now - 60_000);
    const [within, list] =
      lastMinute.length >= GLOBAL_WRONG_PER_MINUTE ? ['a minute', lastMinute] : ['an hour', this.wrong];
    const addresses = new Set(list.map((w) => w.client)).size;
    return `${list.length} wrong PINs within ${within} from ${addresses} address${addresses === 1 ? '' : 'es'}`;
  }

  /** Whether a PIN from `client` would be refused unchecked now (its lockout, or the server-wide caps). */
  private blocked(client: string, now: number): boolean {
    const known = this.failures.get(client);
    return (known !== undefined && known.lockedUntil > now) || this.globalWait(now) > 0;
  }

  /** How long until one more wrong PIN may be checked under the server-wide caps (0: now). */
  private globalWait(now: number): number {
    const hourAgo = now - 60 * 60_000;
    let drop = 0;
    while (drop < this.wrong.length && this.wrong[drop]!.at <= hourAgo) drop++;
    if (drop) this.wrong = this.wrong.slice(drop);
    const n = this.wrong.length;
    let wait = 0;
    if (n >= GLOBAL_WRONG_PER_HOUR) wait = this.wrong[n - GLOBAL_WRONG_PER_HOUR]!.at + 60 * 60_000 - now;
    if (n >= GLOBAL_WRONG_PER_MINUTE) wait = Math.max(wait, this.wrong[n - GLOBAL_WRONG_PER_MINUTE]!.at + 60_000 - now);
    if (wait <= 0) this.capTold = false;
    return Math.max(0, wait);
  }

  private newSession(now: number, role: Role): string {
    const token = randomBytes(32).toString('base64url');
    if (this.sessions.size >= MAX_SESSIONS) {
      for (const [key, { expires }] of this.sessions) if (expires <= now) this.sessions.delete(key);
      // Still full: the oldest session goes (Map keeps insertion order).
      if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    }
    this.sessions.set(sha256(token).toString('hex'), { expires: now + SESSION_MS, role });
    return token;
  }

  /** The role of a live session, or null. */
  private validSession(token: string, now: number): Role | null {
    if (token.length > 100) return null;
    const key = sha256(token).toString('hex');
    const session = this.sessions.get(key);
    if (session === undefined) return null;
    if (session.expires <= now) {
      this.sessions.delete(key);
      return null;
    }
    return session.role;
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

function sameRole(a: Role, b: Role): boolean {
  return a.kind === b.kind && (a.kind === 'av' || a.room === (b as { room: string | null }).room);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
