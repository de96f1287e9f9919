// `roomcue export --with-edits`: the program the screens show, written from the source and the saved overlay.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { roomcue } from './in-process.ts';
import { repoPath } from '../helpers.ts';
import { post, programAroundNow, startHarness, type Harness } from '../server/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(programAroundNow());
  for (const body of [
    { type: 'program.item.update', itemId: 'talk2', set: { title: 'Second talk, fixed' } },
    { type: 'program.item.cancel', itemId: 'b-talk', reason: 'Speaker ill' },
  ]) {
    expect((await post(h, body)).status).toBe(200);
  }
  await h.close();
});

test('--with-edits writes the program with the edits; the source is untouched', async () => {
  const file = join(h.dir, 'merged.json');
  const r = await roomcue('export', '--program', h.programFile, '--with-edits', '--state-dir', h.stateDir, '-o', file);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toBe(`2 edits applied from ${join(h.stateDir, 'apitest.overlay.json')}\nwritten ${file}`);
  const merged = JSON.parse(readFileSync(file, 'utf8'));
  const byId = (id: string) => merged.items.find((i: { id: string }) => i.id === id);
  expect(byId('talk2').title).toBe('Second talk, fixed');
  expect(byId('b-talk').cancelled).toEqual({ reason: 'Speaker ill' });
  expect(readFileSync(h.programFile, 'utf8')).toContain('"Second talk"');
  // Without --with-edits: the program as it is.
  const plain = await roomcue('export', '--program', h.programFile);
  expect(plain.code).toBe(0);
  expect(JSON.parse(plain.out).items[2].title).toBe('Second talk');
});

test('mistakes are named, with exit 2', async () => {
  const r = await roomcue('export', '--program', h.programFile, '--state-dir', h.stateDir);
  expect(r.code).toBe(2);
  expect(r.err).toBe('roomcue: --state-dir is where the edits are: give --with-edits too');
  const url = await roomcue('export', '--program', 'https://example.org/schedule.json');
  expect(url.code).toBe(2);
  const stray = await roomcue('export', 'program.json');
  expect(stray.err).toBe('roomcue: export takes no FILE: use --program program.json');
});

test('-o never writes over the source it read (same path, or the same file through a link): exit 2, untouched', async () => {
  const source = join(h.dir, 'schedule.xml');
  const xml = readFileSync(repoPath('tests/fixtures/import/frab-small.xml'), 'utf8');
  writeFileSync(source, xml);
  symlinkSync(source, join(h.dir, 'link.xml'));
  for (const output of [source, join(h.dir, '.', 'schedule.xml'), join(h.dir, 'link.xml')]) {
    const r = await roomcue('export', '--program', source, '-o', output);
    expect(r.code, output).toBe(2);
    expect(r.err).toBe(`roomcue: refusing to overwrite the source ${source}: give another -o FILE`);
    expect(readFileSync(source, 'utf8')).toBe(xml);
  }
  const edits = await roomcue(
    'export',
    '--program',
    h.programFile,
    '--with-edits',
    '--state-dir',
    h.stateDir,
    '-o',
    h.programFile,
  );
  expect(edits.code).toBe(2);
  expect(readFileSync(h.programFile, 'utf8')).toContain('"Second talk"');
});
