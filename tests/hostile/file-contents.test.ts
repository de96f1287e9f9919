// Hole 6 of issue 12: a program path that points at some other file names the file and the reason, never its contents
// (the problem is shown to every reader of /api/state).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { formatDiagnostic } from '../../core/program/diagnostics.ts';
import { readProgramFile } from '../../server/program/program-file.ts';
import { programAroundNow, startHarness } from '../server/harness.ts';

const SECRET = 'hunter2-s3cr3t';

test.each([
  { label: 'a password file', text: `root:x:0:0:${SECRET}:/root:/bin/bash\n` },
  { label: 'broken JSON', text: `{"password": "${SECRET}", oops}` },
  { label: 'JSON cut short', text: `{"token": "${SECRET}` },
  { label: 'JSON with a bad token', text: `{${SECRET}: 1}` },
  { label: 'an array', text: `["${SECRET}"]` },
  { label: 'an ini file', text: `[database]\npassword=${SECRET}\n` },
  { label: 'XML of another kind', text: `<config><password>${SECRET}</password></config>` },
  { label: 'broken XML', text: `<config><password>${SECRET}</pass></config>` },
  { label: 'a broken iCalendar file', text: `BEGIN:VCALENDAR\r\n${SECRET}\r\nEND:VCALENDAR\r\n` },
  {
    label: 'a private key',
    text: `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET}\n-----END OPENSSH PRIVATE KEY-----\n`,
  },
])('$label: the problem names the file and the reason, not the contents', async ({ text }) => {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-contents-'));
  const file = join(dir, 'not-a-program.txt');
  writeFileSync(file, text);
  const result = await readProgramFile(file);
  expect(result.status).not.toBe('ok');
  const lines = 'diagnostics' in result ? result.diagnostics.map((d) => formatDiagnostic(file, d)) : [result.message];
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line.startsWith(file)).toBe(true);
    expect(line).not.toContain(SECRET);
    expect(line).not.toMatch(/hunter|s3cr|password/);
  }
});

test('a program file replaced by another file while the show runs: /api/state names the file and the reason only', async () => {
  const h = await startHarness(programAroundNow(), { pin: null });
  try {
    writeFileSync(h.programFile, `{"password": "${SECRET}", oops}`);
    let text = '';
    await expect
      .poll(
        async () => {
          text = await (await fetch(`${h.url}/api/state`)).text();
          return (JSON.parse(text) as { program: { problem: { errors: string[] } | null } }).program.problem?.errors;
        },
        { timeout: 5000 },
      )
      .toEqual([
        expect.stringMatching(
          /^\/.*\/program\.json:1:32: error: not valid JSON: Expected double-quoted property name$/,
        ),
      ]);
    expect(text).not.toContain(SECRET);
    // The screens keep the last good program.
    expect((JSON.parse(text) as { current: unknown[] }).current.length).toBeGreaterThan(0);
  } finally {
    await h.close();
  }
}, 15_000);

test('a program nested 100,000 arrays deep in a field is refused like any unknown field (no "call stack" crash)', async () => {
  const depth = 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-deep-'));
  const file = join(dir, 'program.json');
  const program = { ...programAroundNow(), x: 0 };
  writeFileSync(file, JSON.stringify(program).replace('"x":0', `"x":${'['.repeat(depth)}${']'.repeat(depth)}`));
  const result = await readProgramFile(file);
  expect(result.status).toBe('invalid');
  const lines = 'diagnostics' in result ? result.diagnostics.map((d) => formatDiagnostic(file, d)) : [result.message];
  expect(lines).toEqual([`${file}: error: unknown field "x"`]);
});
