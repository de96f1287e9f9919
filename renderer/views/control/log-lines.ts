// The operator log as the control view lists it: one line per entry, newest first, in the program's time.
import type { LogEntry } from '../../../core/report/log-entry.ts';

export interface LogLine {
  /**
   * What the line shows (kind, time, text, who), and which of the lines alike it is: the list keeps a row by its key
   * and never redraws it, so a key must never name another line when newer entries come on top (an index did).
   */
  key: string;
  /** "09:02:00", the program-zone time the server wrote. */
  time: string;
  /** The desk's name and address; "clock" when nobody did it. */
  who: string;
  text: string;
  kind: LogEntry['kind'];
}

export interface LogWords {
  logClock: string;
  logOnStage: (title: string) => string;
  logRestarted: (title: string) => string;
  logNothingOn: string;
  logRefused: (what: string, reason: string) => string;
}

/** `titleOf` names an item by its id (the title the control shows); unknown ids are shown as they are. */
export function logLines(entries: LogEntry[], titleOf: (id: string) => string, w: LogWords): LogLine[] {
  const alike = new Map<string, number>();
  return entries.map((_, i) => {
    const line = lineOf(entries, i, titleOf, w);
    const shown = JSON.stringify([line.kind, line.time, line.text, line.who]);
    const n = alike.get(shown) ?? 0;
    alike.set(shown, n + 1);
    return { key: `${shown}#${n}`, ...line };
  });
}

function lineOf(entries: LogEntry[], i: number, titleOf: (id: string) => string, w: LogWords): Omit<LogLine, 'key'> {
  const e = entries[i]!;
  const base = { time: e.at.slice(11, 19), who: e.who ?? w.logClock, kind: e.kind };
  switch (e.kind) {
    case 'action':
    case 'edit':
      return { ...base, text: e.label };
    case 'refused':
      return { ...base, text: w.logRefused(e.type, e.reason) };
    case 'stage':
      return {
        ...base,
        text:
          e.itemId === null
            ? w.logNothingOn
            : e.ended === null && sameItemBefore(entries, i)
              ? w.logRestarted(titleOf(e.itemId))
              : w.logOnStage(titleOf(e.itemId)),
      };
  }
}

/** Whether the stage entry at `i` restarts the item already on (the next older stage entry of its room has it). */
function sameItemBefore(entries: LogEntry[], i: number): boolean {
  const e = entries[i]!;
  for (let k = i + 1; k < entries.length; k++) {
    const older = entries[k]!;
    if (older.kind === 'stage' && older.room === e.room) return e.kind === 'stage' && older.itemId === e.itemId;
  }
  return false;
}
