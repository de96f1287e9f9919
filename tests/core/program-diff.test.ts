import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { programChanges, summarizeChanges } from '../../core/program/diff.ts';
import { parseProgramText } from '../../core/program/parse.ts';
import type { Program } from '../../core/program/schema.ts';

const seed = (): Program =>
  parseProgramText(readFileSync(new URL('../../data/dp2e-ai-2026.json', import.meta.url), 'utf8')).program!;
const item = (p: Program, id: string) => p.sessions.flatMap((s) => s.items).find((i) => i.id === id)!;

describe('what changed between two versions of a program', () => {
  it('names moves, removals, new items and renames, in the words the control shows', () => {
    const before = seed();
    const after = seed();
    Object.assign(item(after, 'd2-yuan'), { start: '2026-06-30T16:40', end: '2026-06-30T17:10' });
    Object.assign(item(after, 'd2-hugues'), { start: '2026-06-30T16:10', end: '2026-06-30T16:40' });
    after.sessions.find((s) => s.id === 'd2-ai-hpc-morning')!.items.splice(1, 1); // d2-maze
    after.items.push({
      id: 'x-news',
      kind: 'talk',
      title: 'Sponsor news',
      start: '2026-06-30T17:50',
      end: '2026-06-30T18:00',
      speakers: [],
    });
    item(after, 'd1-lu').title = 'HPC+AI on LineShine';
    const lines = programChanges(before, after);
    expect(lines.map((l) => [l.itemId, l.kind])).toEqual([
      ['d1-lu', 'retitled'],
      ['d2-yuan', 'moved'],
      ['d2-hugues', 'moved'],
      ['x-news', 'new'],
      ['d2-maze', 'removed'],
    ]);
    expect(lines[1]!.text).toBe(
      "'Tackle the interesting, automate the rest: Building the n…' moved 16:10–16:40 → 16:40–17:10",
    );
    expect(summarizeChanges(lines)).toMatch(
      /^5 changes: 'HPC\+AI Converged .*' renamed 'HPC\+AI on LineShine', .* moved 16:10–16:40 → 16:40–17:10, .*, and 2 more$/,
    );
  });

  it('says nothing when nothing the items show changed', () => {
    expect(programChanges(seed(), seed())).toEqual([]);
  });
});
