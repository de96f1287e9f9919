// `roomcue <command> --help` for every command, strict flags that say what was meant, and the bundled command that
// builds itself when missing or out of date.
import { execFile } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, test, vi } from 'vitest';
import { repoPath } from '../helpers.ts';

// Each case runs the command as a process.
vi.setConfig({ testTimeout: 30_000 });

const run = promisify(execFile);

/** The lines of `roomcue help` between "Commands:" and the blank line after them. */
function listedCommands(help: string): string[] {
  const lines = help.split('\n');
  const from = lines.indexOf('Commands:') + 1;
  return lines.slice(from, lines.indexOf('', from));
}

async function roomcue(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [repoPath('bin/roomcue.mjs'), ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('help', () => {
  test.each([
    { command: 'check', options: ['-h, --help'] },
    { command: 'at', options: ['--program FILE', '--room ROOM', '--json', '-h, --help'] },
    {
      command: 'serve',
      options: [
        '--program FILE|URL',
        '--feed-interval SECONDS',
        '--room ROOM',
        '--port N',
        '--host HOST',
        '--at INSTANT',
      ],
    },
    { command: 'import', options: ['-o, --output FILE', '--zone ZONE'] },
    { command: 'schema', options: ['-h, --help'] },
  ])('roomcue $command --help: its usage and every option, exit 0', async ({ command, options }) => {
    const r = await roomcue(command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: roomcue ${command}\\b`));
    for (const option of options)
      expect(r.stdout).toMatch(new RegExp(`^  ${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`, 'm'));
    expect(r.stderr).toBe('');
    expect((await roomcue('help', command)).stdout).toBe(r.stdout);
  });

  test('roomcue help lists every command and how to get their options', async () => {
    const r = await roomcue('help');
    expect(r.code).toBe(0);
    for (const c of ['check', 'at', 'serve', 'import', 'export', 'report', 'schema', 'help'])
      expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(r.stdout).toContain('"roomcue <command> --help" lists a command\'s options.');
  });

  test('the list of commands keeps its two columns: every summary starts in the same column, after a gap', async () => {
    const lines = listedCommands((await roomcue('help')).stdout);
    expect(lines.length).toBeGreaterThanOrEqual(8);
    const columns = lines.map((l) => /^ {2}\S.*?\S {2,}(?=\S)/.exec(l)?.[0].length ?? -1);
    expect(columns.filter((c) => c === -1)).toEqual([]);
    expect(new Set(columns).size).toBe(1);
  });

  test('every command the list names answers --help with its own usage, exit 0', async () => {
    const names = listedCommands((await roomcue('help')).stdout)
      .map((l) => l.trim().split(' ')[0]!)
      .filter((n) => n !== 'help');
    for (const name of names) {
      const r = await roomcue(name, '--help');
      expect(r.code, name).toBe(0);
      expect(r.stdout.split('\n')[0], name).toMatch(new RegExp(`^Usage: roomcue ${name}\\b`));
      expect(r.stdout, name).toMatch(/^ {2}-h, --help\s+this text$/m);
    }
  });
});

describe('strict flags', () => {
  test.each([
    { args: ['serve', '--prot', '80'], error: 'unknown option --prot (did you mean --port?)' },
    { args: ['serve', '--rom', 'L109'], error: 'unknown option --rom (did you mean --room?)' },
    { args: ['serve', '--port'], error: '--port needs a value, e.g. --port 4610' },
    { args: ['at', 'now', '--json=yes'], error: '--json takes no value' },
    { args: ['import', 'x.json', '--zome', 'UTC'], error: 'unknown option --zome (did you mean --zone?)' },
    { args: ['check', '--verbose'], error: 'unknown option --verbose' },
  ])('roomcue $args.0 $args.1: exit 2, "$error"', async ({ args, error }) => {
    const r = await roomcue(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`roomcue ${args[0]}: ${error}\nTry "roomcue ${args[0]} --help".\n`);
    expect(r.stdout).toBe('');
  });
});

describe('the bundled command', () => {
  test('an edited source is bundled again before the command runs', async () => {
    const source = repoPath('cli/io.ts');
    const later = new Date(Date.now() + 2000);
    utimesSync(source, later, later);
    const r = await roomcue('schema');
    expect(r.code).toBe(0);
    expect(statSync(repoPath('dist-cli/roomcue.mjs')).mtimeMs).toBeGreaterThan(statSync(source).mtimeMs - 2001);
    expect(JSON.parse(r.stdout)).toHaveProperty('$schema');
  });
});
