// The chair's keyboard and buttons: which command a key means, and which server action a command is in a given state.
import type { StateJson, TimerJson } from '../../../core/contract/state.ts';
import type { Action } from '../../../core/live/actions.ts';
import type { ChairWords } from './words.ts';

export type ChairCommand =
  'toggle' | 'previous' | 'next' | 'plus' | 'minus' | 'reset' | 'undo' | 'follow' | 'ack' | 'fullscreen' | 'help';

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

const KEYS: Record<string, ChairCommand> = {
  ' ': 'toggle',
  Spacebar: 'toggle',
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  '+': 'plus',
  '=': 'plus', // the + key without Shift on most layouts
  '-': 'minus',
  '−': 'minus',
  _: 'minus',
  r: 'reset',
  R: 'reset',
  u: 'undo',
  U: 'undo',
  c: 'follow',
  C: 'follow',
  o: 'ack',
  O: 'ack',
  f: 'fullscreen',
  F: 'fullscreen',
  '?': 'help',
};

/** The command a key press means, or null (with Ctrl, Cmd or Alt the browser keeps its own shortcuts). */
export function keyCommand(press: KeyPress): ChairCommand | null {
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key === 'z') return 'undo';
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  return Object.hasOwn(KEYS, press.key) ? KEYS[press.key]! : null;
}

const KEY_HELP: { keys: string; word: keyof ChairWords }[] = [
  { keys: 'Space', word: 'keyToggle' },
  { keys: '←', word: 'keyPrevious' },
  { keys: '→', word: 'keyNext' },
  { keys: '+', word: 'keyPlus' },
  { keys: '−', word: 'keyMinus' },
  { keys: 'R', word: 'keyReset' },
  { keys: 'U', word: 'keyUndo' },
  { keys: 'C', word: 'keyFollow' },
  { keys: 'O', word: 'keyAck' },
  { keys: 'F', word: 'keyFullscreen' },
  { keys: '?', word: 'keyHelp' },
  { keys: 'Esc', word: 'keyClose' },
];

/** The keys as the help overlay lists them, in order. */
export function helpRows(words: ChairWords): { keys: string; text: string }[] {
  return KEY_HELP.map(({ keys, word }) => ({ keys, text: String(words[word]) }));
}

export type CommandOutcome =
  | { kind: 'action'; action: Action }
  | { kind: 'refused'; word: 'noState' | 'noMessage' | 'alreadySeen' }
  | { kind: 'local'; command: 'fullscreen' | 'help' };

/** What Space does: pause a running timer, else start (the server resumes a paused timer on start). */
/**
 * The main button is off when it would be refused: no timer to pause or resume and nothing Start would start (after
 * the event, a room done for the day). A tap then only got "nothing to start" back.
 */
export function toggleOff(state: StateJson): boolean {
  return state.timer === null && state.startNow === null;
}

export function toggleKind(timer: TimerJson | null): 'start' | 'pause' | 'resume' {
  if (!timer) return 'start';
  if (timer.running) return 'pause';
  return 'resume';
}

/** The server action for a command in `state`, for the room the view was opened on (`room`, else the server's). */
export function commandAction(command: ChairCommand, state: StateJson | null, room: string | null): CommandOutcome {
  if (command === 'fullscreen' || command === 'help') return { kind: 'local', command };
  const inRoom = room ? { room } : {};
  const act = (action: Action): CommandOutcome => ({ kind: 'action', action: { ...action, ...inRoom } });
  switch (command) {
    case 'toggle':
      if (!state) return { kind: 'refused', word: 'noState' };
      return act({ type: toggleKind(state.timer) === 'pause' ? 'timer.pause' : 'timer.start' });
    case 'previous':
      // The server knows the item before the one on stage and the time it really has left.
      return act({ type: 'item.previous' });
    case 'undo':
      return act({ type: 'undo' });
    case 'follow':
      return act({ type: 'follow' });
    case 'next':
      return act({ type: 'item.end' });
    case 'plus':
      return act({ type: 'timer.add', seconds: 60 });
    case 'minus':
      return act({ type: 'timer.add', seconds: -60 });
    case 'reset':
      return act({ type: 'timer.reset' });
    case 'ack': {
      // "OK, seen": the chair read the message to the speaker; the control sees when.
      const message = state?.messages.speaker ?? null;
      if (!message) return { kind: 'refused', word: 'noMessage' };
      if (message.ackedAt) return { kind: 'refused', word: 'alreadySeen' };
      return act({ type: 'message.ack' });
    }
  }
}
