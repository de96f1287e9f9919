// The door beyond its card on now while an item is held on stage past its time: the strip of a break above NEXT,
// NEXT under it, and the day list. Each says one time for each item, from the state every view of the room receives,
// and none of them moves with the clock.
import { describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { clockTime } from '../../renderer/lib/format.ts';
import { afterCurrent, announcedLate, overtimeMs, timeUpAt } from '../../renderer/lib/stage.ts';
import { agendaRows } from '../../renderer/views/signage/screen.ts';
import { afterCurrentText, breakOnStage, breakStripLines } from '../../renderer/views/signage/text.ts';
import { itemProgress } from '../../renderer/views/signage/timing.ts';
import type { Lang } from '../../core/schedule/kinds.ts';
import { loadShippedProgram } from '../helpers.ts';
import { at, play, state } from './play.ts';

const dp2e = buildTimeline(loadShippedProgram());
const BREAK = 'd1-coffee-break';

/** The strip of the break on now as a passer-by reads it: "Coffee break until 11:20 · 10 min left". */
function strip(s: StateJson, local: string, lang: Lang = 'en'): string {
  const now = at(dp2e, local);
  const item = s.current.find((i) => i.id === BREAK)!;
  const lines = breakStripLines(
    item,
    itemProgress(item, s.timer, now),
    overtimeMs(s, BREAK, now),
    timeUpAt(s, BREAK, now),
    s.timezone,
    lang,
  );
  return [lines.what, lines.left].filter(Boolean).join(' · ');
}

/** NEXT under it while it waits for the item on stage: "after the break · planned 11:20" (null: it does not wait). */
function nextWaits(s: StateJson, lang: Lang = 'en'): string | null {
  const planned = afterCurrent(s);
  return planned === null
    ? null
    : `${afterCurrentText(breakOnStage(s), lang)} · ${lang === 'fr' ? 'prévu à' : 'planned'} ${clockTime(planned, s.timezone)}`;
}

/** The day list's rows as shown: "10:10 d1-lu". */
function dayList(s: StateJson): string[] {
  return agendaRows(s).map((r) => `${clockTime(r.start, s.timezone)} ${r.item.id}`);
}

describe('a coffee break held past its time, shown as the strip above NEXT', () => {
  // The chair paused and resumed the coffee break for 10 s: a person touched its timer, so it is held at 11:20:10.
  const touched = play(dp2e, [
    ['2026-06-29T11:00', { type: 'timer.pause' }],
    ['2026-06-29T11:00:10', { type: 'timer.resume' }],
  ]);

  test('before its time is up: "Coffee break until 11:20 · 10 min left", NEXT at its own time', () => {
    const s = state(dp2e, touched, '2026-06-29T11:10:10');
    expect(strip(s, '2026-06-29T11:10:10')).toBe('Coffee break until 11:20 · 10 min left');
    expect(nextWaits(s)).toBeNull();
  });

  test('2 min over: "Coffee break until 11:20 · running 2 min over"; NEXT "after the break · planned 11:20"', () => {
    for (const local of ['2026-06-29T11:22:15', '2026-06-29T11:23:05']) {
      const s = state(dp2e, touched, local);
      expect(s.stage).toMatchObject({ itemId: BREAK, held: true, overtime: true });
      expect(s.phase).toBe('in-break');
      expect(strip(s, local), local).toBe('Coffee break until 11:20 · running 2 min over');
      expect(strip(s, local, 'fr'), local).toBe("Coffee break jusqu'à 11:20 · dépasse de 2 min");
      expect(nextWaits(s), local).toBe('after the break · planned 11:20');
      expect(nextWaits(s, 'fr'), local).toBe('après la pause · prévu à 11:20');
    }
  });

  test('its strip keeps "until 11:20" as the overtime grows (a new state each minute)', () => {
    for (const local of ['2026-06-29T11:20:30', '2026-06-29T11:26:59', '2026-06-29T11:34:00'])
      expect(strip(state(dp2e, touched, local), local), local).toMatch(/^Coffee break until 11:20 · running/);
  });

  test('paused in overtime at 11:23: still "until 11:20", its overtime frozen at 2 min 50 s', () => {
    const paused = play(dp2e, [['2026-06-29T11:23', { type: 'timer.pause' }]], touched);
    const s = state(dp2e, paused, '2026-06-29T11:30');
    expect(s.timer).toMatchObject({ itemId: BREAK, running: false });
    expect(strip(s, '2026-06-29T11:30')).toBe('Coffee break until 11:20 · running 2 min over');
  });

  test('the day list reads the talk NEXT waits for at 11:20 too, not its projected 11:22', () => {
    const s = state(dp2e, touched, '2026-06-29T11:22:15');
    expect(clockTime(s.next!.start, s.timezone)).toBe('11:22');
    expect(dayList(s).slice(0, 3)).toEqual(['10:50 d1-coffee-break', '11:20 d1-nakajima', '12:00 d1-calvin']);
  });
});

describe('the day list while the keynote is held past its time', () => {
  const touched = play(dp2e, [
    ['2026-06-29T09:45', { type: 'timer.pause' }],
    ['2026-06-29T09:45:10', { type: 'timer.resume' }],
  ]);
  const plan = ['09:30 d1-dongarra', '10:10 d1-lu', '10:50 d1-coffee-break', '11:20 d1-nakajima', '12:00 d1-calvin'];

  test('the waiting talk reads 10:10 as NEXT does, the rows after it their planned times, minute after minute', () => {
    for (const local of ['2026-06-29T10:12:05', '2026-06-29T10:13:30', '2026-06-29T10:24:50']) {
      const s = state(dp2e, touched, local);
      expect(s.stage).toMatchObject({ itemId: 'd1-dongarra', held: true });
      // The live starts are projections from the state's instant: 10:12, 10:13, 10:24 for the talk NEXT names.
      expect(clockTime(s.next!.start, s.timezone)).toBe(local.slice(11, 16));
      expect(clockTime(afterCurrent(s)!, s.timezone)).toBe('10:10');
      expect(dayList(s).slice(0, 5), local).toEqual(plan);
    }
  });

  test('before its time is up, and once it is no longer held, the rows read the live times', () => {
    expect(dayList(state(dp2e, touched, '2026-06-29T10:05')).slice(0, 5)).toEqual(plan);
    // Ended 3 min over: the rest of the day runs 3 min late, at times that no longer move.
    const ended = play(dp2e, [['2026-06-29T10:13', { type: 'item.end' }]], touched);
    const s = state(dp2e, ended, '2026-06-29T10:20');
    expect(dayList(s).slice(0, 4)).toEqual([
      '10:13 d1-lu',
      '10:53 d1-coffee-break',
      '11:23 d1-nakajima',
      '12:03 d1-calvin',
    ]);
  });

  test('with AV’s "running 5 min late" before the hold: the rows read the plan, the banner the whole lateness', () => {
    const delayed = play(dp2e, [
      ['2026-06-29T10:00', { type: 'delay.set', minutes: 5 }],
      ['2026-06-29T10:01', { type: 'timer.pause' }],
      ['2026-06-29T10:01:10', { type: 'timer.resume' }],
    ]);
    // Before its time is up (10:15 with the delay): the live times, 5 min late, as the banner says.
    const before = state(dp2e, delayed, '2026-06-29T10:10');
    expect(dayList(before).slice(1, 3)).toEqual(['10:15 d1-lu', '10:55 d1-coffee-break']);
    expect(announcedLate(before, at(dp2e, '2026-06-29T10:10'))).toBe(5);
    // Held past 10:15: NEXT "planned 10:10", the list the same plan, the banner "Running 7 min late".
    const s = state(dp2e, delayed, '2026-06-29T10:17:30');
    expect(s.stage).toMatchObject({ itemId: 'd1-dongarra', held: true });
    expect(clockTime(afterCurrent(s)!, s.timezone)).toBe('10:10');
    expect(dayList(s).slice(0, 5)).toEqual(plan);
    expect(announcedLate(s, at(dp2e, '2026-06-29T10:17:30'))).toBe(7);
  });

  test('held 45 min ("Let it run": no limit): the rows stay in the order of the times they show', () => {
    // Calvin's projected start passes the lunch away (kept at 12:40): in the order of live starts, "12:40 Lunch" came
    // before "12:00 Calvin".
    const always = play(dp2e, [['2026-06-29T09:45', { type: 'overtime.policy', policy: 'always' }]], touched);
    const s = state(dp2e, always, '2026-06-29T10:55');
    expect(s.stage).toMatchObject({ itemId: 'd1-dongarra', held: true });
    expect(Date.parse(s.later.find((i) => i.id === 'd1-calvin')!.start)).toBeGreaterThan(
      Date.parse(s.later.find((i) => i.id === 'd1-lunch')!.start),
    );
    expect(dayList(s).slice(0, 7)).toEqual([...plan, '12:40 d1-lunch', '13:40 d1-olukotun']);
  });
});
