// The shipped program against the workshop's published page, by script (data/check-against-seed.ts): every slot
// and talk of both days, and the opening in its two parts.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkAgainstSeed, seedEntries } from '../../data/check-against-seed.ts';
import { loadShippedProgram, parseValid, repoPath } from '../helpers.ts';

const seed = readFileSync(repoPath('data/dp2e-ai-2026-program.txt'), 'utf8');

describe('data/dp2e-ai-2026.json against the published page', () => {
  test('every timed entry of both days agrees, and every item comes from the page', () => {
    expect(seedEntries(seed, 2026).length).toBe(41);
    expect(checkAgainstSeed(seed, loadShippedProgram())).toEqual([]);
  });

  test('the opening has its two parts, each with its own people; the Program Chair is named', () => {
    const program = loadShippedProgram();
    const opening = program.sessions.find((s) => s.id === 'd1-opening-session')!;
    expect(opening.items.map((i) => [i.id, i.title, i.speakers])).toEqual([
      ['d1-welcome', 'Welcome address', ['paolo-stringari', 'corinne-ancourt', 'fabien-coelho']],
      ['d1-introduction', 'Introduction to the workshop', ['serge-petiton']],
    ]);
    expect(opening.items.map((i) => i.subtitle)).toEqual(['from Ecole des Mines de Paris', 'by the Program Chair']);
    expect(program.event.programChairs).toEqual(['serge-petiton']);
    expect(program.people['paolo-stringari']!.affiliation).toBe('Director of Research at MINES Paris – PSL');
  });

  test('the check sees a merged opening, a moved talk and an item the page does not have', () => {
    const program = loadShippedProgram();
    const merged = structuredClone(program);
    const opening = merged.sessions.find((s) => s.id === 'd1-opening-session')!;
    opening.items = [{ ...opening.items[0]!, id: 'd1-opening', title: 'Opening session', speakers: ['serge-petiton'] }];
    expect(checkAgainstSeed(seed, merged)).toContain(
      'page line 7 (2026-06-29 09:00-09:30 "Opening session"): the part "Introduction to the workshop" is not an item of d1-opening-session of its own',
    );
    const moved = structuredClone(program);
    const lu = moved.sessions.flatMap((s) => s.items).find((i) => i.id === 'd1-lu')!;
    lu.start = '2026-06-29T10:15';
    expect(checkAgainstSeed(seed, parseValid(moved))).toContain('d1-lu (2026-06-29T10:15-10:50) is not on the page');
  });

  test('every affiliation, bio, abstract and subtitle is the page’s text (a changed word is reported)', () => {
    const program = loadShippedProgram();
    const edited = structuredClone(program);
    edited.people['yutong-lu']!.affiliation = 'Sun Yat-Sen University, Taiwan';
    edited.people['jack-dongarra']!.bio = edited.people['jack-dongarra']!.bio!.replace('Turing Award', 'Nobel Prize');
    const calvin = edited.sessions.flatMap((s) => s.items).find((i) => i.id === 'd1-calvin')!;
    calvin.abstract = `${calvin.abstract} And more.`;
    calvin.subtitle = 'an invented subtitle';
    const problems = checkAgainstSeed(seed, parseValid(edited));
    expect(problems).toContain('yutong-lu: affiliation "Sun Yat-Sen University, Taiwan" is not on the page');
    expect(problems.filter((p) => p.startsWith('jack-dongarra: bio'))).toEqual([
      'jack-dongarra: bio is not on the page from "…he received the ACM A.M. Nobel Prize for…"',
    ]);
    expect(problems).toContain(
      'd1-calvin: abstract is not on the page from "…governance, and changes in research processes. And more."',
    );
    expect(problems).toContain('d1-calvin: subtitle "an invented subtitle" is not on the page');
    expect(problems).toHaveLength(4);
  });

  test('a text named like an object built-in ("constructor", "toString") is a text like any other', () => {
    const edited = structuredClone(loadShippedProgram());
    edited.people['yutong-lu']!.affiliation = 'constructor';
    const calvin = edited.sessions.flatMap((s) => s.items).find((i) => i.id === 'd1-calvin')!;
    calvin.subtitle = 'toString';
    expect(checkAgainstSeed(seed, parseValid(edited))).toEqual([
      'yutong-lu: affiliation "constructor" is not on the page',
      'd1-calvin: subtitle "toString" is not on the page',
    ]);
  });
});
