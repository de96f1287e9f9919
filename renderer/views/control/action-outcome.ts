// What the console does with the answer to an action or a PIN check: pure, so every answer is tested.
import { pinHeaders } from '../../lib/actions.ts';

/** An action's answer (ActionResult from renderer/lib/actions.ts fits) or a PIN check's. */
export type Answer = { ok: true } | { ok: false; status: number; message: string };

export type Outcome =
  | { kind: 'done' }
  /** Ask for the PIN; `wrong`: one was given and refused. */
  | { kind: 'pin'; wrong: boolean }
  /** The PIN was fine (or not needed) but the action was refused: show why. */
  | { kind: 'refused'; message: string }
  /** Too many wrong PINs from this address: the prompt shows the server's sentence. */
  | { kind: 'locked'; message: string };

export function actionOutcome(result: Answer, hadPin: boolean): Outcome {
  if (result.ok) return { kind: 'done' };
  if (result.status === 401) return { kind: 'pin', wrong: hadPin };
  if (result.status === 429) return { kind: 'locked', message: result.message };
  return { kind: 'refused', message: result.message };
}

/**
 * A PIN is checked without acting: an empty action object passes the origin and PIN checks and is then refused
 * as malformed (400), which proves the PIN; a wrong PIN is 401 before that (docs/api.md, the order of checks).
 */
export function pinCheckResult(status: number, message: string, role?: string): Answer {
  // A chair PIN is right, but not the console's: 403 like an action it may not send.
  if (status === 200 && role === 'chair')
    return { ok: false, status: 403, message: 'a chair PIN: the control view needs the AV PIN' };
  if (status === 200) return { ok: true };
  return { ok: false, status, message };
}

export async function checkPin(pin: string): Promise<Answer> {
  try {
    const res = await fetch('/api/auth', { method: 'POST', headers: pinHeaders(pin) });
    const body = (await res.json().catch(() => ({}))) as { error?: string; role?: string };
    return pinCheckResult(res.status, body.error ?? `error ${res.status}`, body.role);
  } catch {
    return { ok: false, status: 0, message: 'the show server cannot be reached' };
  }
}
