// `roomcue report`: the timing report of a room's day from the state folder's operator log, as text or CSV.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { roomcue } from './in-process.ts';
import { playDay, type PlayedDay } from '../server/played-day.ts';

let played: PlayedDay;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  played = await playDay();
  played.close();
  vi.useRealTimers();
});
afterAll(() => vi.useRealTimers());

const report = (...args: string[]) =>
  roomcue('report', '--program', played.programFile, '--state-dir', played.stateDir, ...args);

describe('roomcue report', () => {
  test('--csv: one row per item with planned and actual times and the overruns in seconds', async () => {
    const r = await report('--day', '2026-06-29', '--csv');
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\r\n')).toEqual([
      'room,day,item_id,title,kind,planned_start,planned_end,actual_start,actual_end,start_late_s,overrun_s,late_at_end_s,status',
      'A,2026-06-29,t1,Opening <keynote>,talk,09:00:00,09:30:00,09:02:00,09:36:00,120,240,360,played',
      'A,2026-06-29,t2,"Second ""talk"" & co",talk,09:30:00,10:00:00,09:36:00,10:23:00,360,1020,1380,played',
      'A,2026-06-29,b1,Coffee,break,10:00:00,10:30:00,10:23:00,10:38:00,1380,-900,480,played',
      // Cancelled by an edit saved in the state folder's overlay: the report reads the program as the screens had it.
      'A,2026-06-29,t3,Never given,talk,10:30:00,11:00:00,,,,,,cancelled',
    ]);
  });

  test('as text, for another room by its name', async () => {
    const a = await report('--day', '2026-06-29');
    expect(a.code, a.err).toBe(0);
    const line = a.out.split('\n').find((l) => l.endsWith('Second "talk" & co'))!;
    expect(line.split(/\s{2,}/)).toEqual([
      '09:30–10:00',
      '09:36:00–10:23:00',
      '+6:00',
      '+17:00',
      '+23:00',
      'Second "talk" & co',
    ]);
    expect(a.out).toContain('Overruns: 2 item(s), +21:00 in all; late at the end: +8:00');
    const b = await report('--day', '2026-06-29', '--room', 'room b', '--csv');
    expect(b.out.split('\r\n')[1]).toBe(
      'B,2026-06-29,bt,Talk in B,talk,09:00:00,10:00:00,09:00:00,10:00:00,0,0,0,played',
    );
  });

  test('mistakes are named, with exit 2; a folder with no log is exit 1', async () => {
    const cases: [string[], RegExp][] = [
      [[], /--day is required/],
      [['--day', '29/06/2026'], /--day must be a date like 2026-06-29/],
      [['--day', '2026-07-01'], /nothing on 2026-07-01.*2026-06-29/],
      [['--day', '2026-06-29', '--room', 'Z'], /room/i],
      [['--day', '2026-06-29', 'extra'], /takes no arguments/],
    ];
    for (const [args, message] of cases) {
      const r = await report(...args);
      expect([r.code, r.err], args.join(' ')).toEqual([2, expect.stringMatching(message)]);
    }
    const empty = join(played.dir, 'empty');
    mkdirSync(empty);
    const none = await roomcue('report', '--program', played.programFile, '--state-dir', empty, '--day', '2026-06-29');
    expect(none.code).toBe(1);
    expect(none.err).toContain(`no operator log for "played" in ${empty}`);
    // A rehearsal's log is read with --rehearsal.
    const dir = join(played.dir, 'rehearsed');
    mkdirSync(dir);
    copyFileSync(join(played.stateDir, 'played.log.jsonl'), join(dir, 'played.rehearsal.log.jsonl'));
    const rehearsed = await roomcue(
      'report',
      '--program',
      played.programFile,
      '--state-dir',
      dir,
      '--day',
      '2026-06-29',
      '--rehearsal',
      '--csv',
    );
    expect(rehearsed.code, rehearsed.err).toBe(0);
    expect(rehearsed.out.split('\r\n')[1]).toContain(',09:02:00,09:36:00,120,240,360,played');
  });

  test('--help lists the options', async () => {
    const r = await roomcue('report', '--help');
    expect(r.code).toBe(0);
    for (const flag of ['--day', '--room', '--csv', '--state-dir', '--program', '--rehearsal'])
      expect(r.out).toContain(flag);
  });
});
