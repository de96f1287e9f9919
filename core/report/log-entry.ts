// One line of the operator log (server/operator-log.ts): what was done, by whom, when, and what the stage did.
import { z } from 'zod';

/** An item on a room's stage as the log keeps it (instants in epoch ms). */
const StageNow = z.object({
  itemId: z.string().nullable(),
  /** When it really started (a chair's late start moves it). */
  startedAt: z.number().nullable(),
});

const common = {
  /** When, in the program's zone with its offset ("2026-06-29T09:02:00.000+02:00"), and as epoch ms. */
  at: z.string(),
  ms: z.number(),
  room: z.string(),
  /** The control tab's name and address; null for the clock. */
  who: z.string().nullable(),
};

export const LogEntrySchema = z.discriminatedUnion('kind', [
  /** An action on the room's live state (timer, delay, messages, undo/redo, presets). */
  z.object({
    kind: z.literal('action'),
    ...common,
    type: z.string(),
    label: z.string(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  }),
  /** An edit of the program: the stored edit record and the items it touched, before and after. */
  z.object({
    kind: z.literal('edit'),
    ...common,
    type: z.string(),
    label: z.string(),
    edit: z.unknown(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  }),
  /** An action the show refused, with the reason it gave. */
  z.object({ kind: z.literal('refused'), ...common, type: z.string(), reason: z.string() }),
  /**
   * What is on the room's stage changed: a new item, nothing, or the same item restarted (a late start). `ended` is
   * the item that left the stage and when (for the clock: when its time was up, not when the change was seen).
   */
  z.object({
    kind: z.literal('stage'),
    ...common,
    ...StageNow.shape,
    ended: z.object({ itemId: z.string(), at: z.number() }).nullable(),
    cause: z.enum(['action', 'clock']),
  }),
]);

export type LogEntry = z.infer<typeof LogEntrySchema>;
export type StageEntry = Extract<LogEntry, { kind: 'stage' }>;

/** Parses the lines of a log file; a line that is not an entry (cut by a crash) is skipped, never fatal. */
export function parseLogLines(text: string): LogEntry[] {
  const out: LogEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = LogEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // a half-written last line: skipped
    }
  }
  return out;
}
