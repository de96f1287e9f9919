// A program whose day is happening now (real clock): one room, talks and breaks from 6 h before now to 6 h after.
import { DateTime } from 'luxon';
import type { ProgramInput } from '../core/program/schema.ts';

export function programAroundNow(now = DateTime.now()): ProgramInput {
  const zone = 'Europe/Paris';
  const first = now.setZone(zone).startOf('minute').minus({ hours: 6 });
  const last = first.plus({ hours: 12 });
  const local = (t: DateTime) => t.toFormat("yyyy-MM-dd'T'HH:mm");
  const people: NonNullable<ProgramInput['people']> = {};
  const items: NonNullable<ProgramInput['items']> = [];
  let t = first;
  for (let n = 0; t < last; n++) {
    // Four 25-minute talks, then a 20-minute break.
    const isBreak = n % 5 === 4;
    const end = t.plus({ minutes: isBreak ? 20 : 25 });
    // A summer-time change inside an item would make its local times ambiguous: leave that slot empty.
    if (t.offset === end.offset) {
      if (isBreak) {
        items.push({ id: `break${n}`, kind: 'break', title: 'Coffee break', start: local(t), end: local(end) });
      } else {
        const speaker = `speaker${n}`;
        people[speaker] = { name: `Speaker ${n}`, affiliation: `Lab ${n % 7}` };
        items.push({
          id: `talk${n}`,
          kind: 'talk',
          title: `Talk ${n}: a realistic title about scheduling screens`,
          start: local(t),
          end: local(end),
          speakers: [speaker],
        });
      }
    }
    t = end;
  }
  return {
    formatVersion: 1,
    event: { id: 'bench-now', name: 'Bench Conference' },
    timezone: zone,
    venue: { name: 'Hall' },
    rooms: [{ id: 'main', name: 'Main hall' }],
    mainRoom: 'main',
    people,
    items,
  };
}
