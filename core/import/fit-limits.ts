// Imported text that is longer than the program format allows is shortened, and a link that is not a web page is
// dropped, each with a note: one over-long title in a pretalx export must not refuse the whole schedule.
import { LIMITS, WebUrl, type ProgramInput } from '../program/schema.ts';
import type { ImportNote } from './types.ts';

type Fields = Record<string, unknown>;
type Limited = Partial<Record<string, number>>;

const ITEM: Limited = { title: LIMITS.title, subtitle: LIMITS.subtitle, abstract: LIMITS.text };
const SESSION: Limited = { title: LIMITS.title };
const PERSON: Limited = { name: LIMITS.name, affiliation: LIMITS.affiliation, bio: LIMITS.text };
const PLACE: Limited = { name: LIMITS.name, address: LIMITS.address };
const EVENT: Limited = { name: LIMITS.name, contact: LIMITS.contact };

/** Shortens `program`'s text fields in place to the format's limits and drops links that are not web pages. */
export function fitToLimits(program: ProgramInput, notes: ImportNote[]): void {
  const fit = (where: string, fields: Fields | undefined, limited: Limited) => {
    if (!fields) return;
    for (const [key, max] of Object.entries(limited)) {
      const value = fields[key];
      if (typeof value === 'string' && max !== undefined && value.length > max) {
        fields[key] = shorten(value, max);
        notes.push({ where, message: `${key} shortened to ${max.toLocaleString('en')} characters`, kind: 'dropped' });
      }
    }
    const url = fields.url;
    if (typeof url === 'string' && !WebUrl.safeParse(url).success) {
      delete fields.url;
      const why = url.length > LIMITS.url ? `longer than ${LIMITS.url.toLocaleString('en')} characters` : 'not http(s)';
      notes.push({ where, message: `link left out (${why})`, kind: 'dropped' });
    }
  };
  fit('event', program.event as Fields, EVENT);
  fit('venue', program.venue as Fields, PLACE);
  for (const room of program.rooms) fit(`room "${room.id}"`, room as Fields, PLACE);
  for (const location of program.locations ?? []) fit(`location "${location.id}"`, location as Fields, PLACE);
  for (const [id, person] of Object.entries(program.people ?? {})) fit(`person "${id}"`, person as Fields, PERSON);
  for (const session of program.sessions ?? []) {
    fit(`session "${session.id}"`, session as Fields, SESSION);
    for (const item of session.items) fit(`item "${item.id}"`, item as Fields, ITEM);
  }
  for (const item of program.items ?? []) fit(`item "${item.id}"`, item as Fields, ITEM);
}

/** At most `max` UTF-16 units, ending with "…", never half of a surrogate pair. */
export function shorten(text: string, max: number): string {
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}
