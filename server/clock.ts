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
