// Import any supported schedule: detect its format from the content, then hand it to that format's importer.
import type { ProgramInput } from '../program/schema.ts';
import { describeUnknown, type Sniffed, sniffFormat } from './detect.ts';
import { importFrabJsonValue } from './frab-json.ts';
import { importFrabXml } from './frab-xml.ts';
import { importIcal } from './ical.ts';
import { importIndico } from './indico.ts';
import { fitToLimits } from './fit-limits.ts';
import type { ImportFormat, ImportOptions, ImportResult } from './types.ts';

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  roomcue: 'Roomcue program',
  'frab-json': 'frab/pretalx schedule.json',
  'frab-xml': 'frab/pretalx schedule.xml',
  'indico-json': 'Indico JSON export',
  ical: 'iCalendar file',
};

/**
 * Never throws: unusable input, or a bug in an importer, comes back as `{ ok: false, error }`. A caller that has
 * already sniffed the text passes what it found, so that a large JSON file is parsed once.
 */
export function importProgram(text: string, options: ImportOptions = {}, sniffed?: Sniffed): ImportResult {
  const result = importAny(text, options, sniffed);
  if (result.ok && result.format !== 'roomcue') fitToLimits(result.program, result.notes);
  return result;
}

function importAny(text: string, options: ImportOptions, sniffed: Sniffed | undefined): ImportResult {
  const { format, json } = sniffed ?? sniffFormat(text);
  try {
    switch (format) {
      case 'roomcue':
        return { ok: true, format, program: json as ProgramInput, notes: [] };
      case 'frab-json':
        return importFrabJsonValue(json, options);
      case 'frab-xml':
        return importFrabXml(text, options);
      case 'indico-json':
        return importIndico(text, options);
      case 'ical':
        return importIcal(text, options);
      case null:
        return { ok: false, format: null, error: describeUnknown(text) };
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, format, error: `the ${FORMAT_NAMES[format!]} could not be imported: ${message}` };
  }
}
