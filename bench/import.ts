// Import benchmark: a generated 5,000-event pretalx/frab schedule.json through detection, mapping and our checks.
import { importProgram } from '../core/import/index.ts';
import { parseProgramJson } from '../core/program/parse.ts';
import { median, round, type Figure } from './figures.ts';
import { generateFrabSchedule } from './generate-frab.ts';

export function importFigures(rounds = 11): Figure[] {
  const text = JSON.stringify(generateFrabSchedule(5, 20, 5000));
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    const result = importProgram(text);
    if (!result.ok || !parseProgramJson(result.program).program) throw new Error('generated schedule did not import');
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return [{ name: 'import.large.ms', value: round(median(samples)), unit: 'ms', goal: '<= 500' }];
}
