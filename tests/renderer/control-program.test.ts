// The console's program rows: what is on and next comes from the server; finished rows and second taps from the clock.
import { describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import type { ItemJson } from '../../core/schedule/screen-json.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { clockTime } from '../../renderer/lib/format.ts';
import {
  FAR_MS,
  needsConfirm,
  programRows,
  rowState,
  rowTimes,
  speakerNames,
} from '../../renderer/views/control/program-rows.ts';
import { controlWords } from '../../renderer/views/control/words.ts';
import { loadShippedProgram } from '../helpers.ts';
import { at as atLocal, play, state } from '../live/play.ts';

function item(id: string, start: string, end: string, speakers: string[] = []): ItemJson {
  return {
    id,
    kind: 'talk',
    title: id,
    subtitle: null,
    start: `2026-06-29T${start}:00+02:00`,
    end: `2026-06-29T${end}:00+02:00`,
    plannedStart: `2026-06-29T${start}:00+02:00`,
    plannedEnd: `2026-06-29T${end}:00+02:00`,
    day: '2026-06-29',
    speakers: speakers.map((name) => ({ name, affiliation: null })),
    room: 'A',
    location: null,
    session: null,
    url: null,
    cancelled: null,
  };
}

const at = (hhmm: string) => Date.parse(`2026-06-29T${hhmm}:00+02:00`);
const opening = item('opening', '09:00', '09:30');
const keynote = item('keynote', '09:30', '10:10', ['Ada Lovelace', 'Alan Turing']);
const talk = item('talk', '10:10', '10:50');
const evening = item('evening', '19:00', '21:00');

describe('row state', () => {
  const marks = { current: [{ id: 'keynote' }], next: { id: 'talk' } };
  test.each([
    { label: 'finished by the clock', row: opening, state: 'done' },
    { label: 'on now, as the server says', row: keynote, state: 'current' },
    { label: 'next, as the server says', row: talk, state: 'next' },
    { label: 'later', row: evening, state: 'upcoming' },
  ])('$label', ({ row, state }) => expect(rowState(row, marks, at('09:45'))).toBe(state));

  test('in manual mode the pinned item is current even before its planned start', () => {
    expect(rowState(evening, { current: [{ id: 'evening' }], next: null }, at('09:45'))).toBe('current');
  });

  test('the server, not the clock, says what is current: an item past its end stays current while on', () => {
    expect(rowState(opening, { current: [{ id: 'opening' }], next: null }, at('09:45'))).toBe('current');
  });

  test('overlapping items can both be current', () => {
    const marks2 = { current: [{ id: 'keynote' }, { id: 'talk' }], next: null };
    expect([keynote, talk].map((i) => rowState(i, marks2, at('10:00')))).toEqual(['current', 'current']);
  });
});

describe('a second tap for drastic jumps', () => {
  test.each([
    { label: 'restarting what is on', row: keynote, state: 'current' as const, confirm: true },
    { label: 'the next item', row: talk, state: 'next' as const, confirm: false },
    { label: 'an item that just ended', row: opening, state: 'done' as const, confirm: false },
    { label: 'the evening, hours away', row: evening, state: 'upcoming' as const, confirm: true },
  ])('$label → $confirm', ({ row, state, confirm }) => expect(needsConfirm(row, state, at('09:45'))).toBe(confirm));

  test('the limit is an hour either way', () => {
    const later = item('later', '11:00', '11:30');
    expect(needsConfirm(later, 'upcoming', at('11:00') - FAR_MS)).toBe(false);
    expect(needsConfirm(later, 'upcoming', at('11:00') - FAR_MS - 1)).toBe(true);
    expect(needsConfirm(later, 'done', at('11:00') + FAR_MS + 1)).toBe(true);
  });
});

test('speaker names', () => {
  expect(speakerNames(keynote)).toBe('Ada Lovelace, Alan Turing');
  expect(speakerNames(talk)).toBe('');
});

describe('a row’s times while the talk on stage runs over (the shipped program, 29 June)', () => {
  const dp2e = buildTimeline(loadShippedProgram());
  /** A row as the operator reads it: "09:30–10:10 · running 7 min over", "10:10–10:50 · after this talk". */
  function row(s: StateJson, id: string, local: string, lang: 'en' | 'fr' = 'en'): string {
    const w = controlWords(lang);
    const it = s.day.find((i) => i.id === id)!;
    const t = rowTimes(it, s, atLocal(dp2e, local));
    const range = `${clockTime(t.start, s.timezone)}–${clockTime(t.end, s.timezone)}`;
    const marks = [
      t.overMs === null ? null : w.runningOver(Math.floor(t.overMs / 60_000)),
      t.after === 'talk' ? w.afterThisTalk : t.after === 'break' ? w.afterTheBreak : null,
    ];
    return [range, ...marks].filter(Boolean).join(' · ');
  }
  // The chair paused and resumed the keynote for 10 s: a person touched its timer, so it is held when its time is up.
  const touched = play(dp2e, [
    ['2026-06-29T09:45', { type: 'timer.pause' }],
    ['2026-06-29T09:45:10', { type: 'timer.resume' }],
  ]);

  test('held 7 min over: the keynote ends when its time was up, the next talk waits at its planned time', () => {
    const local = '2026-06-29T10:17:20';
    const s = state(dp2e, touched, local);
    expect(s.stage).toMatchObject({ itemId: 'd1-dongarra', held: true, overtime: true });
    // The old rows: "09:30–10:17" and "10:17–10:57", both the instant of the last state.
    expect(row(s, 'd1-dongarra', local)).toBe('09:30–10:10 · running 7 min over');
    expect(row(s, 'd1-lu', local)).toBe('10:10–10:50 · after this talk');
    expect(row(s, 'd1-dongarra', local, 'fr')).toBe('09:30–10:10 · dépasse de 7 min');
    expect(row(s, 'd1-lu', local, 'fr')).toBe('10:10–10:50 · après cette intervention');
    // The timer panel's "ends at" is the same end.
    expect(clockTime(s.timer!.endsAtMs, s.timezone)).toBe('10:10');
  });

  test('no time in either row moves as the overtime grows (a new state each minute)', () => {
    for (const [local, over] of [
      ['2026-06-29T10:10:40', 'running over'],
      ['2026-06-29T10:14:59', 'running 4 min over'],
      ['2026-06-29T10:24:30', 'running 14 min over'],
    ] as const) {
      const s = state(dp2e, touched, local);
      expect(row(s, 'd1-dongarra', local), local).toBe(`09:30–10:10 · ${over}`);
      expect(row(s, 'd1-lu', local), local).toBe('10:10–10:50 · after this talk');
    }
  });

  test('paused in overtime at 10:12: still 09:30–10:10, its overtime frozen at 1 min 50 s', () => {
    const paused = play(dp2e, [['2026-06-29T10:12', { type: 'timer.pause' }]], touched);
    const local = '2026-06-29T10:20';
    const s = state(dp2e, paused, local);
    expect(row(s, 'd1-dongarra', local)).toBe('09:30–10:10 · running 1 min over');
  });

  test('the rows after the waiting talk read their planned times too, as the door’s day list (not 10:57–11:27)', () => {
    const local = '2026-06-29T10:17:20';
    const s = state(dp2e, touched, local);
    expect(clockTime(s.day.find((i) => i.id === 'd1-coffee-break')!.start, s.timezone)).toBe('10:57');
    expect(row(s, 'd1-coffee-break', local)).toBe('10:50–11:20');
    expect(row(s, 'd1-nakajima', local)).toBe('11:20–12:00');
    // The rows done before it keep the times they ran.
    expect(row(s, 'd1-welcome', local)).toBe('09:00–09:30');
  });

  test('held 45 min with no limit: the rows to come are in the order of the times they show', () => {
    // Calvin's projected start passes the lunch away (kept at 12:40): in the server's order, lunch came first.
    const always = play(dp2e, [['2026-06-29T09:45', { type: 'overtime.policy', policy: 'always' }]], touched);
    const local = '2026-06-29T10:55';
    const s = state(dp2e, always, local);
    expect(s.stage).toMatchObject({ itemId: 'd1-dongarra', held: true });
    const rows = programRows(s.days.find((d) => d.date === '2026-06-29')!.items, s, atLocal(dp2e, local));
    expect(
      rows
        .slice(3, 10)
        .map(
          (r) => `${clockTime(r.times.start, s.timezone)} ${r.item.id}${r.times.after ? ` (${r.times.after})` : ''}`,
        ),
    ).toEqual([
      '09:30 d1-dongarra',
      '10:10 d1-lu (talk)',
      '10:50 d1-coffee-break',
      '11:20 d1-nakajima',
      '12:00 d1-calvin',
      '12:40 d1-lunch',
      '13:40 d1-olukotun',
    ]);
    expect(rows.slice(0, 4).map((r) => r.state)).toEqual(['done', 'done', 'done', 'current']);
  });

  test('a coffee break held past its time: the talk after it reads 11:20–12:00 and "after the break"', () => {
    const breakTouched = play(dp2e, [
      ['2026-06-29T11:00', { type: 'timer.pause' }],
      ['2026-06-29T11:00:10', { type: 'timer.resume' }],
    ]);
    const local = '2026-06-29T11:22:30';
    const s = state(dp2e, breakTouched, local);
    expect(s.stage).toMatchObject({ itemId: 'd1-coffee-break', held: true });
    expect(row(s, 'd1-coffee-break', local)).toBe('10:50–11:20 · running 2 min over');
    expect(row(s, 'd1-nakajima', local)).toBe('11:20–12:00 · after the break');
    expect(row(s, 'd1-nakajima', local, 'fr')).toBe('11:20–12:00 · après la pause');
  });

  test('before its time is up, and run over without being held ("Always follow the clock"), live times', () => {
    expect(row(state(dp2e, touched, '2026-06-29T10:00'), 'd1-dongarra', '2026-06-29T10:00')).toBe('09:30–10:10');
    expect(row(state(dp2e, touched, '2026-06-29T10:00'), 'd1-lu', '2026-06-29T10:00')).toBe('10:10–10:50');
    const cut = play(dp2e, [
      ['2026-06-29T09:50', { type: 'overtime.policy', policy: 'clock' }],
      ['2026-06-29T09:50', { type: 'timer.add', seconds: -300 }],
    ]);
    const local = '2026-06-29T10:07';
    const s = state(dp2e, cut, local);
    expect(s.stage).toMatchObject({ held: false, overtime: true });
    expect(row(s, 'd1-dongarra', local)).toBe('09:30–10:05 · running 2 min over');
    expect(row(s, 'd1-lu', local)).toBe('10:10–10:50');
  });

  test('restarted late by the chair (09:45) and then run over: 09:45–10:25, the next talk after it, planned 10:10', () => {
    const restarted = play(dp2e, [['2026-06-29T09:45', { type: 'timer.start' }]]);
    const local = '2026-06-29T10:28:30';
    const s = state(dp2e, restarted, local);
    expect(row(s, 'd1-dongarra', local)).toBe('09:45–10:25 · running 3 min over');
    expect(row(s, 'd1-lu', local)).toBe('10:10–10:50 · after this talk');
  });

  test('two items in the very same slot held past their time: both rows run over with it', () => {
    const both = play(dp2e, [
      ['2026-06-29T09:05', { type: 'timer.pause' }],
      ['2026-06-29T09:05:10', { type: 'timer.resume' }],
    ]);
    const local = '2026-06-29T09:37:20';
    const s = state(dp2e, both, local);
    expect(row(s, 'd1-welcome', local)).toBe('09:00–09:30 · running 7 min over');
    expect(row(s, 'd1-introduction', local)).toBe('09:00–09:30 · running 7 min over');
    expect(row(s, 'd1-dongarra', local)).toBe('09:30–10:10 · after this talk');
  });
});
