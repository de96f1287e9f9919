// The live show state: what operators changed on top of the program, as absolute instants (never a ticking counter).
// One zod schema gives the types and validates a state read back from disk.
import { z } from 'zod';
import { dict } from '../own.ts';

// A state read back from disk is range-checked like an action: a value no action can produce (a delay of 1e12
// minutes, a timer started in the year 50000) means a damaged or forged file, which is set aside with a warning.
/** An instant between 2000 and 2100. */
const FIRST = 946_684_800_000;
const LAST = 4_102_444_800_000;
const instant = z.number().min(FIRST).max(LAST);
/** No duration (paused, added) can be longer than that span. */
const duration = z
  .number()
  .min(FIRST - LAST)
  .max(LAST - FIRST);

const TimerState = z.object({
  itemId: z.string().min(1).max(200),
  /** When the item really started. */
  startedAt: instant,
  /** Set while paused. */
  pausedAt: instant.nullable(),
  /** Total time spent paused before `pausedAt`. */
  pausedMs: duration.min(0),
  /** Time added (negative: removed) by the chair or AV. */
  addedMs: duration,
  /** Whether the rest of the day follows this item's real end (false for AV's jumps, which say nothing of it). */
  movesDay: z.boolean(),
  /** When a person ended the item with nothing to start after it (the day's last talk): it is over from then. */
  endedAt: instant.nullable().optional(),
});

const Message = z.object({
  text: z.string().max(280),
  setAt: instant,
  until: instant.nullable(),
  /** When the chair acknowledged it (the control sees "seen"); speaker messages only. */
  ackedAt: instant.nullable().default(null),
});

const Delay = z.object({
  minutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** Items of `day` that start at or after this instant run late; the one on at this instant ends late. */
  from: instant,
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const OVERTIME_POLICIES = ['hold', 'clock', 'always'] as const;
export const DEFAULT_HOLD_LIMIT_MINUTES = 15;

/**
 * What happens when a countdown reaches zero. hold: an item a person touched stays on stage in overtime until a
 * person moves on, or until `limitMinutes` past the later of the next item's start and its own zero (time added or
 * a late start move both); clock: the clock moves on;
 * always: touched items hold with no limit. Items nobody touched follow the clock in every policy.
 */
export const OvertimePolicy = z.object({
  policy: z.enum(OVERTIME_POLICIES),
  limitMinutes: z.number().int().min(1).max(240),
});

const RoomLive = z.object({
  /** follow: the clock decides what is on; manual: AV pinned `manualItemId`. */
  mode: z.enum(['follow', 'manual']),
  manualItemId: z.string().min(1).max(200).nullable(),
  timer: TimerState.nullable(),
  /** The timer of the item a person last moved on from, so that ← gives it back the time it really has left. */
  previous: TimerState.nullable().default(null),
  /** null: the show's default (config, `roomcue serve --overtime`). */
  overtime: OvertimePolicy.nullable().default(null),
  delay: Delay.nullable(),
  messages: z.object({ speaker: Message.nullable(), public: Message.nullable() }),
  blackout: z.boolean(),
});

const LiveState = z.object({
  /** How many actions were applied; lets clients and tests tell states apart. */
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  rooms: z.record(z.string(), RoomLive),
  /** The show's default overtime policy (from the config), for rooms whose own is null. Not an action. */
  overtimeDefault: OvertimePolicy.nullable().default(null),
});

export type TimerState = z.infer<typeof TimerState>;
export type Message = z.infer<typeof Message>;
export type Delay = z.infer<typeof Delay>;
export type RoomLive = z.infer<typeof RoomLive>;
export type LiveState = z.infer<typeof LiveState>;
export { LiveState as LiveStateSchema, RoomLive as RoomLiveSchema };
export type OvertimePolicy = z.infer<typeof OvertimePolicy>;
export type OvertimePolicyName = OvertimePolicy['policy'];

export const DEFAULT_OVERTIME: OvertimePolicy = { policy: 'hold', limitMinutes: DEFAULT_HOLD_LIMIT_MINUTES };

export function overtimePolicy(live: LiveState, r: RoomLive): OvertimePolicy {
  return r.overtime ?? live.overtimeDefault ?? DEFAULT_OVERTIME;
}

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
  previous: null,
  overtime: null,
  delay: null,
  messages: { speaker: null, public: null },
  blackout: false,
});

export const emptyLive = (): LiveState => ({ seq: 0, rooms: dict(), overtimeDefault: null });
