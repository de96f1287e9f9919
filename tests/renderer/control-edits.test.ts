// The console's editable rundown without a browser: what each form sends, and how an edit is worded.
import { describe, expect, test } from 'vitest';
import type { ItemJson } from '../../core/schedule/screen-json.ts';
import { editWords } from '../../renderer/views/control/edit-words.ts';
import {
  cancelText,
  changeLines,
  insertedItem,
  insertPlan,
  moveAction,
  parseClock,
  peopleOf,
  personId,
  timeForm,
  updateSet,
  valueText,
  wholeParts,
} from '../../renderer/views/control/rundown.ts';

function item(over: Partial<ItemJson> = {}): ItemJson {
  return {
    id: 'd2-maze',
    kind: 'talk',
    title: 'Distributed AI job',
    subtitle: null,
    // Live times 10 minutes late: the form edits the program's times.
    start: '2026-06-30T09:40:00+02:00',
    end: '2026-06-30T10:10:00+02:00',
    plannedStart: '2026-06-30T09:30:00+02:00',
    plannedEnd: '2026-06-30T10:00:00+02:00',
    day: '2026-06-30',
    speakers: [{ name: 'Benjamin Maze', affiliation: null }],
    room: 'L108-A',
    location: null,
    session: null,
    url: null,
    cancelled: null,
    ...over,
  };
}

const people = peopleOf({
  'benjamin-maze': { name: 'Benjamin Maze' },
  'jeff-pan': { name: 'Jeff Z. Pan' },
});
const rooms = [
  { id: 'L108-A', name: 'L108-A' },
  { id: 'B', name: 'Salle B' },
];

describe('times typed by an operator', () => {
  test.each([
    ['9:05', '09:05'],
    ['09:05', '09:05'],
    ['0905', '09:05'],
    ['14h30', '14:30'],
    ['24:00', null],
    ['9:60', null],
    ['soon', null],
    ['', null],
  ])('%s → %s', (typed, clock) => expect(parseClock(typed)).toBe(clock));
});

describe('move to', () => {
  const form = timeForm(item(), 'L108-A');

  test('the form starts from the program’s times, not the live ones', () => {
    expect(form).toEqual({ day: '2026-06-30', start: '09:30', end: '10:00', room: 'L108-A' });
  });

  test('nothing changed: nothing to send', () => {
    expect(moveAction(item(), form, 'L108-A')).toEqual({ ok: true, value: null });
  });

  test('a new start alone keeps the length (no end sent)', () => {
    expect(moveAction(item(), { ...form, start: '9:01' }, 'L108-A')).toEqual({
      ok: true,
      value: { type: 'program.item.move', itemId: 'd2-maze', start: '2026-06-30T09:01' },
    });
  });

  test('a new end, another day and another room are sent as typed', () => {
    expect(moveAction(item(), { day: '2026-06-29', start: '14:00', end: '14:20', room: 'B' }, 'L108-A')).toEqual({
      ok: true,
      value: {
        type: 'program.item.move',
        itemId: 'd2-maze',
        start: '2026-06-29T14:00',
        end: '2026-06-29T14:20',
        room: 'B',
      },
    });
  });

  test('an end before the start is the next morning: a talk moved to run across midnight', () => {
    expect(moveAction(item(), { ...form, start: '23:30', end: '00:30' }, 'L108-A')).toEqual({
      ok: true,
      value: { type: 'program.item.move', itemId: 'd2-maze', start: '2026-06-30T23:30', end: '2026-07-01T00:30' },
    });
  });

  test('a talk across midnight keeps its end on the next day when its end is changed', () => {
    const night = item({ plannedStart: '2026-06-30T23:30:00+02:00', plannedEnd: '2026-07-01T00:30:00+02:00' });
    const was = timeForm(night, 'L108-A');
    expect(was).toEqual({ day: '2026-06-30', start: '23:30', end: '00:30', room: 'L108-A' });
    expect(moveAction(night, { ...was, end: '00:45' }, 'L108-A')).toEqual({
      ok: true,
      value: { type: 'program.item.move', itemId: 'd2-maze', start: '2026-06-30T23:30', end: '2026-07-01T00:45' },
    });
  });

  test('an end a little before the start is a typo, not a day-long item: sent as typed, for the server to refuse', () => {
    expect(moveAction(item(), { ...form, start: '12:00', end: '11:40' }, 'L108-A')).toEqual({
      ok: true,
      value: { type: 'program.item.move', itemId: 'd2-maze', start: '2026-06-30T12:00', end: '2026-06-30T11:40' },
    });
  });

  test('with days changing at 05:00, the night talk at 01:00 is on the day before, and stays there when moved', () => {
    const night = item({
      plannedStart: '2026-07-01T01:00:00+02:00',
      plannedEnd: '2026-07-01T02:00:00+02:00',
      day: '2026-06-30',
    });
    const was = timeForm(night, 'L108-A', 300);
    expect(was).toEqual({ day: '2026-06-30', start: '01:00', end: '02:00', room: 'L108-A' });
    expect(moveAction(night, { ...was, start: '01:30' }, 'L108-A', 300)).toEqual({
      ok: true,
      value: { type: 'program.item.move', itemId: 'd2-maze', start: '2026-07-01T01:30' },
    });
    // Moved to 23:30 of the same day of the event: the evening before the night.
    expect(moveAction(night, { ...was, start: '23:30', end: '00:30' }, 'L108-A', 300)).toEqual({
      ok: true,
      value: { type: 'program.item.move', itemId: 'd2-maze', start: '2026-06-30T23:30', end: '2026-07-01T00:30' },
    });
    // An evening talk moved to 00:15 the same night, its end after it.
    expect(moveAction(item(), { ...form, start: '00:15', end: '00:45' }, 'L108-A', 300)).toEqual({
      ok: true,
      value: { type: 'program.item.move', itemId: 'd2-maze', start: '2026-07-01T00:15', end: '2026-07-01T00:45' },
    });
  });

  test("another console moved the item while this form was open: a change of room alone keeps the other's times", () => {
    // Opened at 09:30–10:00; meanwhile the other console moved it to 10:30–11:00 (the item the form has now).
    const moved = item({ plannedStart: '2026-06-30T10:30:00+02:00', plannedEnd: '2026-06-30T11:00:00+02:00' });
    expect(moveAction(moved, { ...form, room: 'B' }, 'L108-A', 0, form)).toEqual({
      ok: true,
      value: { type: 'program.item.move', itemId: 'd2-maze', start: '2026-06-30T10:30', room: 'B' },
    });
    // A start this operator typed is theirs.
    expect(moveAction(moved, { ...form, start: '09:45' }, 'L108-A', 0, form)).toEqual({
      ok: true,
      value: { type: 'program.item.move', itemId: 'd2-maze', start: '2026-06-30T09:45' },
    });
  });

  test('a time that is not one names its field', () => {
    expect(moveAction(item(), { ...form, end: '25:00' }, 'L108-A')).toEqual({ ok: false, field: 'end', error: 'time' });
  });
});

describe('edit in place', () => {
  test('only what changed is sent; the title is trimmed', () => {
    expect(updateSet(item(), { title: ' Distributed AI job ', speakers: ['benjamin-maze'] }, ['benjamin-maze'])).toBe(
      null,
    );
    expect(
      updateSet(item(), { title: 'Distributed AI jobs', speakers: ['benjamin-maze', 'jeff-pan'] }, ['benjamin-maze']),
    ).toEqual({ title: 'Distributed AI jobs', speakers: ['benjamin-maze', 'jeff-pan'] });
  });

  test('a speaker is picked by name (any case) or id, never invented', () => {
    expect(personId('jeff z. pan', people)).toBe('jeff-pan');
    expect(personId('benjamin-maze', people)).toBe('benjamin-maze');
    expect(personId('Somebody Else', people)).toBeNull();
  });
});

describe('what changed, as the console says it', () => {
  test('field: was → now, with names, times and rooms in words', () => {
    const moved = item({ plannedStart: '2026-06-30T09:01:00+02:00', title: 'Distributed AI jobs', room: 'B' });
    const lines = changeLines(
      {
        itemId: 'd2-maze',
        title: 'Distributed AI jobs',
        changed: [
          { field: 'title', label: 'Title', was: 'Distributed AI job' },
          { field: 'speakers', label: 'Speakers', was: ['jeff-pan'] },
          { field: 'start', label: 'Start', was: '2026-06-30T09:30' },
          { field: 'room', label: 'Room', was: 'L108-A' },
        ],
        cancelled: null,
        added: false,
      },
      moved,
      people,
      rooms,
    );
    expect(lines).toEqual([
      { field: 'title', text: 'Title: Distributed AI job → Distributed AI jobs' },
      { field: 'speakers', text: 'Speakers: Jeff Z. Pan → Benjamin Maze' },
      { field: 'start', text: 'Start: 09:30 → 09:01' },
      { field: 'room', text: 'Room: L108-A → Salle B' },
    ]);
  });

  test('a time on another day says the date; nothing is a dash', () => {
    expect(valueText('start', '2026-06-29T14:00', people, rooms, '2026-06-30')).toBe('2026-06-29 14:00');
    expect(valueText('subtitle', null, people, rooms)).toBe('—');
  });

  test('a cancellation: the reason, and whether the door shows it', () => {
    const w = { cancelled: 'Cancelled', shownOnDoor: 'shown on the door', privateReason: 'private' };
    expect(cancelText({ reason: 'Speaker ill', public: true }, w)).toBe('Cancelled · Speaker ill (shown on the door)');
    expect(cancelText({ reason: 'Flight missed', public: false }, w)).toBe('Cancelled · Flight missed (private)');
    expect(cancelText({ reason: null, public: true }, w)).toBe('Cancelled');
  });
});

test('an inserted item follows the one it is inserted after, in its room, with a fresh id', () => {
  expect(insertedItem(item(), ' Group photo ', 10, 'talk', 'L108-A', 36 ** 3, 'Europe/Paris')).toEqual({
    id: 'added-1000',
    kind: 'talk',
    title: 'Group photo',
    start: '2026-06-30T10:00',
    end: '2026-06-30T10:10',
    room: 'L108-A',
    speakers: [],
  });
});

describe('what an insert will do, said before it is done', () => {
  // Day 2 in L108-A: the 09:30–10:00 talk, then two more, a coffee break, and the lunch at the restaurant.
  const day = [
    item(),
    item({
      id: 'd2-bind',
      title: 'Fleets Without a Kernel: The Distributed Operating System Is the Fleet',
      plannedStart: '2026-06-30T10:00:00+02:00',
      plannedEnd: '2026-06-30T10:30:00+02:00',
    }),
    item({
      id: 'd2-coffee',
      kind: 'break',
      title: 'Coffee break',
      plannedStart: '2026-06-30T10:30:00+02:00',
      plannedEnd: '2026-06-30T11:00:00+02:00',
    }),
    item({
      id: 'd2-gone',
      title: 'Cancelled talk',
      plannedStart: '2026-06-30T10:05:00+02:00',
      plannedEnd: '2026-06-30T10:25:00+02:00',
      cancelled: { reason: null },
    }),
    item({
      id: 'd2-lunch',
      kind: 'meal',
      title: 'Lunch',
      room: null,
      location: { id: 'resto', name: 'Restaurant', address: null, url: null },
      plannedStart: '2026-06-30T10:00:00+02:00',
      plannedEnd: '2026-06-30T11:00:00+02:00',
    }),
    item({
      id: 'd3-first',
      title: 'Next day',
      day: '2026-07-01',
      plannedStart: '2026-07-01T09:00:00+02:00',
      plannedEnd: '2026-07-01T09:30:00+02:00',
    }),
  ];

  test('10 min after the 09:30 talk: 10:00–10:10, overlapping the next talk (not the cancelled one, not the lunch away)', () => {
    expect(insertPlan(item(), 10, day, 'L108-A', 'Europe/Paris')).toEqual({
      start: '10:00',
      end: '10:10',
      overlaps: [{ id: 'd2-bind', title: 'Fleets Without a Kernel: The Distributed…', start: '10:00', end: '10:30' }],
      // The rest of the room's day that a shift moves: the talk, the cancelled one and the coffee (not the lunch away).
      moves: 3,
      clockChange: false,
      unnamed: null,
      shiftUnnamed: null,
    });
  });

  test('45 min overlaps the coffee too; after the last item of the day nothing overlaps and nothing moves', () => {
    expect(insertPlan(item(), 45, day, 'L108-A', 'Europe/Paris').overlaps.map((o) => o.id)).toEqual([
      'd2-bind',
      'd2-coffee',
    ]);
    const last = day[2]!;
    expect(insertPlan(last, 10, day, 'L108-A', 'Europe/Paris')).toEqual({
      start: '11:00',
      end: '11:10',
      overlaps: [],
      moves: 0,
      clockChange: false,
      unnamed: null,
      shiftUnnamed: null,
    });
  });
});

test('a removal that moves nothing back says so of one item as of several, in English and in French', () => {
  expect(editWords('en').removeNoneBack(1)).toBe(
    'The item the insert moved later is no longer where it put it: nothing moves back.',
  );
  expect(editWords('en').removeNoneBack(3)).toBe(
    'None of the 3 items the insert moved later is still where it put them: nothing moves back.',
  );
  expect(editWords('fr').removeNoneBack(1)).toBe(
    'L’élément décalé par l’insertion n’est plus où elle l’a mis : rien n’est ramené.',
  );
  expect(editWords('fr').removeNoneBack(3)).toBe(
    'Aucun des 3 éléments décalés par l’insertion n’est encore où elle les a mis : rien n’est ramené.',
  );
});

describe('the editor’s times drawn whole (never "10:20–" at a line’s end and "11:00" on the next)', () => {
  const ew = editWords('en');
  const fr = editWords('fr');
  const wholes = (parts: { text: string; whole: boolean }[]) => parts.filter((p) => p.whole).map((p) => p.text);

  test('a "from → to" pair of what moves back is one part; the sentence reads as the words give it', () => {
    const pair = '10:20–11:00 → 10:10–10:50';
    for (const text of [
      ew.removeBack('HPC+AI Converged Supercomputing on…', '10:20–11:00', '10:10–10:50', false),
      ew.removeBack('Coffee break', '10:20–11:00', '10:10–10:50', true),
      fr.removeBack('Pause café', '10:20–11:00', '10:10–10:50', true),
    ]) {
      const parts = wholeParts(text, [pair]);
      expect(wholes(parts), text).toEqual([pair]);
      expect(parts.map((p) => p.text).join(''), text).toBe(text);
    }
    expect(
      wholeParts(ew.removeBack('Break', '15:50–16:20', '15:40–16:10', true), ['15:50–16:20 → 15:40–16:10']),
    ).toEqual([
      { text: '“Break” ', whole: false },
      { text: '15:50–16:20 → 15:40–16:10', whole: true },
      { text: ' (cancelled)', whole: false },
    ]);
  });

  test('the insert’s range is one part, the one after the title when the title holds the same text', () => {
    expect(wholeParts(ew.insertOverlaps('Session 10:10–10:50', '10:10', '10:50'), ['10:10–10:50'])).toEqual([
      { text: 'It overlaps “Session 10:10–10:50” ', whole: false },
      { text: '10:10–10:50', whole: true },
      { text: '.', whole: false },
    ]);
    expect(wholes(wholeParts(ew.insertWhen('10:10', '10:20'), ['10:10–10:20']))).toEqual(['10:10–10:20']);
  });

  test('a piece the sentence does not hold leaves it as it is', () => {
    expect(wholeParts('Nothing to keep', ['10:10–10:20', ''])).toEqual([{ text: 'Nothing to keep', whole: false }]);
  });
});
