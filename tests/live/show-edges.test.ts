// Issue 10 at the model level: one story per numbered problem, on the DP2E-AI program, as every screen gets it
// (the state JSON the door, the chair and the control all read).
import { describe, expect, test } from 'vitest';
import { stateJson, type StateJson } from '../../core/contract/state.ts';
import type { Action } from '../../core/live/actions.ts';
import { applyAction, emptyShowState, historyLabels, type ShowState } from '../../core/live/history.ts';
import { resolveLive } from '../../core/live/live-screen.ts';
import { ActionRejected } from '../../core/live/reducer.ts';
import { buildTimeline, type Timeline } from '../../core/schedule/timeline.ts';
import { parseInstant } from '../../core/time.ts';
import { announcedLate, lateMinutes } from '../../renderer/lib/stage.ts';
import { loadShippedProgram, timelineOf, tinyProgram } from '../helpers.ts';

const timeline = buildTimeline(loadShippedProgram());
const ROOM = 'L108-A';
const t = (local: string, zone = timeline.zone) => {
  const p = parseInstant(local, zone);
  if (!p.ok) throw new Error(p.reason);
  return p.at;
};
const d1 = (hm: string) => t(`2026-06-29T${hm}`);
const iso = (ms: number) => new Date(ms).toISOString();

/** Applies [time, action] steps through the history (as the server does). */
function play(steps: [number, Action][], from: ShowState = emptyShowState(), tl: Timeline = timeline): ShowState {
  return steps.reduce((s, [at, action]) => applyAction(tl, s, action, at, tl.mainRoom), from);
}

/** The state every view of the room receives at `at`. */
function state(s: ShowState, at: number, room = ROOM, tl: Timeline = timeline): StateJson {
  const others = [...tl.rooms.keys()].filter((r) => r !== room);
  const elsewhere = others.map((other) => {
    const o = resolveLive(tl, s.live, other, at);
    return { room: other, current: o.current.filter((i) => i.room !== null), next: o.next?.room ? o.next : null };
  });
  return stateJson(tl, resolveLive(tl, s.live, room, at), {
    elsewhere,
    seq: s.live.seq,
    clock: { now: at, serverTime: at, speed: 1, rehearsal: false },
    program: { file: 'x.json', loadedAt: '', warnings: [], warningCount: 0, warningKinds: [], problem: null },
    storeWarning: null,
    history: historyLabels(s, room),
  });
}

const pausedAndResumed = (): ShowState =>
  play([
    [d1('09:45'), { type: 'timer.pause' }],
    [d1('09:45:10'), { type: 'timer.resume' }],
  ]);

describe('1. a talk whose timer a person touched stays on stage in overtime', () => {
  test('at 10:10:00 after a pause and resume, Dongarra is still on stage (10 s over), on every screen', () => {
    const s = state(pausedAndResumed(), d1('10:10:20'));
    expect(s.stage).toMatchObject({ itemId: 'd1-dongarra', touched: true, overtime: true, held: true });
    expect(s.stage.endsAtMs).toBe(d1('10:10:10'));
    expect(s.timer).toMatchObject({ itemId: 'd1-dongarra', phase: 'overtime', remainingSeconds: -10 });
    expect(s.current.map((i) => i.id)).toEqual(['d1-dongarra']);
    // NEXT: "after this talk, planned 10:10"
    expect(s.next!.id).toBe('d1-lu');
    expect(s.nextStart).toMatchObject({ afterCurrent: true, plannedAtMs: d1('10:10') });
    expect(s.nextStart!.atMs).toBeGreaterThan(d1('10:10:20'));
  });

  test('the chair → (item.end) moves on: Lu starts now with her full 40 minutes', () => {
    const s = state(play([[d1('10:12'), { type: 'item.end' }]], pausedAndResumed()), d1('10:12'));
    expect(s.stage).toMatchObject({ itemId: 'd1-lu', held: false, overtime: false });
    expect(s.stage.endsAtMs).toBe(d1('10:52'));
  });

  test('an abandoned room goes back to the clock 15 min after the next item’s planned start (or its time’s end)', () => {
    const live = pausedAndResumed(); // its time is up at 10:10:10, after Lu's planned 10:10
    expect(state(live, d1('10:25:09')).stage).toMatchObject({ itemId: 'd1-dongarra', holdUntilMs: d1('10:25:10') });
    const back = state(live, d1('10:25:10'));
    expect(back.stage).toMatchObject({ itemId: 'd1-lu', held: false, touched: false });
  });

  test('with no pause, the limit is exactly 15 min past the next item’s planned start', () => {
    const live = play([[d1('09:45'), { type: 'timer.add', seconds: -60 }]]);
    expect(state(live, d1('10:20')).stage).toMatchObject({ itemId: 'd1-dongarra', holdUntilMs: d1('10:25') });
    expect(state(live, d1('10:25')).stage.itemId).toBe('d1-lu');
  });

  test('an item nobody touched follows the clock', () => {
    expect(state(emptyShowState(), d1('10:10')).stage).toMatchObject({ itemId: 'd1-lu', touched: false });
  });

  test('policies: "clock" moves on at the next start, "always" holds past the limit, and each is undoable', () => {
    const clock = play([[d1('09:00'), { type: 'overtime.policy', policy: 'clock' }]], pausedAndResumed());
    expect(state(clock, d1('10:10:20')).stage.itemId).toBe('d1-lu');
    const always = play([[d1('09:00'), { type: 'overtime.policy', policy: 'always' }]], pausedAndResumed());
    expect(state(always, d1('11:00')).stage).toMatchObject({ itemId: 'd1-dongarra', held: true, holdUntilMs: null });
    expect(state(always, d1('11:00')).overtimePolicy).toEqual({ policy: 'always', limitMinutes: 15 });
    const undone = play([[d1('11:00'), { type: 'undo' }]], always);
    expect(state(undone, d1('11:00')).overtimePolicy.policy).toBe('hold');
  });

  test('"follow the clock again" releases a held talk', () => {
    const s = state(play([[d1('10:12'), { type: 'follow' }]], pausedAndResumed()), d1('10:12'));
    expect(s.stage).toMatchObject({ itemId: 'd1-lu', held: false });
  });
});

describe('2. ← goes back with the time the item really has left', () => {
  test('09:50 → then ←: Dongarra with 20 min left (ends 10:10), NEXT Lu at 10:10', () => {
    const s = state(
      play([
        [d1('09:50'), { type: 'item.end' }],
        [d1('09:50:05'), { type: 'item.previous' }],
      ]),
      d1('09:50:05'),
    );
    expect(s.stage.itemId).toBe('d1-dongarra');
    expect(s.stage.endsAtMs).toBe(d1('10:10'));
    expect(s.timer!.remainingSeconds).toBe(20 * 60 - 5);
    expect(s.next!.id).toBe('d1-lu');
    expect(s.nextStart!.atMs).toBe(d1('10:10'));
    expect(s.late.minutes).toBe(0);
  });

  test('a paused talk comes back paused, with what it had left', () => {
    const s = state(
      play([
        [d1('09:50'), { type: 'timer.pause' }],
        [d1('09:52'), { type: 'item.end' }],
        [d1('09:53'), { type: 'item.previous' }],
      ]),
      d1('09:54'),
    );
    expect(s.stage.itemId).toBe('d1-dongarra');
    expect(s.timer).toMatchObject({ running: false, remainingSeconds: 20 * 60 });
  });

  test('undo of → is the same as ←', () => {
    const s = state(
      play([
        [d1('09:50'), { type: 'item.end' }],
        [d1('09:51'), { type: 'undo' }],
      ]),
      d1('09:51'),
    );
    expect(s.stage).toMatchObject({ itemId: 'd1-dongarra', endsAtMs: d1('10:10') });
  });
});

describe('3. running late: one lateness that NOW’s end and NEXT’s start agree on', () => {
  test('+5, −5, then "10 min late": NOW ends 10:20, NEXT starts 10:20, the chair counts to 10:20', () => {
    const s = state(
      play([
        [d1('09:40'), { type: 'timer.add', seconds: 300 }],
        [d1('09:41'), { type: 'timer.add', seconds: -300 }],
        [d1('09:50'), { type: 'delay.set', minutes: 10 }],
      ]),
      d1('09:55'),
    );
    expect(s.stage.endsAtMs).toBe(d1('10:20'));
    expect(s.timer!.endsAtMs).toBe(d1('10:20'));
    expect(Date.parse(s.current[0]!.end)).toBe(d1('10:20'));
    expect(Date.parse(s.next!.start)).toBe(d1('10:20'));
    expect(s.late).toMatchObject({ minutes: 10, cause: 'delay' });
    expect(s.delayMinutes).toBe(10);
  });

  test('a late start: NOW ends 7 min late and NEXT starts 7 min late', () => {
    const s = state(play([[d1('09:37'), { type: 'timer.start' }]]), d1('09:40'));
    expect(s.stage.endsAtMs).toBe(d1('10:17'));
    expect(Date.parse(s.next!.start)).toBe(d1('10:17'));
    expect(s.late).toMatchObject({ ms: 7 * 60_000, minutes: 7, cause: 'start' });
  });

  test('held in overtime, the lateness grows with the clock and NEXT waits for the talk', () => {
    const s = state(pausedAndResumed(), d1('10:13'));
    expect(s.late.growing).toBe(true);
    expect(s.late.cause).toBe('overtime');
    expect(s.late.minutes).toBe(3);
  });

  test('a screen counting on from a held state says what a fresh state says, until the next push', () => {
    // Pushed at 10:12:30: held since 10:10:10, NEXT waits, 2 min 31 s late ("2 min"). The next push is when that
    // reaches a whole minute; at 10:13:29 it is 3 min 30 s, "3 min", on the counted-on screen and in a fresh state alike.
    const pushed = state(pausedAndResumed(), d1('10:12:30'));
    for (const at of ['10:12:59', '10:13:00', '10:13:29']) {
      const fresh = state(pausedAndResumed(), d1(at));
      expect(lateMinutes(pushed, d1(at)), at).toBe(fresh.late.minutes);
      expect(announcedLate(pushed, d1(at)), at).toBe(announcedLate(fresh, d1(at)));
    }
    expect([pushed.late.ms, lateMinutes(pushed, d1('10:12:30')), lateMinutes(pushed, d1('10:13:29'))]).toEqual([
      151_000, 2, 3,
    ]);
  });
});

describe('4. days', () => {
  test('during the dinner: today is Monday, NEXT is Tuesday’s registration and says so; no countdown here', () => {
    const s = state(emptyShowState(), d1('19:30'));
    expect(s.today).toBe('2026-06-29');
    expect(s.current.map((i) => i.id)).toEqual(['d1-dinner']);
    expect(s.stage).toMatchObject({ itemId: null, away: true });
    expect(s.timer).toBeNull();
    expect(s.next).toMatchObject({ id: 'd2-registration', day: '2026-06-30' });
    expect(s.nextStart).toMatchObject({ today: false, day: '2026-06-30' });
    expect(s.later.every((i) => i.day === '2026-06-30')).toBe(true);
  });

  test('at 23:00 the room’s today is still Monday while the list is Tuesday’s', () => {
    const s = state(emptyShowState(), d1('23:00'));
    expect(s.phase).toBe('between-days');
    expect(s.today).toBe('2026-06-29');
    expect(new Set(s.day.map((i) => i.day))).toEqual(new Set(['2026-06-30']));
    expect(s.nextStart!.today).toBe(false);
  });

  test('the lunch at the school’s restaurant never becomes the chair’s countdown; nextInRoom skips it', () => {
    const s = state(emptyShowState(), d1('12:50'));
    expect(s.stage).toMatchObject({ itemId: null, away: true });
    expect(s.nextInRoom!.id).toBe('d1-olukotun');
    expect(state(emptyShowState(), d1('12:30')).nextInRoom!.id).toBe('d1-olukotun');
  });

  test('the control gets the whole event, every day', () => {
    const s = state(emptyShowState(), d1('10:00'));
    expect(s.days.map((d) => d.date)).toEqual(['2026-06-29', '2026-06-30']);
    expect(s.days[1]!.items[0]!.id).toBe('d2-registration');
    expect(s.days.flatMap((d) => d.items).length).toBe(timeline.rooms.get(ROOM)!.items.length);
  });
});

describe('5. small lies', () => {
  test('a 1-second pause is on time, not "1 min late"', () => {
    const s = state(
      play([
        [d1('09:40'), { type: 'timer.pause' }],
        [d1('09:40:01'), { type: 'timer.resume' }],
      ]),
      d1('09:41'),
    );
    expect(s.late.ms).toBe(1000);
    expect(s.late.minutes).toBe(0);
    expect(s.delayMinutes).toBe(0);
  });

  test('in the whole minutes NEXT’s shown time moved: 1:30 is 1 min (NEXT 10:11:30 reads 10:11), 2:00 is 2', () => {
    const late = (seconds: number) =>
      state(play([[d1('09:30'), { type: 'timer.add', seconds }]]), d1('09:31')).late.minutes;
    expect([late(59), late(60), late(89), late(90), late(119), late(120)]).toEqual([0, 1, 1, 1, 1, 2]);
  });

  test('+5 min alone on an on-time talk: the times move and the cause says time was given, not that it runs late', () => {
    const s = state(play([[d1('09:40'), { type: 'timer.add', seconds: 300 }]]), d1('09:41'));
    expect(Date.parse(s.next!.start)).toBe(d1('10:15'));
    expect(s.late).toMatchObject({ minutes: 5, cause: 'added' });
  });

  test('+5 min given on purpose, then AV says "3 min late": the public screens say it runs 5 min late', () => {
    const given = play([[d1('09:45'), { type: 'timer.add', seconds: 300 }]]);
    // Alone, time given on purpose is not announced (nobody is late yet); the door and the chair say nothing.
    const alone = state(given, d1('09:46'));
    expect(alone.late).toMatchObject({ minutes: 5, cause: 'added', onPurpose: true });
    expect(announcedLate(alone, d1('09:46'))).toBe(0);
    // Once AV declares the room late, it is late: the door and the chair say by how much NEXT really moved.
    const declared = state(play([[d1('09:46'), { type: 'delay.set', minutes: 3 }]], given), d1('09:47'));
    expect(Date.parse(declared.next!.start)).toBe(d1('10:15'));
    expect(declared.late).toMatchObject({ minutes: 5, cause: 'added', onPurpose: false });
    expect(announcedLate(declared, d1('09:47'))).toBe(5);
    // A 1-second pause beside it is still on time: nothing announced.
    const paused = state(
      play(
        [
          [d1('09:46'), { type: 'timer.pause' }],
          [d1('09:46:01'), { type: 'timer.resume' }],
        ],
        given,
      ),
      d1('09:47'),
    );
    expect(paused.late).toMatchObject({ cause: 'added', onPurpose: true });
    expect(announcedLate(paused, d1('09:47'))).toBe(0);
    // A late start of two minutes beside the time given is late: announced whole.
    const lateStart = state(
      play([
        [d1('09:32'), { type: 'timer.start' }],
        [d1('09:40'), { type: 'timer.add', seconds: 300 }],
      ]),
      d1('09:41'),
    );
    expect(lateStart.late).toMatchObject({ minutes: 7, cause: 'added', onPurpose: false });
    expect(announcedLate(lateStart, d1('09:41'))).toBe(7);
  });

  test('AV’s own delay is told apart from the timers’ lateness, with what clearing it would leave', () => {
    const given = play([[d1('09:45'), { type: 'timer.add', seconds: 300 }]]);
    // +5 min on the timer: late by 5, but AV declared nothing: there is no delay to clear.
    expect(state(given, d1('09:46')).late).toMatchObject({
      ms: 300_000,
      declaredMinutes: 0,
      withoutDeclaredMs: 300_000,
    });
    // AV says 10 min late on top: 10 late; clearing AV's delay would leave the timer's 5 (NEXT at 10:15, not 10:10).
    const both = state(play([[d1('09:46'), { type: 'delay.set', minutes: 10 }]], given), d1('09:47'));
    expect(Date.parse(both.next!.start)).toBe(d1('10:20'));
    expect(both.late).toMatchObject({ ms: 600_000, declaredMinutes: 10, withoutDeclaredMs: 300_000 });
    // AV's delay alone: clearing it puts NEXT back at its planned time.
    const delayOnly = state(play([[d1('09:46'), { type: 'delay.set', minutes: 10 }]]), d1('09:47'));
    expect(delayOnly.late).toMatchObject({ ms: 600_000, declaredMinutes: 10, withoutDeclaredMs: 0 });
    // The next day, Monday's delay is not Tuesday's.
    expect(state(play([[d1('09:46'), { type: 'delay.set', minutes: 10 }]]), t('2026-06-30T09:40')).late).toMatchObject({
      declaredMinutes: 0,
    });
  });

  test('"Start now" mid-talk says what it would do: restart with 40:00 left; on a running timer it is refused', () => {
    const s = state(emptyShowState(), d1('09:50'));
    expect(s.startNow).toEqual({
      itemId: 'd1-dongarra',
      title: 'HPC in Transition',
      restarts: true,
      fromSeconds: 2400,
    });
    const running = state(play([[d1('09:50'), { type: 'timer.start' }]]), d1('09:51'));
    expect(running.startNow).toBeNull();
    const inBreak = state(emptyShowState(), d1('10:55'));
    expect(inBreak.startNow).toMatchObject({ itemId: 'd1-nakajima', restarts: false, fromSeconds: 2400 });
  });
});

describe('undo and redo', () => {
  test('the label names what undo would do, and redo brings it back', () => {
    const s1 = play([[d1('09:40'), { type: 'timer.add', seconds: 300 }]]);
    expect(state(s1, d1('09:40')).history).toEqual({ undo: '+5 min on HPC in Transition', redo: null });
    const s2 = play([[d1('09:41'), { type: 'undo' }]], s1);
    expect(state(s2, d1('09:41')).stage.endsAtMs).toBe(d1('10:10'));
    expect(state(s2, d1('09:41')).history).toEqual({ undo: null, redo: '+5 min on HPC in Transition' });
    const s3 = play([[d1('09:42'), { type: 'redo' }]], s2);
    expect(state(s3, d1('09:42')).stage.endsAtMs).toBe(d1('10:15'));
    expect(s3.live.seq).toBe(3);
  });

  test.each<[string, string, Action]>([
    ['pause', 'Pause HPC in Transition', { type: 'timer.pause' }],
    ['jump', 'Jump to AI in Science: From Myth to Reality', { type: 'goto', itemId: 'd1-calvin' }],
    ['follow', 'Follow the clock', { type: 'follow' }],
    ['delay', 'Running 10 min late', { type: 'delay.set', minutes: 10 }],
    ['message', 'Message to the speaker: 5 minutes', { type: 'message.set', to: 'speaker', text: '5 minutes' }],
    ['blackout', 'Blackout on', { type: 'blackout', on: true }],
    ['start mid-talk', 'Restart HPC in Transition with 40:00 left', { type: 'timer.start' }],
  ])('%s is undoable, named "%s"', (_, label, action) => {
    const before = state(emptyShowState(), d1('09:40'));
    const done = play([[d1('09:40'), action]]);
    expect(state(done, d1('09:40')).history.undo).toBe(label);
    const undone = state(play([[d1('09:40'), { type: 'undo' }]], done), d1('09:40'));
    const { seq: _a, history: _b, ...restBefore } = before;
    const { seq: _c, history: _d, ...restUndone } = undone;
    expect(restUndone).toEqual(restBefore);
  });

  test('nothing to undo or redo is refused; a new action forgets the redo', () => {
    expect(() => play([[d1('09:40'), { type: 'undo' }]])).toThrow(ActionRejected);
    const s = play([
      [d1('09:40'), { type: 'blackout', on: true }],
      [d1('09:41'), { type: 'undo' }],
      [d1('09:42'), { type: 'delay.set', minutes: 5 }],
    ]);
    expect(() => play([[d1('09:43'), { type: 'redo' }]], s)).toThrow(/nothing to redo/);
  });

  test('the history is per room and bounded', () => {
    let s = emptyShowState();
    for (let i = 0; i < 130; i++) s = play([[d1('09:40') + i, { type: 'blackout', on: i % 2 === 0 }]], s);
    expect(s.history.find((h) => h.room === ROOM)!.undo.length).toBe(100);
  });
});

describe('6. an idle room while the event goes on elsewhere', () => {
  const program = tinyProgram();
  const tl = timelineOf({
    ...program,
    rooms: [
      { id: 'A', name: 'Room A' },
      { id: 'B', name: 'Room B', capacity: 40 },
      { id: 'C', name: 'Room C', capacity: 300 },
    ],
    items: [
      ...(program.items ?? []),
      { id: 'in-b', kind: 'talk', title: 'In B', start: '2026-06-29T10:00', end: '2026-06-29T12:00', room: 'B' },
      { id: 'c1', kind: 'talk', title: 'In C', start: '2026-06-29T10:00', end: '2026-06-29T11:00', room: 'C' },
    ],
  });
  const at = (hm: string) => t(`2026-06-29T${hm}`, tl.zone);
  const lastInA = Math.max(...tl.rooms.get('A')!.items.map((i) => i.end));

  test('room A is done while B and C go on: room-idle, biggest room first; after-event when all is over', () => {
    const s = state(emptyShowState(), Math.max(lastInA, at('10:30')), 'A', tl);
    expect(s.phase).toBe('room-idle');
    expect(s.elsewhere.map((e) => [e.room, e.capacity, e.current.map((i) => i.id)])).toEqual([
      ['C', 300, ['c1']],
      ['B', 40, ['in-b']],
    ]);
    expect(state(emptyShowState(), at('12:30'), 'A', tl).phase).toBe('after-event');
  });

  test('every room done for the day, all back tomorrow: between days, not sent next door to tomorrow', () => {
    // A two-day, two-room congress at 18:00 on day 1: nothing goes on anywhere tonight. The door of A is not "nothing
    // more in this room today" pointing at B's first talk of tomorrow: it is between days, with A's own tomorrow.
    const two = timelineOf({
      ...program,
      rooms: [
        { id: 'A', name: 'Room A' },
        { id: 'B', name: 'Room B' },
      ],
      items: [
        ...(program.items ?? []),
        { id: 'b-d1', kind: 'talk', title: 'B today', start: '2026-06-29T10:00', end: '2026-06-29T11:00', room: 'B' },
        { id: 'a-d2', kind: 'talk', title: 'A tomorrow', start: '2026-06-30T09:00', end: '2026-06-30T10:00' },
        {
          id: 'b-d2',
          kind: 'talk',
          title: 'B tomorrow',
          start: '2026-06-30T09:00',
          end: '2026-06-30T10:00',
          room: 'B',
        },
      ],
    });
    const evening = t('2026-06-29T18:00', two.zone);
    const a = state(emptyShowState(), evening, 'A', two);
    expect(a.phase).toBe('between-days');
    expect(a.next?.id).toBe('a-d2');
    expect(state(emptyShowState(), evening, 'B', two).phase).toBe('between-days');
    // Still idle while B has more today (10:30: A's coffee is over, B's talk is on).
    expect(state(emptyShowState(), t('2026-06-29T10:45', two.zone), 'A', two).phase).toBe('room-idle');
  });
});

describe('the state is the same for every view', () => {
  test('instants in the stage are the ones in the timer and the items', () => {
    const s = state(pausedAndResumed(), d1('10:00'));
    expect(iso(s.stage.endsAtMs!)).toBe(iso(s.timer!.endsAtMs));
    expect(Date.parse(s.current[0]!.end)).toBe(s.stage.endsAtMs);
    expect(Date.parse(s.next!.start)).toBe(s.nextStart!.atMs);
  });
});
