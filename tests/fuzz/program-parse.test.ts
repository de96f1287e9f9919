// Property tests of the program parser: any text or JSON gives a program or located errors, never an exception.
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { parseProgramJson, parseProgramText, type ProgramParse } from '../../core/program/parse.ts';
import { resolveScreen } from '../../core/schedule/resolve.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { tinyProgram } from '../helpers.ts';
import { FUZZ_TIMEOUT_MS, mutate, mutation, runs, validProgram } from './arbitraries.ts';

vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS });

const RUNS = 300;

/** The parser's contract: a program without errors, or at least one error, every diagnostic worded and located. */
function expectWellFormed(result: ProgramParse): void {
  for (const d of result.diagnostics) {
    expect(typeof d.path).toBe('string');
    expect(typeof d.message).toBe('string');
    expect(d.message.trim()).not.toBe('');
    expect(['error', 'warning']).toContain(d.severity);
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.program === null) {
    expect(errors.length).toBeGreaterThan(0);
    return;
  }
  expect(errors).toEqual([]);
  // A program the parser accepts always builds a timeline that answers for every room.
  const timeline = buildTimeline(result.program);
  const at = timeline.items[0]?.start ?? 0;
  for (const room of timeline.rooms.keys()) {
    for (const t of [at - 1, at, at + 1, at + 86_400_000]) resolveScreen(timeline, room, t);
  }
}

describe('parseProgramText', () => {
  test('arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => expectWellFormed(parseProgramText(text))),
      { numRuns: runs(RUNS) },
    );
  });

  test('JSON text of any shape never throws, a BOM included', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.boolean(), (text, bom) =>
        expectWellFormed(parseProgramText(bom ? `\uFEFF${text}` : text)),
      ),
      { numRuns: runs(RUNS) },
    );
  });

  test('a valid program cut anywhere is refused with a syntax error that has a line', () => {
    const text = JSON.stringify(tinyProgram(), null, 2);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        const result = parseProgramText(text.slice(0, cut));
        expectWellFormed(result);
        expect(result.program).toBeNull();
        expect(result.diagnostics[0]!.message).toMatch(/^not valid JSON/);
        if (cut > 0) expect(result.diagnostics[0]!.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('parseProgramJson', () => {
  test('any JSON value never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => expectWellFormed(parseProgramJson(json))),
      {
        numRuns: runs(RUNS),
      },
    );
  });

  test('a valid program with fields dropped, replaced or added: a program or located errors', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const json = mutate(tinyProgram(), mutations);
        expectWellFormed(parseProgramJson(json));
        // The same through the text path, as a file on disk would be read.
        expectWellFormed(parseProgramText(JSON.stringify(json) ?? 'null'));
      }),
      { numRuns: runs(1000) },
    );
  });

  test('a random valid program (sessions, rooms, away items, DST) mutated: a program or located errors', () => {
    fc.assert(
      fc.property(validProgram, fc.array(mutation, { minLength: 1, maxLength: 3 }), ({ input }, mutations) => {
        expectWellFormed(parseProgramJson(mutate(input, mutations)));
      }),
      { numRuns: runs(300) },
    );
  });

  test('the unmutated program is valid (the mutations start from something that parses)', () => {
    expect(parseProgramJson(tinyProgram()).program).not.toBeNull();
  });
});
