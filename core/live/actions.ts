// The operator actions: one schema for every channel (HTTP POST, Companion GET, chair keyboard, IPC).
import { z } from 'zod';
import { dict } from '../own.ts';
import { OVERTIME_POLICIES } from './state.ts';

const room = z.string().min(1).max(100).optional().describe('Room id; defaults to the room the server shows');
const only = <T extends string>(type: T) => z.object({ type: z.literal(type), room }).strict();

export const MESSAGE_AUDIENCES = ['speaker', 'public'] as const;

export const Action = z.discriminatedUnion('type', [
  only('timer.start'),
  only('timer.pause'),
  only('timer.resume'),
  z.object({ type: z.literal('timer.add'), room, seconds: z.number().int().min(-86_400).max(86_400) }).strict(),
  only('timer.reset'),
  only('item.end'),
  z.object({ type: z.literal('goto'), room, itemId: z.string().min(1).max(200) }).strict(),
  only('follow'),
  z
    .object({
      type: z.literal('delay.set'),
      room,
      minutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
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
      limitMinutes: z.number().int().min(1).max(240).optional(),
    })
    .strict(),
  only('undo'),
  only('redo'),
]);

export type Action = z.infer<typeof Action>;
export type ActionType = Action['type'];
/** The actions that change the room's live state (undo and redo walk its history instead). */
export type LiveAction = Exclude<Action, { type: 'undo' | 'redo' }>;
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
  const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
  const message =
    issue.code === 'unrecognized_keys' ? `unknown field ${field}` : `${field ? `${field}: ` : ''}${issue.message}`;
  return { ok: false, message: `${type}: ${message}` };
}

/**
 * The GET form for Companion / Stream Deck buttons: /api/actions/timer.add?seconds=60. Query values are text;
 * numbers and booleans are read from it before the same validation as a POST body.
 */
export function actionFromQuery(type: string, params: URLSearchParams): ActionParse {
  // No prototype: a query field named __proto__ or constructor is an unknown field like any other.
  const input = dict<unknown>([['type', type]]);
  for (const [key, value] of params) {
    if (key === 'pin' || key === 'type') continue; // authentication, and the type is the path's
    if (key === 'seconds' || key === 'minutes' || key === 'limitMinutes')
      input[key] = /^-?\d+$/.test(value) ? Number(value) : value;
    else if (key === 'on')
      input[key] =
        value === 'true' || value === '1' || value === 'on'
          ? true
          : value === 'false' || value === '0' || value === 'off'
            ? false
            : value;
    else input[key] = value;
  }
  return parseAction(input);
}
