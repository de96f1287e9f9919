// The console's program rows: what is on and next comes from the server; finished rows and second taps from the clock.
import { describe, expect, test } from 'vitest';
import type { ItemJson } from '../../core/schedule/screen-json.ts';
import { FAR_MS, needsConfirm, rowState, speakerNames } from '../../renderer/views/control/program-rows.ts';

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
