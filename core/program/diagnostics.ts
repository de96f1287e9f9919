// Diagnostics: what is wrong (or suspicious) in a program, located by JSON path, worded once for every caller.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** JSON path into the program, e.g. "sessions[2].items[1]"; "" for the whole file. */
  path: string;
  message: string;
  /** 1-based line of a syntax error, when known. */
  line?: number;
  column?: number;
  /** What sort of warning, for summaries ("overlap": 1,999): see WARNING_KINDS. */
  kind?: WarningKind;
}

/** The sorts of warnings a program check gives; anything else (an importer's notes) counts as "other". */
export const WARNING_KINDS = [
  'overlap',
  'outside-session',
  'tba',
  'fixed-offset',
  'repeated-hour',
  'before-day-change',
  'other',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** Turns a path of keys into the JS-like notation users see: ["sessions", 2, "end"] → "sessions[2].end". */
export function formatPath(keys: readonly PropertyKey[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** "data/x.json: sessions[2].items[1]: end 10:10 is before start 10:50" — one line per diagnostic. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const where = d.line !== undefined ? `${file}:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : file;
  const label = d.severity === 'warning' ? 'warning: ' : 'error: ';
  return `${where}: ${label}${d.path ? `${d.path}: ` : ''}${d.message}`;
}
