// Shared by tests: the shipped program, a minimal valid program to break, and a screen lookup by local time.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseProgramJson, parseProgramText } from '../core/program/parse.ts';
import type { Program, ProgramInput } from '../core/program/schema.ts';
import { resolveScreen } from '../core/schedule/resolve.ts';
import { buildTimeline, type Timeline } from '../core/schedule/timeline.ts';
import { parseInstant } from '../core/time.ts';

export const repoPath = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

export function loadShippedProgram(): Program {
  const { program, diagnostics } = parseProgramText(readFileSync(repoPath('data/dp2e-ai-2026.json'), 'utf8'));
  if (!program) throw new Error(`shipped program is invalid: ${JSON.stringify(diagnostics)}`);
  return program;
}

export function parseValid(input: ProgramInput): Program {
  const { program, diagnostics } = parseProgramJson(input);
  if (!program) throw new Error(`expected a valid program: ${JSON.stringify(diagnostics)}`);
  return program;
}

/** Resolve at an instant given as text (program-local when it has no offset). */
export function screenAt(timeline: Timeline, text: string, room = timeline.mainRoom) {
  const parsed = parseInstant(text, timeline.zone);
  if (!parsed.ok) throw new Error(parsed.reason);
  return resolveScreen(timeline, room, parsed.at);
}

export function timelineOf(input: ProgramInput): Timeline {
  return buildTimeline(parseValid(input));
}

/** The item the insert tests add to the shipped program: 10 min "Announcement" after “HPC in Transition” (day 1). */
export const announcementAfterHpc = () => ({
  id: 'x-announcement',
  kind: 'talk',
  title: 'Announcement',
  start: '2026-06-29T10:10',
  end: '2026-06-29T10:20',
  room: 'L108-A',
  speakers: [] as string[],
});

/** A small valid program: one room, one session of two talks, a break. Tests copy and break it. */
export function tinyProgram(): ProgramInput {
  return {
    formatVersion: 1,
    event: { id: 'tiny', name: 'Tiny Conf' },
    timezone: 'Europe/Paris',
    venue: { name: 'Hall' },
    rooms: [{ id: 'A', name: 'Room A' }],
    people: { ada: { name: 'Ada Lovelace', affiliation: 'Analytical Engines' } },
    sessions: [
      {
        id: 's1',
        title: 'Morning',
        start: '2026-06-29T09:00',
        end: '2026-06-29T10:00',
        chairs: ['ada'],
        items: [
          {
            id: 't1',
            kind: 'talk',
            title: 'First',
            start: '2026-06-29T09:00',
            end: '2026-06-29T09:30',
            speakers: ['ada'],
          },
          { id: 't2', kind: 'talk', title: 'Second', start: '2026-06-29T09:30', end: '2026-06-29T10:00' },
        ],
      },
    ],
    items: [{ id: 'b1', kind: 'break', title: 'Coffee', start: '2026-06-29T10:00', end: '2026-06-29T10:30' }],
  };
}

/**
 * The JS heap in use after full garbage collections, in bytes: what a test's process still holds. Node lets a test
 * turn the GC function on at run time.
 */
export function heapAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/**
 * Full garbage collections, now: every object nothing reaches is gone after it and its WeakRefs are cleared (a WeakRef
 * made in the current job keeps its target until the job ends: call this after a turn of the event loop).
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/**
 * What an object holds, counted without the garbage collector: every value reachable from it through properties,
 * array slots and Map/Set entries (each object once; primitives each time they are held). The same for two states of
 * an object means it holds no more in one than in the other, whatever the heap around it does.
 */
export function heldValues(root: object): number {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  let count = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    count++;
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof Map) for (const [k, v] of value) stack.push(k, v);
    else if (value instanceof Set) for (const v of value) stack.push(v);
    for (const key of Reflect.ownKeys(value)) {
      const d = Reflect.getOwnPropertyDescriptor(value, key)!;
      if ('value' in d) stack.push(d.value);
    }
  }
  return count;
}
