// What a chair PIN may do: drive the timer and the speaker messages of its room (every key of the chair view). The
// AV PIN may do everything.
import type { Action, ActionType } from './actions.ts';

/** The actions a chair PIN may send (messages to the speaker only). */
export const CHAIR_ACTIONS: readonly ActionType[] = [
  'timer.start',
  'timer.pause',
  'timer.resume',
  'timer.add',
  'timer.reset',
  'item.end',
  'item.previous',
  /** The chair view's C key: back to the clock. */
  'follow',
  'message.set',
  'message.clear',
  'message.ack',
  'undo',
  'redo',
];

/** The steps of a room's history a chair PIN may undo and redo (see `action` of a step in history.ts). */
const CHAIR_STEPS: readonly string[] = [
  ...CHAIR_ACTIONS.filter((t) => !['undo', 'redo', 'message.set', 'message.clear'].includes(t)),
  'message.set:speaker',
  'message.clear:speaker',
];

/**
 * Why a chair PIN may not send `action` to `room` (null: it may). `chairRoom` is the PIN's room (null: every room);
 * `step` is what undo or redo would do there now: its label and the type of action that made it.
 */
export function chairRefusal(
  action: Action,
  room: string,
  chairRoom: string | null,
  step: { label: string; type: string | null } | null = null,
): string | null {
  const mayDo = 'a chair PIN drives the timer and the speaker messages of its room';
  if (!CHAIR_ACTIONS.includes(action.type)) return `${action.type} needs the AV PIN: ${mayDo}`;
  if (chairRoom !== null && room !== chairRoom) return `this chair PIN is for room ${chairRoom}, not ${room}`;
  if ((action.type === 'message.set' || action.type === 'message.clear') && action.to !== 'speaker')
    return `a message to the public needs the AV PIN: ${mayDo}`;
  if ((action.type === 'undo' || action.type === 'redo') && step) {
    // The room has one history: a chair may walk it only over its own kind of step.
    if (!CHAIR_STEPS.includes(step.type ?? '')) return `${action.type} “${step.label}” needs the AV PIN: ${mayDo}`;
  }
  return null;
}
