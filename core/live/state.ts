// The live show state: what operators changed on top of the program, as absolute instants (never a ticking counter).
import type { Instant } from '../time.ts';

export interface TimerState {
  itemId: string;
  /** When the item really started. */
  startedAt: Instant;
  /** Set while paused. */
  pausedAt: Instant | null;
  /** Total time spent paused before `pausedAt`. */
  pausedMs: number;
  /** Time added (negative: removed) by the chair or AV. */
  addedMs: number;
}

export interface Message {
  text: string;
  setAt: Instant;
  until: Instant | null;
}

export interface Delay {
  minutes: number;
  /** Items of `day` that start at or after this instant run late; the one on at this instant ends late. */
  from: Instant;
  day: string;
}

export interface RoomLive {
  /** follow: the clock decides what is on; manual: AV pinned `manualItemId`. */
  mode: 'follow' | 'manual';
  manualItemId: string | null;
  timer: TimerState | null;
  delay: Delay | null;
  messages: { speaker: Message | null; public: Message | null };
  blackout: boolean;
}

export interface LiveState {
  /** How many actions were applied; lets clients and tests tell states apart. */
  seq: number;
  rooms: Record<string, RoomLive>;
}

export const emptyRoom = (): RoomLive => ({
  mode: 'follow',
  manualItemId: null,
  timer: null,
  delay: null,
  messages: { speaker: null, public: null },
  blackout: false,
});

export const emptyLive = (): LiveState => ({ seq: 0, rooms: {} });
