// What an import guessed or dropped, and the program's other warnings, as the lines printed when a show starts
// (`roomcue serve` on the terminal, the kiosk app in its log), so whoever starts it sees them.
import { formatDiagnostic, type Diagnostic } from '../../core/program/diagnostics.ts';

/** Twelve at most, then how many more and the command that lists them all. */
export function programNoteLines(diagnostics: readonly Diagnostic[], shown: string, max = 12): string[] {
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length === 0) return [];
  const lines = [`${warnings.length} note${warnings.length === 1 ? '' : 's'} on ${shown}:`];
  for (const d of warnings.slice(0, max)) lines.push(`  ${formatDiagnostic(shown, d)}`);
  if (warnings.length > max)
    lines.push(`  … and ${warnings.length - max} more: "roomcue check ${shown}" lists them all`);
  return lines;
}
