// `npm run bench`: measures the figures the issues budget, writes bench/report.json and prints a table.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseProgramText } from '../core/program/parse.ts';
import { resolveScreen } from '../core/schedule/resolve.ts';
import { buildTimeline } from '../core/schedule/timeline.ts';
import { median, round, type Figure } from './figures.ts';
import { generateProgram } from './generate-program.ts';
import { serverFigures } from './server.ts';
import { viewFigures } from './views.ts';
import { importFigures } from './import.ts';
import { performanceDoc } from './performance-doc.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Median time of one call in microseconds, over `rounds` rounds of `perRound` calls. */
function medianMicros(fn: (i: number) => void, rounds = 31, perRound = 2000): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) fn(r * perRound + i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000 / perRound);
  }
  return median(samples);
}

function medianMillis(fn: () => void, rounds = 15): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
}

const figures: Figure[] = [];

// The shipped program: one lookup at instants spread over both days.
{
  const { program } = parseProgramText(readFileSync(here('../data/dp2e-ai-2026.json'), 'utf8'));
  const timeline = buildTimeline(program!);
  const first = timeline.items[0]!.start - 3600_000;
  const span = timeline.items.at(-1)!.end + 3600_000 - first;
  const value = medianMicros((i) => resolveScreen(timeline, 'L108-A', first + ((i * 7919_000) % span)));
  figures.push({ name: 'resolve.dp2e.median_us', value: round(value), unit: 'us', goal: '<= 50' });
}

// A generated program: 5 days, 20 rooms, 5,000 items.
{
  const text = JSON.stringify(generateProgram(5, 20, 5000));
  const load = medianMillis(() => {
    const { program } = parseProgramText(text);
    if (!program) throw new Error('generated program is invalid');
  });
  figures.push({ name: 'load.large.ms', value: round(load), unit: 'ms', goal: '<= 150' });
  const timeline = buildTimeline(parseProgramText(text).program!);
  const rooms = [...timeline.rooms.keys()];
  const first = timeline.items[0]!.start;
  const span = timeline.items.at(-1)!.end - first;
  const value = medianMicros((i) => resolveScreen(timeline, rooms[i % rooms.length]!, first + ((i * 7919_000) % span)));
  figures.push({ name: 'resolve.large.median_us', value: round(value), unit: 'us', goal: '<= 200' });
}

// The server: push latency to 50 screens, idle CPU, memory over a rehearsed day (about 100 s in all).
figures.push(...(await importFigures()));
figures.push(...(await serverFigures()));
figures.push(...(await viewFigures()));

const reportPath = here('./report.json');
let previous: Figure[];
try {
  previous = JSON.parse(readFileSync(reportPath, 'utf8')) as Figure[];
} catch {
  previous = [];
}
// Later benchmarks add their own figures; keep theirs, replace ours.
const merged = [...previous.filter((f) => !figures.some((g) => g.name === f.name)), ...figures];
writeFileSync(reportPath, `${JSON.stringify(merged, null, 2)}\n`);
console.table(figures.map((f) => ({ name: f.name, value: f.value, unit: f.unit, goal: f.goal ?? '' })));
let soak;
try {
  soak = JSON.parse(readFileSync(here('./soak-report.json'), 'utf8'));
} catch {
  soak = null;
}
writeFileSync(here('../docs/performance.md'), performanceDoc(merged, new Date(), soak));
console.log(`written ${reportPath} and docs/performance.md`);
