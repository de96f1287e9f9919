// A day played on a real show with a controllable clock: late start, overruns held by the chair, an item the clock
// moved on, a cancelled talk. Its operator log is written where the show and `roomcue report` read it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Action } from '../../core/live/actions.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import { parseLocal } from '../../core/time.ts';
import { createClock } from '../../server/clock.ts';
import { logFileName, OperatorLog } from '../../server/operator-log.ts';
import { ProgramWatcher } from '../../server/program/program-watcher.ts';
import { OVERLAY_FORMAT, Show, validateOverlay, type OverlayFile } from '../../server/show.ts';
import { StateStore } from '../../server/store/state-store.ts';

export const ZONE = 'Europe/Paris';
export const DAY = '2026-06-29';
export const at = (hm: string) => {
  const p = parseLocal(`${DAY}T${hm}`, ZONE);
  if (!p.ok) throw new Error(p.reason);
  return p.at;
};

export const playedProgram: ProgramInput = {
  formatVersion: 1,
  event: { id: 'played', name: 'Played Conf' },
  timezone: ZONE,
  venue: { name: 'Hall' },
  rooms: [
    { id: 'A', name: 'Room A' },
    { id: 'B', name: 'Room B' },
  ],
  items: [
    { id: 't1', kind: 'talk', title: 'Opening <keynote>', start: `${DAY}T09:00`, end: `${DAY}T09:30`, room: 'A' },
    { id: 't2', kind: 'talk', title: 'Second "talk" & co', start: `${DAY}T09:30`, end: `${DAY}T10:00`, room: 'A' },
    { id: 'b1', kind: 'break', title: 'Coffee', start: `${DAY}T10:00`, end: `${DAY}T10:30`, room: 'A' },
    { id: 't3', kind: 'talk', title: 'Never given', start: `${DAY}T10:30`, end: `${DAY}T11:00`, room: 'A' },
    { id: 'bt', kind: 'talk', title: 'Talk in B', start: `${DAY}T09:00`, end: `${DAY}T10:00`, room: 'B' },
    // The program puts a second part in the same slot (as DP2E-AI's opening): the stage times one of them.
    { id: 'bt2', kind: 'talk', title: 'Its second part', start: `${DAY}T09:00`, end: `${DAY}T10:00`, room: 'B' },
  ],
};

export interface PlayedDay {
  dir: string;
  programFile: string;
  stateDir: string;
  show: Show;
  close(): void;
}

/**
 * Plays 09:00–11:00 with the show's own push timers (faked, so the clock moves at once): the chair starts the
 * opening 2 min late at 09:02 and ends it at 09:36 (4 min over, held by the chair), adds 2 min to the second talk,
 * which the clock takes off at 10:23 (the hold limit: 15 min past its zero at 10:08, later than the coffee's planned
 * start); the coffee follows the clock 10:23–10:53; the last talk was cancelled at 09:10. Call with fake timers on (setTimeout, Date).
 */
export async function playDay(): Promise<PlayedDay> {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-played-'));
  const programFile = join(dir, 'program.json');
  writeFileSync(programFile, JSON.stringify(playedProgram));
  const stateDir = join(dir, 'state');
  const watcher = await ProgramWatcher.open(programFile);
  vi.setSystemTime(at('08:55'));
  const clock = createClock({ startAt: at('09:00'), realNow: () => Date.now() });
  const log = new OperatorLog(join(stateDir, logFileName('played', false)));
  const overlay = new StateStore<OverlayFile>({
    file: join(stateDir, 'played.overlay.json'),
    formatVersion: OVERLAY_FORMAT,
    validate: validateOverlay,
  });
  const show = new Show(watcher, null, clock, 'A', { log, overlay });
  const advanceTo = (hm: string) => vi.advanceTimersByTime(at(hm) - clock.now());
  const act = (hm: string, action: Action) => {
    advanceTo(hm);
    show.dispatch(action, 'Chair A');
  };
  act('09:02', { type: 'timer.start', room: 'A' });
  act('09:10', { type: 'program.item.cancel', itemId: 't3', reason: 'Speaker ill' });
  act('09:36', { type: 'item.end', room: 'A' });
  act('09:50', { type: 'timer.add', room: 'A', seconds: 120 });
  advanceTo('11:00');
  return {
    dir,
    programFile,
    stateDir,
    show,
    close: () => {
      show.close();
      watcher.close();
    },
  };
}
