// The timing report of a day the server joined late: what went on before its log began is not known, not "not played".
import { describe, expect, test } from 'vitest';
import type { LogEntry } from '../../core/report/log-entry.ts';
import { reportText, timingReport } from '../../core/report/timing.ts';
import { parseLocal } from '../../core/time.ts';
import { timelineOf, tinyProgram } from '../helpers.ts';

const at = (hm: string) => {
  const parsed = parseLocal(`2026-06-29T${hm}`, 'Europe/Paris');
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.at;
};
const stage = (hm: string, itemId: string | null, ended: { itemId: string; at: number } | null = null): LogEntry => ({
  kind: 'stage',
  at: `2026-06-29T${hm}:00.000+02:00`,
  ms: at(hm),
  room: 'A',
  who: null,
  itemId,
  startedAt: itemId === null ? null : at(hm),
  ended,
  cause: 'clock',
});

describe('a day whose log begins after its first items', () => {
  test('the server started at 09:40: the 09:00 talk is "not recorded", the one on then played, a skipped one not played', () => {
    const t = timelineOf(tinyProgram());
    // The server came up at 09:40 with the second talk on; at 10:00 the stage went empty: the coffee was skipped.
    const log = [stage('09:40', 't2'), stage('10:00', null, { itemId: 't2', at: at('10:00') })];
    const report = timingReport(t, log, 'A', '2026-06-29');
    expect(report.rows.map((r) => [r.itemId, r.status])).toEqual([
      ['t1', 'not-recorded'],
      ['t2', 'played'],
      ['b1', 'not-played'],
    ]);
    const lines = reportText(report).split('\n');
    expect(lines.find((l) => l.endsWith(' First'))).toMatch(/^09:00–09:30 +not recorded +First$/);
    expect(lines.find((l) => l.endsWith(' Coffee'))).toMatch(/^10:00–10:30 +not played +Coffee$/);
  });

  test('no record of the room that day at all: every item is "not recorded"', () => {
    const t = timelineOf(tinyProgram());
    const report = timingReport(t, [], 'A', '2026-06-29');
    expect(report.rows.map((r) => r.status)).toEqual(['not-recorded', 'not-recorded', 'not-recorded']);
  });
});
