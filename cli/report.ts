// `roomcue report --day D`: the timing report of a room's day (planned vs actual, overruns, lateness) from the
// operator log in the state folder, as a text table or CSV.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mergeValid } from '../core/edits/overlay.ts';
import { formatDiagnostic } from '../core/program/diagnostics.ts';
import { parseProgramJson } from '../core/program/parse.ts';
import { findRoom } from '../core/program/rooms.ts';
import { reportCsv, reportText, timingReport } from '../core/report/timing.ts';
import { buildTimeline } from '../core/schedule/timeline.ts';
import { DEFAULT_PROGRAM, readProgramFile } from '../server/program/program-file.ts';
import { logFileName, readLog } from '../server/operator-log.ts';
import { defaultStateDir } from '../server/state-dir.ts';
import { readOverlay } from './export.ts';
import { CliError, type Io } from './io.ts';

export interface ReportCliOptions {
  day?: string | undefined;
  room?: string | undefined;
  csv: boolean;
  stateDir?: string | undefined;
  program?: string | undefined;
  rehearsal: boolean;
}

/** Exit codes: 0 printed, 1 no log to report from or the program is not valid, 2 a mistake or unreadable. */
export async function runReport(o: ReportCliOptions, io: Io): Promise<number> {
  if (o.day === undefined) throw new CliError('report: --day is required, e.g. --day 2026-06-29', 2);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.day)) throw new CliError(`--day must be a date like 2026-06-29, got "${o.day}"`, 2);
  const file = o.program ?? DEFAULT_PROGRAM;
  const shown = o.program ?? 'data/dp2e-ai-2026.json';
  const read = await readProgramFile(file);
  if (read.status === 'unreadable') throw new CliError(`${shown}: cannot read: ${read.message}`, 2);
  if (read.status !== 'ok') {
    for (const d of read.diagnostics.filter((x) => x.severity === 'error')) io.err(formatDiagnostic(shown, d));
    throw new CliError(
      `${shown} is not a valid program; run "roomcue check ${shown}"`,
      read.status === 'not-json' ? 2 : 1,
    );
  }
  const dir = o.stateDir ?? defaultStateDir();
  let program = read.program;
  // The program as the screens had it: the operators' edits saved beside the state (a cancelled talk is cancelled).
  const overlay = await readOverlay(join(dir, `${program.event.id}.overlay.json`));
  if (overlay) {
    const { merged } = mergeValid(
      program,
      overlay.edits.map((e) => e.edit),
    );
    program = parseProgramJson(merged.program).program ?? program;
  }
  const timeline = buildTimeline(program);
  const days = [...new Set(timeline.items.map((i) => i.day))].sort();
  if (!days.includes(o.day)) throw new CliError(`${shown} has nothing on ${o.day}; its days: ${days.join(', ')}`, 2);
  const match = findRoom(program.rooms, o.room ?? timeline.mainRoom);
  if (!match.ok) throw new CliError(`${match.message} (in ${shown})`, 2);
  const logFile = join(dir, logFileName(program.event.id, o.rehearsal));
  if (!existsSync(logFile)) {
    io.err(
      `roomcue: no operator log for "${program.event.id}" in ${dir} (looked for ${logFileName(program.event.id, o.rehearsal)}); ` +
        'give the --state-dir that "roomcue serve" used' +
        (o.rehearsal ? '' : ', or --rehearsal for the last rehearsal'),
    );
    return 1;
  }
  const report = timingReport(timeline, readLog(logFile), match.room.id, o.day);
  if (o.csv) io.out(reportCsv(report).replace(/\r\n$/, ''));
  else io.out(reportText(report));
  return 0;
}
