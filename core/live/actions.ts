// The operator actions: one schema for every channel (HTTP POST, Companion GET buttons, chair keys, OSC).
import { z } from 'zod';
import { dict } from '../own.ts';
import { OVERTIME_POLICIES } from './state.ts';
import { Item, LIMITS, LocalDateTime } from '../program/schema.ts';
import { ItemPatch, NOTE_LIMIT } from '../edits/overlay.ts';

const room = z.string().min(1).max(100).optional().describe('Room id; defaults to the room the server shows');
const only = <T extends string>(type: T) => z.object({ type: z.literal(type), room }).strict();

export const MESSAGE_AUDIENCES = ['speaker', 'public'] as const;
/** How many preset messages the control keeps, and how long each may be. */
export const PRESETS_MAX = 20;
export const PRESET_LENGTH = 80;

const itemId = z.string().min(1).max(200);

/**
 * A whole number from `min` to `max`, refused with the range: "a whole number of minutes from 0 to 1440 (24 hours)".
 * The range is checked before wholeness: zod's int() alone answers a huge number (1e308, or any past 2^53) with its
 * own bound of 9007199254740991, which tells the operator nothing of the real limit.
 */
function wholeNumber(min: number, max: number, unit: 'seconds' | 'minutes', span: string) {
  const range = `a whole number of ${unit} from ${min} to ${max} (${span})`;
  return z.number().min(min, range).max(max, range).int(range);
}
const note = z.string().trim().max(NOTE_LIMIT, `a note is at most ${NOTE_LIMIT} characters`).nullable().optional();

/**
 * Operator edits of the program (kept in the overlay, see core/edits/overlay.ts). `room` on `program.item.move` is
 * where the item goes; on the others it is not used (the edit belongs to the item's room's history).
 */
const ProgramActions = [
  z.object({ type: z.literal('program.item.update'), room, itemId, set: ItemPatch }).strict(),
  z
    .object({
      type: z.literal('program.item.cancel'),
      room,
      itemId,
      reason: z.string().trim().max(LIMITS.reason, `reason is longer than ${LIMITS.reason} characters`).optional(),
      /** Whether the door may show the reason (default true); a private reason stays on the control view. */
      public: z.boolean().optional(),
    })
    .strict(),
  z.object({ type: z.literal('program.item.restore'), room, itemId }).strict(),
  z
    .object({
      type: z.literal('program.item.move'),
      itemId,
      start: LocalDateTime,
      /** Default: the same length as now. */
      end: LocalDateTime.optional(),
      room: z.string().min(1).max(100).optional().describe('The room it moves to; default: where it is'),
    })
    .strict(),
  z.object({ type: z.literal('program.item.swap'), room, a: itemId, b: itemId }).strict(),
  z
    .object({
      type: z.literal('program.item.add'),
      room,
      item: Item,
      /**
       * Make room for it: every later item of its room on the same day of the event starts (and ends) later by the
       * new item's length, in the same edit (one undo). Items away from the rooms (a location) keep their time.
       */
      shiftFollowing: z
        .boolean({
          error: "expected true or false (true: move the rest of the room's day later by the item's length)",
        })
        .optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('program.item.remove'),
      room,
      itemId,
      /**
       * Only for an item added with shiftFollowing: move back by its length, in the same edit (one undo), the items
       * its insert moved later that are still where it put them; the ones edited since stay, and the label names them.
       */
      shiftBack: z
        .boolean({ error: 'expected true or false (true: move the items its insert moved later back by its length)' })
        .optional(),
    })
    .strict(),
  z.object({ type: z.literal('program.item.note'), room, itemId, av: note, chair: note }).strict(),
  /** A conflict with the source (see StateJson.edits.conflicts): keep the operator's value, or take the source's. */
  z
    .object({
      type: z.literal('program.edit.resolve'),
      room,
      editId: z.number().int().min(1),
      keep: z.enum(['yours', 'theirs']),
    })
    .strict(),
] as const;

export const PROGRAM_ACTION_TYPES = ProgramActions.map((o) => o.shape.type.value);

export const Action = z.discriminatedUnion('type', [
  only('timer.start'),
  only('timer.pause'),
  only('timer.resume'),
  z
    .object({ type: z.literal('timer.add'), room, seconds: wholeNumber(-86_400, 86_400, 'seconds', '24 hours') })
    .strict(),
  only('timer.reset'),
  only('item.end'),
  z.object({ type: z.literal('goto'), room, itemId: z.string().min(1).max(200) }).strict(),
  only('follow'),
  z
    .object({
      type: z.literal('delay.set'),
      room,
      minutes: wholeNumber(0, 24 * 60, 'minutes', '24 hours'),
    })
    .strict(),
  z
    .object({
      type: z.literal('message.set'),
      room,
      text: z.string().trim().min(1, 'message text is empty').max(280, 'message text is longer than 280 characters'),
      to: z.enum(MESSAGE_AUDIENCES),
      until: z.iso.datetime({ offset: true, message: 'until must be ISO 8601 with an offset or Z' }).optional(),
    })
    .strict(),
  z.object({ type: z.literal('message.clear'), room, to: z.enum(MESSAGE_AUDIENCES).optional() }).strict(),
  z.object({ type: z.literal('blackout'), room, on: z.boolean() }).strict(),
  only('item.previous'),
  z
    .object({
      type: z.literal('overtime.policy'),
      room,
      policy: z.enum(OVERTIME_POLICIES),
      limitMinutes: wholeNumber(1, 240, 'minutes', '4 hours').optional(),
    })
    .strict(),
  only('undo'),
  only('redo'),
  /** The chair saw the speaker message. */
  only('message.ack'),
  z
    .object({
      type: z.literal('presets.set'),
      room,
      texts: z
        .array(
          z
            .string()
            .trim()
            .min(1, 'a preset is empty')
            .max(PRESET_LENGTH, `a preset is at most ${PRESET_LENGTH} characters`),
        )
        .max(PRESETS_MAX, `at most ${PRESETS_MAX} presets`),
    })
    .strict(),
  ...ProgramActions,
]);

export type Action = z.infer<typeof Action>;
export type ActionType = Action['type'];
export type ProgramAction = Extract<Action, { type: `program.${string}` }>;
/** The actions that change the room's live state (undo and redo walk its history; the others edit the program). */
export type LiveAction = Exclude<Action, { type: 'undo' | 'redo' | 'presets.set' } | ProgramAction>;
export const isProgramAction = (a: Action): a is ProgramAction => a.type.startsWith('program.');
export const ACTION_TYPES = Action.options.map((o) => o.shape.type.value) as ActionType[];

export type ActionParse = { ok: true; action: Action } | { ok: false; message: string };

/** Validates an action from any channel; the message names the field and the problem. */
export function parseAction(input: unknown): ActionParse {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, message: 'an action is a JSON object like {"type": "timer.add", "seconds": 60}' };
  }
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !ACTION_TYPES.includes(type as ActionType)) {
    return {
      ok: false,
      message: `unknown action type ${JSON.stringify(type ?? null)}; known: ${ACTION_TYPES.join(', ')}`,
    };
  }
  const parsed = Action.safeParse(input);
  if (parsed.success) return { ok: true, action: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.join('.');
  const field =
    issue.code === 'unrecognized_keys' ? issue.keys.map((k) => (where ? `${where}.${k}` : k)).join(', ') : where;
  const message =
    issue.code === 'unrecognized_keys' ? `unknown field ${field}` : `${field ? `${field}: ` : ''}${issue.message}`;
  return { ok: false, message: `${type}: ${message}` };
}

/**
 * The GET form for Companion / Stream Deck buttons: /api/actions/timer.add?seconds=60. Query values are text;
 * numbers and booleans are read from it before the same validation as a POST body.
 */
export function actionFromQuery(type: string, params: URLSearchParams): ActionParse {
  const kinds = QUERY_KINDS.get(type);
  // No prototype: a query field named __proto__ or constructor is an unknown field like any other.
  const input = dict<unknown>([['type', type]]);
  for (const [key, value] of params) {
    if (key === 'pin' || key === 'type') continue; // authentication, and the type is the path's
    const kind = kinds?.get(key);
    if (kind === 'number') input[key] = /^-?\d+$/.test(value) ? Number(value) : value;
    else if (kind === 'boolean') input[key] = QUERY_TRUE.has(value) ? true : QUERY_FALSE.has(value) ? false : value;
    else input[key] = value;
  }
  return parseAction(input);
}

const QUERY_TRUE = new Set(['true', '1', 'on']);
const QUERY_FALSE = new Set(['false', '0', 'off']);

/** Per action type, its number and boolean fields (optional or not), read from the schema: the rest stays text. */
const QUERY_KINDS = new Map(
  Action.options.map((option) => {
    const fields = new Map<string, 'number' | 'boolean'>();
    for (const [key, field] of Object.entries(option.shape as Record<string, z.ZodType>)) {
      let schema = field;
      while (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) schema = schema.unwrap() as z.ZodType;
      if (schema instanceof z.ZodNumber) fields.set(key, 'number');
      else if (schema instanceof z.ZodBoolean) fields.set(key, 'boolean');
    }
    return [option.shape.type.value as string, fields] as const;
  }),
);
