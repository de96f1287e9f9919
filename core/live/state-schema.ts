// Validates a live state read back from disk: a saved file is input like any other.
import { z } from 'zod';
import type { LiveState } from './state.ts';

const instant = z.number().finite();
const message = z.object({ text: z.string(), setAt: instant, until: instant.nullable() }).nullable();

const RoomLiveSchema = z.object({
  mode: z.enum(['follow', 'manual']),
  manualItemId: z.string().nullable(),
  timer: z
    .object({
      itemId: z.string(),
      startedAt: instant,
      pausedAt: instant.nullable(),
      pausedMs: z.number(),
      addedMs: z.number(),
    })
    .nullable(),
  delay: z.object({ minutes: z.number().int(), from: instant, day: z.string() }).nullable(),
  messages: z.object({ speaker: message, public: message }),
  blackout: z.boolean(),
});

const LiveStateSchema = z.object({ seq: z.number().int().min(0), rooms: z.record(z.string(), RoomLiveSchema) });

export const LIVE_STATE_FORMAT = 1;

/** Throws with the first problem when `data` is not a live state. */
export function validateLiveState(data: unknown): LiveState {
  const parsed = LiveStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'state'}: ${issue.message}`);
  }
  return parsed.data;
}
