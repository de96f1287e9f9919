// The chair's commands in flight: one at a time (each decided on the latest state), whether its keys work, the toast.
import type { StateJson } from '../../../core/contract/state.ts';
import type { Action } from '../../../core/live/actions.ts';
import type { ShowConnection } from '../../lib/connection.svelte.ts';
import { pinRequired, rememberedPin, rememberPin, sendAction } from '../../lib/actions.ts';
import { checkPin } from '../control/action-outcome.ts';
import { commandAction, type ChairCommand } from './keys.ts';
import { perform, pinFromAddress, type KeysOff } from './perform.ts';
import type { ChairWords } from './words.ts';

const TOAST_MS = 4000;

export class ChairActions {
  /** Set while the show needs a PIN this screen does not have (or has wrong): its keys do nothing, a line says so. */
  keysOff = $state<KeysOff | null>(null);
  toast = $state<string | null>(null);
  helpOpen = $state(false);
  private queue: Promise<void> = Promise.resolve();
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly connection: ShowConnection,
    private readonly room: string | null,
    private readonly words: ChairWords,
  ) {}

  /** Takes a PIN given in the address (and out of it), then finds out whether the keys can work. */
  async init(): Promise<void> {
    const given = pinFromAddress(location.href);
    if (given.href !== location.href) history.replaceState(history.state, '', given.href);
    if (given.pin) rememberPin(given.pin);
    if (!(await pinRequired())) return;
    const pin = rememberedPin();
    if (pin === null) this.keysOff = 'no-pin';
    else {
      const answer = await checkPin(pin);
      if (!answer.ok && answer.status === 401) {
        rememberPin(null);
        this.keysOff = 'wrong-pin';
      }
    }
  }

  run(command: ChairCommand): void {
    this.queue = this.queue.then(() => this.execute(command));
  }

  say(text: string): void {
    clearTimeout(this.toastTimer);
    this.toast = text;
    this.toastTimer = setTimeout(() => (this.toast = null), TOAST_MS);
  }

  private async execute(command: ChairCommand): Promise<void> {
    const outcome = commandAction(command, this.connection.state, this.room);
    if (outcome.kind === 'refused') return this.say(this.words[outcome.word]);
    if (outcome.kind === 'local') {
      if (outcome.command === 'help') this.helpOpen = !this.helpOpen;
      else await this.toggleFullscreen();
      return;
    }
    if (this.keysOff) return; // the line on screen already says why
    // The chair asks for the new state in the answer: it shows it at once even when its socket is down or late.
    const send = (action: Action, pin: string | null) => sendAction(action, pin, null, true);
    const result = await perform(outcome.action, { send, rememberedPin });
    if (result.kind === 'keys-off') this.keysOff = result.reason;
    else if (result.kind === 'failed') this.say(result.message);
    else if (result.state) this.apply(result.state);
  }

  /** The action's answer is the new state: show it now rather than after the push, unless a newer one came. */
  private apply(state: StateJson): void {
    const shown = this.connection.state;
    if (!shown || state.seq > shown.seq) this.connection.state = state;
  }

  private async toggleFullscreen(): Promise<void> {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen();
    } catch {
      this.say(this.words.noFullscreen);
    }
  }
}
