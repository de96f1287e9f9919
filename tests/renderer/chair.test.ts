// The chair view's rules without a browser: which key does what in which state, and what the screen says.
import { describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import type { Action } from '../../core/live/actions.ts';
import { resolveLive } from '../../core/live/live-screen.ts';
import { reduce } from '../../core/live/reducer.ts';
import { emptyLive } from '../../core/live/state.ts';
import {
  awayItem,
  countdownDisplay,
  marks,
  messageSize,
  nextLine,
  phaseClass,
  remainingMs,
  sizingTemplate,
  speakerNames,
  stageNote,
  timedItem,
} from '../../renderer/views/chair/display.ts';
import {
  commandAction,
  helpRows,
  keyCommand,
  toggleKind,
  toggleOff,
  type ChairCommand,
} from '../../renderer/views/chair/keys.ts';
import { chairWords } from '../../renderer/views/chair/words.ts';
import { timelineOf, tinyProgram } from '../helpers.ts';
import { serverlessState, shippedAt, shippedStateAt } from '../shipped-state.ts';

const at = shippedAt;

/** The real state of the shipped program at `local` (day 1 unless a date is given), after timed actions. */
const stateAt = (local: string, steps: [string, Action][] = []): StateJson =>
  shippedStateAt(local, steps, { rehearsal: true });

describe('keys', () => {
  test.each<{ key: string; command: ChairCommand | null }>([
    { key: ' ', command: 'toggle' },
    { key: 'ArrowLeft', command: 'previous' },
    { key: 'ArrowRight', command: 'next' },
    { key: '+', command: 'plus' },
    { key: '=', command: 'plus' },
    { key: '-', command: 'minus' },
    { key: '−', command: 'minus' },
    { key: 'r', command: 'reset' },
    { key: 'R', command: 'reset' },
    { key: 'u', command: 'undo' },
    { key: 'C', command: 'follow' },
    { key: 'f', command: 'fullscreen' },
    { key: '?', command: 'help' },
    { key: 'x', command: null },
    { key: 'Enter', command: null },
  ])('"$key" means $command', ({ key, command }) => expect(keyCommand({ key })).toBe(command));

  test('with Ctrl, Cmd or Alt the browser keeps its shortcuts (Ctrl+R reloads, Ctrl+F finds)', () => {
    expect(keyCommand({ key: 'r', ctrlKey: true })).toBeNull();
    expect(keyCommand({ key: 'f', metaKey: true })).toBeNull();
    expect(keyCommand({ key: '+', altKey: true })).toBeNull();
  });

  test('Ctrl+Z (Cmd+Z) undoes, as everywhere else', () => {
    expect(keyCommand({ key: 'z', ctrlKey: true })).toBe('undo');
    expect(keyCommand({ key: 'z', metaKey: true })).toBe('undo');
  });

  test('the help lists every key in both languages', () => {
    for (const lang of ['en', 'fr'] as const) {
      const rows = helpRows(chairWords(lang));
      expect(rows.map((r) => r.keys)).toEqual(['Space', '←', '→', '+', '−', 'R', 'U', 'C', 'O', 'F', '?', 'Esc']);
      expect(rows.every((r) => r.text.length > 0)).toBe(true);
    }
  });
});

describe('commands become actions in the current state', () => {
  const running = stateAt('09:45');
  const paused = stateAt('09:45', [['09:40', { type: 'timer.pause' }]]);
  const afterEvent = stateAt('2026-07-01T20:00');

  test.each<{ label: string; command: ChairCommand; state: StateJson; action: Action }>([
    { label: 'Space pauses a running timer', command: 'toggle', state: running, action: { type: 'timer.pause' } },
    { label: 'Space resumes a paused one', command: 'toggle', state: paused, action: { type: 'timer.start' } },
    {
      label: 'Space starts when nothing is timed',
      command: 'toggle',
      state: afterEvent,
      action: { type: 'timer.start' },
    },
    { label: '→ ends the item', command: 'next', state: running, action: { type: 'item.end' } },
    { label: '+ adds a minute', command: 'plus', state: running, action: { type: 'timer.add', seconds: 60 } },
    { label: '− takes one away', command: 'minus', state: running, action: { type: 'timer.add', seconds: -60 } },
    { label: 'R resets', command: 'reset', state: running, action: { type: 'timer.reset' } },
    {
      label: '← goes back to the item before, with the time it has left (the server decides which)',
      command: 'previous',
      state: running,
      action: { type: 'item.previous' },
    },
    { label: 'U undoes the last action', command: 'undo', state: running, action: { type: 'undo' } },
    { label: 'C follows the clock again', command: 'follow', state: running, action: { type: 'follow' } },
  ])('$label', ({ command, state, action }) => {
    expect(commandAction(command, state, null)).toEqual({ kind: 'action', action });
  });

  test('an action names the room the view was opened on', () => {
    expect(commandAction('plus', running, 'L108-A')).toEqual({
      kind: 'action',
      action: { type: 'timer.add', seconds: 60, room: 'L108-A' },
    });
  });

  test('full screen and help stay in the browser', () => {
    expect(commandAction('fullscreen', running, null)).toEqual({ kind: 'local', command: 'fullscreen' });
    expect(commandAction('help', null, null)).toEqual({ kind: 'local', command: 'help' });
  });

  test('before the first state, Space cannot decide; the others can be sent', () => {
    expect(commandAction('toggle', null, null)).toEqual({ kind: 'refused', word: 'noState' });
    expect(commandAction('previous', null, null)).toEqual({ kind: 'action', action: { type: 'item.previous' } });
    expect(commandAction('next', null, null)).toEqual({ kind: 'action', action: { type: 'item.end' } });
  });

  test.each([
    { label: 'no timer', state: afterEvent, kind: 'start' },
    { label: 'running', state: running, kind: 'pause' },
    { label: 'paused', state: paused, kind: 'resume' },
  ])('the start/pause button says $kind when $label', ({ state, kind }) => {
    expect(toggleKind(state.timer)).toBe(kind);
  });

  test('after the event the main button is off: Start would be refused, as Undo is off with nothing to undo', () => {
    // Day 2 at 18:30, the closing over and nothing after it: Start has nothing to start.
    const over = stateAt('2026-06-30T18:30');
    expect(over.phase).toBe('after-event');
    expect(over.startNow).toBeNull();
    expect(toggleOff(over)).toBe(true);
    expect(toggleOff(afterEvent)).toBe(true);
    // A talk on, running or paused: on. Before the day, Start starts the first talk early: on.
    expect(toggleOff(running)).toBe(false);
    expect(toggleOff(paused)).toBe(false);
    const early = stateAt('07:30');
    expect(early.timer).toBeNull();
    expect(early.startNow?.itemId).toBe('d1-registration');
    expect(toggleOff(early)).toBe(false);
  });
});

describe('the countdown', () => {
  test('running: counted from its end on the show clock; paused: frozen', () => {
    const running = stateAt('09:45');
    expect(remainingMs(running.timer!, at('09:45'))).toBe(25 * 60_000);
    expect(remainingMs(running.timer!, at('09:46:30'))).toBe(23.5 * 60_000);
    const paused = stateAt('09:50', [['09:40', { type: 'timer.pause' }]]);
    expect(remainingMs(paused.timer!, at('09:59'))).toBe(30 * 60_000);
  });

  test.each([
    { label: '25 minutes left', local: '09:45', now: '09:45', text: '25:00', phase: 'normal', label2: null },
    { label: 'warning', local: '10:06', now: '10:06', text: '4:00', phase: 'warning', label2: null },
    { label: 'danger', local: '10:09', now: '10:09:00.5', text: '1:00', phase: 'danger', label2: null },
    { label: 'at zero', local: '10:09', now: '10:10', text: '+0:00', phase: 'overtime', label2: 'Overtime' },
  ])('$label: $text, $phase', ({ local, now, text, phase, label2 }) => {
    const display = countdownDisplay(stateAt(local), at(now), 'en')!;
    expect(display).toMatchObject({ text, phase, label: label2, paused: false });
    expect(phaseClass(display.phase)).toBe(`phase-${phase}`);
  });

  test('overtime counts up after time was taken away', () => {
    const state = stateAt('10:09', [['10:09', { type: 'timer.add', seconds: -600 }]]);
    expect(countdownDisplay(state, at('10:09:05'), 'fr')).toMatchObject({
      text: '+0:05',
      phase: 'overtime',
      label: 'Dépassement',
    });
  });

  test('paused: the frozen time and the word, whatever the clock says', () => {
    const state = stateAt('09:50', [['09:40', { type: 'timer.pause' }]]);
    expect(countdownDisplay(state, at('10:30'), 'en')).toMatchObject({ text: '30:00', label: 'Paused', paused: true });
    expect(countdownDisplay(state, at('10:30'), 'fr')?.label).toBe('En pause');
  });

  test('with nothing on, the digits count down to the next item in a neutral colour', () => {
    expect(countdownDisplay(stateAt('08:00'), at('08:00'), 'en')).toMatchObject({
      text: '30:00',
      phase: 'idle',
      label: 'until the next item',
    });
    expect(countdownDisplay(stateAt('2026-07-01T20:00'), at('2026-07-01T20:00'), 'en')).toBeNull();
  });

  test('overnight: the time and day of the next item, never "9:29:55 until the next item"', () => {
    expect(countdownDisplay(stateAt('23:00:05'), at('23:00:05'), 'en')).toMatchObject({
      text: '08:30',
      phase: 'later',
      label: 'Tomorrow, Tuesday 30 June',
    });
  });

  test('the dinner away at Restaurant Procope is no countdown on the chair: it looks ahead to tomorrow', () => {
    const state = stateAt('19:30');
    expect(state.timer).toBeNull(); // the server gives no countdown for an item away
    expect(state.stage).toMatchObject({ itemId: null, away: true });
    expect(awayItem(state)?.id).toBe('d1-dinner');
    expect(countdownDisplay(state, at('19:30'), 'en')).toMatchObject({ text: '08:30', phase: 'later' });
    expect(awayItem(stateAt('09:45'))).toBeNull();
  });

  test.each([
    { text: '24:59', template: '00:00' },
    { text: '9:59', template: '00:00' },
    { text: '+0:05', template: '+00:00' },
    { text: '+12:00', template: '+00:00' },
    { text: '1:02:05', template: '0:00:00' },
  ])('"$text" is sized as "$template", so that the digits never change size as they count', ({ text, template }) => {
    expect(sizingTemplate(text)).toBe(template);
  });
});

describe('the lines around the digits', () => {
  test('who speaks, and the talk rather than a break beside it', () => {
    const state = stateAt('09:45');
    expect(timedItem(state)?.title).toBe('HPC in Transition');
    expect(speakerNames(timedItem(state)!)).toBe('Jack Dongarra');
    expect(speakerNames(timedItem(stateAt('17:20'))!)).toBe(
      'Christophe Calvin, Jack Dongarra, Yutong Lu, Kunle Olukotun, Kengo Nakajima',
    );
  });

  test('next: the title and its live start time, in the program zone', () => {
    expect(nextLine(stateAt('09:45'), at('09:45'), 'en')).toEqual({
      id: 'd1-lu',
      title: 'HPC+AI Converged Supercomputing on LineShine Exascale System',
      time: '10:10',
      cancelled: false,
    });
    const added = stateAt('09:45', [['09:45', { type: 'timer.add', seconds: 300 }]]);
    expect(nextLine(added, at('09:45'), 'en')?.time).toBe('10:15');
  });

  // A person touched the timer (paused and resumed it for 10 s), so the item is held on stage past its time: NEXT
  // waits for it at its planned time, "after this talk", or "after the break" when the item held is a break or a meal
  // (as the door's NEXT and the control's row say). It read "after this talk (planned 11:20)" under a coffee break.
  const touchedAt = (pause: string, resume: string): [string, Action][] => [
    [pause, { type: 'timer.pause' }],
    [resume, { type: 'timer.resume' }],
  ];

  test('held past its time, a talk: next "after this talk (planned 10:10)", in French "après cette intervention"', () => {
    const s = stateAt('10:12:30', touchedAt('09:45', '09:45:10'));
    expect(s.stage).toMatchObject({ itemId: 'd1-dongarra', held: true });
    expect(nextLine(s, at('10:12:30'), 'en')).toEqual({
      id: 'd1-lu',
      title: 'HPC+AI Converged Supercomputing on LineShine Exascale System',
      time: 'after this talk (planned 10:10)',
      cancelled: false,
    });
    expect(nextLine(s, at('10:12:30'), 'fr')?.time).toBe('après cette intervention (prévu à 10:10)');
  });

  test('held past its time, the coffee break: next "after the break (planned 11:20)", "après la pause (prévu à 11:20)"', () => {
    const s = stateAt('11:22:30', touchedAt('11:00', '11:00:10'));
    expect(s.stage).toMatchObject({ itemId: 'd1-coffee-break', held: true });
    expect(nextLine(s, at('11:22:30'), 'en')).toMatchObject({
      id: 'd1-nakajima',
      time: 'after the break (planned 11:20)',
    });
    expect(nextLine(s, at('11:22:30'), 'fr')?.time).toBe('après la pause (prévu à 11:20)');
  });

  test('held past its time, a lunch in the room: next "after the break (planned 13:00)"', () => {
    const p = tinyProgram();
    p.items = [
      { id: 'm1', kind: 'meal', title: 'Lunch', start: '2026-06-29T12:00', end: '2026-06-29T13:00' },
      { id: 't3', kind: 'talk', title: 'Afternoon', start: '2026-06-29T13:00', end: '2026-06-29T14:00' },
    ];
    const tl = timelineOf(p);
    const live = touchedAt('12:30', '12:30:10').reduce(
      (l, [when, action]) => reduce(tl, l, action, at(when), 'A'),
      emptyLive(),
    );
    const now = at('13:03');
    const s = serverlessState(tl, resolveLive(tl, live, 'A', now), now);
    expect(s.stage).toMatchObject({ itemId: 'm1', held: true });
    expect(nextLine(s, now, 'en')).toMatchObject({ id: 't3', time: 'after the break (planned 13:00)' });
    expect(nextLine(s, now, 'fr')?.time).toBe('après la pause (prévu à 13:00)');
  });

  test('next on another day says the day: during the dinner and overnight', () => {
    expect(nextLine(stateAt('19:30'), at('19:30'), 'en')?.time).toBe('Tomorrow 08:30');
    expect(nextLine(stateAt('23:00'), at('23:00'), 'fr')?.time).toBe('Demain 08:30');
  });

  test("a day that runs past midnight (day change 05:00): the 01:00 talk is tonight's, day 2 is tomorrow until midnight, then named", () => {
    const p = tinyProgram();
    p.sessions = [];
    p.dayChange = '05:00';
    p.items = [
      { id: 'evening', kind: 'talk', title: 'Evening', start: '2026-06-29T22:00', end: '2026-06-29T23:30' },
      { id: 'night', kind: 'talk', title: 'Night talk', start: '2026-06-30T01:00', end: '2026-06-30T02:00' },
      { id: 'morning', kind: 'talk', title: 'Day 2', start: '2026-06-30T10:00', end: '2026-06-30T11:00' },
    ];
    const night = timelineOf(p);
    const stateOf = (local: string) => {
      const now = at(local);
      return serverlessState(night, resolveLive(night, emptyLive(), 'A', now), now);
    };
    expect(nextLine(stateOf('23:45'), at('23:45'), 'en')?.time).toBe('01:00');
    expect(countdownDisplay(stateOf('23:45'), at('23:45'), 'en')).toMatchObject({
      text: '1:15:00',
      label: chairWords('en').untilNext,
    });
    // At 02:30 the clock already shows 30 June: day 2 is named, "Tomorrow" would read as 1 July.
    expect(nextLine(stateOf('2026-06-30T02:30'), at('2026-06-30T02:30'), 'en')?.time).toBe('Tuesday 30 June 10:00');
  });

  test('marks: offline first, then running late, then rehearsal', () => {
    const late = stateAt('09:45', [['09:45', { type: 'delay.set', minutes: 5 }]]);
    expect(marks(late, false, 'en')).toEqual([
      { kind: 'offline', text: 'Reconnecting…' },
      { kind: 'late', text: 'Running 5 min late' },
      { kind: 'rehearsal', text: 'Rehearsal' },
    ]);
    expect(marks(late, true, 'fr').map((m) => m.text)).toEqual(['Retard de 5 min', 'Répétition']);
    expect(marks(null, false, 'en')).toEqual([]); // not connected yet: "Connecting…" says it
  });

  test('time given on purpose (+5 min) moves the times but is not announced as running late', () => {
    const added = stateAt('09:45', [['09:45', { type: 'timer.add', seconds: 300 }]]);
    expect(added.late.cause).toBe('added');
    expect(marks(added, true, 'en', at('09:45')).map((m) => m.kind)).toEqual(['rehearsal']);
  });

  test.each([
    { text: 'Five minutes', size: 'short' },
    { text: 'Please take the last question and wrap up', size: 'medium' },
    { text: 'x'.repeat(121), size: 'long' },
    { text: 'x'.repeat(280), size: 'long' },
  ])('a message of $text.length characters is $size', ({ text, size }) => {
    expect(messageSize(text)).toBe(size);
  });
});

describe('edits on the chair: a cancelled talk, the chair note, "OK, seen"', () => {
  const message = (ackedAt: string | null) => ({ text: 'Wrap up', setAt: '', until: null, ackedAt });
  const withMessage = (ackedAt: string | null): StateJson => {
    const s = stateAt('09:45');
    return { ...s, messages: { ...s.messages, speaker: message(ackedAt) } };
  };

  test('O acknowledges the speaker message once; nothing to acknowledge says so', () => {
    expect(keyCommand({ key: 'o' })).toBe('ack');
    expect(keyCommand({ key: 'O' })).toBe('ack');
    expect(commandAction('ack', withMessage(null), 'L108-A')).toEqual({
      kind: 'action',
      action: { type: 'message.ack', room: 'L108-A' },
    });
    expect(commandAction('ack', withMessage('2026-06-29T09:46:00+02:00'), null)).toEqual({
      kind: 'refused',
      word: 'alreadySeen',
    });
    expect(commandAction('ack', stateAt('09:45'), null)).toEqual({ kind: 'refused', word: 'noMessage' });
  });

  test('the note shown is the chair note of the item on stage, else of the item the header names', () => {
    const s = stateAt('09:45');
    const notes = [
      { itemId: 'd1-dongarra', av: null, chair: 'Slides from USB' },
      { itemId: 'd1-lu', av: null, chair: 'Remote Q&A' },
    ];
    expect(stageNote({ ...s, notes })).toEqual({ itemId: 'd1-dongarra', text: 'Slides from USB' });
    expect(stageNote({ ...s, notes: [notes[1]!] })).toBeNull();
    expect(stageNote({ ...s, notes: undefined })).toBeNull();
  });

  test('NEXT cancelled says so (the chair does not wait for it)', () => {
    const s = stateAt('09:45');
    expect(nextLine(s, at('09:45'), 'en')?.cancelled).toBe(false);
    const cancelledNext = { ...s, next: { ...s.next!, cancelled: { reason: 'Speaker ill' } } };
    expect(nextLine(cancelledNext, at('09:45'), 'en')).toMatchObject({ id: 'd1-lu', cancelled: true });
  });

  test('nothing on and the next talk cancelled: the digits count to what happens after it', () => {
    const s = stateAt('09:45');
    const lu = { ...s.next!, cancelled: { reason: null } };
    const idle: StateJson = { ...s, timer: null, current: [], next: lu, nextInRoom: lu };
    expect(s.later[0]!.id).toBe('d1-coffee-break');
    expect(countdownDisplay(idle, at('09:45'), 'en')).toMatchObject({ text: '1:05:00', phase: 'idle' });
    // Nothing after it today: it is still what comes next.
    expect(countdownDisplay({ ...idle, later: [] }, at('09:45'), 'en')).toMatchObject({ text: '25:00' });
  });

  test('a cancelled item beside one that happens: the header names the one that happens', () => {
    const s = stateAt('09:45');
    const dongarra = s.current[0]!;
    const cancelled = { ...dongarra, id: 'x', cancelled: { reason: null } };
    const state: StateJson = { ...s, timer: null, current: [cancelled, dongarra] };
    expect(timedItem(state)?.id).toBe('d1-dongarra');
    expect(timedItem({ ...state, current: [cancelled] })?.id).toBe('x');
  });
});
