// `roomcue serve` with a state folder it cannot write (a file in the way, a read-only disk): the terminal says so at
// start, naming the folder and what it means for the show, instead of staying silent until the first action.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { repoPath } from '../helpers.ts';

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
});

async function serveOutput(stateDir: string): Promise<{ stdout: string; stderr: string }> {
  child = spawn(process.execPath, [repoPath('bin/roomcue.mjs'), 'serve', '--port', '0', '--state-dir', stateDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  for (const end = Date.now() + 20_000; !/ {2}api {6}\S+\/api\/state/.test(stdout);) {
    if (Date.now() > end) throw new Error(`no server after 20 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 100));
  return { stdout, stderr };
}

test('a state folder that cannot be written is named at start, with what it means', { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-state-'));
  const blocked = join(dir, 'not-a-folder');
  writeFileSync(blocked, 'a file where the folder should be\n');
  const { stderr } = await serveOutput(blocked);
  expect(stderr).toBe(
    `roomcue: the state folder ${blocked} cannot be written (not a directory): the show runs from memory and a ` +
      'restart starts it from the program again; give a folder it can write with --state-dir\n',
  );
});

test('a state folder that can be written: nothing said', { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-state-'));
  const { stderr } = await serveOutput(join(dir, 'new', 'state'));
  expect(stderr).toBe('');
});

test(
  'a state folder the system refuses to make (/proc/…) is named too, and the server still answers',
  { timeout: 30_000 },
  async () => {
    // Node 20's mkdirSync(dir, { recursive: true }) loops forever where mkdir answers ENOENT under a parent that
    // exists, as /proc does: the server printed its addresses, then froze, answering nothing.
    const blocked = `/proc/roomcue-state-${process.pid}`;
    const { stdout, stderr } = await serveOutput(blocked);
    expect(stderr).toMatch(
      new RegExp(`^roomcue: the state folder ${blocked} cannot be written \\([^)]+\\): the show runs from memory `),
    );
    const api = / {2}api {6}(\S+)\n/.exec(stdout)![1]!;
    const res = await fetch(api, { signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(200);
  },
);
