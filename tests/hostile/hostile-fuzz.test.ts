// Issue 12's proof, randomised: programs drawn from hostile parts (ids and people named like Object.prototype's
// members, fields at and past their limits, links of every scheme and length, many items, all of them at once) go
// through `roomcue check` and a real show server. The two always agree: what check accepts is served, every room of
// it answers with its items; what check refuses, serve refuses too, each with a message naming the file and the
// field, never a stack trace and never the hostile text itself. (The same kinds of programs in Chromium, one of each:
// tests/e2e/hostile-programs.test.ts.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { LIMITS, type ProgramInput } from '../../core/program/schema.ts';
import { startHarness } from '../server/harness.ts';
import { BUILTIN_IDS, BUILTIN_NAMES, FUZZ_TIMEOUT_MS, runs } from '../fuzz/arbitraries.ts';

vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS * 2 });

/** A text at a length a screen must show: short, or exactly at the limit (of words, so that it can wrap). */
const textUpTo = (limit: number, letter: string) =>
  fc.constantFrom(`${letter} ${letter}`, `${letter}${' word'.repeat(limit / 5)}`.slice(0, limit));

/** Links a program may have: none, an ordinary one, one of exactly 2,000 characters. */
const goodUrl = fc.constantFrom(
  undefined,
  'https://example.org/talk',
  'http://example.org/a?b=<c>&d="e"',
  `https://example.org/${'u'.repeat(LIMITS.url - 20)}`,
);

/** An id: often a name every object has (`constructor`, `toString`…), else an ordinary one. */
const id = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BUILTIN_IDS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/) },
);

/** At most one thing a screen cannot show, put somewhere in the program: the file must then be refused. */
const FLAWS = {
  'a 301-character title': (p: ProgramInput, k: number) => (item(p, k).title = 'T'.repeat(LIMITS.title + 1)),
  'a 100,000-character title': (p: ProgramInput, k: number) => (item(p, k).title = 'T'.repeat(100_000)),
  'a 2,001-character link': (p: ProgramInput, k: number) =>
    (item(p, k).url = `https://example.org/${'x'.repeat(LIMITS.url - 19)}`),
  'a 5,000-character link': (p: ProgramInput, k: number) => (item(p, k).url = `https://x.org/${'x'.repeat(5000)}`),
  'a javascript: link': (p: ProgramInput, k: number) => (item(p, k).url = 'javascript:alert(document.cookie)'),
  'a JavaScript: link': (p: ProgramInput, k: number) => (item(p, k).url = 'JavaScript:alert(1)'),
  'a data: link': (p: ProgramInput, k: number) => (item(p, k).url = 'data:text/html,<script>alert(1)</script>'),
  'a file: link': (p: ProgramInput, k: number) => (item(p, k).url = 'file:///etc/passwd'),
  'a link with no scheme': (p: ProgramInput, k: number) => (item(p, k).url = '//evil.example/x'),
  'a 151-character room name': (p: ProgramInput) => (p.rooms[0]!.name = 'R'.repeat(LIMITS.name + 1)),
  'a 10,000-character person name': (p: ProgramInput) =>
    Object.defineProperty(p.people, 'longname', { value: { name: 'P'.repeat(10_000) }, enumerable: true }),
  'a room id __proto__': (p: ProgramInput) => (p.rooms[0]!.id = '__proto__'),
  'a person keyed __proto__': (p: ProgramInput) =>
    Object.defineProperty(p.people, '__proto__', { value: { name: 'Nobody' }, enumerable: true }),
  'a 101-character item id': (p: ProgramInput, k: number) => (item(p, k).id = 'i'.repeat(LIMITS.id + 1)),
  'a speaker __proto__': (p: ProgramInput, k: number) => (item(p, k).speakers = ['__proto__']),
};
const item = (p: ProgramInput, k: number) => p.items![k % p.items!.length]!;

const itemSpec = fc.record({
  title: textUpTo(LIMITS.title, 'T'),
  url: goodUrl,
  room: fc.nat(),
  speaker: fc.option(fc.nat(), { nil: undefined }),
  /** Minutes after 09:00; all 0 with `allAtOnce`. */
  start: fc.integer({ min: 0, max: 600 }),
  length: fc.integer({ min: 5, max: 120 }),
});

type Flaw = keyof typeof FLAWS;

/** A program made of hostile parts that a screen can show, with `flaw` (if any) put in somewhere. */
const hostileProgram = (flaw: Flaw | null): fc.Arbitrary<ProgramInput> =>
  fc
    .record({
      roomIds: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
      roomName: textUpTo(LIMITS.name, 'R'),
      people: fc.uniqueArray(fc.tuple(id, textUpTo(LIMITS.name, 'P')), { maxLength: 4, selector: ([k]) => k }),
      items: fc.array(itemSpec, { minLength: 1, maxLength: 12 }),
      /** Many more items than the generator lists: copies of the first, up to 2,000. */
      copies: fc.constantFrom(0, 0, 0, 200, 2000),
      allAtOnce: fc.boolean(),
      builtinItemIds: fc.boolean(),
      flawAt: fc.nat(),
    })
    .map(({ roomIds, roomName, people, items, copies, allAtOnce, builtinItemIds, flawAt }) => {
      const hh = (min: number) =>
        `2026-06-29T${String(9 + Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
      const all = [...items, ...Array.from({ length: copies }, (_, k) => ({ ...items[0]!, start: k % 600 }))];
      const personIds = people.map(([key]) => key);
      const program: ProgramInput = {
        formatVersion: 1,
        event: { id: 'hostile', name: 'Hostile Conf' },
        timezone: 'Europe/Paris',
        venue: { name: 'Hall' },
        rooms: roomIds.map((r, i) => ({ id: r, name: i === 0 ? roomName : `Room ${i}` })),
        people: Object.fromEntries(people.map(([key, name]) => [key, { name }])),
        items: all.map((spec, i) => {
          const start = allAtOnce ? 0 : spec.start;
          return {
            id: builtinItemIds && i < BUILTIN_IDS.length ? BUILTIN_IDS[i]! : `i${i}`,
            kind: 'talk' as const,
            title: spec.title,
            start: hh(start),
            end: hh(start + spec.length),
            room: roomIds[spec.room % roomIds.length]!,
            ...(spec.speaker !== undefined && personIds.length
              ? { speakers: [personIds[spec.speaker % personIds.length]!] }
              : {}),
            ...(spec.url !== undefined ? { url: spec.url } : {}),
          };
        }),
      };
      if (flaw) {
        FLAWS[flaw](program, flawAt);
        // A room renamed __proto__ leaves its items in no room of the program: they name it too.
        if (flaw === 'a room id __proto__')
          for (const it of program.items!) if (it.room === roomIds[0]) it.room = '__proto__';
      }
      return program;
    });

const FIELD = /(^|\n)[^\n]*program\.json: error: (rooms\[\d+\]|people\.|items\[\d+\])[^\n]*/;
const STACK = /\n\s+at |TypeError|ReferenceError|RangeError|Cannot read propert|native code/;
/** The hostile text itself echoed back: 200 of the same letter in a row (fields are made of one letter). */
const ECHO = /(.)\1{199}/;

function write(program: ProgramInput): string {
  const file = join(mkdtempSync(join(tmpdir(), 'roomcue-hostile-fuzz-')), 'program.json');
  writeFileSync(file, JSON.stringify(program));
  return file;
}

/**
 * `roomcue check` on the program, then a show server started with it: they agree, and each answers as a user needs
 * (a program with `flaw` must be refused by both, one without it accepted and served).
 */
async function checkAndServe(program: ProgramInput, flaw: Flaw | null): Promise<void> {
  const file = write(program);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['check', file], { out: (l) => out.push(l), err: (l) => err.push(l) });
  const said = [...out, ...err].join('\n');
  expect(said).not.toMatch(STACK);
  expect(said).not.toMatch(ECHO);
  // A program with a flaw is refused; one without is accepted (overlaps are warnings, not errors).
  expect(code, `${flaw ?? 'no flaw'}: ${err.join('\n').slice(0, 500)}`).toBe(flaw ? 1 : 0);
  const started = await startHarness(program, { pin: null }).then(
    (h) => ({ ok: true as const, h }),
    (e: Error) => ({ ok: false as const, message: e.message }),
  );
  if (code === 0) {
    if (!started.ok) throw new Error(`check accepted a program serve refused: ${started.message}`);
    try {
      for (const room of program.rooms) {
        const res = await fetch(`${started.h.url}/api/state?room=${encodeURIComponent(room.id)}`);
        expect(res.status).toBe(200);
        expect(((await res.json()) as { room: string }).room).toBe(room.id);
      }
      expect((await fetch(`${started.h.url}/api/program`)).status).toBe(200);
    } finally {
      await started.h.close();
    }
    return;
  }
  expect(err.join('\n')).toMatch(FIELD);
  if (started.ok) {
    await started.h.close();
    throw new Error(`check refused a program serve started: ${err.join('\n')}`);
  }
  expect(started.message).toMatch(/^program file .*program\.json is not a valid program:/);
  expect(started.message).toMatch(/(rooms\[\d+\]|people\.|items\[\d+\])/);
  expect(started.message).not.toMatch(STACK);
  expect(started.message).not.toMatch(ECHO);
}

describe('hostile programs through check and serve', () => {
  test('without a flaw (built-in names, fields at their limits, up to 2,000 items, all at once): accepted and served', async () => {
    await fc.assert(
      fc.asyncProperty(hostileProgram(null), (program) => checkAndServe(program, null)),
      { numRuns: runs(25) },
    );
  });

  test.each(Object.keys(FLAWS) as Flaw[])(
    'with %s: refused by check and serve alike, naming the file and the field',
    async (flaw) => {
      await fc.assert(
        fc.asyncProperty(hostileProgram(flaw), (program) => checkAndServe(program, flaw)),
        { numRuns: runs(4) },
      );
    },
  );

  test('the names every object has are among the ids drawn', () => {
    expect(BUILTIN_IDS).toEqual(expect.arrayContaining(['constructor', 'toString', 'valueOf', 'hasOwnProperty']));
    expect(BUILTIN_NAMES).toContain('__proto__');
  });
});
