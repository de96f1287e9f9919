// No function over ~80 lines where the house was tidied (issue 13): the CLI, the shell, the importers and the build
// scripts. `node scripts/function-lengths.mjs` lists the rest of the repository.
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script, typed by hand below
import { longFunctions as longFunctionsUntyped } from '../../scripts/function-lengths.mjs';

type Long = { lines: number; where: string; name: string };
const longFunctions = longFunctionsUntyped as (o: { limit?: number; folders?: string[] }) => Long[];

const TIDIED = ['cli', 'electron', 'core/import', 'scripts', 'bin'];

describe('function length', () => {
  test('the CLI, the shell, the importers and the scripts have no function over 80 lines', () => {
    expect(longFunctions({ limit: 80, folders: TIDIED }).map((f) => `${f.where} ${f.name} (${f.lines} lines)`)).toEqual(
      [],
    );
  });

  test('the count sees the functions it should: with a limit of 40 it finds some, each with its place and name', () => {
    const found = longFunctions({ limit: 40, folders: TIDIED });
    expect(found.length).toBeGreaterThan(0);
    expect(found).toContainEqual({
      lines: expect.any(Number),
      where: expect.stringMatching(/^cli\/export\.ts:\d+$/),
      name: 'runExport',
    });
    for (const f of found) expect(f.lines).toBeGreaterThan(40);
  });
});
