// Reads a program file from disk and checks it; the one place that turns file problems into user-facing diagnostics.
// A schedule in another format (pretalx, frab, Indico, iCalendar) is imported first: its notes become warnings.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { type Diagnostic } from '../../core/program/diagnostics.ts';
import { type ProgramParse, parseProgramJson, parseProgramText } from '../../core/program/parse.ts';
import type { Program } from '../../core/program/schema.ts';
import { describeUnknown, sniffFormat } from '../../core/import/detect.ts';
import { FORMAT_NAMES, importProgram } from '../../core/import/index.ts';
import type { ImportFormat, ImportNote } from '../../core/import/types.ts';

export const DEFAULT_PROGRAM = join(PACKAGE_ROOT, 'data', 'dp2e-ai-2026.json');

export type ProgramFileResult =
  | { status: 'unreadable'; file: string; message: string }
  | { status: 'not-json' | 'invalid'; file: string; diagnostics: Diagnostic[]; importedFrom?: ImportFormat }
  | { status: 'ok'; file: string; program: Program; diagnostics: Diagnostic[]; importedFrom?: ImportFormat };

/** How to read an export: `zone` (--zone) for one that gives no zone, or whose dates contradict the one it gives. */
export interface ReadOptions {
  zone?: string | undefined;
}

export async function readProgramFile(file: string, opts: ReadOptions = {}): Promise<ProgramFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { status: 'unreadable', file, message: describeFsError(err) };
  }
  return programFromText(text, file, opts);
}

/** A program from the text of a file or a download: our format, or an export imported first. */
export function programFromText(
  text: string,
  file: string,
  opts: ReadOptions = {},
): Exclude<ProgramFileResult, { status: 'unreadable' }> {
  const sniffed = sniffFormat(text);
  if (sniffed.format === 'roomcue') return checked(file, parseProgramJson(sniffed.json));
  if (sniffed.format === null) {
    // XML in no format we know is told so; anything else is read as our own format, broken (bad JSON, no
    // formatVersion), and gets our diagnostics with line numbers.
    if (!/^\uFEFF?\s*</.test(text)) return checked(file, parseProgramText(text));
    return { status: 'not-json', file, diagnostics: [{ severity: 'error', path: '', message: describeUnknown(text) }] };
  }
  const sourceName = basename(file).replace(/\.[^.]*$/, '');
  const imported = importProgram(text, { sourceName, ...(opts.zone ? { defaultZone: opts.zone } : {}) }, sniffed);
  const from = sniffed.format;
  if (!imported.ok) {
    const message = `cannot import this ${FORMAT_NAMES[from]}: ${imported.error}`;
    return { status: 'invalid', file, diagnostics: [{ severity: 'error', path: '', message }], importedFrom: from };
  }
  const parsed = parseProgramJson(imported.program);
  const notes = imported.notes.map(noteWarning);
  return { ...checked(file, { ...parsed, diagnostics: [...notes, ...parsed.diagnostics] }), importedFrom: from };
}

function checked(
  file: string,
  { program, diagnostics }: ProgramParse,
): Exclude<ProgramFileResult, { status: 'unreadable' }> {
  if (program) return { status: 'ok', file, program, diagnostics };
  const syntax =
    diagnostics.length === 1 && diagnostics[0]!.path === '' && diagnostics[0]!.message.startsWith('not valid JSON');
  return { status: syntax ? 'not-json' : 'invalid', file, diagnostics };
}

/** "guessed: day 1, room Saal 1, event 'Opening' (id 42): type "Opening" read as kind "opening"" */
export function noteWarning(note: ImportNote): Diagnostic {
  return {
    severity: 'warning',
    path: '',
    message: `${note.kind}: ${note.where ? `${note.where}: ` : ''}${note.message}`,
  };
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
