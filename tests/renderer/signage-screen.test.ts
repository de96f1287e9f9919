// The door picks its layout from the server's phase and items, at real instants of the shipped program.
import { describe, expect, test } from 'vitest';
import { stateJson, type StateJson } from '../../core/contract/state.ts';
import { resolveLive } from '../../core/live/live-screen.ts';
import { emptyLive } from '../../core/live/state.ts';
import type { ItemJson } from '../../core/schedule/screen-json.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { parseInstant } from '../../core/time.ts';
import {
  agendaGroups,
  agendaKey,
  agendaRows,
  elsewhereOn,
  heroCardsOf,
  inRoomFirst,
  sameList,
  signageScreen,
  turnedTo,
} from '../../renderer/views/signage/screen.ts';
import { SameItems } from '../../renderer/lib/same-items.ts';
import { loadShippedProgram } from '../helpers.ts';

const timeline = buildTimeline(loadShippedProgram());

function stateAt(local: string): StateJson {
  const parsed = parseInstant(local, timeline.zone);
  if (!parsed.ok) throw new Error(parsed.reason);
  const at = parsed.at;
  return stateJson(timeline, resolveLive(timeline, emptyLive(), 'L108-A', at), {
    seq: 0,
    clock: { now: at, serverTime: at, speed: 1, rehearsal: true },
    program: { file: 'program.json', loadedAt: '', warnings: [], warningCount: 0, warningKinds: [], problem: null },
    storeWarning: null,
  });
}

/** The screen in a line: its kind, then the items it shows large. */
function summary(state: StateJson | null): string {
  const s = signageScreen(state);
  switch (s.kind) {
    case 'before-event':
    case 'between-days':
      return `${s.kind} ${s.first?.id}`;
    case 'in-break':
      return `in-break ${s.breaks.map((i) => i.id).join('+') || '(gap)'} → ${s.next?.id}`;
    case 'in-session':
      return `in-session ${s.current.map((i) => i.id).join('+')} → ${s.next?.id}`;
    default:
      return s.kind;
  }
}

describe('which screen the door shows', () => {
  test.each([
    { at: '2026-06-29T07:30', screen: 'before-event d1-registration' },
    { at: '2026-06-29T09:45', screen: 'in-session d1-dongarra → d1-lu' },
    { at: '2026-06-29T10:55', screen: 'in-break d1-coffee-break → d1-nakajima' },
    { at: '2026-06-29T13:00', screen: 'in-break d1-lunch → d1-olukotun' },
    { at: '2026-06-29T18:30', screen: 'in-break (gap) → d1-dinner' },
    { at: '2026-06-29T23:00', screen: 'between-days d2-registration' },
    // The poster session is behind this door; lunch is elsewhere: the room's item comes first.
    { at: '2026-06-30T13:45', screen: 'in-session d2-poster-session+d2-lunch → d2-denoyer' },
    { at: '2026-06-30T19:00', screen: 'after-event' },
  ])('$at → $screen', ({ at, screen }) => expect(summary(stateAt(at))).toBe(screen));

  test('before the first state arrives it is connecting; a blackout hides every phase', () => {
    expect(summary(null)).toBe('connecting');
    expect(summary({ ...stateAt('2026-06-29T09:45'), blackout: true })).toBe('blackout');
    expect(summary({ ...stateAt('2026-06-30T19:00'), blackout: true })).toBe('blackout');
  });
});

describe('the rest of the day', () => {
  test('what is on (highlighted), next, then later, in order of start', () => {
    const rows = agendaRows(stateAt('2026-06-30T13:45'));
    expect(rows.slice(0, 4).map((r) => `${r.item.id} ${r.status}`)).toEqual([
      'd2-lunch current',
      'd2-poster-session current',
      'd2-denoyer next',
      'd2-mishchenko later',
    ]);
    expect(rows.at(-1)?.item.id).toBe('d2-closing');
  });

  test("the day list's key names each row as shown, and changes when one moves on", () => {
    const rows = agendaRows(stateAt('2026-06-30T13:45'));
    const key = agendaKey(rows, 'en');
    expect(key).toBe(rows.map((r) => `${r.item.id}:${r.status}:${r.item.start}:${r.item.title}:null`).join(','));
    expect(key.startsWith('d2-lunch:current:')).toBe(true);
    expect(agendaKey(agendaRows(stateAt('2026-06-30T14:45')), 'en')).not.toBe(key);
  });

  test('between days it is tomorrow’s program', () => {
    const rows = agendaRows(stateAt('2026-06-29T23:00'));
    expect(rows[0]).toMatchObject({ status: 'next', item: { id: 'd2-registration' } });
    expect(rows.every((r) => r.item.start.startsWith('2026-06-30'))).toBe(true);
  });

  test('during the dinner on day 1, what follows is grouped under Tuesday, not under today', () => {
    const groups = agendaGroups(agendaRows(stateAt('2026-06-29T19:30')));
    expect(groups.map((g) => `${g.day}: ${g.rows[0]!.item.id}`)).toEqual([
      '2026-06-29: d1-dinner',
      '2026-06-30: d2-registration',
    ]);
    expect(groups[0]!.rows).toHaveLength(1);
  });

  test("an unchanged item's row is the same object at the next state; a row whose status changed is new", () => {
    // The connection gives an item a new state repeats unchanged as the same object (renderer/lib/same-items.ts): its
    // row in the day list is then the same too, and is not drawn again.
    const state = stateAt('2026-06-30T13:45');
    const before = agendaRows(state);
    const after = agendaRows({ ...state, current: state.current.slice(0, 1) });
    const poster = (rows: typeof before) => rows.find((r) => r.item.id === 'd2-poster-session');
    expect(after.find((r) => r.item.id === 'd2-mishchenko')).toBe(before.find((r) => r.item.id === 'd2-mishchenko'));
    expect(after.find((r) => r.item.id === 'd2-denoyer')).toBe(before.find((r) => r.item.id === 'd2-denoyer'));
    expect(poster(after)).toBeUndefined();
    const moved = agendaRows({ ...state, current: [], next: state.current[0]!, later: state.later });
    expect(moved.find((r) => r.item.id === state.current[0]!.id)).toMatchObject({ status: 'next' });
    expect(moved.find((r) => r.item.id === state.current[0]!.id)).not.toBe(
      before.find((r) => r.item.id === state.current[0]!.id),
    );
  });

  test('an item is listed once even if it is both on and next', () => {
    const state = stateAt('2026-06-29T09:45');
    const rows = agendaRows({ ...state, next: state.current[0]!, later: [state.current[0]!] });
    expect(rows.map((r) => r.item.id)).toEqual(['d1-dongarra']);
  });
});

describe('several things at once', () => {
  const item = (id: string, kind: ItemJson['kind'], away = false): ItemJson => ({
    id,
    kind,
    title: id,
    subtitle: null,
    start: '2026-06-30T13:30:00+02:00',
    end: '2026-06-30T14:00:00+02:00',
    plannedStart: '2026-06-30T13:30:00+02:00',
    plannedEnd: '2026-06-30T14:00:00+02:00',
    day: '2026-06-30',
    speakers: [],
    room: away ? null : 'L108-A',
    location: away ? { id: 'x', name: 'Elsewhere', address: null, url: null } : null,
    session: null,
    url: null,
    cancelled: null,
  });

  test.each([
    { items: [item('lunch', 'meal', true), item('posters', 'poster')], order: 'posters lunch' },
    { items: [item('coffee', 'break'), item('talk', 'talk')], order: 'talk coffee' },
    { items: [item('a', 'talk'), item('b', 'keynote')], order: 'a b' },
    { items: [item('dinner', 'social', true), item('coffee', 'break')], order: 'coffee dinner' },
  ])('the room first, then breaks, then elsewhere: $order', ({ items, order }) =>
    expect(
      inRoomFirst(items)
        .map((i) => i.id)
        .join(' '),
    ).toBe(order),
  );
});

describe('many on at once, and a room with nothing more', () => {
  const base = stateAt('2026-06-29T09:45');
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ ...base.current[0]!, id: `p${i}`, title: `Poster ${i}` }));

  test.each([
    { n: 2, kind: 'in-session' },
    { n: 3, kind: 'in-session' },
    { n: 4, kind: 'many-on' },
    { n: 60, kind: 'many-on' },
  ])('$n items on at once: $kind', ({ n, kind }) => {
    expect(signageScreen({ ...base, current: many(n) }).kind).toBe(kind);
  });

  const other = (room: string, roomName: string, id: string, on: boolean): StateJson['elsewhere'][number] => ({
    room,
    roomName,
    capacity: null,
    current: on ? [{ ...base.current[0]!, id, room }] : [],
    next: on ? null : { ...base.current[0]!, id, room },
  });
  const after = stateAt('2026-06-30T19:00');
  const rooms = [
    { id: 'L108-A', name: 'L108-A' },
    { id: 'amphi', name: 'Amphi' },
    { id: 'small', name: 'Small room' },
  ];

  test('the room is done but others have something on: where to go, the biggest (first listed) room first', () => {
    const state = {
      ...after,
      rooms,
      elsewhere: [other('small', 'Small room', 's1', true), other('amphi', 'Amphi', 'a1', true)],
    };
    const screen = signageScreen(state);
    expect(screen.kind).toBe('room-done');
    expect(elsewhereOn(state).map((e) => `${e.roomName} ${e.item.id}`)).toEqual(['Amphi a1', 'Small room s1']);
  });

  test('a cancelled talk elsewhere is never where the door sends people, on now or next', () => {
    const cancelled = (o: StateJson['elsewhere'][number]) => ({
      ...o,
      current: o.current.map((i) => ({ ...i, cancelled: { reason: null } })),
      next: o.next ? { ...o.next, cancelled: { reason: null } } : null,
    });
    const state = {
      ...after,
      rooms,
      elsewhere: [cancelled(other('amphi', 'Amphi', 'a1', true)), other('small', 'Small room', 's1', true)],
    };
    expect(elsewhereOn(state).map((e) => `${e.roomName} ${e.item.id}`)).toEqual(['Small room s1']);
    const later = { ...after, rooms, elsewhere: [cancelled(other('amphi', 'Amphi', 'a2', false))] };
    expect(elsewhereOn(later)).toEqual([]);
  });

  test('thank you only when every room is over', () => {
    expect(signageScreen({ ...after, rooms, elsewhere: [] }).kind).toBe('after-event');
    expect(signageScreen({ ...after, rooms, elsewhere: [other('amphi', 'Amphi', 'a2', false)] }).kind).toBe(
      'room-done',
    );
  });
});

describe('the door’s own turn at a talk’s end', () => {
  const ids = (rows: { item: ItemJson }[]) => rows.map((r) => r.item.id);

  test('a cancelled talk on now: at its end the next talk is the hero and the cancelled one leaves the day list', () => {
    // Dirhoussi (09:00–09:30) cancelled, a second before its end: it is the hero, marked cancelled, and on the list.
    const before = stateAt('2026-06-30T09:29:59');
    const dirhoussi = { ...before.current[0]!, cancelled: { reason: 'Speaker ill' } };
    const cancelled: StateJson = { ...before, current: [dirhoussi] };
    expect(summary(cancelled)).toBe('in-session d2-dirhoussi → d2-maze');
    // What the door shows by its own clock at 09:30 (TURN_HOLD_MS after the hero, before any state came): the same
    // as the server's state of 09:30 says, with no Dirhoussi anywhere.
    const turned = turnedTo(cancelled, cancelled.next!);
    const server = stateAt('2026-06-30T09:30');
    expect(summary(turned)).toBe('in-session d2-maze → ' + server.next!.id);
    expect(summary(turned)).toBe(summary(server));
    const rows = ids(agendaRows(turned));
    expect(rows).not.toContain('d2-dirhoussi');
    expect(rows).toEqual(ids(agendaRows(server)));
  });
});

describe('a push that changes nothing the door shows', () => {
  // As the page gets them: parsed from the socket's JSON, then the unchanged items kept (renderer/lib/same-items.ts).
  const kept = new SameItems();
  const received = (local: string): StateJson => {
    const state = JSON.parse(JSON.stringify(stateAt(local))) as StateJson;
    kept.keep(state);
    return state;
  };

  test('the hero card and the day list are the objects the door already shows, so their parts do no work again', () => {
    const first = signageScreen(received('2026-06-29T10:05'));
    if (first.kind !== 'in-session') throw new Error('not in session');
    const leftAt1005 = first.current[0]!.remainingSeconds;
    // Three minutes later (an action, a message): the talk on now has fewer seconds left, nothing else changed.
    const second = signageScreen(received('2026-06-29T10:08'));
    if (second.kind !== 'in-session') throw new Error('not in session');
    expect(second.current[0]).toBe(first.current[0]);
    expect(second.current[0]!.remainingSeconds).toBe(leftAt1005 - 180);
    const cards = heroCardsOf(first.current, first.next);
    expect(sameList(cards, heroCardsOf(second.current, second.next))).toBe(cards);
    expect(sameList(first.agenda, second.agenda)).toBe(first.agenda);
    // At the next talk: a new hero, a new day list.
    const third = signageScreen(received('2026-06-29T10:15'));
    if (third.kind !== 'in-session') throw new Error('not in session');
    expect(third.current[0]!.id).not.toBe(first.current[0]!.id);
    expect(sameList(cards, heroCardsOf(third.current, third.next))).not.toBe(cards);
    expect(sameList(first.agenda, third.agenda)).not.toBe(first.agenda);
  });
});
