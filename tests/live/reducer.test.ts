// The live reducer, action by action and in sequences, on the DP2E-AI program: what the room screen and chair show.
import { describe, expect, test } from 'vitest';
import { parseAction, actionFromQuery, type Action } from '../../core/live/actions.ts';
import { resolveLive } from '../../core/live/live-screen.ts';
import { ActionRejected, reduce } from '../../core/live/reducer.ts';
import { emptyLive, type LiveState } from '../../core/live/state.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { parseInstant } from '../../core/time.ts';
import { loadShippedProgram } from '../helpers.ts';

const timeline = buildTimeline(loadShippedProgram());
const ROOM = 'L108-A';
const t = (local: string) => {
  const p = parseInstant(local, timeline.zone);
  if (!p.ok) throw new Error(p.reason);
  return p.at;
};
const day1 = (hm: string) => t(`2026-06-29T${hm}`);

/** Applies [time, action] steps in order and returns the state. */
function play(steps: [string, Action][], live: LiveState = emptyLive()): LiveState {
  return steps.reduce((state, [hm, action]) => reduce(timeline, state, action, day1(hm), ROOM), live);
}
const show = (live: LiveState, hm: string) => resolveLive(timeline, live, ROOM, day1(hm));
const title = (item: { title: string } | null | undefined) => item?.title ?? null;
const mmss = (ms: number) =>
  `${ms < 0 ? '+' : ''}${Math.floor(Math.abs(ms) / 60000)}:${String(Math.floor((Math.abs(ms) % 60000) / 1000)).padStart(2, '0')}`;

describe('with no action the live screen is the schedule', () => {
  test('Dongarra at 09:45: 25 minutes left, normal, following the clock', () => {
    const s = show(emptyLive(), '09:45');
    expect(title(s.current[0])).toBe('HPC in Transition');
    expect(s.timer).toMatchObject({ source: 'schedule', running: true, phase: 'normal', remainingMs: 25 * 60_000 });
    expect(s).toMatchObject({ mode: 'follow', delayMinutes: 0, blackout: false });
  });

  test.each([
    { hm: '10:04:59', phase: 'normal' },
    { hm: '10:05:00', phase: 'warning' },
    { hm: '10:08:00', phase: 'danger' },
    { hm: '10:09:59', phase: 'danger' },
  ])('timer phase at $hm is $phase', ({ hm, phase }) => {
    expect(show(emptyLive(), hm).timer?.phase).toBe(phase);
  });
});

describe('timer actions', () => {
  test('a late start: the talk gets its full 40 minutes and the rest of the day runs late', () => {
    const live = play([['09:37', { type: 'timer.start' }]]);
    const s = show(live, '09:40');
    expect(title(s.current[0])).toBe('HPC in Transition');
    expect(s.delayMinutes).toBe(7);
    expect(mmss(s.timer!.remainingMs)).toBe('37:00');
    expect(s.next!.start).toBe(day1('10:17'));
    expect(s.later.find((i) => i.title === 'Coffee break')!.start).toBe(day1('10:57'));
  });

  test('pause and resume: time stands still while paused', () => {
    const live = play([
      ['09:30', { type: 'timer.start' }],
      ['09:40', { type: 'timer.pause' }],
    ]);
    expect(mmss(show(live, '09:50').timer!.remainingMs)).toBe('30:00');
    expect(show(live, '09:50').timer!.running).toBe(false);
    const resumed = play([['09:52', { type: 'timer.resume' }]], live);
    expect(mmss(show(resumed, '10:00').timer!.remainingMs)).toBe('22:00');
  });

  test('while paused the rest of the day slides later, and nothing overlaps', () => {
    const live = play([['09:40', { type: 'timer.pause' }]]);
    const s = show(live, '10:15');
    expect(s.current.map((i) => i.title)).toEqual(['HPC in Transition']);
    expect(s.delayMinutes).toBe(35);
    expect(s.next!.start).toBe(day1('10:45'));
  });

  test('a delay AV set survives timer actions; the larger of the two is shown', () => {
    const live = play([
      ['09:35', { type: 'delay.set', minutes: 10 }],
      ['09:40', { type: 'timer.add', seconds: 120 }],
    ]);
    expect(show(live, '09:41').delayMinutes).toBe(10);
    const reset = play([['09:42', { type: 'timer.reset' }]], live);
    expect(show(reset, '09:43').delayMinutes).toBe(10);
    expect(show(reset, '09:43').next!.start).toBe(day1('10:20'));
  });

  test('adding and removing time', () => {
    const live = play([
      ['09:30', { type: 'timer.add', seconds: 120 }],
      ['09:31', { type: 'timer.add', seconds: -60 }],
    ]);
    expect(mmss(show(live, '10:00').timer!.remainingMs)).toBe('11:00');
    expect(show(live, '10:00').timer!.source).toBe('timer');
  });

  test('overtime counts up and a touched talk stays on past the next start until a person moves on', () => {
    const live = play([['09:30', { type: 'timer.add', seconds: -120 }]]);
    const s = show(live, '10:09');
    expect(s.timer!.phase).toBe('overtime');
    expect(mmss(s.timer!.remainingMs)).toBe('+1:00');
    expect(title(s.current[0])).toBe('HPC in Transition');
    expect(title(show(live, '10:10').current[0])).toBe('HPC in Transition');
    expect(title(show(play([['10:10', { type: 'item.end' }]], live), '10:10').current[0])).toMatch(/^HPC\+AI/);
  });

  test('with the overtime policy "clock", a touched talk leaves when the next one starts', () => {
    const live = play([
      ['09:00', { type: 'overtime.policy', policy: 'clock' }],
      ['09:30', { type: 'timer.add', seconds: -120 }],
    ]);
    expect(title(show(live, '10:09').current[0])).toBe('HPC in Transition');
    expect(title(show(live, '10:10').current[0])).toMatch(/^HPC\+AI/);
  });

  test('adding time makes the rest of the day run late', () => {
    const live = play([['09:50', { type: 'timer.add', seconds: 300 }]]);
    expect(show(live, '09:51').delayMinutes).toBe(5);
    expect(show(live, '09:51').next!.start).toBe(day1('10:15'));
  });

  test('reset goes back to the schedule, and the lateness it caused goes too', () => {
    const live = play([
      ['09:30', { type: 'timer.add', seconds: 600 }],
      ['09:40', { type: 'timer.reset' }],
    ]);
    expect(show(live, '09:45').timer).toMatchObject({ source: 'schedule', remainingMs: 25 * 60_000 });
    expect(show(live, '09:45').delayMinutes).toBe(0);
  });

  test('item.end: the next item starts now and the previous one is over', () => {
    const live = play([['10:05', { type: 'item.end' }]]);
    const s = show(live, '10:06');
    expect(s.current.map((i) => i.title)).toEqual(['HPC+AI Converged Supercomputing on LineShine Exascale System']);
    expect(mmss(s.timer!.remainingMs)).toBe('39:00');
  });

  // The chair's Next (item.end) and Start (timer.start) at the end of a day: the next item in the room is tomorrow's
  // registration, or the dinner away at a restaurant at 19:00. Neither starts now: the door would show tomorrow's
  // registration as on now tonight, and the dinner an hour early with times nobody booked.
  test("item.end on the day's last talk does not start tomorrow's first item tonight", () => {
    const ended = play([['17:58', { type: 'item.end' }]]);
    // Next on the closing ends it (the dinner away keeps its 19:00: tests/live/last-talk.test.ts); then at 20:00 …
    expect(() => play([['20:00', { type: 'item.end' }]], ended)).toThrow(
      /the next item, “Registration, welcome coffee”, is on another day \(2026-06-30 at 08:30\)/,
    );
  });

  test('timer.start with nothing on in the evening starts neither the dinner away nor tomorrow', () => {
    expect(() => play([['18:30', { type: 'timer.start' }]])).toThrow(
      /the next item, “Workshop Dinner”, is away from this room \(Restaurant Procope\): nothing to time here/,
    );
    expect(() => play([['22:00', { type: 'timer.start' }]])).toThrow(/another day \(2026-06-30 at 08:30\)/);
    // Still what it was for: during the morning coffee break, Start starts the next talk now.
    const s = show(play([['11:00', { type: 'timer.start' }]]), '11:01');
    expect(s.current.map((i) => i.id)).toEqual(['d1-nakajima']);
  });

  test.each<{ label: string; steps: [string, Action][]; message: RegExp }>([
    { label: 'resume a running timer', steps: [['09:40', { type: 'timer.resume' }]], message: /not paused/ },
    {
      label: 'pause twice',
      steps: [
        ['09:40', { type: 'timer.pause' }],
        ['09:41', { type: 'timer.pause' }],
      ],
      message: /already paused/,
    },
    {
      label: 'start a running timer',
      steps: [
        ['09:31', { type: 'timer.start' }],
        ['09:32', { type: 'timer.start' }],
      ],
      message: /already running/,
    },
    { label: 'pause when nothing is on', steps: [['18:30', { type: 'timer.pause' }]], message: /no item is on now/ },
    {
      label: 'go to an unknown item',
      steps: [['09:40', { type: 'goto', itemId: 'nope' }]],
      message: /unknown item "nope"/,
    },
    {
      label: 'an unknown room',
      steps: [['09:40', { type: 'blackout', on: true, room: 'Z' }]],
      message: /unknown room "Z"/,
    },
  ])('rejected: $label', ({ steps, message }) => {
    expect(() => play(steps)).toThrow(ActionRejected);
    expect(() => play(steps)).toThrow(message);
  });
});

describe('AV actions', () => {
  const panel = timeline.items.find((i) => i.kind === 'panel' && i.day === '2026-06-29')!;

  test('goto pins an item (manual mode) until follow', () => {
    const live = play([['15:30', { type: 'goto', itemId: panel.id }]]);
    const s = show(live, '15:35');
    expect(s.mode).toBe('manual');
    expect(s.current.map((i) => i.id)).toEqual([panel.id]);
    expect(mmss(s.timer!.remainingMs)).toBe('35:00');
    expect(title(s.next)).toMatch(/^Closing remarks/);
    const back = play([['15:36', { type: 'follow' }]], live);
    expect(show(back, '15:37').mode).toBe('follow');
  });

  test('delay.set: the rest of the day runs late; the item on now ends late', () => {
    const live = play([['10:55', { type: 'delay.set', minutes: 10 }]]);
    const s = show(live, '11:25');
    expect(s.delayMinutes).toBe(10);
    expect(title(s.current[0])).toBe('Coffee break');
    expect(s.next!.start).toBe(day1('11:30'));
    expect(show(live, '11:31').current[0]!.title).toMatch(/^AI-for-Science/);
    // the next day runs on time
    expect(resolveLive(timeline, live, ROOM, t('2026-06-30T09:00')).current[0]!.start).toBe(t('2026-06-30T09:00'));
  });

  test('messages to the speaker and the public, with an expiry', () => {
    const live = play([
      ['09:40', { type: 'message.set', to: 'speaker', text: '5 more minutes please' }],
      [
        '09:41',
        { type: 'message.set', to: 'public', text: 'Lunch moves to room L109', until: '2026-06-29T10:00:00+02:00' },
      ],
    ]);
    expect(show(live, '09:45').messages.speaker?.text).toBe('5 more minutes please');
    expect(show(live, '09:59').messages.public?.text).toBe('Lunch moves to room L109');
    expect(show(live, '10:00').messages.public).toBeNull();
    const cleared = play([['09:50', { type: 'message.clear', to: 'speaker' }]], live);
    expect(show(cleared, '09:51').messages).toMatchObject({ speaker: null });
    expect(show(cleared, '09:51').messages.public).not.toBeNull();
  });

  test('blackout on and off', () => {
    expect(show(play([['09:40', { type: 'blackout', on: true }]]), '09:41').blackout).toBe(true);
    expect(
      show(
        play([
          ['09:40', { type: 'blackout', on: true }],
          ['09:42', { type: 'blackout', on: false }],
        ]),
        '09:43',
      ).blackout,
    ).toBe(false);
  });

  test('every action counts in seq, and states are new objects (the old one is untouched)', () => {
    const a = play([['09:40', { type: 'blackout', on: true }]]);
    const b = play([['09:41', { type: 'delay.set', minutes: 5 }]], a);
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a.rooms[ROOM]!.delay).toBeNull();
  });
});

describe('a morning run from the control room', () => {
  test('late start, extra time, a break cut short, manual jump and back', () => {
    let live = play([
      ['09:33', { type: 'timer.start' }], // Dongarra starts 3 min late
      ['10:10', { type: 'timer.add', seconds: 120 }], // the chair gives 2 more minutes
    ]);
    expect(show(live, '10:11').delayMinutes).toBe(5); // it will end at 10:15
    live = play([['10:14', { type: 'item.end' }]], live); // Lu starts at 10:14
    const s = show(live, '10:20');
    expect(title(s.current[0])).toMatch(/^HPC\+AI/);
    expect(s.delayMinutes).toBe(4);
    expect(mmss(s.timer!.remainingMs)).toBe('34:00');
    expect(s.next!.title).toBe('Coffee break');
    expect(s.next!.start).toBe(day1('10:54'));
    // AV cannot talk the lateness away: the timer says Lu ends at 10:54; a reset goes back to the schedule.
    live = play([['10:30', { type: 'delay.set', minutes: 0 }]], live);
    expect(show(live, '10:31').delayMinutes).toBe(4);
    live = play([['10:32', { type: 'timer.reset' }]], live);
    expect(show(live, '10:33').delayMinutes).toBe(0);
  });
});

describe('the action contract', () => {
  test.each([
    { input: { type: 'timer.add', seconds: 60 }, ok: true },
    { input: { type: 'timer.add', seconds: 'sixty' }, message: /timer\.add: seconds: .*number/ },
    { input: { type: 'timer.add' }, message: /timer\.add: seconds/ },
    { input: { type: 'timer.add', seconds: 1.5 }, message: /seconds/ },
    { input: { type: 'explode' }, message: /unknown action type "explode"; known: timer\.start/ },
    { input: { seconds: 5 }, message: /unknown action type null/ },
    { input: [1, 2], message: /JSON object/ },
    { input: 'timer.start', message: /JSON object/ },
    { input: { type: 'message.set', to: 'speaker', text: '   ' }, message: /message text is empty/ },
    { input: { type: 'message.set', to: 'everyone', text: 'hi' }, message: /to/ },
    { input: { type: 'blackout', on: true, extra: 1 }, message: /unknown field extra/ },
    { input: { type: 'delay.set', minutes: -5 }, message: /minutes/ },
  ])('$input', ({ input, ok, message }) => {
    const parsed = parseAction(input);
    expect(parsed.ok).toBe(ok ?? false);
    if (!parsed.ok) expect(parsed.message).toMatch(message!);
  });

  test('query strings for Companion buttons are read as numbers and booleans', () => {
    expect(actionFromQuery('timer.add', new URLSearchParams('seconds=-60'))).toEqual({
      ok: true,
      action: { type: 'timer.add', seconds: -60 },
    });
    expect(actionFromQuery('blackout', new URLSearchParams('on=1&pin=1234'))).toEqual({
      ok: true,
      action: { type: 'blackout', on: true },
    });
    expect(actionFromQuery('timer.add', new URLSearchParams('seconds=lots')).ok).toBe(false);
  });

  test('every boolean and number field of an action is read from a query string, not only on and seconds', () => {
    // A button "remove the inserted item and move the day back", "cancel, reason private", "keep my edit": these were
    // refused ("expected true or false", "expected number") because only on/seconds/minutes were converted.
    expect(actionFromQuery('program.item.remove', new URLSearchParams('itemId=x1&shiftBack=true'))).toEqual({
      ok: true,
      action: { type: 'program.item.remove', itemId: 'x1', shiftBack: true },
    });
    expect(actionFromQuery('program.item.cancel', new URLSearchParams('itemId=x1&public=0'))).toEqual({
      ok: true,
      action: { type: 'program.item.cancel', itemId: 'x1', public: false },
    });
    expect(actionFromQuery('program.edit.resolve', new URLSearchParams('editId=3&keep=yours'))).toEqual({
      ok: true,
      action: { type: 'program.edit.resolve', editId: 3, keep: 'yours' },
    });
    // Text fields stay text: a message "1" is the text "1", not a number.
    expect(actionFromQuery('message.set', new URLSearchParams('to=speaker&text=1'))).toEqual({
      ok: true,
      action: { type: 'message.set', to: 'speaker', text: '1' },
    });
    // A value that is not a boolean is refused with the field named.
    const junk = actionFromQuery('program.item.remove', new URLSearchParams('itemId=x1&shiftBack=maybe'));
    expect(junk.ok).toBe(false);
    if (!junk.ok) expect(junk.message).toMatch(/^program\.item\.remove: shiftBack: expected true or false/);
  });
});

describe('jumps and delays do not rewrite the rest of the day', () => {
  const panel = timeline.items.find((i) => i.kind === 'panel' && i.day === '2026-06-29')!;
  const dongarra = timeline.items.find((i) => i.title === 'HPC in Transition')!;

  test('goto far ahead then follow: the day comes back as scheduled', () => {
    const live = play([
      ['09:40', { type: 'goto', itemId: panel.id }],
      ['09:45', { type: 'follow' }],
    ]);
    expect(show(live, '11:00').current.map((i) => i.title)).toEqual(['Coffee break']);
    expect(show(live, '11:00').delayMinutes).toBe(0);
  });

  test('goto back to an earlier talk does not make the day hours late', () => {
    const live = play([['14:00', { type: 'goto', itemId: dongarra.id }]]);
    expect(show(live, '14:05').delayMinutes).toBe(0);
    expect(show(live, '14:05').current[0]!.id).toBe(dongarra.id);
  });

  test('raising a delay keeps the item already running late, late', () => {
    const live = play([
      ['10:55', { type: 'delay.set', minutes: 10 }],
      ['11:20', { type: 'delay.set', minutes: 15 }],
    ]);
    expect(show(live, '11:25').current.map((i) => i.title)).toEqual(['Coffee break']);
    expect(show(live, '11:25').next!.start).toBe(day1('11:35'));
  });

  test('a start 89 s late never has two talks on at once', () => {
    const live = play([['09:31:29', { type: 'timer.start' }]]);
    for (const hm of ['10:11:00', '10:11:28', '10:11:29', '10:11:45']) {
      expect(show(live, hm).current.length, hm).toBe(1);
    }
  });
});
