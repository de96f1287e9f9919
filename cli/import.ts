// `roomcue import SOURCE [-o FILE] [--zone ZONE]`: turn a pretalx/frab, Indico or iCalendar schedule into a program.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FORMAT_NAMES, importProgram } from '../core/import/index.ts';
import { formatDiagnostic } from '../core/program/diagnostics.ts';
import { parseProgramJson } from '../core/program/parse.ts';
import { isKnownZone, zoneLabel } from '../core/time.ts';
import { describeFsError, noteWarning } from '../server/program/program-file.ts';
import { CliError, sameFile, type Io } from './io.ts';

export interface ImportCliOptions {
  source: string;
  /** A file, or "-" (or nothing) for standard output. */
  output?: string | undefined;
  zone?: string | undefined;
}

/** Exit codes as `check`: 0 imported (with notes), 1 content that cannot be imported, 2 unreadable or a usage mistake. */
export async function runImport(o: ImportCliOptions, io: Io): Promise<number> {
  if (o.zone !== undefined && !isKnownZone(o.zone))
    throw new CliError(`--zone: unknown time zone "${o.zone}": use an IANA name such as "Europe/Berlin"`, 2);
  const toFile = o.output !== undefined && o.output !== '-';
  if (toFile && (await sameFile(o.source, o.output!)))
    throw new CliError(`refusing to overwrite the source ${o.source}: give another -o FILE`, 2);

  let text: string;
  try {
    text = await readFile(o.source, 'utf8');
  } catch (err) {
    io.err(`${o.source}: cannot read: ${describeFsError(err)}`);
    return 2;
  }
  const result = importProgram(text, { defaultZone: o.zone, sourceName: basename(o.source).replace(/\.[^.]*$/, '') });
  if (!result.ok) {
    io.err(`${o.source}: ${result.format ? `cannot import this ${FORMAT_NAMES[result.format]}: ` : ''}${result.error}`);
    return 1;
  }
  const { program, diagnostics } = parseProgramJson(result.program);
  // With the program on standard output, the report goes to standard error so that the output stays valid JSON.
  const report = toFile ? io.out : io.err;
  for (const note of result.notes) report(noteWarning(note).message);
  for (const d of diagnostics) (d.severity === 'error' ? io.err : report)(formatDiagnostic(o.source, d));
  if (!program) {
    io.err(`${o.source}: the imported program is not valid (see above); nothing written`);
    return 1;
  }

  const json = `${JSON.stringify(result.program, null, 2)}\n`;
  if (toFile) {
    try {
      await writeFile(o.output!, json);
    } catch (err) {
      io.err(`${o.output}: cannot write: ${describeFsError(err)}`);
      return 2;
    }
  } else io.out(json.trimEnd());

  const items = program.items.length + program.sessions.reduce((n, s) => n + s.items.length, 0);
  const guessed = result.notes.filter((n) => n.kind === 'guessed').length;
  const dropped = result.notes.filter((n) => n.kind === 'dropped').length;
  report(
    `${o.source}: ${FORMAT_NAMES[result.format]} → ${toFile ? o.output : 'standard output'}: "${program.event.name}", ` +
      `${count(program.rooms.length, 'room')}, ${count(items, 'item')}, ${count(Object.keys(program.people).length, 'person', 'people')} ` +
      `in ${zoneWithId(program.timezone)}; ${guessed} guessed, ${dropped} dropped`,
  );
  return 0;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "UTC+01:00 (Etc/GMT-1)": how it reads, and the id the program file stores; a named zone once. */
function zoneWithId(zone: string): string {
  const label = zoneLabel(zone);
  return label === zone ? zone : `${label} (${zone})`;
}
