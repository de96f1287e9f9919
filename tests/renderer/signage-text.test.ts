// The door screen's sentences in English and French, in the program's zone whatever the machine's.
import { describe, expect, test } from 'vitest';
import type { TimerJson } from '../../core/contract/state.ts';
import { itemJson, type ItemJson } from '../../core/schedule/screen-json.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { loadShippedProgram } from '../helpers.ts';
import {
  dayHeading,
  dayWord,
  eventCountdown,
  itemWhat,
  kindHeading,
  knownSpeakers,
  leadLines,
  monogram,
  textDir,
  sessionLine,
  startsInText,
  timeLeftText,
  timeRange,
  untilLine,
  whereLine,
} from '../../renderer/views/signage/text.ts';
import { itemProgress } from '../../renderer/views/signage/timing.ts';
import { MAX_QR_MODULES, qrPath } from '../../renderer/views/signage/qr.ts';

const ZONE = 'Europe/Paris';
const at = (local: string) => Date.parse(`${local}:00+02:00`);
const MIN = 60_000;

const keynote: ItemJson = {
  id: 'd1-dongarra',
  kind: 'keynote',
  title: 'HPC in Transition',
  subtitle: null,
  start: '2026-06-29T09:30:00+02:00',
  end: '2026-06-29T10:10:00+02:00',
  plannedStart: '2026-06-29T09:30:00+02:00',
  plannedEnd: '2026-06-29T10:10:00+02:00',
  day: '2026-06-29',
  speakers: [{ name: 'Jack Dongarra', affiliation: 'University of Tennessee' }],
  room: 'L108-A',
  location: null,
  session: { id: 's', title: 'Keynotes', chairs: ['Nahid Emad'], moderators: [] },
  url: null,
  cancelled: null,
};
const coffee: ItemJson = {
  ...keynote,
  id: 'coffee',
  kind: 'break',
  title: 'Coffee break',
  session: null,
  speakers: [],
};

describe('what an item is called', () => {
  test.each([
    { item: keynote, lang: 'en', text: 'Keynote' },
    { item: keynote, lang: 'fr', text: 'Conférence invitée' },
    { item: { ...keynote, kind: 'talk' }, lang: 'fr', text: 'Exposé' },
    { item: coffee, lang: 'en', text: 'Coffee break' },
    { item: { ...coffee, kind: 'meal', title: 'Lunch' }, lang: 'fr', text: 'Lunch' },
  ] as const)('$item.kind in $lang: $text', ({ item, lang, text }) => expect(kindHeading(item, lang)).toBe(text));

  test('times are in the program zone', () => {
    expect(timeRange({ start: '2026-06-29T07:30:00Z', end: '2026-06-29T08:10:00Z' }, ZONE)).toBe('09:30–10:10');
    expect(untilLine(coffee, at('2026-06-29T11:20'), ZONE, 'en')).toBe('Coffee break until 11:20');
    expect(untilLine(coffee, at('2026-06-29T11:20'), ZONE, 'fr')).toBe("Coffee break jusqu'à 11:20");
  });
});

describe('the session line', () => {
  const session = (chairs: string[], moderators: string[] = [], title = 'Keynotes') => ({
    ...keynote,
    session: { id: 's', title, chairs, moderators },
  });

  test.each([
    { label: 'one chair', item: session(['Nahid Emad']), lang: 'en', text: 'Keynotes · Chair: Nahid Emad' },
    {
      label: 'two chairs',
      item: session(['Chong Li', 'Soraya Zertal']),
      lang: 'en',
      text: 'Keynotes · Chairs: Chong Li, Soraya Zertal',
    },
    { label: 'a moderator', item: session([], ['Ian Foster']), lang: 'en', text: 'Keynotes · Moderator: Ian Foster' },
    {
      label: 'French',
      item: session(['Nahid Emad']),
      lang: 'fr',
      text: 'Keynotes · Président·e de séance\u00a0: Nahid Emad',
    },
    { label: 'TBA is left out', item: session(['TBA'], ['tba']), lang: 'en', text: 'Keynotes' },
    { label: 'a title repeating the item', item: session([], [], 'HPC in transition'), lang: 'en', text: null },
    { label: 'no session', item: { ...keynote, session: null }, lang: 'en', text: null },
  ] as const)('$label', ({ item, lang, text }) => expect(sessionLine(item, lang)).toBe(text));

  test('speakers named TBA are not shown', () => {
    const panel = {
      ...keynote,
      speakers: [
        { name: 'Ludovic Denoyer', affiliation: null },
        { name: 'TBA', affiliation: null },
      ],
    };
    expect(knownSpeakers(panel).map((p) => p.name)).toEqual(['Ludovic Denoyer']);
  });
});

describe('time left and time to start', () => {
  test.each([
    { ms: 25 * MIN, lang: 'en', text: '25 min left' },
    { ms: 25 * MIN - 1000, lang: 'en', text: '25 min left' },
    { ms: 65 * MIN, lang: 'en', text: '1 h 05 left' },
    { ms: 25 * MIN, lang: 'fr', text: 'encore 25 min' },
    { ms: 30_000, lang: 'en', text: '30 s left' },
    { ms: 0, lang: 'en', text: null },
    { ms: -5 * MIN, lang: 'en', text: null },
  ] as const)('$ms ms left in $lang: $text', ({ ms, lang, text }) => expect(timeLeftText(ms, lang)).toBe(text));

  test.each([
    { ms: 25 * MIN, lang: 'en', text: 'starts in 25 min' },
    { ms: 25 * MIN, lang: 'fr', text: 'commence dans 25 min' },
    { ms: 20_000, lang: 'en', text: 'starting now' },
    { ms: -MIN, lang: 'en', text: 'starting now' },
    { ms: 61 * MIN, lang: 'en', text: null },
  ] as const)('$ms ms before the start in $lang: $text', ({ ms, lang, text }) =>
    expect(startsInText(ms, lang)).toBe(text),
  );
});

describe('days and the welcome', () => {
  test.each([
    { when: '2026-06-29T08:30', now: '2026-06-29T07:30', lang: 'en', text: 'Today' },
    { when: '2026-06-30T08:30', now: '2026-06-29T23:00', lang: 'en', text: 'Tomorrow' },
    { when: '2026-06-30T08:30', now: '2026-06-29T23:00', lang: 'fr', text: 'Demain' },
    // After midnight the first item of the day is today's, even if the phase still says between days.
    { when: '2026-06-30T08:30', now: '2026-06-30T00:30', lang: 'en', text: 'Today' },
    { when: '2026-07-01T08:30', now: '2026-06-29T10:00', lang: 'fr', text: 'Mercredi 1 juillet' },
  ] as const)('$when seen at $now: $text', ({ when, now, lang, text }) =>
    expect(dayWord(at(when), at(now), ZONE, lang)).toBe(text),
  );

  test.each([
    { now: '2026-06-29T07:30', lang: 'en', text: 'Starts in 1 h 00' },
    { now: '2026-06-29T08:05', lang: 'fr', text: 'Commence dans 25 min' },
    { now: '2026-06-29T08:30', lang: 'en', text: 'Starting now' },
    { now: '2026-06-28T20:00', lang: 'en', text: 'Monday 29 June, 08:30' },
  ] as const)('the countdown to the event at $now in $lang', ({ now, lang, text }) =>
    expect(eventCountdown(at('2026-06-29T08:30'), at(now), ZONE, lang)).toBe(text),
  );

  test('the strip above the first item', () => {
    const first = { start: '2026-06-30T08:30:00+02:00' };
    expect(leadLines('between-days', first, at('2026-06-29T23:00'), ZONE, 'en')).toEqual({
      title: 'See you tomorrow',
      detail: 'Tuesday 30 June, 08:30',
    });
    expect(leadLines('between-days', first, at('2026-06-30T07:30'), ZONE, 'fr')).toEqual({
      title: 'Bienvenue',
      detail: 'Commence dans 1 h 00',
    });
    expect(leadLines('before-event', null, at('2026-06-29T07:30'), ZONE, 'en')).toEqual({
      title: 'Welcome',
      detail: null,
    });
  });

  test('a day with nothing in the middle of the event: not "Welcome" (the event has begun), "See you soon"', () => {
    const thursday = { start: '2026-07-02T08:30:00+02:00' };
    expect(leadLines('between-days', thursday, at('2026-06-30T10:00'), ZONE, 'en')).toEqual({
      title: 'See you soon',
      detail: 'Thursday 2 July, 08:30',
    });
    expect(leadLines('between-days', thursday, at('2026-06-30T10:00'), ZONE, 'fr')).toEqual({
      title: 'À bientôt',
      detail: 'Jeudi 2 juillet, 08:30',
    });
    // Before the event, days ahead, it is still a welcome.
    expect(leadLines('before-event', thursday, at('2026-06-28T10:00'), ZONE, 'en').title).toBe('Welcome');
  });
});

describe('days that run past midnight (the program changes days at 05:00)', () => {
  const CHANGE = 300;
  test.each([
    { label: "the night's 01:00 talk at 23:45", when: '2026-06-30T01:00', now: '2026-06-29T23:45', text: 'Today' },
    // At 01:30 the clock already reads Tuesday 30 June: "Tomorrow" would read as Wednesday, so the day is named.
    {
      label: 'day 2 at 01:30, still the night',
      when: '2026-06-30T10:00',
      now: '2026-06-30T01:30',
      text: 'Tuesday 30 June',
    },
    {
      label: 'day 3 at 01:30, still the night',
      when: '2026-07-01T10:00',
      now: '2026-06-30T01:30',
      text: 'Wednesday 1 July',
    },
    { label: 'day 2 from 05:00', when: '2026-06-30T10:00', now: '2026-06-30T05:00', text: 'Today' },
    { label: "day 2's night from day 1", when: '2026-07-01T01:00', now: '2026-06-29T10:00', text: 'Tomorrow' },
  ])('$label: $text', ({ when, now, text }) => expect(dayWord(at(when), at(now), ZONE, 'en', CHANGE)).toBe(text));

  test("a day's heading names the day of the event, not the night's calendar date", () => {
    expect(dayHeading(at('2026-07-01T01:00'), at('2026-06-29T10:00'), ZONE, 'en', CHANGE)).toBe(
      'Tomorrow, Tuesday 30 June',
    );
    expect(dayHeading(at('2026-07-01T01:00'), at('2026-06-28T10:00'), ZONE, 'fr', CHANGE)).toBe('Mardi 30 juin');
    // In the small hours the clock shows the next day's date: its heading is its name, no "Tomorrow" before it.
    expect(dayHeading(at('2026-06-30T10:00'), at('2026-06-30T02:30'), ZONE, 'en', CHANGE)).toBe('Tuesday 30 June');
  });

  test('the countdown and the strip between days', () => {
    expect(eventCountdown(at('2026-06-30T01:00'), at('2026-06-29T23:45'), ZONE, 'en', CHANGE)).toBe('Starts in 1 h 15');
    expect(
      leadLines('between-days', { start: '2026-06-30T10:00:00+02:00' }, at('2026-06-30T02:30'), ZONE, 'en', CHANGE),
    ).toEqual({
      title: 'See you soon',
      detail: 'Tuesday 30 June, 10:00',
    });
  });
});

describe('the logo block without a logo', () => {
  test.each([
    { name: 'DP2E-AI 2026', lines: ['DP2E', 'AI'] },
    { name: 'EuroHPC Summit 2026', lines: ['ES'] },
    { name: 'Open Data Day', lines: ['ODD'] },
    { name: 'JCAD 2026', lines: ['JCAD'] },
    { name: '2026', lines: ['•'] },
    // An emoji is not a letter: the door showed "H�C" (half of the emoji's surrogate pair) for "Hostile 🧪 Conf".
    { name: 'Hostile 🧪 Conf', lines: ['HC'] },
    { name: '🚀 Launch Party', lines: ['LP'] },
    { name: '🎉🎉', lines: ['•'] },
    { name: 'Ñandú Día', lines: ['ÑD'] },
    { name: '𝐌ath 𝐃ay', lines: ['𝐌𝐃'] },
    { name: '3D Printing Day', lines: ['3D'] },
  ])('$name → $lines', ({ name, lines }) => expect(monogram(name)).toEqual(lines));
});

describe('how far along an item is', () => {
  const timer = (over: Partial<TimerJson>): TimerJson => ({
    itemId: 'd1-dongarra',
    source: 'timer',
    running: true,
    startedAt: keynote.start,
    endsAtMs: at('2026-06-29T10:15'),
    endsAt: '',
    pausedAt: null,
    remainingSeconds: 0,
    phase: 'normal',
    warningSeconds: 300,
    dangerSeconds: 120,
    ...over,
  });

  test.each([
    { label: 'from its end', t: null, now: '2026-06-29T09:50', left: 20 * MIN, fraction: 0.5 },
    { label: 'before it starts', t: null, now: '2026-06-29T09:00', left: 70 * MIN, fraction: 0 },
    { label: 'past its end', t: null, now: '2026-06-29T10:20', left: -10 * MIN, fraction: 1 },
    { label: 'from a running timer', t: timer({}), now: '2026-06-29T09:50', left: 25 * MIN, fraction: 20 / 45 },
    {
      label: 'from a paused timer, frozen',
      t: timer({ running: false, remainingSeconds: 600 }),
      now: '2026-06-29T09:50',
      left: 10 * MIN,
      fraction: 20 / 30,
    },
    {
      label: 'not from the timer of another item',
      t: timer({ itemId: 'x' }),
      now: '2026-06-29T09:50',
      left: 20 * MIN,
      fraction: 0.5,
    },
  ])('$label', ({ t, now, left, fraction }) => {
    const p = itemProgress(keynote, t, at(now));
    expect(p.remainingMs).toBe(left);
    expect(p.fraction).toBeCloseTo(fraction, 6);
  });
});

describe('QR codes', () => {
  test('a URL gives a square of modules with dark finder patterns in three corners', () => {
    const { size, d } = qrPath('https://dp2e-ai.example.org/talks/dongarra')!;
    expect(size).toBeGreaterThanOrEqual(21);
    expect((size - 17) % 4).toBe(0);
    for (const corner of ['M0 0h', `M${size - 1} 0h`, `M0 ${size - 1}h`]) expect(d).toContain(corner);
    expect(d).not.toContain(`M${size - 1} ${size - 1}h`);
  });

  test.each([
    { label: 'longer than any QR code holds (2,400 characters)', length: 2_400 },
    { label: 'too dense to scan on a door screen (400 characters)', length: 400 },
  ])('a URL $label gives no code instead of an error', ({ length }) => {
    const url = `https://example.org/${'x'.repeat(length - 20)}`;
    expect(qrPath(url)).toBeNull();
  });

  test('a typical talk page of 120 characters still gets its code', () => {
    expect(qrPath(`https://indico.example.org/event/1234/contributions/${'5'.repeat(68)}`)?.size).toBeLessThanOrEqual(
      MAX_QR_MODULES,
    );
  });
});

describe('the header’s room and venue line', () => {
  test.each([
    ['L108-A', 'Mines Paris – PSL', 'DP2E-AI 2026', 'en', 'Room L108-A · Mines Paris – PSL'],
    // pretalx and frab exports name rooms "Gray Room", "Room A": no "Room Gray Room", "Room Room A".
    ['Gray Room', 'Congress Centre', 'DemoCon', 'en', 'Gray Room · Congress Centre'],
    ['Room A', 'Congress Centre', 'DemoCon', 'en', 'Room A · Congress Centre'],
    ['Main Hall', 'Congress Centre', 'DemoCon', 'en', 'Main Hall · Congress Centre'],
    ['Salle Dupont', 'Mines Paris', 'JDP', 'fr', 'Salle Dupont · Mines Paris'],
    ['L108-A', 'Mines Paris', 'JDP', 'fr', 'Salle L108-A · Mines Paris'],
    // An export with no venue is named after the event: the event's name is already above, once is enough.
    ['Gray Room', 'DemoCon', 'DemoCon', 'en', 'Gray Room'],
    ['Bedroom Studio', 'Somewhere', 'X', 'en', 'Room Bedroom Studio · Somewhere'],
  ] as const)('%s, %s (%s, %s) → %s', (room, venue, event, lang, line) => {
    expect(whereLine(room, venue, event, lang)).toBe(line);
  });
});

describe('what a card shows of an item apart from its times', () => {
  const item = (over: Partial<ItemJson>): ItemJson => JSON.parse(JSON.stringify({ ...keynote, ...over })) as ItemJson;

  test('an item only moved in time (a delay) is what it was: its card does not redo its texts', () => {
    const before = itemWhat(item({}));
    const later = item({ start: '2026-06-29T09:35:00+02:00', end: '2026-06-29T10:15:00+02:00' });
    expect(itemWhat(later)).toBe(before);
    // The card reads its times from the item itself.
    expect(timeRange(later, ZONE)).toBe('09:35–10:15');
  });

  test('a title, a speaker, a room or a cancellation changed is the new item', () => {
    const base = itemWhat(item({}));
    const retitled = item({ title: 'HPC in Transition (updated)' });
    expect(itemWhat(retitled)).toBe(retitled);
    const speaker = item({ title: retitled.title, speakers: [{ name: 'Jack Dongarra', affiliation: null }] });
    expect(itemWhat(speaker)).toBe(speaker);
    const cancelled = item({ title: retitled.title, speakers: speaker.speakers, cancelled: { reason: 'ill' } });
    expect(itemWhat(cancelled)).toBe(cancelled);
    expect(itemWhat(cancelled)).not.toBe(base);
  });

  test('any change but a time, in any field the server sends, is the new item: no card keeps a stale text', () => {
    // An item as the server makes it (every field it has, today's and any added later), with a session and speakers.
    const timeline = buildTimeline(loadShippedProgram());
    const made = itemJson(timeline.byId.get('d1-dongarra')!, timeline.zone);
    const times = new Set(['start', 'end', 'plannedStart', 'plannedEnd', 'day']);
    const changed = (value: unknown): unknown =>
      typeof value === 'string'
        ? `${value} (changed)`
        : Array.isArray(value)
          ? [...value, { name: 'Someone else', affiliation: null }]
          : value === null
            ? { reason: 'changed' }
            : { ...(value as object), changed: true };
    const fields = Object.keys(made).filter((key) => !times.has(key) && key !== 'id');
    expect(fields.length).toBeGreaterThanOrEqual(9);
    for (const key of fields) {
      itemWhat(JSON.parse(JSON.stringify(made)) as ItemJson);
      const other = { ...(JSON.parse(JSON.stringify(made)) as ItemJson), [key]: changed(made[key as keyof ItemJson]) };
      expect(itemWhat(other), key).toBe(other);
    }
  });
});

describe('the direction a title reads in', () => {
  test.each([
    { text: 'التعلم العميق للحوسبة', dir: 'rtl' },
    { text: '«למידה עמוקה» 2026', dir: 'rtl' },
    { text: '2026: HPC in Transition', dir: 'ltr' },
    { text: '🚀 Rockets', dir: 'ltr' },
    { text: 'AI — الذكاء الاصطناعي', dir: 'ltr' },
    { text: '', dir: 'ltr' },
  ])('$text → $dir', ({ text, dir }) => expect(textDir(text)).toBe(dir));
});
