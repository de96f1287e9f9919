// Sends one chair action, asking for the PIN when the server wants one and retrying until it is right or cancelled.
import type { StateJson } from '../../../core/contract/state.ts';
import type { Action } from '../../../core/live/actions.ts';
import type { ActionResult } from '../../lib/actions.ts';

export interface PerformDeps {
  send(action: Action, pin: string | null): Promise<ActionResult>;
  pinRequired(): Promise<boolean>;
  rememberedPin(): string | null;
  rememberPin(pin: string): void;
  /** Opens the PIN dialog (saying so when the last PIN was refused); null when the user cancels. */
  askPin(wrong: boolean): Promise<string | null>;
}

export type PerformOutcome =
  { kind: 'done'; state: StateJson } | { kind: 'failed'; status: number; message: string } | { kind: 'cancelled' };

export async function perform(action: Action, deps: PerformDeps): Promise<PerformOutcome> {
  let pin = deps.rememberedPin();
  if (!pin && (await deps.pinRequired())) {
    pin = await deps.askPin(false);
    if (pin === null) return { kind: 'cancelled' };
  }
  for (;;) {
    const result = await deps.send(action, pin);
    if (result.ok) {
      if (pin) deps.rememberPin(pin);
      return { kind: 'done', state: result.state };
    }
    if (result.status !== 401) return { kind: 'failed', status: result.status, message: result.message };
    // 401 without a PIN: the server wants one (the dialog says so); with one: it was wrong.
    pin = await deps.askPin(pin !== null);
    if (pin === null) return { kind: 'cancelled' };
  }
}
