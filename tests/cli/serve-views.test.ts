// `roomcue serve` before the views are built (a fresh clone, or `npm install` without `npm run build:views`): the
// screens get "Views not built", and the terminal says the one command that builds them.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { repoPath } from '../helpers.ts';
// @ts-expect-error: a plain .mjs build script
import { buildCli, CLI_BUNDLE } from '../../scripts/build.mjs';

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
});

/** A package folder like a clone after `npm install`: package.json and the CLI bundle, no dist/. */
const clone = mkdtempSync(join(tmpdir(), 'roomcue-unbuilt-'));
beforeAll(async () => {
  await (buildCli as () => Promise<void>)();
  mkdirSync(join(clone, 'dist-cli'));
  copyFileSync(CLI_BUNDLE as string, join(clone, 'dist-cli', 'roomcue.mjs'));
  writeFileSync(join(clone, 'package.json'), '{ "name": "roomcue", "type": "module" }\n');
}, 60_000);

test(
  'serve with no built views: a line naming "npm run build:views", and the screens say so too',
  { timeout: 30_000 },
  async () => {
    const runner =
      `const { main } = await import(${JSON.stringify(join(clone, 'dist-cli', 'roomcue.mjs'))});` +
      'process.exitCode = await main(process.argv.slice(1));';
    const args = ['serve', '--port', '0', '--program', repoPath('data/dp2e-ai-2026.json')];
    child = spawn(process.execPath, ['--input-type=module', '-e', runner, ...args], {
      cwd: clone,
      env: { PATH: process.env.PATH ?? '', HOME: clone, ROOMCUE_STATE_DIR: join(clone, 'state') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const until = async (what: string, done: () => boolean, ms: number) => {
      for (const end = Date.now() + ms; !done(); await new Promise((r) => setTimeout(r, 20)))
        if (Date.now() > end) return console.warn(`serve-views: no ${what} after ${ms} ms`);
    };
    await until('server', () => / {2}api {6}\S+\/api\/state/.test(stdout), 20_000);
    await until('line on stderr', () => stderr.includes('\n'), 2_000); // written in the same tick as the URLs
    expect(stderr).toBe(
      'roomcue: the views are not built, so screens show "Views not built": run "npm run build:views" once, then reload them\n',
    );
    const base = / {2}signage {2}(\S+)\/signage/.exec(stdout)![1]!;
    const page = await fetch(`${base}/signage`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('Run <code>npm run build:views</code> on the server');
  },
);
