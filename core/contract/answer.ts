// The answer to an accepted action (POST /api/actions, GET /api/actions/<type>): short, unless the state is asked for.

/**
 * What an accepted action answers by default: its room, the `seq` of the state it made (every screen of the room was
 * pushed that state before this answer; `GET /api/state` or a socket's state with this seq or a later one has it),
 * and why the action could not be saved, if it could not (the show goes on from memory).
 */
export interface ActionAnswerJson {
  ok: true;
  room: string;
  seq: number;
  storeWarning: string | null;
}

/** The RFC 7240 preference that asks for the room's new state in the answer instead (`Prefer: return=representation`). */
export const PREFER_STATE = 'return=representation';

/**
 * Whether a request's `Prefer` header(s) ask for the state in the answer: a `return` preference (name case ignored,
 * value quoted or not, parameters after `;` ignored) whose value is `representation`. Other preferences are ignored;
 * of a `return` given twice, the first counts (RFC 7240, section 2).
 */
export function prefersState(prefer: string | readonly string[] | undefined): boolean {
  const headers = prefer === undefined ? [] : typeof prefer === 'string' ? [prefer] : prefer;
  for (const preference of headers.flatMap((header) => header.split(','))) {
    const [token = '', ...value] = preference.split(';')[0]!.split('=');
    if (token.trim().toLowerCase() !== 'return') continue;
    const unquoted = value
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    return unquoted === 'representation';
  }
  return false;
}
