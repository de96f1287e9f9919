// The chair's commands in flight: one at a time (each decided on the latest state), the PIN prompt and the toast.
import type { StateJson } from '../../../core/contract/state.ts';
import type { ShowConnection } from '../../lib/connection.svelte.ts';
import { pinRequired, rememberedPin, rememberPin, sendAction } from '../../lib/actions.ts';
import { commandAction, type ChairCommand } from './keys.ts';
import { perform } from './perform.ts';
import type { ChairWords } from './words.ts';

const TOAST_MS = 4000;

export class ChairActions {
  /** Open while the PIN is asked; `wrong` after the server refused the last one (`attempt` counts them). */
  pinPrompt = $state<{ wrong: boolean; attempt: number } | null>(null);
  toast = $state<string | null>(null);
  helpOpen = $state(false);
  private queue: Promise<void> = Promise.resolve();
  private answerPin: ((pin: string | null) => void) | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly connection: ShowConnection,
    private readonly room: string | null,
    private readonly words: ChairWords,
  ) {}

  run(command: ChairCommand): void {
    this.queue = this.queue.then(() => this.execute(command));
  }

  submitPin(pin: string | null): void {
    this.answerPin?.(pin);
    this.answerPin = null;
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
    const result = await perform(outcome.action, {
      send: sendAction,
      pinRequired,
      rememberedPin,
      rememberPin,
      askPin: (wrong) =>
        new Promise((resolve) => {
          this.pinPrompt = { wrong, attempt: (this.pinPrompt?.attempt ?? 0) + 1 };
          this.answerPin = resolve;
        }),
    });
    this.pinPrompt = null;
    if (result.kind === 'done') this.apply(result.state);
    else if (result.kind === 'failed') this.say(result.message);
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
