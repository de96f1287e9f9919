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

test('a key always names the same line, as newer entries come on top (the list reuses a row by its key)', () => {
  // An edit and the stage change it made share their millisecond; a cancel and its stage change share another.
  const at = (hms: string) => common(hms, 'Desk (10.0.0.2)');
  const stage = (hms: string, itemId: string | null): LogEntry => ({
    kind: 'stage',
    ...at(hms),
    itemId,
    startedAt: 0,
    ended: null,
    cause: 'action',
  });
  const edit = (hms: string, label: string): LogEntry => ({
    kind: 'edit',
    ...at(hms),
    type: 'program.item.update',
    label,
    edit: {},
  });
  const older: LogEntry[] = [
    stage('09:02:00', 't2'),
    edit('09:02:00', 'Move “Second” to 09:02'),
    stage('09:01:00', null),
    edit('09:01:00', 'Cancel “Opening”'),
  ];
  const w = controlWords('en');
  const title = (id: string) => ({ t1: 'Opening', t2: 'Second' })[id] ?? id;
  const lists = [
    logLines(older, title, w),
    logLines([edit('09:03:00', 'Edit title of “Third”'), ...older], title, w),
    logLines([edit('09:04:00', 'AV note on “Second”'), edit('09:03:00', 'Edit title of “Third”'), ...older], title, w),
  ];
  const shown = new Map<string, string>();
  for (const lines of lists) {
    expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
    for (const l of lines) {
      const line = `${l.time} ${l.text} ${l.who}`;
      expect(shown.get(l.key) ?? line, l.key).toBe(line);
      shown.set(l.key, line);
    }
  }
  // Two lines alike in every way are still two rows.
  const twice = logLines([edit('09:05:00', 'Same'), edit('09:05:00', 'Same')], title, w);
  expect(twice.map((l) => l.text)).toEqual(['Same', 'Same']);
  expect(twice[0]!.key).not.toBe(twice[1]!.key);
});
