// `npm run bench`: measures the figures the issues budget, writes bench/report.json and prints a table.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseProgramText } from '../core/program/parse.ts';
import { resolveScreen } from '../core/schedule/resolve.ts';
import { buildTimeline } from '../core/schedule/timeline.ts';
import { median, round, stamped, type Figure } from './figures.ts';
import { generateProgram } from './generate-program.ts';
import { serverFigures } from './server.ts';
import { failoverFigures } from './failover.ts';
import { viewFigures } from './views.ts';
import { importFigures } from './import.ts';
import { memoryFigures } from './memory.ts';
import { overlappingProgram } from './generate-program.ts';
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
const push = (...measured: Figure[]) => figures.push(...stamped(measured));

// The shipped program: one lookup at instants spread over both days.
{
  const { program } = parseProgramText(readFileSync(here('../data/dp2e-ai-2026.json'), 'utf8'));
  const timeline = buildTimeline(program!);
  const first = timeline.items[0]!.start - 3600_000;
  const span = timeline.items.at(-1)!.end + 3600_000 - first;
  const value = medianMicros((i) => resolveScreen(timeline, 'L108-A', first + ((i * 7919_000) % span)));
  push({ name: 'resolve.dp2e.median_us', value: round(value), unit: 'us', goal: '<= 50' });
}

// A generated program: 5 days, 20 rooms, 5,000 items.
{
  const text = JSON.stringify(generateProgram(5, 20, 5000));
  const load = medianMillis(() => {
    const { program } = parseProgramText(text);
    if (!program) throw new Error('generated program is invalid');
  });
  push({ name: 'load.large.ms', value: round(load), unit: 'ms', goal: '<= 150' });
  const timeline = buildTimeline(parseProgramText(text).program!);
  const rooms = [...timeline.rooms.keys()];
  const first = timeline.items[0]!.start;
  const span = timeline.items.at(-1)!.end - first;
  const value = medianMicros((i) => resolveScreen(timeline, rooms[i % rooms.length]!, first + ((i * 7919_000) % span)));
  push({ name: 'resolve.large.median_us', value: round(value), unit: 'us', goal: '<= 200' });
}

// `roomcue check` on 2,000 items all at once in one room: parse, validate and the overlap checks, median of 5.
{
  const program = overlappingProgram(2000);
  const text = JSON.stringify(program);
  const ms = medianMillis(() => {
    const { program: parsed, diagnostics } = parseProgramText(text);
    if (!parsed || diagnostics.filter((d) => d.kind === 'overlap').length !== 1999) {
      throw new Error('the overlapping program did not give one overlap warning per item after the first');
    }
  }, 5);
  push({ name: 'check.overlap2000.ms', value: round(ms), unit: 'ms', goal: '<= 1000' });
}

// The server: push latency to 50 screens and HTTP answers, fan-out to 1,000, idle CPU (about 2 minutes in all).
push(...(await importFigures()));
push(...(await serverFigures()));
// A room's box following a central server that is killed, then started again (about 15 s).
push(...(await failoverFigures()));
push(...(await viewFigures()));
// Memory over three simulated days at 60× (72 minutes): BENCH_SKIP_MEMORY=1 keeps the last run's figures.
if (process.env.BENCH_SKIP_MEMORY !== '1') {
  push(...(await memoryFigures({ speed: 60, furtherDays: 2 })).figures);
}

const reportPath = here('./report.json');
let previous: Figure[];
try {
  previous = JSON.parse(readFileSync(reportPath, 'utf8')) as Figure[];
} catch {
  previous = [];
}
// Figures that no longer describe anything measured (see docs/performance.md, "Methods changed").
const RETIRED = new Set([
  'signage.bundle_gzip_kb',
  'signage.heap_before_mb',
  'signage.heap_after_day_mb',
  'signage.heap_growth_pct',
  'server.rss_end_mb',
  'server.rss_growth_pct',
]);
// Later benchmarks add their own figures; keep theirs, replace ours.
const merged = [...previous.filter((f) => !RETIRED.has(f.name) && !figures.some((g) => g.name === f.name)), ...figures];
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
