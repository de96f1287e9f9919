// The show state's journal: an acknowledged save is one appended line and one fdatasync; a restart replays the
// newest whole line (a line cut by a crash was never acknowledged and is dropped), folds it into the state file,
// and an unreadable line is set aside with a warning, never deleted.
import fs, { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { StateStore } from '../../server/store/state-store.ts';
import { validateShot, type Shot } from './state-store.child.ts';
import { runUntilKilled } from './kill-loop.ts';

interface Cue {
  cue: string;
  n: number;
}

function validateCue(data: unknown): Cue {
  const c = data as Cue;
  if (typeof c?.cue !== 'string' || typeof c.n !== 'number') throw new Error('cue and n are needed');
  return c;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'roomcue-journal-')), 'state.json');
const journaled = (file: string, journalMaxBytes = 1024 * 1024) =>
  new StateStore<Cue>({ file, formatVersion: 1, validate: validateCue, journalMaxBytes });
const line = (state: unknown) => `${JSON.stringify({ formatVersion: 1, savedAt: 'x', state })}\n`;

describe('the state journal', () => {
  test('each save is a line appended to <file>.journal; the state file is not rewritten per save', async () => {
    const file = freshFile();
    const store = journaled(file);
    await store.saveAsync({ cue: 'opening', n: 1 });
    await store.saveAsync({ cue: 'keynote', n: 2 });
    expect(existsSync(file)).toBe(false);
    const lines = readFileSync(`${file}.journal`, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).state)).toEqual([
      { cue: 'opening', n: 1 },
      { cue: 'keynote', n: 2 },
    ]);
  });

  test('the first save makes the folder', async () => {
    const file = join(freshFile(), '..', 'a', 'b', 'state.json');
    await journaled(file).saveAsync({ cue: 'opening', n: 1 });
    expect(journaled(file).load().state).toEqual({ cue: 'opening', n: 1 });
  });

  test('a restart takes the newest line, folds it into the state file and starts a new journal', async () => {
    const file = freshFile();
    const store = journaled(file);
    for (let n = 1; n <= 5; n++) await store.saveAsync({ cue: `cue ${n}`, n });
    expect(journaled(file).load()).toEqual({ state: { cue: 'cue 5', n: 5 }, warning: null });
    expect(JSON.parse(readFileSync(file, 'utf8')).state).toEqual({ cue: 'cue 5', n: 5 });
    expect(existsSync(`${file}.journal`) ? readFileSync(`${file}.journal`, 'utf8') : '').toBe('');
    // Loading again (a second restart) gives the same state.
    expect(journaled(file).load()).toEqual({ state: { cue: 'cue 5', n: 5 }, warning: null });
  });

  test('the journal is newer than the state file: its last line wins', async () => {
    const file = freshFile();
    journaled(file).save({ cue: 'old', n: 1 });
    const store = journaled(file);
    await store.saveAsync({ cue: 'new', n: 2 });
    expect(JSON.parse(readFileSync(file, 'utf8')).state).toEqual({ cue: 'old', n: 1 });
    expect(journaled(file).load().state).toEqual({ cue: 'new', n: 2 });
  });

  test('a last line cut by a crash (never acknowledged) is dropped without a warning, and saves go on after it', async () => {
    const file = freshFile();
    const store = journaled(file);
    await store.saveAsync({ cue: 'opening', n: 1 });
    await store.saveAsync({ cue: 'keynote', n: 2 });
    appendFileSync(`${file}.journal`, line({ cue: 'lunch', n: 3 }).slice(0, 25)); // the kill came mid-append
    const again = journaled(file);
    expect(again.load()).toEqual({ state: { cue: 'keynote', n: 2 }, warning: null });
    await again.saveAsync({ cue: 'panel', n: 4 });
    expect(journaled(file).load()).toEqual({ state: { cue: 'panel', n: 4 }, warning: null });
  });

  test('a cut line and no load in between: the next save still lands whole', async () => {
    const file = freshFile();
    const store = journaled(file);
    await store.saveAsync({ cue: 'opening', n: 1 });
    appendFileSync(`${file}.journal`, '{"formatVersion":1,"sav');
    await store.saveAsync({ cue: 'keynote', n: 2 });
    expect(journaled(file).load()).toEqual({ state: { cue: 'keynote', n: 2 }, warning: null });
  });

  test('a whole line that cannot be read is set aside with a warning; the show goes on from the line before', async () => {
    const file = freshFile();
    const store = journaled(file);
    await store.saveAsync({ cue: 'opening', n: 1 });
    await store.saveAsync({ cue: 'keynote', n: 2 });
    appendFileSync(`${file}.journal`, line({ cue: 7 }));
    const bytes = readFileSync(`${file}.journal`);
    const { state, warning } = journaled(file).load();
    expect(state).toEqual({ cue: 'keynote', n: 2 });
    const aside = readdirSync(join(file, '..')).filter((f) => f.startsWith('state.json.journal.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(warning).toMatch(/show state journal .*state\.json\.journal line 3 was unreadable \(invalid show state/);
    expect(warning).toContain(`moved to ${join(file, '..', aside[0]!)}`);
    expect(readFileSync(join(file, '..', aside[0]!)).equals(bytes)).toBe(true);
    // The next restart has nothing to warn about and keeps the state.
    expect(journaled(file).load()).toEqual({ state: { cue: 'keynote', n: 2 }, warning: null });
  });

  test('past its size limit the journal is folded into the state file; every state still loads', async () => {
    const file = freshFile();
    const store = journaled(file, 2000);
    for (let n = 1; n <= 60; n++) {
      await store.saveAsync({ cue: `cue ${n} ${'x'.repeat(100)}`, n });
      expect(statSync(`${file}.journal`).size).toBeLessThanOrEqual(2000);
      expect(
        new StateStore<Cue>({ file, formatVersion: 1, validate: validateCue }).load().state?.n ?? 0,
      ).toBeLessThanOrEqual(n);
    }
    expect(JSON.parse(readFileSync(file, 'utf8')).state.n).toBeGreaterThan(1);
    expect(journaled(file).load().state?.n).toBe(60);
  });

  test('a full disk mid-append: the save says why, the half line is taken back, the next save lands', async () => {
    const file = freshFile();
    const store = journaled(file);
    await store.saveAsync({ cue: 'opening', n: 1 });
    const before = readFileSync(`${file}.journal`);
    const write = fs.writeFileSync;
    const spy = vi.spyOn(fs, 'writeFileSync').mockImplementationOnce((target, data) => {
      // Half of the line reaches the file, then the disk is full.
      write(target, String(data).slice(0, 20));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    await expect(store.saveAsync({ cue: 'keynote', n: 2 })).rejects.toThrow(
      `cannot save show state to ${file}: no space left on device (ENOSPC)`,
    );
    spy.mockRestore();
    expect(readFileSync(`${file}.journal`).equals(before)).toBe(true);
    await store.saveAsync({ cue: 'lunch', n: 3 });
    expect(journaled(file).load()).toEqual({ state: { cue: 'lunch', n: 3 }, warning: null });
  });
});

describe('kill -9 while appending to the journal', () => {
  test('the state always loads, never older than the last acknowledged save', { timeout: 60_000 }, async () => {
    const file = freshFile();
    let next = 0;
    let rounds = 0;
    while (rounds < 10 || next < 200) {
      const lastAck = await runUntilKilled(file, next, 5 + Math.floor(Math.random() * 36), 'journal');
      const store = new StateStore<Shot>({
        file,
        formatVersion: 1,
        validate: validateShot,
        journalMaxBytes: 64 * 1024,
      });
      const { state, warning } = store.load();
      expect(warning).toBeNull();
      expect([lastAck, lastAck + 1]).toContain(state?.seq);
      next = state!.seq + 1;
      rounds++;
    }
    expect(next).toBeGreaterThanOrEqual(200);
  });
});
