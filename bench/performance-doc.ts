// Writes docs/performance.md from the figures: each with its goal, whether it is met, the machine, how to reproduce.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, type as osType, release } from 'node:os';
import type { Figure } from './figures.ts';

function meets(f: Figure): string {
  const m = /^(<=|>=)\s*([\d.]+)$/.exec(f.goal ?? '');
  if (!m) return '';
  const ok = m[1] === '<=' ? f.value <= Number(m[2]) : f.value >= Number(m[2]);
  return ok ? 'met' : '**missed**';
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'not found';
  }
}

interface SoakReport {
  when: string;
  speed: number;
  simulatedHours: number;
  samples: number;
  wrong: string[];
  pageErrors: string[];
  actions: number;
  serverHeapMb: { start: number; end: number };
  pageHeapMb: Record<string, { start: number; afterFirstDay: number | null; end: number }>;
}

function soakSection(soak: SoakReport | null): string {
  if (!soak) return '## Soak\n\nNo `npm run soak` report yet (`bench/soak-report.json`).\n';
  const mb = (x: number) => x.toFixed(2);
  const pct = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;
  const pages = Object.entries(soak.pageHeapMb).map(
    ([name, h]) =>
      `| ${name} | ${mb(h.start)} | ${h.afterFirstDay === null ? '' : mb(h.afterFirstDay)} | ${mb(h.end)} | ${h.afterFirstDay === null ? '' : pct(h.afterFirstDay, h.end)} |`,
  );
  return `## Soak (\`npm run soak\`, ${soak.when})

${soak.simulatedHours} simulated hours at ${soak.speed}×: ${soak.actions} operator actions, ${soak.samples} sampled
instants on each signage screen, **${soak.wrong.length} wrong screens, ${soak.pageErrors.length} page errors**.
Server heap ${mb(soak.serverHeapMb.start)} → ${mb(soak.serverHeapMb.end)} MB.

| page | heap at start (MB) | after the first day | at the end | growth after the first day |
| --- | --- | --- | --- | --- |
${pages.join('\n')}
`;
}

export function performanceDoc(figures: Figure[], when: Date, soak: SoakReport | null = null): string {
  const cpu = cpus();
  const rows = figures.map((f) => `| \`${f.name}\` | ${f.value} | ${f.unit} | ${f.goal ?? ''} | ${meets(f)} |`);
  return `# Performance

Written by \`npm run bench\` (${when.toISOString()}); the raw figures are in \`bench/report.json\`. Timings are
medians (or the stated percentile) of repeated runs, never single measurements.

| figure | value | unit | goal | |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

${soakSection(soak)}
## Machine

- ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}
- Node.js ${process.version}; ${chromiumVersion()}

## How each is measured

- \`resolve.*\`: one schedule lookup (\`resolveScreen\`) at instants spread over the program; \`load.large.ms\`:
  parse + validate a generated program of 5 days, 20 rooms, 5,000 items (\`bench/generate-program.ts\`).
- \`ws.latency.*\`: a real server in-process with 50 WebSocket clients; time from posting an action to each
  client receiving the state of that action (\`bench/server.ts\`).
- \`server.idle_cpu_pct\`: the server alone in a child process with 50 idle clients, CPU time over 30 s.
- \`server.rss_*\`: a child server rehearsing the DP2E-AI program at 1440× with one action per simulated minute;
  RSS after a full GC once warmed up (6 simulated hours) and 24 simulated hours later.
- \`signage.bundle_gzip_kb\`: the JS and CSS \`/signage\` loads, gzipped; \`signage.first_paint_ms\`: from
  navigation to the current talk's title on screen in Chromium, median of 9 fresh loads;
  \`signage.cpu_pct\`: the page's main-thread busy time over 60 s of steady signage (Chrome DevTools
  \`TaskDuration\`); \`signage.heap_*\`: JS heap after GC at the start of the programme's
  second day and back on that same screen after the day, played at the speed in the unit (1200× by default, 60×
  with \`BENCH_FULL=1\`); the first day is a warm-up, as the page's heap grows while V8 compiles and the browser
  fills its caches, then levels off (\`bench/views.ts\`).
- \`npm run soak\` (not part of \`npm run bench\`): 72 simulated hours on three screens; see the figures below.

## Reproduce

\`\`\`sh
npm install && sudo apt-get install -y chromium
npm run bench            # about 5 minutes; BENCH_FULL=1 npm run bench plays the signage day at 60× (about 17 minutes)
\`\`\`
`;
}
