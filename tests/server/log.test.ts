// The operator log: every action, edit, refusal and stage change in a JSON-lines file beside the state, newest first
// from GET /api/log, kept across a restart, rotated by size, and a rehearsal's kept apart from the real show's.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DateTime } from 'luxon';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { LogEntry } from '../../core/report/log-entry.ts';
import { OperatorLog } from '../../server/operator-log.ts';
import { collectGarbage, heldValues } from '../helpers.ts';
import { post, programAroundNow, startHarness, type Harness } from './harness.ts';

let harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.map((h) => h.close()));
  harnesses = [];
});
const start = async (...args: Parameters<typeof startHarness>) => {
  const h = await startHarness(...args);
  harnesses.push(h);
  return h;
};

const fileEntries = (file: string): LogEntry[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as LogEntry);

async function getLog(h: Harness, query = '', pin: string | null = h.pin) {
  const res = await fetch(`${h.url}/api/log${query}`, { headers: pin ? { Authorization: `Bearer ${pin}` } : {} });
  return { status: res.status, json: (await res.json()) as { entries: LogEntry[]; error?: string } };
}

describe('the operator log', () => {
  test('each action, edit and refusal is a line with when, who, the undo label and before/after', async () => {
    const program = programAroundNow();
    const h = await start(program);
    const desk = { 'X-Roomcue-Who': 'Desk 1' };
    expect((await post(h, { type: 'delay.set', minutes: 5 }, desk)).status).toBe(200);
    expect(
      (await post(h, { type: 'program.item.update', itemId: 'talk2', set: { title: 'Second, fixed' } }, desk)).status,
    ).toBe(200);
    const refused = await post(h, { type: 'timer.resume' }, desk);
    expect(refused.status).toBe(409);
    expect((await post(h, { type: 'item.end' })).status).toBe(200);

    const file = join(h.stateDir, 'apitest.log.jsonl');
    const entries = fileEntries(file);
    const delay = entries.find((e) => e.kind === 'action' && e.type === 'delay.set')!;
    expect(delay).toMatchObject({
      room: 'A',
      who: 'Desk 1 (127.0.0.1)',
      label: 'Running 5 min late',
      before: { itemId: 'talk1', delayMinutes: 0 },
      after: { itemId: 'talk1', delayMinutes: 5 },
    });
    // The time in the program's zone, with its offset, and the same instant in ms.
    expect(delay.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(delay.at).toBe(DateTime.fromMillis(delay.ms, { zone: program.timezone }).toISO());
    expect(Date.parse(delay.at)).toBe(delay.ms);

    const edit = entries.find((e) => e.kind === 'edit')!;
    expect(edit).toMatchObject({
      type: 'program.item.update',
      label: 'Edit title of “Second talk”',
      who: 'Desk 1 (127.0.0.1)',
      edit: { op: 'update', itemId: 'talk2', set: { title: 'Second, fixed' }, base: { title: 'Second talk' } },
      before: [{ id: 'talk2', title: 'Second talk' }],
      after: [{ id: 'talk2', title: 'Second, fixed' }],
    });

    expect(entries.find((e) => e.kind === 'refused')).toMatchObject({
      type: 'timer.resume',
      who: 'Desk 1 (127.0.0.1)',
      reason: refused.json.error,
    });

    // item.end took the first talk off the stage and put the coffee break on: a stage record, by an action.
    const stage = entries.filter((e) => e.kind === 'stage').at(-1)!;
    expect(stage).toMatchObject({ itemId: 'break1', cause: 'action', ended: { itemId: 'talk1' } });
    expect(stage.kind === 'stage' && stage.ended!.at).toBe(stage.ms);
  });

  test('GET /api/log needs the PIN and gives the newest first, by room and limit; a restart keeps it', async () => {
    const h = await start(programAroundNow());
    await post(h, { type: 'delay.set', minutes: 3 });
    await post(h, { type: 'blackout', room: 'B', on: true });
    await post(h, { type: 'message.set', to: 'speaker', text: 'Wrap up' });

    expect((await getLog(h, '', null)).status).toBe(401);
    expect((await getLog(h, '', 'wrong-pin')).status).toBe(401);
    const all = await getLog(h);
    expect(all.status).toBe(200);
    const actions = all.json.entries.filter((e) => e.kind === 'action').map((e) => e.kind === 'action' && e.label);
    expect(actions).toEqual(['Message to the speaker: Wrap up', 'Blackout on', 'Running 3 min late']);
    const inB = await getLog(h, '?room=B');
    expect(inB.json.entries.map((e) => e.room)).toEqual(inB.json.entries.map(() => 'B'));
    expect(inB.json.entries.some((e) => e.kind === 'action' && e.label === 'Blackout on')).toBe(true);
    expect((await getLog(h, '?limit=1')).json.entries).toHaveLength(1);
    expect((await getLog(h, '?limit=zero')).status).toBe(400);
    expect((await getLog(h, '?room=Nowhere')).status).toBe(404);

    await h.restart();
    await post(h, { type: 'delay.set', minutes: 0 });
    const after = (await getLog(h)).json.entries
      .filter((e) => e.kind === 'action')
      .map((e) => e.kind === 'action' && e.label);
    expect(after).toEqual([
      'On time (no delay)',
      'Message to the speaker: Wrap up',
      'Blackout on',
      'Running 3 min late',
    ]);
  });

  test('a rehearsal writes its own log, started afresh, never the real one', async () => {
    const program = programAroundNow();
    const h = await start(program, { at: program.items![0]!.start });
    await post(h, { type: 'delay.set', minutes: 2 });
    expect(existsSync(join(h.stateDir, 'apitest.log.jsonl'))).toBe(false);
    const rehearsal = join(h.stateDir, 'apitest.rehearsal.log.jsonl');
    expect(fileEntries(rehearsal).some((e) => e.kind === 'action' && e.label === 'Running 2 min late')).toBe(true);
    await h.restart();
    expect(existsSync(rehearsal) ? readFileSync(rehearsal, 'utf8') : '').not.toContain('Running 2 min late');
  });
});

describe('rotation', () => {
  test('past the size the file moves to .1, .1 to .2 …; the oldest beyond `keep` goes; reading spans them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roomcue-log-'));
    const file = join(dir, 'x.log.jsonl');
    const log = new OperatorLog(file, { maxBytes: 1000, keep: 2 });
    const entry = (n: number): LogEntry => ({
      kind: 'action',
      at: new Date(n).toISOString(),
      ms: n,
      room: 'A',
      who: 'desk',
      type: 'delay.set',
      label: `step ${n}`,
    });
    for (let n = 1; n <= 40; n++) log.append(entry(n));
    const size = (f: string) => readFileSync(f).length;
    expect(size(file)).toBeLessThanOrEqual(1000);
    expect(size(`${file}.1`)).toBeLessThanOrEqual(1000);
    expect(existsSync(`${file}.2`)).toBe(true);
    expect(existsSync(`${file}.3`)).toBe(false);
    const kept = log.all().map((e) => e.ms);
    // The newest are all there, in order, and the oldest were dropped.
    expect(kept.at(-1)).toBe(40);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    expect(kept[0]).toBeGreaterThan(1);
    expect(log.recent(25).map((e) => e.ms)).toEqual(kept.slice(-25).reverse());
  });
});

describe('a restart', () => {
  test('an item on stage when the server stopped ended, as far as anyone knows, at its end in the program', async () => {
    const { createClock } = await import('../../server/clock.ts');
    const { ProgramWatcher } = await import('../../server/program/program-watcher.ts');
    const { Show } = await import('../../server/show.ts');
    const { parseLocal } = await import('../../core/time.ts');
    const { writeFileSync } = await import('node:fs');
    const at = (hm: string) => (parseLocal(`2026-06-29T${hm}`, 'Europe/Paris') as { at: number }).at;
    const dir = mkdtempSync(join(tmpdir(), 'roomcue-restart-'));
    const program = {
      ...programAroundNow(),
      timezone: 'Europe/Paris',
      items: [
        { id: 'k', kind: 'talk', title: 'Keynote', start: '2026-06-29T09:00', end: '2026-06-29T09:40', room: 'A' },
      ],
    };
    writeFileSync(join(dir, 'p.json'), JSON.stringify(program));
    const watcher = await ProgramWatcher.open(join(dir, 'p.json'));
    const file = join(dir, 'apitest.log.jsonl');
    // On at 09:10; the server goes down; it comes back at 12:00.
    new Show(watcher, null, createClock({ startAt: at('09:10') }), 'A', { log: new OperatorLog(file) }).close();
    new Show(watcher, null, createClock({ startAt: at('12:00') }), 'A', { log: new OperatorLog(file) }).close();
    watcher.close();
    const stages = fileEntries(file).filter((e) => e.kind === 'stage' && e.room === 'A');
    expect(stages.map((e) => e.kind === 'stage' && [e.itemId, e.ended])).toEqual([
      ['k', null],
      [null, { itemId: 'k', at: at('09:40') }],
    ]);
  });
});

describe('what the server keeps of its log in memory', () => {
  const entry = (n: number, room: string): LogEntry => ({
    kind: 'action',
    at: new Date(1_790_000_000_000 + n * 1000).toISOString(),
    ms: 1_790_000_000_000 + n * 1000,
    room,
    who: 'AV desk',
    type: 'timer.add',
    label: `+1 min on talk ${n}: a title about the screens of a conference room`,
  });

  test('the newest entries of each room come from memory or the files alike, across a restart', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roomcue-log-')), 'x.log.jsonl');
    const log = new OperatorLog(file);
    for (let n = 1; n <= 30; n++) log.append(entry(n, 'B'));
    for (let n = 31; n <= 1030; n++) log.append(entry(n, 'A'));
    const ms = (es: LogEntry[]) => es.map((e) => e.ms - 1_790_000_000_000);
    const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => (from - i) * 1000);
    for (const l of [log, new OperatorLog(file)]) {
      expect(ms(l.recent(50, 'B'))).toEqual(range(30, 1));
      expect(ms(l.recent(50, 'A'))).toEqual(range(1030, 981));
      expect(ms(l.recent(1000, 'A'))).toEqual(range(1030, 31));
      expect(ms(l.recent(10))).toEqual(range(1030, 1021));
      expect(ms(l.recent(1010))).toEqual(range(1030, 21));
    }
  });

  test('a long show does not grow it: past its tails, the log lets every entry go', async () => {
    // Counted, not measured: the process heap after full GCs also moves with what V8's helper threads have done by
    // then (freed pages swept, code compiled off the main thread installed), which lags on a loaded machine. So a
    // heap figure failed once at load 15 with the log unchanged. What the log holds, and which of its entries live,
    // do not depend on the load.
    const rooms = ['A', 'B', 'C'];
    const log = new OperatorLog(join(mkdtempSync(join(tmpdir(), 'roomcue-log-')), 'x.log.jsonl'));
    for (let n = 1; n <= 600; n++) log.append(entry(n, rooms[n % 3]!));
    const held = heldValues(log);
    const refs: WeakRef<LogEntry>[] = [];
    for (let n = 601; n <= 3600; n++) {
      const e = entry(n, rooms[n % 3]!);
      refs.push(new WeakRef(e));
      log.append(e);
    }
    // 3,000 more entries, and the log holds as many values as before (its tails are full at 600 already).
    expect(heldValues(log)).toBe(held);
    // Nothing else keeps them either (a cache, a closure): after a full GC only the tails' entries are alive, the
    // newest 100 of all rooms and of each room (the rooms take turns: entries 3,301 to 3,600).
    await new Promise((r) => setTimeout(r, 0));
    collectGarbage();
    const alive = refs.flatMap((r, i) => (r.deref() === undefined ? [] : [601 + i]));
    expect(alive).toEqual(Array.from({ length: 300 }, (_, i) => 3301 + i));
    expect(log.recent(1)[0]!.ms).toBe(entry(3600, 'A').ms);
  });
});
