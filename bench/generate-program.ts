// A large synthetic program for benchmarks: N days × M rooms of back-to-back talks with breaks, deterministic.
import type { ProgramInput } from '../core/program/schema.ts';

export function generateProgram(days: number, rooms: number, totalItems: number): ProgramInput {
  const perRoomDay = Math.ceil(totalItems / (days * rooms));
  const people: NonNullable<ProgramInput['people']> = {};
  const items: NonNullable<ProgramInput['items']> = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  let n = 0;
  for (let d = 0; d < days && n < totalItems; d++) {
    const date = `2026-09-${pad(7 + d)}`;
    for (let r = 0; r < rooms && n < totalItems; r++) {
      let minutes = 8 * 60;
      for (let k = 0; k < perRoomDay && n < totalItems; k++, n++) {
        const length = k % 6 === 5 ? 5 : 15;
        const start = `${date}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
        minutes += length;
        const end = `${date}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
        const speaker = `p${n}`;
        people[speaker] = { name: `Speaker ${n}`, affiliation: `Lab ${n % 97}` };
        items.push({
          id: `i${n}`,
          kind: length === 5 ? 'break' : 'talk',
          title: `Talk number ${n} on a generated topic`,
          start,
          end,
          room: `r${r}`,
          speakers: length === 5 ? [] : [speaker],
        });
      }
    }
  }
  return {
    formatVersion: 1,
    event: { id: 'generated', name: 'Generated Conference' },
    timezone: 'Europe/Berlin',
    venue: { name: 'Congress Centre' },
    rooms: Array.from({ length: rooms }, (_, r) => ({ id: `r${r}`, name: `Room ${r}` })),
    people,
    items,
  };
}

/** `n` talks in one room all from 09:00 to 18:00 (one more overlap for every item): the worst case of the checks. */
export function overlappingProgram(n: number): ProgramInput {
  return {
    formatVersion: 1,
    event: { id: 'overlap', name: 'Overlap Conf' },
    timezone: 'Europe/Paris',
    venue: { name: 'Hall' },
    rooms: [{ id: 'A', name: 'Room A' }],
    items: Array.from({ length: n }, (_, k) => ({
      id: `o${k}`,
      kind: 'talk' as const,
      title: `Talk ${k}`,
      start: '2026-09-07T09:00',
      end: '2026-09-07T18:00',
    })),
  };
}
