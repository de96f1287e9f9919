// The show's clock: the real one, or a rehearsal clock that starts at a chosen instant and may run faster.
import type { ClockJson } from '../core/contract/state.ts';

export interface ShowClock {
  now(): number;
  readonly speed: number;
  readonly rehearsal: boolean;
  /** Real milliseconds until the show clock reaches `instant`. */
  realDelayUntil(instant: number): number;
  json(): ClockJson;
}

export function createClock(opts: { startAt?: number; speed?: number; realNow?: () => number } = {}): ShowClock {
  const realNow = opts.realNow ?? Date.now;
  const speed = opts.speed ?? 1;
  const rehearsal = opts.startAt !== undefined || speed !== 1;
  const realAnchor = realNow();
  const showAnchor = opts.startAt ?? realAnchor;
  const now = () => (rehearsal ? showAnchor + (realNow() - realAnchor) * speed : realNow());
  return {
    now,
    speed,
    rehearsal,
    realDelayUntil: (instant) => Math.max(0, (instant - now()) / speed),
    json: () => ({ now: now(), serverTime: realNow(), speed, rehearsal }),
  };
}

/** A room box's clock: it shows what its central server's clock shows (a rehearsal's time and speed, or real time). */
export interface FollowingClock extends ShowClock {
  /**
   * Takes a reading of the central server's clock, made about `realAt` (this machine's real clock) give or take
   * `uncertaintyMs` (half the request's round trip). True when the box's clock changed: a rehearsal started, ended,
   * changed speed, or its time moved by more than the reading can tell (the central server restarted with another
   * `--at`); the screens then need a new state.
   */
  follow(central: ClockJson | null, realAt: number, uncertaintyMs?: number): boolean;
}

/** Within this much real time (beyond a reading's own uncertainty), a reading confirms the box's clock as it runs. */
const FOLLOW_TOLERANCE_MS = 50;

export function createFollowingClock(opts: { realNow?: () => number } = {}): FollowingClock {
  const realNow = opts.realNow ?? Date.now;
  // show = showAnchor + (real - realAnchor) * speed while rehearsing; the real clock otherwise.
  let rehearsal = false;
  let speed = 1;
  let showAnchor = 0;
  let realAnchor = 0;
  const showAt = (real: number) => (rehearsal ? showAnchor + (real - realAnchor) * speed : real);
  const now = () => showAt(realNow());
  return {
    now,
    get speed() {
      return speed;
    },
    get rehearsal() {
      return rehearsal;
    },
    realDelayUntil: (instant) => Math.max(0, (instant - now()) / speed),
    json: () => ({ now: now(), serverTime: realNow(), speed, rehearsal }),
    follow(central, realAt, uncertaintyMs = 0) {
      if (!central || !central.rehearsal) {
        const changed = rehearsal;
        rehearsal = false;
        speed = 1;
        return changed;
      }
      const sameRun = rehearsal && speed === central.speed;
      if (sameRun && Math.abs(showAt(realAt) - central.now) / speed <= uncertaintyMs + FOLLOW_TOLERANCE_MS)
        return false;
      rehearsal = true;
      speed = central.speed;
      showAnchor = central.now;
      realAnchor = realAt;
      return true;
    },
  };
}
