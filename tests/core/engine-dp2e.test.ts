// The schedule engine on the shipped DP2E-AI 2026 program: what the L108-A screen shows across both days.
import { describe, expect, test } from 'vitest';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { screenJson } from '../../core/schedule/screen-json.ts';
import { loadShippedProgram, screenAt } from '../helpers.ts';

const timeline = buildTimeline(loadShippedProgram());
const at = (instant: string) => screenAt(timeline, instant);
const titles = (items: { title: string }[]) => items.map((i) => i.title);
const speakers = (item: { speakers: { name: string }[] } | null) => item?.speakers.map((p) => p.name) ?? [];

describe('DP2E-AI 2026, room L108-A', () => {
  test.each([
    { label: 'early on day 1', instant: '2026-06-29T07:00', phase: 'before-event', current: [], next: 'Registration' },
    {
      label: 'registration opens',
      instant: '2026-06-29T08:30',
      phase: 'in-session',
      current: ['Registration'],
      next: 'Welcome address',
    },
    {
      label: 'last second of registration',
      instant: '2026-06-29T08:59:59',
      phase: 'in-session',
      current: ['Registration'],
      next: 'Welcome address',
    },
    {
      label: 'opening starts (start inclusive, end exclusive)',
      instant: '2026-06-29T09:00',
      phase: 'in-session',
      // The opening's two parts, as the program page gives them: one slot, the welcome, then the introduction.
      current: ['Welcome address', 'Introduction to the workshop'],
      next: 'HPC in Transition',
    },
    {
      label: 'first keynote',
      instant: '2026-06-29T09:45',
      phase: 'in-session',
      current: ['HPC in Transition'],
      next: 'HPC+AI Converged',
    },
    {
      label: 'morning coffee break',
      instant: '2026-06-29T10:55',
      phase: 'in-break',
      current: ['Coffee break'],
      next: 'AI-for-Science',
    },
    {
      label: 'lunch day 1',
      instant: '2026-06-29T13:00',
      phase: 'in-break',
      current: ['Lunch'],
      next: 'Dataflow Execution',
    },
    { label: 'afternoon break day 1', instant: '2026-06-29T15:50', phase: 'in-break', current: ['Break'], next: 'GPU' },
    {
      label: 'panel day 1',
      instant: '2026-06-29T17:30',
      phase: 'in-session',
      current: ['Panel'],
      next: 'Closing remarks',
    },
    {
      label: 'gap before the dinner',
      instant: '2026-06-29T18:30',
      phase: 'in-break',
      current: [],
      next: 'Workshop Dinner',
    },
    {
      label: 'the dinner',
      instant: '2026-06-29T20:00',
      phase: 'in-session',
      current: ['Workshop Dinner'],
      next: 'Registration',
    },
    {
      label: 'after the dinner',
      instant: '2026-06-29T21:00',
      phase: 'between-days',
      current: [],
      next: 'Registration',
    },
    { label: 'early on day 2', instant: '2026-06-30T06:00', phase: 'between-days', current: [], next: 'Registration' },
    {
      label: 'first talk day 2',
      instant: '2026-06-30T09:10',
      phase: 'in-session',
      current: ['Scaling RL'],
      next: 'Distributed AI job',
    },
    {
      label: 'poster presentations',
      instant: '2026-06-30T12:20',
      phase: 'in-session',
      current: ['Poster presentations'],
      next: 'Lunch',
    },
    {
      label: 'lunch day 2 before the posters',
      instant: '2026-06-30T12:50',
      phase: 'in-break',
      current: ['Lunch'],
      next: 'Poster Session',
    },
    {
      label: 'lunch and poster session overlap',
      instant: '2026-06-30T13:45',
      phase: 'in-session',
      current: ['Lunch', 'Poster Session'],
      next: 'Building Agent Societies',
    },
    {
      label: 'closing remarks',
      instant: '2026-06-30T17:55',
      phase: 'in-session',
      current: ['Closing remarks'],
      next: null,
    },
    { label: 'end of the event', instant: '2026-06-30T18:00', phase: 'after-event', current: [], next: null },
    { label: 'months later', instant: '2026-11-25T12:00', phase: 'after-event', current: [], next: null },
  ])('$label ($instant): $phase', ({ instant, phase, current, next }) => {
    const screen = at(instant);
    expect(screen.phase).toBe(phase);
    expect(screen.current).toHaveLength(current.length);
    current.forEach((prefix, i) => expect(screen.current[i]!.title).toMatch(new RegExp(`^${escape(prefix)}`)));
    if (next === null) expect(screen.next).toBeNull();
    else expect(screen.next?.title).toMatch(new RegExp(`^${escape(next)}`));
  });

  test('10:55 on day 1: coffee break, 25 minutes left, next Kengo Nakajima with his session and chair', () => {
    const json = screenJson(timeline, at('2026-06-29T10:55'));
    expect(json.phase).toBe('in-break');
    expect(json.current[0]).toMatchObject({
      kind: 'break',
      remainingSeconds: 25 * 60,
      start: '2026-06-29T10:50:00+02:00',
    });
    expect(json.next).toMatchObject({
      kind: 'keynote',
      start: '2026-06-29T11:20:00+02:00',
      end: '2026-06-29T12:00:00+02:00',
    });
    expect(json.next?.speakers).toEqual([{ name: 'Kengo Nakajima', affiliation: 'University of Tokyo, Japan' }]);
    expect(json.next?.session).toMatchObject({ title: 'Keynotes', chairs: ['Nahid Emad'] });
    expect(json.next?.location).toBeNull();
  });

  test('the same instant written with Z or another offset gives the same screen', () => {
    const local = screenJson(timeline, at('2026-06-29T10:55'));
    expect(screenJson(timeline, at('2026-06-29T08:55Z'))).toEqual(local);
    expect(screenJson(timeline, at('2026-06-29T04:55-04:00'))).toEqual(local);
  });

  test('remaining seconds count down to the second and round up', () => {
    expect(screenJson(timeline, at('2026-06-29T10:09:59')).current[0]!.remainingSeconds).toBe(1);
    expect(screenJson(timeline, at('2026-06-29T09:30')).current[0]!.remainingSeconds).toBe(40 * 60);
    const halfASecondIn = screenAt(timeline, '2026-06-29T07:30:00.500Z'); // 09:30:00.5 in Paris
    expect(screenJson(timeline, halfASecondIn).current[0]!.remainingSeconds).toBe(40 * 60);
    const oneSecondIn = screenAt(timeline, '2026-06-29T07:30:01Z');
    expect(screenJson(timeline, oneSecondIn).current[0]!.remainingSeconds).toBe(40 * 60 - 1);
  });

  test('lunch and the dinner are away from the room and say where', () => {
    const lunch = screenJson(timeline, at('2026-06-29T12:45')).current[0]!;
    expect(lunch.location?.name).toBe('Ecole des Mines de Paris');
    expect(lunch.room).toBeNull();
    const beforeDinner = screenJson(timeline, at('2026-06-29T18:10'));
    expect(beforeDinner.next?.location).toMatchObject({ name: 'Restaurant Procope', url: 'https://www.procope.com/' });
    expect(beforeDinner.next?.start).toBe('2026-06-29T19:00:00+02:00');
  });

  test('between days the next item is tomorrow morning and "later" is the rest of that day', () => {
    const screen = at('2026-06-29T23:00');
    expect(screen.next?.day).toBe('2026-06-30');
    expect(screen.later.length).toBeGreaterThan(10);
    expect(screen.later.every((i) => i.day === '2026-06-30')).toBe(true);
    expect(screen.later.at(-1)?.title).toMatch(/^Closing remarks/);
  });

  test('"later" is the rest of the day after the next item, in time order', () => {
    const screen = at('2026-06-29T10:55');
    expect(titles(screen.later)[0]).toMatch(/^AI in Science/);
    expect(screen.later.at(-1)?.title).toMatch(/Dinner/);
    const starts = screen.later.map((i) => i.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  test('sessions carry their chairs, moderators and TBA as published', () => {
    const panel = at('2026-06-29T17:30').current[0]!;
    expect(panel.session?.moderators.map((p) => p.name)).toEqual(['Ian Foster']);
    expect(speakers(panel)).toEqual([
      'Christophe Calvin',
      'Jack Dongarra',
      'Yutong Lu',
      'Kunle Olukotun',
      'Kengo Nakajima',
    ]);
    const day2Panel = at('2026-06-30T17:30').current[0]!;
    expect(day2Panel.session?.moderators.map((p) => p.name)).toEqual(['TBA']);
    expect(speakers(day2Panel)).toContain('TBA');
  });

  test('every item of both days is reachable: each is current at its own start', () => {
    for (const item of timeline.items) {
      const screen = screenAt(timeline, new Date(item.start).toISOString());
      expect(screen.current.map((i) => i.id)).toContain(item.id);
    }
    expect(timeline.items.length).toBeGreaterThanOrEqual(30);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
