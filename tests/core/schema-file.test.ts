// data/program.schema.json is generated from the zod schema: editors see exactly what the app accepts.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { programJsonSchema } from '../../core/program/schema.ts';
import { parseProgramJson } from '../../core/program/parse.ts';
import { generateProgram } from '../../bench/generate-program.ts';
import { repoPath } from '../helpers.ts';

test('data/program.schema.json is up to date (regenerate with npm run schema)', () => {
  const onDisk = JSON.parse(readFileSync(repoPath('data/program.schema.json'), 'utf8'));
  expect(onDisk).toEqual(programJsonSchema());
});

test('the JSON Schema lists the item kinds and requires start and end', () => {
  const text = JSON.stringify(programJsonSchema());
  for (const kind of ['registration', 'keynote', 'break', 'meal', 'poster', 'panel', 'social'])
    expect(text).toContain(`"${kind}"`);
  expect(text).toMatch(/"required":\["id","kind","title","start","end"\]/);
});

test('the benchmark program is a valid program of the announced size', () => {
  const { program, diagnostics } = parseProgramJson(generateProgram(5, 20, 5000));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(program!.items).toHaveLength(5000);
  expect(program!.rooms).toHaveLength(20);
});
