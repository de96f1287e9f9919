// The live show state: what operators changed on top of the program, as absolute instants (never a ticking counter).
// One zod schema gives the types and validates a state read back from disk.
import { z } from 'zod';
import { dict } from '../own.ts';

const instant = z.number().finite();

const TimerState = z.object({
  itemId: z.string(),
  /** When the item really started. */
  startedAt: instant,
  /** Set while paused. */
  pausedAt: instant.nullable(),
  /** Total time spent paused before `pausedAt`. */
  pausedMs: z.number(),
  /** Time added (negative: removed) by the chair or AV. */
  addedMs: z.number(),
  /** Whether the rest of the day follows this item's real end (false for AV's jumps, which say nothing of it). */
  movesDay: z.boolean(),
});

const Message = z.object({ text: z.string(), setAt: instant, until: instant.nullable() });

const Delay = z.object({
  minutes: z.number().int(),
  /** Items of `day` that start at or after this instant run late; the one on at this instant ends late. */
  from: instant,
  day: z.string(),
});

const RoomLive = z.object({
  /** follow: the clock decides what is on; manual: AV pinned `manualItemId`. */
  mode: z.enum(['follow', 'manual']),
  manualItemId: z.string().nullable(),
  timer: TimerState.nullable(),
  delay: Delay.nullable(),
  messages: z.object({ speaker: Message.nullable(), public: Message.nullable() }),
  blackout: z.boolean(),
});

const LiveState = z.object({
  /** How many actions were applied; lets clients and tests tell states apart. */
  seq: z.number().int().min(0),
  rooms: z.record(z.string(), RoomLive),
});

export type TimerState = z.infer<typeof TimerState>;
export type Message = z.infer<typeof Message>;
export type Delay = z.infer<typeof Delay>;
export type RoomLive = z.infer<typeof RoomLive>;
export type LiveState = z.infer<typeof LiveState>;

export const LIVE_STATE_FORMAT = 1;

/** Throws with the first problem when `data` is not a live state. */
export function validateLiveState(data: unknown): LiveState {
  const parsed = LiveState.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'state'}: ${issue.message}`);
  }
  // Room ids are the program's: keep them where no built-in name can answer for a room nobody touched.
  return { ...parsed.data, rooms: dict(Object.entries(parsed.data.rooms)) };
}

export const emptyRoom = (): RoomLive => ({
  mode: 'follow',
  manualItemId: null,
  timer: null,
  delay: null,
  messages: { speaker: null, public: null },
  blackout: false,
});

export const emptyLive = (): LiveState => ({ seq: 0, rooms: dict() });
