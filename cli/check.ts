// `roomcue check [FILE]`: validate a program file and list every error and warning with its JSON path.
import { formatDiagnostic } from '../core/program/diagnostics.ts';
import { DEFAULT_PROGRAM, readProgramFile } from '../server/program/program-file.ts';
import type { Io } from './io.ts';

export async function runCheck(file: string | undefined, io: Io): Promise<number> {
  const result = await readProgramFile(file ?? DEFAULT_PROGRAM);
  const shown = file ?? 'data/dp2e-ai-2026.json';
  if (result.status === 'unreadable') {
    io.err(`${shown}: cannot read: ${result.message}`);
    return 2;
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
  for (const d of [...errors, ...warnings]) (d.severity === 'error' ? io.err : io.out)(formatDiagnostic(shown, d));
  if (result.status !== 'ok') {
    if (result.status === 'not-json') return 2;
    io.err(
      `${shown}: ${count(errors.length, 'error')}${warnings.length ? `, ${count(warnings.length, 'warning')}` : ''}`,
    );
    return 1;
  }
  const p = result.program;
  const items = p.sessions.reduce((n, s) => n + s.items.length, 0) + p.items.length;
  io.out(
    `${shown}: ${p.event.name}: ${count(p.rooms.length, 'room')}, ${count(p.sessions.length, 'session')}, ${count(items, 'item')}${p.dayChange ? `, days change at ${p.dayChange}` : ''} — ok${warnings.length ? ` with ${count(warnings.length, 'warning')}` : ''}`,
  );
  return 0;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
