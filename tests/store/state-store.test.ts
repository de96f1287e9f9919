// The show state file as the operator lives with it: it round-trips, bad files are set aside with a warning,
// a failed save says why and keeps the previous state, and a kill -9 never corrupts it nor loses an acknowledged save.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { StateStore } from '../../server/store/state-store.ts';
import { validateShot, type Shot } from './state-store.child.ts';
import { runUntilKilled } from './kill-loop.ts';

interface Show {
  cue: string;
  room: string;
}

function validateShow(data: unknown): Show {
  const show = data as Show;
  if (typeof show?.cue !== 'string' || typeof show.room !== 'string') throw new Error('cue and room must be text');
  return show;
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'roomcue-store-'));
const storeAt = (file: string, more: { formatVersion?: number; tempName?: (file: string) => string } = {}) =>
  new StateStore<Show>({ file, formatVersion: 1, validate: validateShow, ...more });
const asideFiles = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('state.json.corrupt-'));

afterEach(() => {
  vi.useRealTimers();
});

describe('saving and loading', () => {
  test('a saved state loads back, also in a new store on the same file, and the latest save wins', () => {
    const dir = freshDir();
    const file = join(dir, 'state.json');
    const store = storeAt(file);
    store.save({ cue: 'opening', room: 'main' });
    store.save({ cue: 'keynote', room: 'main' });
    expect(store.load()).toEqual({ state: { cue: 'keynote', room: 'main' }, warning: null });
    expect(storeAt(file).load()).toEqual({ state: { cue: 'keynote', room: 'main' }, warning: null });
    expect(readdirSync(dir)).toEqual(['state.json']); // no temp file left behind
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    expect(raw).toEqual({ formatVersion: 1, savedAt: expect.any(String), state: { cue: 'keynote', room: 'main' } });
    expect(new Date(raw.savedAt).toISOString()).toBe(raw.savedAt);
  });

  test('the directory is created when missing', () => {
    const file = join(freshDir(), 'a', 'b', 'state.json');
    storeAt(file).save({ cue: 'opening', room: 'main' });
    expect(storeAt(file).load().state).toEqual({ cue: 'opening', room: 'main' });
  });

  test('no file yet: no state and no warning', () => {
    const dir = freshDir();
    expect(storeAt(join(dir, 'state.json')).load()).toEqual({ state: null, warning: null });
    expect(storeAt(join(dir, 'missing', 'state.json')).load()).toEqual({ state: null, warning: null });
  });

  test('temp files left by a crash are removed on load; other files are not', () => {
    const dir = freshDir();
    const file = join(dir, 'state.json');
    storeAt(file).save({ cue: 'opening', room: 'main' });
    const keep = ['other.json.1.1.tmp', 'state.json.notes.tmp', 'state.json.bak'];
    for (const name of [...keep, 'state.json.4242.7.tmp']) writeFileSync(join(dir, name), '{"formatVer');
    expect(storeAt(file).load()).toEqual({ state: { cue: 'opening', room: 'main' }, warning: null });
    expect(readdirSync(dir).sort()).toEqual([...keep, 'state.json'].sort());
  });
});

describe('a bad state file is set aside, never deleted, and the show starts from the program', () => {
  const envelope = (formatVersion: number, state: unknown) => JSON.stringify({ formatVersion, savedAt: 'x', state });
  const cases: { name: string; content: (file: string) => string | Buffer; reason: RegExp }[] = [
    { name: 'garbage', content: () => Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a]), reason: /not valid JSON/ },
    { name: 'an empty file', content: () => '', reason: /not valid JSON/ },
    {
      name: 'truncated JSON',
      content: (file) => {
        storeAt(file).save({ cue: 'keynote', room: 'main' });
        truncateSync(file, 30);
        return readFileSync(file);
      },
      reason: /not valid JSON/,
    },
    { name: 'JSON of another shape', content: () => '[1, 2, 3]', reason: /not a show state file/ },
    { name: 'a newer format version', content: () => envelope(2, {}), reason: /format version 2, expected 1/ },
    { name: 'no format version', content: () => '{"state": {}}', reason: /not a show state file/ },
    {
      name: 'a state validate() rejects',
      content: () => envelope(1, { cue: 7 }),
      reason: /invalid show state: cue and room must be text/,
    },
  ];

  test.each(cases)('$name', ({ content, reason }) => {
    const dir = freshDir();
    const file = join(dir, 'state.json');
    const bytes = content(file);
    writeFileSync(file, bytes);
    const { state, warning } = storeAt(file).load();
    expect(state).toBeNull();
    const aside = asideFiles(dir);
    expect(aside).toHaveLength(1);
    const asidePath = join(dir, aside[0]!);
    expect(warning).toContain(`show state file ${file} was unreadable (`);
    expect(warning).toContain(`; it was moved to ${asidePath} and the show starts from the program`);
    expect(warning).toMatch(reason);
    expect(readFileSync(asidePath).equals(Buffer.from(bytes))).toBe(true);
    expect(existsSync(file)).toBe(false);
    // The show goes on: the next save and load work without a warning.
    storeAt(file).save({ cue: 'opening', room: 'main' });
    expect(storeAt(file).load()).toEqual({ state: { cue: 'opening', room: 'main' }, warning: null });
  });

  test('two bad files in the same millisecond keep both copies', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T09:00:00.000Z'));
    const dir = freshDir();
    const file = join(dir, 'state.json');
    writeFileSync(file, 'first');
    expect(storeAt(file).load().warning).toMatch(/moved to .*state\.json\.corrupt-2026-05-04T09-00-00-000Z /);
    writeFileSync(file, 'second');
    expect(storeAt(file).load().warning).toMatch(/moved to .*state\.json\.corrupt-2026-05-04T09-00-00-000Z-1 /);
    expect(
      asideFiles(dir)
        .map((name) => readFileSync(join(dir, name), 'utf8'))
        .sort(),
    ).toEqual(['first', 'second']);
  });
});

describe('a failed save says why and keeps the previous state', () => {
  test('the directory cannot be created (its parent is a regular file)', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'not-a-dir'), 'x');
    const file = join(dir, 'not-a-dir', 'state.json');
    expect(() => storeAt(file).save({ cue: 'opening', room: 'main' })).toThrow(
      `cannot save show state to ${file}: not a directory (ENOTDIR)`,
    );
  });

  test('the temp file cannot be written: the error names the file, the earlier state still loads', () => {
    const dir = freshDir();
    const file = join(dir, 'state.json');
    const temp = `${file}.next.tmp`;
    const store = storeAt(file, { tempName: () => temp });
    store.save({ cue: 'keynote', room: 'main' });
    mkdirSync(temp); // something that is not ours sits where the next save writes
    expect(() => store.save({ cue: 'lunch', room: 'main' })).toThrow(
      `cannot save show state to ${file}: file already exists (EEXIST)`,
    );
    expect(storeAt(file).load()).toEqual({ state: { cue: 'keynote', room: 'main' }, warning: null });
    expect(existsSync(temp)).toBe(true); // not removed: the store did not create it
  });
});

describe('kill -9 while saving', () => {
  test('the state always loads, never older than the last acknowledged save', { timeout: 60_000 }, async () => {
    const dir = freshDir();
    const file = join(dir, 'state.json');
    let next = 0;
    let rounds = 0;
    while (rounds < 10 || next < 200) {
      const lastAck = await runUntilKilled(file, next, 5 + Math.floor(Math.random() * 36));
      const { state, warning } = new StateStore<Shot>({ file, formatVersion: 1, validate: validateShot }).load();
      expect(warning).toBeNull();
      // validateShot also checks the payload matches seq: a torn or mixed file would have come with a warning.
      // At most one save was in flight when the kill came: it either landed whole or not at all.
      expect([lastAck, lastAck + 1]).toContain(state?.seq);
      expect(readdirSync(dir)).toEqual(['state.json']); // load removed the temp file the kill left, if any
      next = state!.seq + 1;
      rounds++;
    }
    expect(next).toBeGreaterThanOrEqual(200);
  });
});
