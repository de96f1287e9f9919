// The operator's side of the console: sends actions, asks for the PIN when needed, reports what happened.
import type { Action } from '../../../core/live/actions.ts';
import { consoleName, pinRequired, rememberedPin, rememberPin, sendAction } from '../../lib/actions.ts';
import { actionOutcome, checkPin, type Answer } from './action-outcome.ts';
import type { ControlWords } from './words.ts';

/** What became of an action: done, refused with the server's words, or waiting for the PIN. */
export type ActOutcome = { kind: 'done' } | { kind: 'refused'; message: string } | { kind: 'pin' };

export interface Status {
  kind: 'ok' | 'error';
  text: string;
}

const OK_STATUS_MS = 4000;

/**
 * Whether this tab may read what needs the PIN (the operator log): `open` (no PIN needed, or it has one the server
 * took), `locked` (a PIN is needed and it has none that works), `unknown` (not asked yet).
 */
export type Access = 'unknown' | 'locked' | 'open';

export class Operator {
  /** The PIN prompt is open. */
  pinOpen = $state(false);
  access = $state<Access>(rememberedPin() ? 'open' : 'unknown');
  pinError = $state<string | null>(null);
  busy = $state(false);
  status = $state<Status | null>(null);
  private pending: { action: Action; label: string } | null = null;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly words: ControlWords) {}

  /** Asks for the PIN at once when the show needs one, before the first action under pressure. */
  async init(): Promise<void> {
    if (rememberedPin()) return;
    if (await pinRequired()) {
      this.access = 'locked';
      this.askPin(null, false);
    } else this.access = 'open';
  }

  /** The server refused this tab's PIN (or its lack of one): locked, the PIN is asked for, nothing retried. */
  lock(): void {
    rememberPin(null);
    this.access = 'locked';
    if (!this.pinOpen) this.askPin(null, false);
  }

  /** The operator asks to unlock (the log's Unlock button). */
  unlock(): void {
    this.askPin(null, false);
  }

  async act(action: Action, label: string): Promise<ActOutcome> {
    const pin = rememberedPin();
    this.busy = true;
    const result = await sendAction(action, pin, consoleName());
    this.busy = false;
    return this.settle(result, pin !== null, { action, label });
  }

  async submitPin(pin: string): Promise<void> {
    const pending = this.pending;
    this.busy = true;
    const result: Answer = pending ? await sendAction(pending.action, pin, consoleName()) : await checkPin(pin);
    this.busy = false;
    // A chair PIN is right but may not drive the console: asked again, never remembered.
    if (!result.ok && result.status === 403) return void (this.pinError = this.words.pinIsChair);
    const outcome = actionOutcome(result, true);
    if (outcome.kind === 'pin') this.pinError = this.words.pinWrong;
    else if (outcome.kind === 'locked') this.pinError = outcome.message;
    else {
      rememberPin(pin);
      this.access = 'open';
      this.closePin();
      if (pending) this.settle(result, true, pending);
    }
  }

  closePin(): void {
    this.pinOpen = false;
    this.pinError = null;
    this.pending = null;
  }

  dismissStatus(): void {
    clearTimeout(this.statusTimer);
    this.status = null;
  }

  private settle(result: Answer, hadPin: boolean, attempt: { action: Action; label: string }): ActOutcome {
    const outcome = actionOutcome(result, hadPin);
    if (outcome.kind === 'done') {
      this.report({ kind: 'ok', text: this.words.done_(attempt.label) });
      return { kind: 'done' };
    }
    if (outcome.kind === 'pin') {
      this.access = 'locked';
      this.askPin(attempt, outcome.wrong);
      return { kind: 'pin' };
    }
    this.report({ kind: 'error', text: this.words.failed(outcome.message) });
    return { kind: 'refused', message: outcome.message };
  }

  private askPin(attempt: { action: Action; label: string } | null, wrong: boolean): void {
    this.pending = attempt;
    this.pinError = wrong ? this.words.pinWrong : null;
    this.pinOpen = true;
  }

  private report(status: Status): void {
    clearTimeout(this.statusTimer);
    this.status = status;
    // Successes fade; a refusal stays until dismissed or replaced, so it is not missed under pressure.
    if (status.kind === 'ok') this.statusTimer = setTimeout(() => (this.status = null), OK_STATUS_MS);
  }
}
