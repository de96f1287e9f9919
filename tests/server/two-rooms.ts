// A show of two rooms whose states span the three WebSocket frame header sizes (tests of what a screen's socket carries).
import type { ProgramInput } from '../../core/program/schema.ts';

/** Room A: two talks. Room B: 300 one-minute talks with long titles, so that its control state (the day's list) is over 64 KiB. */
export function twoRoomProgram(): ProgramInput {
  const at = (m: number) =>
    `2026-06-29T${String(9 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const items: NonNullable<ProgramInput['items']> = [
    { id: 'a1', kind: 'talk', title: 'Opening of room A', start: at(0), end: at(30), speakers: ['ada'], room: 'A' },
    { id: 'a2', kind: 'talk', title: 'Second in A', start: at(30), end: at(60), room: 'A' },
  ];
  for (let k = 0; k < 300; k++) {
    items.push({
      id: `b${k}`,
      kind: 'talk',
      title: `Lightning ${k} ${'é'.repeat(40)} ${'x'.repeat(200)}`,
      start: at(k),
      end: at(k + 1),
      room: 'B',
    });
  }
  return {
    formatVersion: 1,
    event: { id: 'frames', name: 'Frames Conf' },
    timezone: 'Europe/Paris',
    venue: { name: 'Hall' },
    rooms: [
      { id: 'A', name: 'Room A' },
      { id: 'B', name: 'Room B' },
    ],
    people: { ada: { name: 'Ada Lovelace', affiliation: 'Engines' } },
    items,
  };
}
