// Sends operator actions to the server, with the PIN when it needs one (remembered for this browser session).
import type { Action } from '../../core/live/actions.ts';
import type { StateJson } from '../../core/contract/state.ts';

const PIN_KEY = 'roomcue.pin';

export type ActionResult = { ok: true; state: StateJson } | { ok: false; status: number; message: string };

export function rememberedPin(): string | null {
  try {
    return sessionStorage.getItem(PIN_KEY);
  } catch {
    return null;
  }
}

export function rememberPin(pin: string | null): void {
  try {
    if (pin) sessionStorage.setItem(PIN_KEY, pin);
    else sessionStorage.removeItem(PIN_KEY);
  } catch {
    // private mode: the PIN is asked again next time
  }
}

export async function sendAction(action: Action, pin = rememberedPin()): Promise<ActionResult> {
  try {
    const res = await fetch('/api/actions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(pin ? { Authorization: `Bearer ${pin}` } : {}) },
      body: JSON.stringify(action),
    });
    const body = await res.json().catch(() => ({}));
    if (res.ok) return { ok: true, state: body as StateJson };
    if (res.status === 401) rememberPin(null);
    return { ok: false, status: res.status, message: (body as { error?: string }).error ?? `error ${res.status}` };
  } catch {
    return { ok: false, status: 0, message: 'the show server cannot be reached' };
  }
}

export async function pinRequired(): Promise<boolean> {
  try {
    const res = await fetch('/api/health');
    return ((await res.json()) as { pinRequired?: boolean }).pinRequired === true;
  } catch {
    return false;
  }
}
