// `roomcue export [--with-edits] [-o FILE]`: the program as Roomcue reads it (an import turned into our format), and
// with --with-edits the operators' edits from the state folder applied on top: the program the screens show.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeValid } from '../core/edits/overlay.ts';
import { formatDiagnostic } from '../core/program/diagnostics.ts';
import { parseProgramJson } from '../core/program/parse.ts';
import { isKnownZone } from '../core/time.ts';
import { DEFAULT_PROGRAM, describeFsError, readProgramFile } from '../server/program/program-file.ts';
import { validateOverlay, type OverlayFile } from '../server/show.ts';
import { defaultStateDir } from '../server/state-dir.ts';
import { CliError, sameFile, type Io } from './io.ts';

export interface ExportCliOptions {
  program?: string | undefined;
  withEdits: boolean;
  stateDir?: string | undefined;
  /** A file, or "-" (or nothing) for standard output. */
  output?: string | undefined;
  zone?: string | undefined;
}

/** Exit codes: 0 written, 1 the program (or the program with the edits) is not valid, 2 unreadable or a mistake. */
export async function runExport(o: ExportCliOptions, io: Io): Promise<number> {
  if (o.zone !== undefined && !isKnownZone(o.zone))
    throw new CliError(`--zone: unknown time zone "${o.zone}": use an IANA name such as "Europe/Berlin"`, 2);
  if (o.stateDir !== undefined && !o.withEdits)
    throw new CliError('--state-dir is where the edits are: give --with-edits too', 2);
  const file = o.program ?? DEFAULT_PROGRAM;
  if (/^https?:\/\//i.test(file))
    throw new CliError('export reads a program file; download the export first (roomcue import can convert it)', 2);
  const toFile = o.output !== undefined && o.output !== '-';
  if (toFile && (await sameFile(file, o.output!)))
    throw new CliError(`refusing to overwrite the source ${file}: give another -o FILE`, 2);
  // With the program on standard output, what we say goes to standard error so that the output stays valid JSON.
  const say = toFile ? io.out : io.err;
  const read = await readProgramFile(file, { zone: o.zone });
  if (read.status === 'unreadable') {
    io.err(`${file}: cannot read: ${read.message}`);
    return 2;
  }
  if (read.status !== 'ok') {
    for (const d of read.diagnostics.filter((x) => x.severity === 'error')) io.err(formatDiagnostic(file, d));
    io.err(`${file}: not a valid program (see above); nothing written`);
    return read.status === 'not-json' ? 2 : 1;
  }
  let program = read.program;
  if (o.withEdits) {
    const dir = o.stateDir ?? defaultStateDir();
    const overlayFile = join(dir, `${program.event.id}.overlay.json`);
    const overlay = await readOverlay(overlayFile);
    if (overlay === null) say(`${overlayFile}: no edits saved for "${program.event.id}"; the program as it is`);
    else {
      const { merged, refused } = mergeValid(
        program,
        overlay.edits.map((e) => e.edit),
      );
      for (const c of [...merged.conflicts, ...refused]) say(`edit ${c.index + 1}: ${c.message}`);
      const parsed = parseProgramJson(merged.program);
      if (!parsed.program) {
        for (const d of parsed.diagnostics.filter((x) => x.severity === 'error')) io.err(formatDiagnostic(file, d));
        io.err('the program with the edits is not valid (see above); nothing written');
        return 1;
      }
      program = parsed.program;
      say(`${overlay.edits.length} edit${overlay.edits.length === 1 ? '' : 's'} applied from ${overlayFile}`);
    }
  }
  const json = `${JSON.stringify(program, null, 2)}\n`;
  if (!toFile) {
    io.out(json.trimEnd());
    return 0;
  }
  try {
    await writeFile(o.output!, json);
  } catch (err) {
    io.err(`${o.output}: cannot write: ${describeFsError(err)}`);
    return 2;
  }
  say(`written ${o.output}`);
  return 0;
}

export async function readOverlay(file: string): Promise<OverlayFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(`${file}: cannot read: ${describeFsError(err)}`, 2);
  }
  try {
    const data = JSON.parse(text) as { state?: unknown };
    return validateOverlay(data.state);
  } catch (err) {
    throw new CliError(`${file}: not an overlay of edits: ${err instanceof Error ? err.message : String(err)}`, 2);
  }
}
