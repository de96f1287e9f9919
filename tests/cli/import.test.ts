// `roomcue import` as a user runs it, and imported formats opened directly by `check`, `at` and the show server.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parseProgramText } from '../../core/program/parse.ts';
import { ProgramWatcher } from '../../server/program/program-watcher.ts';
import { readProgramFile } from '../../server/program/program-file.ts';
import { repoPath } from '../helpers.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'roomcue-import-'));

async function roomcue(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [repoPath('bin/roomcue.mjs'), ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A fixture copied into the scratch directory, so that the command runs on a file the user owns. */
function fixture(name: string): string {
  const path = join(dir, name);
  copyFileSync(repoPath(`tests/fixtures/import/${name}`), path);
  return path;
}
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('roomcue import', () => {
  test('pretalx schedule.json to a program file: the report, a summary, and a file that `check` accepts', async () => {
    const source = fixture('pretalx-democon.json');
    const out = join(dir, 'democon-program.json');
    const r = await roomcue('import', source, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('guessed: type "Workshop" read as kind "talk" (9 events)');
    expect(r.stdout).toMatch(/^guessed: time_zone_name is UTC but the dates are written with \+01:00: screens show/m);
    expect(r.stdout).toContain(
      `${source}: frab/pretalx schedule.json → ${out}: "DemoCon", 2 rooms, 36 items, 27 people in UTC+01:00 (Etc/GMT-1); 3 guessed, 0 dropped`,
    );
    const written = readFileSync(out, 'utf8');
    expect(written).toMatch(/^{\n {2}"formatVersion": 1,/);
    expect(written).not.toContain('$schema');
    expect(parseProgramText(written).program?.items).toHaveLength(36);

    const check = await roomcue('check', out);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/DemoCon: 2 rooms, 0 sessions, 36 items — ok/);
  });

  test('what was dropped is reported one line each, with where it was', async () => {
    const r = await roomcue('import', fixture('frab-durations.json'), '-o', join(dir, 'durations.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'dropped: day 1, room Saal 1, event "Lasts nothing" (id 4): its duration "00:00" is not positive: left out',
    );
    expect(r.stdout).toMatch(/; 3 guessed, 3 dropped$/m);
  });

  test.each([
    { label: 'without -o', args: [] as string[] },
    { label: 'with -o -', args: ['-o', '-'] },
  ])('$label the program goes to standard output and the report to standard error', async ({ args }) => {
    const r = await roomcue('import', fixture('frab-small.xml'), ...args);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ formatVersion: 1, event: { name: 'XML Camp & Friends' } });
    expect(r.stderr).toContain('dropped: day 2, room Saal 2, event "Lasts nothing" (id 106)');
    expect(r.stderr).toMatch(/frab\/pretalx schedule\.xml → standard output: "XML Camp & Friends", 2 rooms, 5 items/);
  });

  test('--zone gives the zone of a source that does not say it', async () => {
    const r = await roomcue('import', fixture('frab-no-time-zone.json'), '--zone', 'Europe/Paris');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ timezone: 'Europe/Paris' });
    expect(r.stderr).toContain('guessed: no time_zone_name: used Europe/Paris as given');
  });

  test.each([
    { label: 'not JSON', name: 'broken.json', content: '{ "schedule": {', message: /broken\.json: not valid JSON/ },
    {
      label: 'JSON in no known format',
      name: 'other.json',
      content: '{ "talks": [] }',
      message: /other\.json: JSON in no format Roomcue knows: expected a Roomcue program/,
    },
    {
      label: 'XML garbage',
      name: 'garbage.xml',
      content: '<schedule><day></schedule>',
      message: /garbage\.xml: cannot import this frab\/pretalx schedule\.xml: not valid XML: .*\(line 1, column \d+\)/,
    },
    { label: 'an empty file', name: 'empty.json', content: '', message: /empty\.json: the file is empty/ },
    {
      label: 'a schedule without events',
      name: 'no-events.json',
      content: '{ "schedule": { "conference": { "title": "Nothing yet", "days": [] } } }',
      message: /cannot import this frab\/pretalx schedule\.json: the schedule has no events/,
    },
  ])('$label: exit 1 with the reason, nothing written', async ({ name, content, message }) => {
    const out = join(dir, `${name}.out.json`);
    const r = await roomcue('import', file(name, content), '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
    noStackTrace(r.stderr);
  });

  test('a missing source: exit 2, "no such file"', async () => {
    const r = await roomcue('import', join(dir, 'nope.json'), '-o', join(dir, 'x.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.json: cannot read: no such file/);
  });

  test.each([
    { label: 'the same path', output: (source: string) => source },
    {
      label: 'the same file through a link',
      output: (source: string) => {
        const link = join(dir, `link-${Date.now()}.json`);
        symlinkSync(source, link);
        return link;
      },
    },
  ])('refuses to overwrite the source ($label): exit 2, source untouched', async ({ output }) => {
    const source = fixture('frab-kinds.json');
    copyFileSync(source, join(dir, 'keep.json'));
    const before = readFileSync(join(dir, 'keep.json'), 'utf8');
    const r = await roomcue('import', join(dir, 'keep.json'), '-o', output(join(dir, 'keep.json')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to overwrite the source/);
    expect(readFileSync(join(dir, 'keep.json'), 'utf8')).toBe(before);
  });

  test.each([
    { label: 'no SOURCE', args: [], message: /give exactly one SOURCE/ },
    {
      label: 'an unknown zone',
      args: ['x.json', '--zone', 'Mars/Olympus'],
      message: /unknown time zone "Mars\/Olympus"/,
    },
  ])('usage mistakes: exit 2 ($label)', async ({ args, message }) => {
    const r = await roomcue('import', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('imported formats opened directly', () => {
  test('`check` on a pretalx export: valid, the import notes shown as warnings', async () => {
    const r = await roomcue('check', fixture('pretalx-democon.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning: guessed: type "Workshop" read as kind "talk" \(9 events\)/);
    expect(r.stdout).toMatch(/DemoCon: 2 rooms, 0 sessions, 36 items — ok with 4 warnings/);
  });

  test('`at` on a schedule.xml answers what the room shows', async () => {
    const r = await roomcue('at', '2026-06-29T09:10', '--program', fixture('frab-small.xml'), '--room', 'saal-1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Now\s+09:00–09:45\s+Opening · Opening\s+\(35 min left\)\n\s+Ada Lovelace/);
    expect(r.stdout).toMatch(/Next\s+10:00–10:30\s+Break · Coffee/);
  });

  test('`check` on a schedule that cannot be imported: exit 1 with the reason', async () => {
    const r = await roomcue('check', file('empty-schedule.json', '{ "schedule": { "conference": { "days": [] } } }'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: cannot import this frab\/pretalx schedule\.json: the schedule has no events/);
  });

  test('`check` on XML that is not a schedule: exit 2, like any file that is not a program at all', async () => {
    const r = await roomcue('check', file('feed.xml', '<rss><channel></rss>'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/feed\.xml: error: not valid XML: .*line 1/);
  });

  test('the program reader behind the app and `serve` imports, validates, and says where the program came from', async () => {
    const result = await readProgramFile(fixture('frab-kinds.json'));
    expect(result).toMatchObject({ status: 'ok', importedFrom: 'frab-json' });
    if (result.status !== 'ok') return;
    expect(result.program.items).toHaveLength(15);
    expect(result.diagnostics).toContainEqual({
      severity: 'warning',
      path: '',
      message: 'guessed: type "maintrack" (not one Roomcue knows) read as kind "talk" (2 events)',
    });
    const watcher = await ProgramWatcher.open(fixture('frab-small.xml'));
    try {
      expect(watcher.current.program.event.name).toBe('XML Camp & Friends');
    } finally {
      watcher.close();
    }
  });

  test('our own broken JSON still gets our diagnostics with the line, not an import message', async () => {
    const result = await readProgramFile(file('ours.json', '{\n  "formatVersion": 1,\n  "event": {,\n}'));
    expect(result.status).toBe('not-json');
    if (result.status === 'not-json') expect(result.diagnostics[0]).toMatchObject({ line: 3 });
  });
});
