// Which format a file is in, from its content alone (a schedule.json may be called anything.json).
import { XMLValidator } from 'fast-xml-parser';
import { jsonErrorOffset } from '../program/json-error-offset.ts';
import type { ImportFormat } from './types.ts';

export interface Sniffed {
  format: ImportFormat | null;
  /** The parsed JSON when the text is JSON, so that it is parsed once. */
  json?: unknown;
}

const XML_ROOT = /^(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|\s)*<([A-Za-z_][\w.:-]*)/;

export function detectFormat(text: string): ImportFormat | null {
  return sniffFormat(text).format;
}

export function sniffFormat(source: string): Sniffed {
  const text = source.replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCALENDAR/i.test(text)) return { format: 'ical' };
  if (text.startsWith('<')) return { format: XML_ROOT.exec(text)?.[1] === 'schedule' ? 'frab-xml' : null };
  if (!text.startsWith('{') && !text.startsWith('[')) return { format: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { format: null };
  }
  return { format: jsonFormat(json), json };
}

function jsonFormat(json: unknown): ImportFormat | null {
  if (!isRecord(json)) return null;
  if ('formatVersion' in json) return 'roomcue';
  if (isRecord(json.schedule) && isRecord(json.schedule.conference)) return 'frab-json';
  if ('results' in json && hasIndicoEntry(json.results, 0, { left: 2000 })) return 'indico-json';
  return null;
}

/** Indico's exports nest their entries (events, days, contributions): look a few levels down, not everywhere. */
function hasIndicoEntry(value: unknown, depth: number, budget: { left: number }): boolean {
  if (depth > 5 || budget.left-- <= 0) return false;
  if (Array.isArray(value)) return value.some((v) => hasIndicoEntry(v, depth + 1, budget));
  if (!isRecord(value)) return false;
  const start = value.startDate;
  if (isRecord(start) && 'date' in start && 'time' in start && 'tz' in start) return true;
  return Object.values(value).some((v) => hasIndicoEntry(v, depth + 1, budget));
}

/** Why a text is in none of the formats, in a sentence that says what was expected. */
export function describeUnknown(source: string): string {
  const text = source.replace(/^\uFEFF/, '').trim();
  const expected =
    'expected a Roomcue program ("formatVersion"), a frab/pretalx schedule.json ("schedule.conference") or schedule.xml (<schedule>), an Indico JSON export ("results") or an iCalendar file (BEGIN:VCALENDAR)';
  if (text === '') return `the file is empty: ${expected}`;
  if (text.startsWith('<')) {
    const valid = XMLValidator.validate(text);
    if (valid !== true)
      return `not valid XML: ${parserReason(valid.err.msg)} (line ${valid.err.line}, column ${valid.err.col})`;
    // The root element's name (a tag, not text of the file) tells what was given instead: <rss>, <svg>.
    return `XML whose root element is <${XML_ROOT.exec(text)?.[1]?.slice(0, 40) ?? '?'}>, not <schedule>: ${expected}`;
  }
  if (text.startsWith('{') || text.startsWith('[')) {
    // Where it goes wrong is counted in the file as an editor shows it (blank lines before it count).
    const json = source.replace(/^\uFEFF/, '');
    try {
      JSON.parse(json);
    } catch (err) {
      return `not valid JSON: ${jsonErrorReason(err, json)}`;
    }
    return `JSON in no format Roomcue knows: ${expected}`;
  }
  return `not JSON, XML or iCalendar: ${expected}`;
}

/**
 * A parser's message without what it quotes of the file: a program path pointing at some other file (a key, a
 * password file) must not show its contents to every reader of /api/state. Positions and the reason stay.
 */
export function parserReason(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  return raw
    .replace(/"(?:[^"\\\n]|\\.)*"(\.\.\.)?/g, '"…"')
    .replace(/'[^'\n]*'/g, "'…'")
    .replace(/\s+/g, ' ')
    .slice(0, 160);
}

/**
 * JSON.parse's message without the position or the quoted text, which differ between Node versions; with the text,
 * where it goes wrong by our own scan, " (line 3, column 19)" (a truncated export: where the download stopped).
 */
export function jsonErrorReason(err: unknown, text?: string): string {
  const raw = err instanceof Error ? err.message : String(err);
  const reason = parserReason(
    raw
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, ".*" is not valid JSON$/s, ''),
  )
    .replace(/, "…" is not valid JSON$/, '')
    .replace(/ "…" is not valid JSON$/, '');
  const offset = text === undefined ? null : jsonErrorOffset(text);
  if (offset === null) return reason;
  const before = text!.slice(0, offset);
  return `${reason} (line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
