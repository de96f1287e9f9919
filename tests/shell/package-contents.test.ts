// What the kiosk package holds, as electron-builder itself decides it: a `--dir` build for Linux (with a stand-in
// Electron distribution, so no binary is fetched), then the app.asar listing. Anything not expected fails the test:
// the bundles inline the production dependencies, so no node_modules may ship.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { beforeAll, describe, expect, test } from 'vitest';
import { repoPath } from '../helpers.ts';
// @ts-expect-error: a plain .mjs build script, typed by hand below
import { buildShell as buildShellUntyped } from '../../scripts/build.mjs';

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}
const buildShell = buildShellUntyped as () => Promise<Metafile>;

const out = mkdtempSync(join(tmpdir(), 'roomcue-package-'));
const unpacked = join(out, 'linux-unpacked');
let listing: string[] = [];
let shellMeta: Metafile;

/** What may be in app.asar; a file matching none of these is a packaging mistake. */
const EXPECTED = [
  /^\/package\.json$/,
  /^\/dist-electron\/main\.js$/,
  /^\/dist\/index\.html(\.br|\.gz)?$/,
  /^\/dist\/assets\/[\w.-]+-[\w-]{8}\.(js|css)(\.br|\.gz)?$/,
  /^\/dist\/assets\/atkinson-hyperlegible-[\w-]+-[\w-]{8}\.woff2?$/,
];

beforeAll(async () => {
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: repoPath('.'), stdio: 'pipe' });
  shellMeta = await buildShell();
  if (!existsSync(repoPath('dist/index.html'))) {
    console.warn('package contents: building the views first (npm run build:views)');
    run('npx', ['vite', 'build', '--logLevel', 'warn']);
  }
  // A stand-in for Electron's unpacked distribution: electron-builder copies it and renames the executable.
  const electronDist = join(out, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
  const version = JSON.parse(readFileSync(repoPath('node_modules/electron/package.json'), 'utf8')).version as string;
  writeFileSync(join(electronDist, 'version'), `v${version}`);
  run('npx', [
    'electron-builder',
    '--dir',
    '--linux',
    '--x64',
    '--publish=never',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${out}`,
    '-c.npmRebuild=false',
  ]);
  listing = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false });
}, 180_000);

describe('the kiosk package', () => {
  test('app.asar holds the shell bundle, the built views and package.json, nothing else', () => {
    const files = listing.filter((p) => /\.[a-z0-9]+$/i.test(p) && !listing.some((q) => q.startsWith(`${p}/`)));
    const unexpected = files.filter((f) => !EXPECTED.some((re) => re.test(f)));
    expect(unexpected).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/dist-electron/main.js', '/dist/index.html']));
    expect(files.filter((f) => /^\/dist\/assets\/(Signage|Chair|Control)-.*\.js$/.test(f))).toHaveLength(3);
    expect(listing.filter((p) => p.includes('node_modules'))).toEqual([]);
  });

  test('beside it, only the bundled program', () => {
    expect(readdirSync(join(unpacked, 'resources')).sort()).toEqual(['app.asar', 'data']);
    expect(readdirSync(join(unpacked, 'resources', 'data'))).toEqual(['dp2e-ai-2026.json']);
  });

  test('the shell bundle needs nothing that is not shipped: only Node built-ins, electron and ws add-ons', () => {
    const outside = Object.values(shellMeta.outputs)
      .flatMap((o) => o.imports)
      .filter((i) => i.external)
      .map((i) => i.path)
      .filter((name) => !name.startsWith('node:') && !BUILTINS.has(name));
    expect([...new Set(outside)].sort()).toEqual(['bufferutil', 'electron', 'utf-8-validate']);
    // ...and the production dependencies the server uses are inside it.
    const inlined = new Set(
      Object.keys(shellMeta.inputs)
        .map((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)?.[1])
        .filter(Boolean),
    );
    for (const dep of ['luxon', 'zod', 'ws', 'fast-xml-parser', 'ical.js']) expect(inlined).toContain(dep);
  });
});

const BUILTINS = new Set(builtinModules);
