// The timing report: planned vs actual start and end of every item of a room's day, from the operator log.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClock } from '../../server/clock.ts';
import { logFileName, OperatorLog } from '../../server/operator-log.ts';
import { ProgramWatcher } from '../../server/program/program-watcher.ts';
import { Show } from '../../server/show.ts';
import { at, DAY, playDay, playedProgram, type PlayedDay } from './played-day.ts';
import { post, programAroundNow, startHarness, type Harness } from './harness.ts';

const MIN = 60_000;

describe('the report of a rehearsed day shows the overruns that were played', () => {
  let played: PlayedDay | null = null;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    played?.close();
    played = null;
    vi.useRealTimers();
  });

  test('late start, overruns, the clock moving on and a cancelled talk, to the second', async () => {
    played = await playDay();
    const report = played.show.report('A', DAY);
    const row = (id: string) => {
      const r = report.rows.find((x) => x.itemId === id)!;
      return [r.actualStart, r.actualEnd, r.startLateMs, r.overrunMs, r.lateMs, r.status];
    };
    expect(report.rows.map((r) => [r.itemId, r.plannedStart, r.plannedEnd])).toEqual([
      ['t1', at('09:00'), at('09:30')],
      ['t2', at('09:30'), at('10:00')],
      ['b1', at('10:00'), at('10:30')],
      ['t3', at('10:30'), at('11:00')],
    ]);
    // Started by the chair at 09:02, ended by the chair at 09:36: 34 minutes for a 30-minute slot.
    expect(row('t1')).toEqual([at('09:02'), at('09:36'), 2 * MIN, 4 * MIN, 6 * MIN, 'played']);
    // On at 09:36 with 2 minutes added (zero at 10:08), held in overtime until the hold limit (15 min past its
    // zero) took it off at 10:23: 47 minutes.
    expect(row('t2')).toEqual([at('09:36'), at('10:23'), 6 * MIN, 17 * MIN, 23 * MIN, 'played']);
    // The coffee came on at 10:23 but ended on the clock's time (the hold let go: the day is back on the clock,
    // 8 minutes late as of the second talk's zero): 15 of its 30 minutes.
    expect(row('b1')).toEqual([at('10:23'), at('10:38'), 23 * MIN, -15 * MIN, 8 * MIN, 'played']);
    expect(row('t3')).toEqual([null, null, null, null, null, 'cancelled']);
    expect([report.overran, report.totalOverrunMs, report.finalLateMs]).toEqual([2, 21 * MIN, 8 * MIN]);
    // Room B was left to the clock: on time. Its two items in one slot were on the screens together: the one the
    // stage did not time shares the times of the one it did.
    expect(
      played.show.report('B', DAY).rows.map((r) => [r.itemId, r.actualStart, r.actualEnd, r.overrunMs, r.status]),
    ).toEqual([
      ['bt', at('09:00'), at('10:00'), 0, 'played'],
      ['bt2', at('09:00'), at('10:00'), 0, 'played'],
    ]);
  });
});

describe('GET /report', () => {
  let h: Harness;
  beforeEach(async () => {
    program = programAroundNow();
    h = await startHarness(program);
  });
  afterEach(() => h.close());
  let program: ReturnType<typeof programAroundNow>;
  /** The program's one day (its items are all on it, in its zone). */
  const today = () => program.items![0]!.start.slice(0, 10);

  test('a printable page of the room and day, escaped, under the views’ CSP', async () => {
    await post(h, {
      type: 'program.item.update',
      itemId: 'break1',
      set: { title: 'Coffee <script>alert(1)</script>' },
    });
    await post(h, { type: 'item.end' });
    const res = await fetch(`${h.url}/report?day=${today()}&room=A`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('Coffee &#60;script&#62;alert(1)&#60;/script&#62;');
    // The first talk was ended by item.end: a row with its actual end and its status.
    const talk1 = /<tr data-item="talk1">(.*?)<\/tr>/s.exec(html)![1]!;
    expect(talk1).toContain('First talk');
    expect(talk1).toMatch(/<td class="status">played<\/td>/);
  });

  test('a wrong day or room is a clear 4xx', async () => {
    expect((await fetch(`${h.url}/report?day=29-06-2026`)).status).toBe(400);
    expect((await fetch(`${h.url}/report`)).status).toBe(400);
    const none = await fetch(`${h.url}/report?day=2001-01-01`);
    expect(none.status).toBe(404);
    expect(none.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await none.text()).toContain(`the program has nothing on 2001-01-01; its days: ${today()}`);
    expect((await fetch(`${h.url}/report?day=${today()}&room=Nowhere`)).status).toBe(404);
  });
});

describe('two items in one slot, the chair starting late in the middle of it', () => {
  afterEach(() => vi.useRealTimers());

  test('the timer is the one the chair started, and the report gives both items its start and end', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const dir = mkdtempSync(join(tmpdir(), 'roomcue-twins-'));
    const programFile = join(dir, 'program.json');
    writeFileSync(programFile, JSON.stringify(playedProgram));
    const watcher = await ProgramWatcher.open(programFile);
    // The show starts at 09:20, in the middle of room B's 09:00–10:00 slot that holds a talk and its second part.
    vi.setSystemTime(at('09:20'));
    const clock = createClock({ startAt: at('09:20'), realNow: () => Date.now() });
    const show = new Show(watcher, null, clock, 'B', { log: new OperatorLog(join(dir, logFileName('played', false))) });
    try {
      vi.advanceTimersByTime(at('09:22') - clock.now());
      show.dispatch({ type: 'timer.start', room: 'B' }, 'Chair B');
      vi.advanceTimersByTime(at('09:25') - clock.now());
      // The chair's countdown is the hour it started at 09:22, on the talk it started.
      const timer = show.state('B', 'chair').timer!;
      expect([timer.itemId, timer.source, timer.endsAtMs]).toEqual(['bt', 'timer', at('10:22')]);
      vi.advanceTimersByTime(at('11:00') - clock.now());
      const rows = show
        .report('B', DAY)
        .rows.map((r) => [r.itemId, r.actualStart, r.actualEnd, r.status, r.sharedWith]);
      // Held past its zero (10:22) until the hold limit, 15 minutes later: both parts, the same times.
      expect(rows).toEqual([
        ['bt', at('09:22'), at('10:37'), 'played', null],
        ['bt2', at('09:22'), at('10:37'), 'played', 'bt'],
      ]);
    } finally {
      show.close();
      watcher.close();
    }
  });
});
