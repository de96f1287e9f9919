// The control view's log lines: the label of each action and edit, refusals with their reason, stage changes.
import { expect, test } from 'vitest';
import type { LogEntry } from '../../core/report/log-entry.ts';
import { logLines } from '../../renderer/views/control/log-lines.ts';
import { controlWords } from '../../renderer/views/control/words.ts';

const common = (hms: string, who: string | null) => ({
  at: `2026-06-29T${hms}.000+02:00`,
  ms: Date.parse(`2026-06-29T${hms}+02:00`),
  room: 'A',
  who,
});

test('newest first, in the program time, with who did it (the clock for the stage changes it made)', () => {
  const entries: LogEntry[] = [
    {
      kind: 'stage',
      ...common('09:36:00', 'Desk (10.0.0.2)'),
      itemId: 't2',
      startedAt: 0,
      ended: { itemId: 't1', at: 0 },
      cause: 'action',
    },
    { kind: 'action', ...common('09:36:00', 'Desk (10.0.0.2)'), type: 'item.end', label: 'Next: Second' },
    {
      kind: 'refused',
      ...common('09:20:00', 'Chair (10.0.0.9)'),
      type: 'timer.resume',
      reason: 'the timer is not paused',
    },
    {
      kind: 'stage',
      ...common('09:02:00', 'Chair (10.0.0.9)'),
      itemId: 't1',
      startedAt: 0,
      ended: null,
      cause: 'action',
    },
    { kind: 'stage', ...common('09:00:00', null), itemId: 't1', startedAt: 0, ended: null, cause: 'clock' },
  ];
  const titles: Record<string, string> = { t1: 'Opening', t2: 'Second' };
  const lines = logLines(entries, (id) => titles[id] ?? id, controlWords('en'));
  expect(lines.map((l) => [l.time, l.text, l.who])).toEqual([
    ['09:36:00', 'On stage: Second', 'Desk (10.0.0.2)'],
    ['09:36:00', 'Next: Second', 'Desk (10.0.0.2)'],
    ['09:20:00', 'Refused timer.resume: the timer is not paused', 'Chair (10.0.0.9)'],
    ['09:02:00', 'Restarted: Opening', 'Chair (10.0.0.9)'],
    ['09:00:00', 'On stage: Opening', 'clock'],
  ]);
});
