// A large synthetic frab/pretalx schedule.json for the import benchmark: N days × M rooms of talks, deterministic.

const pad = (n: number) => String(n).padStart(2, '0');

export function generateFrabSchedule(days: number, rooms: number, totalEvents: number): object {
  const perRoomDay = Math.ceil(totalEvents / (days * rooms));
  const roomNames = Array.from({ length: rooms }, (_, r) => `Room ${r}`);
  let n = 0;
  const dayList = [];
  for (let d = 0; d < days; d++) {
    const date = `2026-09-${pad(7 + d)}`;
    const byRoom: Record<string, object[]> = {};
    for (const room of roomNames) {
      const events = [];
      let minutes = 8 * 60;
      for (let k = 0; k < perRoomDay && n < totalEvents; k++, n++) {
        const isBreak = k % 6 === 5;
        const length = isBreak ? 5 : 15;
        const start = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
        events.push({
          id: 1000 + n,
          guid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          date: `${date}T${start}:00+02:00`,
          start,
          duration: `00:${pad(length)}`,
          room,
          slug: `gen-${n}`,
          url: `https://pretalx.example.org/gen/talk/${n}/`,
          title: isBreak ? 'Short break' : `Talk number ${n} on a generated topic`,
          subtitle: '',
          track: `Track ${n % 7}`,
          type: isBreak ? 'Break' : n % 3 === 0 ? 'Workshop' : 'Talk',
          language: 'en',
          abstract: `Abstract of talk ${n}.`,
          description: `A longer description of talk ${n}, which goes on for a while.`,
          persons: isBreak
            ? []
            : [{ id: n, public_name: `Speaker ${n % 2500}`, biography: `Speaker ${n % 2500} works.` }],
          links: [],
          attachments: [],
        });
        minutes += length;
      }
      byRoom[room] = events;
    }
    dayList.push({
      index: d + 1,
      date,
      day_start: `${date}T06:00:00+02:00`,
      day_end: `${date}T23:00:00+02:00`,
      rooms: byRoom,
    });
  }
  return {
    schedule: {
      version: 'bench',
      base_url: 'https://pretalx.example.org/gen/schedule/',
      conference: {
        acronym: 'gen',
        title: 'Generated Conference',
        start: '2026-09-07',
        end: `2026-09-${pad(6 + days)}`,
        daysCount: days,
        time_zone_name: 'Europe/Berlin',
        timeslot_duration: '00:05',
        rooms: roomNames.map((name) => ({ name, guid: null })),
        days: dayList,
      },
    },
  };
}
