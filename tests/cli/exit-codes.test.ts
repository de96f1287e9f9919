// One rule for every command's exit code (docs/cli.md): 2 when the command line is wrong (a value, a room or day the
// program does not have, a file that cannot be read or is not JSON), 1 when what it reads is not usable (a program
// with errors) or what it needs cannot be had. The same mistake gives the same code whichever command meets it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tinyProgram } from '../helpers.ts';
import { roomcue } from './in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'roomcue-exit-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const good = file('good.json', JSON.stringify(tinyProgram()));
const invalid = (() => {
  const p = tinyProgram();
  p.items![0]!.end = '2026-06-29T09:50';
  return file('invalid.json', JSON.stringify(p));
})();
const notJson = file('syntax.json', '{\n  "formatVersion": 1,\n  "event": {,\n}');
const missing = join(dir, 'missing.json');
const stateDir = join(dir, 'state');

/** Each command, reading `program` (and the room given, if any). */
const commands = (program: string, room?: string) => {
  const r = room === undefined ? [] : ['--room', room];
  return {
    at: ['at', '2026-06-29T09:10', '--program', program, ...r],
    report: ['report', '--day', '2026-06-29', '--program', program, '--state-dir', stateDir, ...r],
    serve: ['serve', '--port', '0', '--program', program, '--state-dir', stateDir, ...r],
  };
};

describe('the same mistake, the same exit code, in every command', () => {
  test.each(Object.entries(commands(good, 'ZZ')))('an unknown --room: %s exits 2, naming it', async (_, args) => {
    const r = await roomcue(...args);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/^roomcue: unknown room "ZZ"/)]);
  });

  test.each([...Object.entries(commands(missing)), ['check', ['check', missing]] as const])(
    'a program file that is not there: %s exits 2',
    async (_, args) => {
      const r = await roomcue(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/missing\.json: (cannot read: )?no such file/);
    },
  );

  test.each([...Object.entries(commands(notJson)), ['check', ['check', notJson]] as const])(
    'a program file that is not JSON: %s exits 2',
    async (_, args) => {
      const r = await roomcue(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/syntax\.json:3:\d+: error: not valid JSON/);
    },
  );

  test.each([...Object.entries(commands(invalid)), ['check', ['check', invalid]] as const])(
    'a program with an error: %s exits 1, naming it',
    async (_, args) => {
      const r = await roomcue(...args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/invalid\.json.*items\[0\]: end 09:50 is before start 10:00/);
    },
  );
});
