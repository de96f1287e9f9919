// What every importer returns: a program in our format and a report of what was guessed or dropped.
import type { ProgramInput } from '../program/schema.ts';

export const IMPORT_FORMATS = ['roomcue', 'frab-json', 'frab-xml', 'indico-json', 'ical'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportNote {
  /** Where in the source, e.g. "day 2, room Saal 1, event 'Opening' (id 42)"; "" for the whole file. */
  where: string;
  /** What was guessed, mapped or dropped, in a sentence. */
  message: string;
  kind: 'guessed' | 'dropped';
}

export type ImportResult =
  | { ok: true; format: ImportFormat; program: ProgramInput; notes: ImportNote[] }
  | { ok: false; format: ImportFormat | null; error: string };

/** Options every importer takes. */
export interface ImportOptions {
  /** Time zone for sources that do not say (floating iCalendar times, some exports); IANA name. */
  defaultZone?: string;
  /** Used to make ids and the event name when the source has none (e.g. the file name without extension). */
  sourceName?: string;
}
