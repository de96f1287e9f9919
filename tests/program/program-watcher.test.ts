// The program watcher against real files: edits as editors save them, broken edits, deletion, and the polling fallback.
import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ProgramInput } from '../../core/program/schema.ts';
import { type ProgramChange, ProgramWatcher } from '../../server/program/program-watcher.ts';
import { tinyProgram } from '../helpers.ts';

// Lets one test make fs.watch unavailable, as on filesystems where it fails, to prove polling alone applies edits.
const fsControl = vi.hoisted(() => ({ watchThrows: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const watch = ((...args: Parameters<typeof actual.watch>) => {
    if (fsControl.watchThrows) throw Object.assign(new Error('watch unavailable'), { code: 'ENOSPC' });
    return actual.watch(...args);
  }) as typeof actual.watch;
  return { ...actual, watch };
});

const open: ProgramWatcher[] = [];
const dirs: string[] = [];

afterEach(() => {
  fsControl.watchThrows = false;
  for (const w of open.splice(0)) w.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const json = (p: ProgramInput) => JSON.stringify(p, null, 2);

function withTitle(title: string): ProgramInput {
  const p = tinyProgram();
  p.sessions![0]!.items[0]!.title = title;
  return p;
}

/** A fresh directory holding a valid program, and a watcher on it. */
async function setup(): Promise<{ dir: string; file: string; watcher: ProgramWatcher }> {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-watch-'));
  dirs.push(dir);
  const file = join(dir, 'program.json');
  writeFileSync(file, json(tinyProgram()));
  const watcher = await ProgramWatcher.open(file);
  open.push(watcher);
  // Past the catch-up read that open() schedules, so a test's edit is seen by the watchers themselves.
  await new Promise((r) => setTimeout(r, 300));
  return { dir, file, watcher };
}

/** The next event, with how long it took; fails after `ms`. Subscribe before causing the change. */
function nextEvent(watcher: ProgramWatcher, ms = 3000): Promise<{ event: ProgramChange; elapsed: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no watcher event within ${ms} ms`));
    }, ms);
    const off = watcher.onChange((event) => {
      clearTimeout(timer);
      off();
      resolve({ event, elapsed: Date.now() - started });
    });
  });
}

/** Resolves with the events seen during `ms`: for "nothing happens" checks. */
function eventsDuring(watcher: ProgramWatcher, ms: number): Promise<ProgramChange[]> {
  const seen: ProgramChange[] = [];
  const off = watcher.onChange((e) => seen.push(e));
  return new Promise((resolve) =>
    setTimeout(() => {
      off();
      resolve(seen);
    }, ms),
  );
}

const firstTitle = (w: ProgramWatcher) => w.current.program.sessions[0]!.items[0]!.title;

async function expectRejected(watcher: ProgramWatcher, change: () => void, status: string) {
  const pending = nextEvent(watcher);
  change();
  const { event } = await pending;
  if (event.type !== 'rejected') throw new Error(`expected rejected, got ${event.type}`);
  expect(event.problem.status).toBe(status);
  expect(event.problem.message).not.toContain('\n');
  expect(event.problem.message).toContain('still showing the last good version');
  expect(watcher.problem).toBe(event.problem);
  expect(firstTitle(watcher)).toBe('First');
  return event.problem;
}

describe('ProgramWatcher', () => {
  test('a valid edit is reloaded within 2 s', async () => {
    const { file, watcher } = await setup();
    expect(firstTitle(watcher)).toBe('First');
    const pending = nextEvent(watcher);
    writeFileSync(file, json(withTitle('Opening keynote')));
    const { event, elapsed } = await pending;
    expect(event.type).toBe('reloaded');
    expect(elapsed).toBeLessThan(2000);
    expect(firstTitle(watcher)).toBe('Opening keynote');
    expect(watcher.problem).toBeNull();
  });

  test('an edit saved as a temp file renamed over the original is seen', async () => {
    const { dir, file, watcher } = await setup();
    const pending = nextEvent(watcher);
    const tmp = join(dir, '.program.json.swp');
    writeFileSync(tmp, json(withTitle('Renamed in')));
    renameSync(tmp, file);
    const { event, elapsed } = await pending;
    expect(event.type).toBe('reloaded');
    expect(elapsed).toBeLessThan(2000);
    expect(firstTitle(watcher)).toBe('Renamed in');

    // The watch must survive the rename: a second save the same way is seen too.
    const again = nextEvent(watcher);
    writeFileSync(tmp, json(withTitle('Renamed again')));
    renameSync(tmp, file);
    expect((await again).event.type).toBe('reloaded');
    expect(firstTitle(watcher)).toBe('Renamed again');
  });

  test('garbage and truncated JSON are rejected as not-json with a line, keeping the last good program', async () => {
    const { file, watcher } = await setup();
    const garbage = await expectRejected(watcher, () => writeFileSync(file, 'this is {not json'), 'not-json');
    expect(garbage.diagnostics[0]).toMatchObject({ severity: 'error', path: '', line: 1 });
    expect(garbage.diagnostics[0]!.message).toMatch(/^not valid JSON/);

    const text = json(tinyProgram());
    const truncated = await expectRejected(
      watcher,
      () => writeFileSync(file, text.slice(0, text.length / 2)),
      'not-json',
    );
    expect(truncated.diagnostics[0]!.line).toBeGreaterThan(1);
    expect(truncated.message).toMatch(/program\.json:\d+:\d+: error: not valid JSON/);
  });

  test('a program error (end before start) is rejected as invalid with its path', async () => {
    const { file, watcher } = await setup();
    const p = tinyProgram();
    p.sessions![0]!.items[1]!.end = '2026-06-29T09:10';
    const problem = await expectRejected(watcher, () => writeFileSync(file, json(p)), 'invalid');
    expect(problem.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', path: 'sessions[0].items[1]' }),
    );
    expect(problem.message).toContain('sessions[0].items[1]: end 09:10 is before start 09:30');
  });

  test('a deleted file is rejected as unreadable; a valid file back is reloaded and clears the problem', async () => {
    const { file, watcher } = await setup();
    const problem = await expectRejected(watcher, () => unlinkSync(file), 'unreadable');
    expect(problem.message).toBe(`program file ${file} is missing; still showing the last good version`);

    const pending = nextEvent(watcher);
    writeFileSync(file, json(withTitle('Back again')));
    const { event } = await pending;
    expect(event.type).toBe('reloaded');
    expect(watcher.problem).toBeNull();
    expect(firstTitle(watcher)).toBe('Back again');
  });

  test('rewriting the same content emits nothing', async () => {
    const { file, watcher } = await setup();
    const seen = eventsDuring(watcher, 1500);
    writeFileSync(file, json(tinyProgram()));
    expect(await seen).toEqual([]);
  });

  test('open() on a missing, non-JSON or invalid file throws a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roomcue-watch-'));
    dirs.push(dir);
    const noStack = /\n\s+at .+:\d+:\d+/;

    const missing = join(dir, 'nope.json');
    await expect(ProgramWatcher.open(missing)).rejects.toThrow(`cannot read program file ${missing}: no such file`);

    const syntax = join(dir, 'syntax.json');
    writeFileSync(syntax, '{\n  "formatVersion": 1,\n  "event": {,\n}');
    const e1 = await ProgramWatcher.open(syntax).catch((e: Error) => e);
    expect(e1).toBeInstanceOf(Error);
    expect((e1 as Error).message).toMatch(/is not valid JSON:\n {2}.*syntax\.json:3:\d+: error: not valid JSON/);
    expect((e1 as Error).message).not.toMatch(noStack);

    const invalid = join(dir, 'invalid.json');
    const p = tinyProgram();
    p.sessions![0]!.items[1]!.end = '2026-06-29T09:10';
    writeFileSync(invalid, json(p));
    const e2 = await ProgramWatcher.open(invalid).catch((e: Error) => e);
    expect(e2).toBeInstanceOf(Error);
    expect((e2 as Error).message).toContain(`program file ${invalid} is not a valid program:`);
    expect((e2 as Error).message).toContain('error: sessions[0].items[1]: end 09:10 is before start 09:30');
    expect((e2 as Error).message).not.toMatch(noStack);
  });

  test('close() stops events', async () => {
    const { file, watcher } = await setup();
    watcher.close();
    // Subscribing after close: were any watcher or timer still alive, this listener would hear it.
    const seen = eventsDuring(watcher, 1500);
    writeFileSync(file, json(withTitle('After close')));
    expect(await seen).toEqual([]);
    expect(firstTitle(watcher)).toBe('First');
  });

  test('without fs.watch, polling alone applies an edit within 2 s', async () => {
    fsControl.watchThrows = true;
    const { file, watcher } = await setup();
    const pending = nextEvent(watcher);
    writeFileSync(file, json(withTitle('Polled')));
    const { event, elapsed } = await pending;
    expect(event.type).toBe('reloaded');
    expect(elapsed).toBeLessThan(2000);
    expect(firstTitle(watcher)).toBe('Polled');
  });

  test('a throwing listener does not stop other listeners', async () => {
    const { file, watcher } = await setup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    watcher.onChange(() => {
      throw new Error('listener bug');
    });
    const pending = nextEvent(watcher);
    writeFileSync(file, json(withTitle('Still delivered')));
    expect((await pending).event.type).toBe('reloaded');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('listener bug'));
    error.mockRestore();
  });
});
