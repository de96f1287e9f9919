// Memory over simulated days at 60× (the speed at which a screen's ticker does a real day's work per simulated day):
// a show server in a child process, a signage page and a chair page in Chromium, an operator action every 7 simulated
// minutes. Page heaps and the server's RSS are sampled after a full GC at the start and at the end of each simulated
// day, with a heap snapshot of each page that tells how much of its heap is compiled machine code (V8's optimising
// tiers compile more of the views' functions as they run, so that part grows until every function that runs is
// compiled); the snapshots at the end of the first and of the last day show what grew (bench/memory-snapshots.txt).
// Run alone: node --expose-gc --import tsx bench/memory.ts (merges its figures into bench/report.json).
import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { median, round, stamped, type Figure } from './figures.ts';
import { soakProgram } from './soak.ts';
import { postAction, startChild } from './server.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface MemoryOptions {
  speed: number;
  /** Whole simulated days after the first (at least 2 for a per-day figure). */
  furtherDays: number;
  /** Where to log each sample as it is taken (a long run that fails still leaves its samples). */
  log?: string;
  /**
   * V8 flags for the pages (Chromium's --js-flags), for a control run only: e.g. '--no-opt --no-maglev --no-sparkplug'
   * runs the views on the interpreter alone, which tells how much of the growth is code V8 compiles.
   */
  jsFlags?: string;
  /** The same for the server's Node (its V8 flags), for a control run only. */
  serverFlags?: string;
  /** Where the snapshot diff goes (bench/memory-snapshots.txt by default). */
  snapshotsFile?: string;
}

interface Sample {
  day: number;
  showTime: string;
  signageMb: number;
  chairMb: number;
  /** Of the page's heap after the GC, machine code compiled by V8 (InstructionStream and Code objects), in KB. */
  signageCodeKb: number;
  chairCodeKb: number;
  serverRssMb: number;
  /** The server's JS heap in use after a full GC. */
  serverHeapMb: number;
  /**
   * The heap V8 keeps committed for it (\`heapTotal\`): V8 grows it with the rate of allocation and gives it back
   * later, not at a GC, and the RSS follows it. Recorded since 2026-11-30 (no figure).
   */
  serverHeapTotalMb: number;
}

/** JS heap of a page after a full GC: the median of three readings a second apart (single ones jitter). */
async function pageHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const readings: number[] = [];
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    readings.push((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20);
    if (i < 2) await sleep(1000);
  }
  await cdp.detach();
  return median(readings);
}

/** Self size and count per (type, constructor) in a heap snapshot of the page, after a full GC. */
async function snapshotAggregate(page: Page): Promise<Map<string, { count: number; size: number }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const types = snap.snapshot.meta.node_types[0];
  const out = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const key = `${types[snap.nodes[i + type]!]}: ${String(snap.strings[snap.nodes[i + name]!]).slice(0, 70)}`;
    const entry = out.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += snap.nodes[i + size]!;
    out.set(key, entry);
  }
  return out;
}

/** Per sample: each page's heap, the compiled code in it, and the rest (what the views' own objects can be). */
function codeTable(samples: Sample[]): string {
  const rows = samples.map((s) =>
    [
      `  day ${s.day}`,
      ...[
        [s.signageMb, s.signageCodeKb],
        [s.chairMb, s.chairCodeKb],
      ].map(
        ([mb, kb]) =>
          `${(mb! * 1024).toFixed(0).padStart(6)} KB ${kb!.toFixed(0).padStart(5)} KB ${(mb! * 1024 - kb!).toFixed(0).padStart(6)} KB`,
      ),
    ].join('  '),
  );
  return [
    'Page heaps after a full GC, the machine code in them, and the heap without that code:',
    '         signage: heap  code   without    chair: heap  code   without',
    ...rows,
    '',
    '',
  ].join('\n');
}

/** Machine code compiled by V8 in a snapshot's aggregate: the InstructionStream objects and their Code headers. */
function codeBytes(aggregate: Map<string, { count: number; size: number }>): number {
  return ['code: system / InstructionStream', 'code: system / Code'].reduce(
    (sum, key) => sum + (aggregate.get(key)?.size ?? 0),
    0,
  );
}

function snapshotDiff(
  name: string,
  a: Map<string, { count: number; size: number }>,
  b: Map<string, { count: number; size: number }>,
): string {
  const rows = [...new Set([...a.keys(), ...b.keys()])]
    .map((key) => {
      const x = a.get(key) ?? { count: 0, size: 0 };
      const y = b.get(key) ?? { count: 0, size: 0 };
      return { key, size: y.size - x.size, count: y.count - x.count };
    })
    .filter((r) => r.size !== 0 || r.count !== 0)
    .sort((p, q) => q.size - p.size);
  const total = rows.reduce((s, r) => s + r.size, 0);
  const line = (r: (typeof rows)[number]) =>
    `  ${String(r.size).padStart(8)} B ${String(r.count).padStart(6)}  ${r.key}`;
  return [
    `${name}: ${total} bytes of self size more at the end than after the first day`,
    '  grew most:',
    ...rows.slice(0, 20).map(line),
    '  shrank most:',
    ...rows.slice(-5).map(line),
    '',
  ].join('\n');
}

export async function memoryFigures(opts: MemoryOptions): Promise<{ figures: Figure[]; samples: Sample[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-bench-memory-'));
  const programFile = join(dir, 'program.json');
  writeFileSync(programFile, JSON.stringify(soakProgram('2026-09-07', opts.furtherDays + 2)));
  const startAt = DateTime.fromISO('2026-09-07T08:00', { zone: 'Europe/Paris' }).toMillis();
  const server = await startChild(
    [
      '--program',
      programFile,
      '--start-at',
      String(startAt),
      '--speed',
      String(opts.speed),
      '--views',
      here('../dist'),
    ],
    ['--expose-gc', ...(opts.serverFlags ? opts.serverFlags.split(/\s+/) : [])],
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      ...(opts.jsFlags ? [`--js-flags=${opts.jsFlags}`] : []),
    ],
  });
  const t0 = performance.now();
  const showTime = () => DateTime.fromMillis(startAt + (performance.now() - t0) * opts.speed, { zone: 'Europe/Paris' });
  let stop = false;
  try {
    const open = async (path: string) => {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      return { page, errors };
    };
    const signage = await open('/signage');
    const chair = await open('/chair');
    const actions = [
      { type: 'delay.set', minutes: 5 },
      { type: 'message.set', to: 'public', text: 'Memory bench announcement' },
      { type: 'timer.add', seconds: 60 },
      { type: 'message.clear' },
      { type: 'delay.set', minutes: 0 },
      { type: 'timer.reset' },
    ];
    const everyMs = (7 * 60_000) / opts.speed;
    const acting = (async () => {
      for (let n = 0; !stop; n++) {
        await sleep(Math.max(0, n * everyMs - (performance.now() - t0)));
        if (stop) break;
        const { status } = await postAction(server.url, actions[n % actions.length]!);
        if (status !== 200 && status !== 409)
          throw new Error(`${JSON.stringify(actions[n % actions.length])}: ${status}`);
      }
    })();
    acting.catch(() => {});
    let firstDay: Map<string, { count: number; size: number }>[] = [];
    let lastDay: Map<string, { count: number; size: number }>[] = [];
    const samples: Sample[] = [];
    const sample = async (day: number) => {
      const [signageMb, chairMb] = [await pageHeapMb(signage.page), await pageHeapMb(chair.page)];
      lastDay = [await snapshotAggregate(signage.page), await snapshotAggregate(chair.page)];
      const rss = await server.request<{ rss: number; heapUsed: number; heapTotal: number }>('rss');
      const s: Sample = {
        day,
        showTime: showTime().toISO()!,
        signageMb,
        chairMb,
        signageCodeKb: round(codeBytes(lastDay[0]!) / 1024, 1),
        chairCodeKb: round(codeBytes(lastDay[1]!) / 1024, 1),
        serverRssMb: rss.rss / 2 ** 20,
        serverHeapMb: rss.heapUsed / 2 ** 20,
        serverHeapTotalMb: rss.heapTotal / 2 ** 20,
      };
      samples.push(s);
      console.log(`memory: ${JSON.stringify(s)}`);
      if (opts.log) appendFileSync(opts.log, `${JSON.stringify(s)}\n`);
    };
    await sleep(5000);
    await sample(0);
    const dayMs = (24 * 3_600_000) / opts.speed;
    for (let day = 1; day <= opts.furtherDays + 1; day++) {
      await sleep(Math.max(0, day * dayMs - (performance.now() - t0)));
      await sample(day);
      if (day === 1) firstDay = lastDay;
    }
    stop = true;
    await acting;
    writeFileSync(
      opts.snapshotsFile ?? here('./memory-snapshots.txt'),
      `Heap snapshots (self sizes by type and constructor), ${new Date().toISOString()}, ${opts.speed}×, ` +
        (opts.jsFlags ? `pages with V8 flags ${opts.jsFlags}, ` : '') +
        (opts.serverFlags ? `the server with V8 flags ${opts.serverFlags}, ` : '') +
        `after the first simulated day and after ${opts.furtherDays} more (bench/memory.ts)\n\n` +
        codeTable(samples) +
        snapshotDiff('signage', firstDay[0]!, lastDay[0]!) +
        '\n' +
        snapshotDiff('chair', firstDay[1]!, lastDay[1]!),
    );
    const errors = [...signage.errors, ...chair.errors];
    if (errors.length) throw new Error(`page errors during the memory run: ${errors.join('; ')}`);
    const first = samples[0]!;
    const one = samples[1]!;
    const last = samples.at(-1)!;
    const days = last.day - one.day;
    const pct = (a: number, b: number, n = 1) => round(((b - a) / a / n) * 100, 2);
    const unit = `% (${opts.speed}x)`;
    const figures: Figure[] = [];
    for (const [name, key] of [
      ['signage', 'signageCodeKb'],
      ['chair', 'chairCodeKb'],
    ] as const) {
      // Not a budget: how much of the heap's growth per day is code V8 compiled (see codeTable).
      figures.push({ name: `${name}.code_per_day_kb`, value: round((last[key] - one[key]) / days, 1), unit: 'KB' });
    }
    for (const [name, key] of [
      ['signage.heap', 'signageMb'],
      ['chair.heap', 'chairMb'],
      ['server.rss', 'serverRssMb'],
    ] as const) {
      figures.push(
        { name: `${name}_start_mb`, value: round(first[key], 2), unit: 'MB' },
        { name: `${name}_first_day_pct`, value: pct(first[key], one[key]), unit },
        { name: `${name}_per_day_pct`, value: pct(one[key], last[key], days), unit, goal: '<= 1' },
      );
    }
    return { figures: stamped(figures), samples };
  } finally {
    stop = true;
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const speed = Number(process.env.BENCH_MEMORY_SPEED ?? 60);
  const furtherDays = Number(process.env.BENCH_MEMORY_DAYS ?? 2);
  console.log(
    `memory: ${furtherDays + 1} simulated days at ${speed}× (${((furtherDays + 1) * 1440) / speed} real minutes)`,
  );
  // The report's figures are played at 60×. A run at another speed, or a control run with V8 flags (not the product
  // as it runs), prints its figures and writes its snapshots to the temp folder, never to bench/.
  const jsFlags = process.env.BENCH_MEMORY_JS_FLAGS || undefined;
  const serverFlags = process.env.BENCH_MEMORY_SERVER_FLAGS || undefined;
  const control = jsFlags !== undefined || serverFlags !== undefined || speed !== 60;
  const { figures, samples } = await memoryFigures({
    speed,
    furtherDays,
    log: join(tmpdir(), 'roomcue-memory.log'),
    jsFlags,
    serverFlags,
    snapshotsFile: control ? join(tmpdir(), 'roomcue-memory-snapshots-control.txt') : undefined,
  });
  console.table(figures);
  if (control) {
    console.log(
      `memory: a control run (${speed}×${jsFlags ? `, pages' V8 flags ${jsFlags}` : ''}` +
        `${serverFlags ? `, server's V8 flags ${serverFlags}` : ''}): bench/report.json not written; ` +
        `snapshots in ${join(tmpdir(), 'roomcue-memory-snapshots-control.txt')}`,
    );
    process.exit(0);
  }
  const reportPath = here('./report.json');
  const previous = JSON.parse(readFileSync(reportPath, 'utf8')) as Figure[];
  const merged = [...previous.filter((f) => !figures.some((g) => g.name === f.name)), ...figures];
  writeFileSync(reportPath, `${JSON.stringify(merged, null, 2)}\n`);
  writeFileSync(
    here('./memory-samples.json'),
    `${JSON.stringify({ when: new Date().toISOString(), speed, samples }, null, 2)}\n`,
  );
}
