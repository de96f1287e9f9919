// Reads a program file from disk and checks it; the one place that turns file problems into user-facing diagnostics.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Diagnostic } from '../../core/program/diagnostics.ts';
import { parseProgramText } from '../../core/program/parse.ts';
import type { Program } from '../../core/program/schema.ts';

export const DEFAULT_PROGRAM = fileURLToPath(new URL('../../data/dp2e-ai-2026.json', import.meta.url));

export type ProgramFileResult =
  | { status: 'unreadable'; file: string; message: string }
  | { status: 'not-json' | 'invalid'; file: string; diagnostics: Diagnostic[] }
  | { status: 'ok'; file: string; program: Program; diagnostics: Diagnostic[] };

export async function readProgramFile(file: string): Promise<ProgramFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { status: 'unreadable', file, message: describeFsError(err) };
  }
  const { program, diagnostics } = parseProgramText(text);
  if (program) return { status: 'ok', file, program, diagnostics };
  const syntax =
    diagnostics.length === 1 && diagnostics[0]!.path === '' && diagnostics[0]!.message.startsWith('not valid JSON');
  return { status: syntax ? 'not-json' : 'invalid', file, diagnostics };
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
