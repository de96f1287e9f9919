// Sends one chair action with the PIN this screen was given. The chair faces the speaker: it never asks for a PIN;
// without a right one its keys are off and a small line says how to give it one.
import type { StateJson } from '../../../core/contract/state.ts';
import type { Action } from '../../../core/live/actions.ts';
import type { ActionResult } from '../../lib/actions.ts';

export interface PerformDeps {
  send(action: Action, pin: string | null): Promise<ActionResult>;
  rememberedPin(): string | null;
}

/** Why the chair's keys are off: the show has a PIN and this screen has none, or a wrong one. */
export type KeysOff = 'no-pin' | 'wrong-pin';

export type PerformOutcome =
  /** `state`: the room's new state from the answer (null if the server did not send it: the socket brings it). */
  | { kind: 'done'; state: StateJson | null }
  | { kind: 'failed'; status: number; message: string }
  | { kind: 'keys-off'; reason: KeysOff };

export async function perform(action: Action, deps: PerformDeps): Promise<PerformOutcome> {
  const pin = deps.rememberedPin();
  const result = await deps.send(action, pin);
  if (result.ok) return { kind: 'done', state: result.state };
  if (result.status === 401) return { kind: 'keys-off', reason: pin === null ? 'no-pin' : 'wrong-pin' };
  return { kind: 'failed', status: result.status, message: result.message };
}

/**
 * The PIN given to this screen in its address (`/chair?room=L108-A#pin=2468`, or `?pin=2468`), and the address
 * without it: the view keeps the PIN for this tab and takes it out of the address bar at once.
 */
export function pinFromAddress(href: string): { pin: string | null; href: string } {
  const url = new URL(href);
  const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
  const pin = hash.get('pin') ?? url.searchParams.get('pin');
  if (pin === null) return { pin: null, href };
  url.searchParams.delete('pin');
  hash.delete('pin');
  url.hash = hash.size ? `#${hash}` : '';
  return { pin: pin.trim() || null, href: url.toString() };
}
