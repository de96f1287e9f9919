// Sends operator actions to the server, with the PIN when it needs one (remembered for this browser session).
import type { Action } from '../../core/live/actions.ts';
import { PREFER_STATE, type ActionAnswerJson } from '../../core/contract/answer.ts';
import type { StateJson } from '../../core/contract/state.ts';

const PIN_KEY = 'roomcue.pin';

/**
 * An action's outcome: done, with the seq of the state it made (every screen of the room was pushed that state before
 * the answer) and, when asked for, that state; or refused, with the server's words.
 */
export type ActionResult =
  { ok: true; seq: number; state: StateJson | null } | { ok: false; status: number; message: string };

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

/**
 * The headers of a request that carries this tab's PIN: the PIN, and the request to keep the session cookie a right
 * PIN gives (the tab then goes on acting while guessers have the PIN locked). Every such request asks, so that a
 * tab is signed in again by its next one after a server restart or a session's 24 hours (the control's log poll:
 * within 5 s).
 */
export function pinHeaders(pin: string | null): Record<string, string> {
  return { ...(pin ? { Authorization: `Bearer ${pin}` } : {}), 'X-Roomcue-Session': 'keep' };
}

/**
 * `who`: the control tab's name, sent as X-Roomcue-Who so that the server keeps who made an edit. `withState`: the
 * answer carries the room's new state (`Prefer: return=representation`), for a view that shows it at once even when
 * its socket is down or late; else the answer is short and the state comes over the socket.
 */
export async function sendAction(
  action: Action,
  pin = rememberedPin(),
  who: string | null = null,
  withState = false,
): Promise<ActionResult> {
  try {
    const res = await fetch('/api/actions', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...pinHeaders(pin),
        ...(who ? { 'X-Roomcue-Who': encodeHeader(who) } : {}),
        ...(withState ? { Prefer: PREFER_STATE } : {}),
      },
      body: JSON.stringify(action),
    });
    const body = await res.json().catch(() => ({}));
    if (res.ok) {
      // A server that did not honour the preference answered the short form: no state then.
      const state = withState && res.headers.get('Preference-Applied') === PREFER_STATE ? (body as StateJson) : null;
      return { ok: true, seq: (body as ActionAnswerJson | StateJson).seq, state };
    }
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

/** A header value is Latin-1: a name with other characters (an accent is fine) keeps what it can. */
function encodeHeader(text: string): string {
  return [...text].map((c) => (c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) <= 0xff ? c : '?')).join('');
}

const WHO_KEY = 'roomcue.who';

/** The name the operator gave this console (kept in this browser), or null. */
export function consoleName(): string | null {
  try {
    return localStorage.getItem(WHO_KEY);
  } catch {
    return null;
  }
}

export function setConsoleName(name: string): void {
  try {
    const trimmed = name.trim().slice(0, 60);
    if (trimmed) localStorage.setItem(WHO_KEY, trimmed);
    else localStorage.removeItem(WHO_KEY);
  } catch {
    // private mode: the address names the console instead
  }
}
