// The `roomcue` command as a user runs it: real processes, exit codes and the messages they print.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { repoPath, tinyProgram } from '../helpers.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'roomcue-cli-'));

async function roomcue(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [repoPath('bin/roomcue.mjs'), ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('roomcue check', () => {
  test('the shipped program is valid, with its TBA people and the day-2 overlap as warnings', async () => {
    const r = await roomcue('check');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning: .*chair is TBA/);
    expect(r.stdout).toMatch(/"Poster Session" overlaps "Lunch"/);
    expect(r.stdout).toMatch(/DP2E-AI 2026: 1 room, \d+ sessions, \d+ items — ok with \d+ warnings/);
  });

  test('a program with an error: exit 1, file, path and problem named', async () => {
    const p = tinyProgram();
    p.sessions![0]!.items[1]!.end = '2026-06-29T09:10';
    const path = file('broken.json', JSON.stringify(p, null, 2));
    const r = await roomcue('check', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}: error: sessions[0].items[1]: end 09:10 is before start 09:30`);
    noStackTrace(r.stderr);
  });

  test('not JSON: exit 2 with the line of the mistake', async () => {
    const path = file('syntax.json', '{\n  "formatVersion": 1,\n  "event": {,\n}');
    const r = await roomcue('check', path);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${path.replace(/[.]/g, '\\.')}:3:\\d+: error: not valid JSON`));
    noStackTrace(r.stderr);
  });

  test('a missing file: exit 2, "no such file"', async () => {
    const r = await roomcue('check', join(dir, 'nope.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.json: cannot read: no such file/);
  });

  test('a directory: exit 2', async () => {
    const r = await roomcue('check', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read: is a directory/);
  });
});

/** Day 1 runs until 02:00 on Tuesday (days change at 05:00); day 2 starts at 10:00. */
function nightProgram(dayChange = '05:00') {
  const p = tinyProgram();
  p.sessions = [];
  p.dayChange = dayChange;
  p.items = [
    { id: 'evening', kind: 'talk', title: 'Evening talk', start: '2026-06-29T22:00', end: '2026-06-29T23:30' },
    { id: 'night', kind: 'talk', title: 'Night talk', start: '2026-06-30T01:00', end: '2026-06-30T02:00' },
    { id: 'morning', kind: 'talk', title: 'Day 2 opener', start: '2026-06-30T10:00', end: '2026-06-30T11:00' },
  ];
  return p;
}

describe('days that run past midnight', () => {
  const path = file('night.json', JSON.stringify(nightProgram(), null, 2));

  test('roomcue at 23:45: the 01:00 talk is next tonight (no date), a break, not between days', async () => {
    const r = await roomcue('at', '2026-06-29T23:45', '--program', path);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe('Phase: break');
    expect(lines.find((l) => l.startsWith('Next'))).toBe('Next   01:00–02:00  Talk · Night talk  (in 1 h 15 min)');
  });

  test('roomcue at 02:30: between days, and day 2 says its date', async () => {
    const r = await roomcue('at', '2026-06-30T02:30', '--program', path);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe('Phase: between days');
    expect(lines.find((l) => l.startsWith('Next'))).toBe(
      'Next   Tue 30 June 10:00–11:00  Talk · Day 2 opener  (in 7 h 30 min)',
    );
    const json = JSON.parse((await roomcue('at', '2026-06-30T02:30', '--program', path, '--json')).stdout);
    expect(json.dayChange).toBe('05:00');
  });

  test('roomcue check says when the days change; a day change that is not a morning time is an error', async () => {
    const ok = await roomcue('check', path);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`${path}: Tiny Conf: 1 room, 0 sessions, 3 items, days change at 05:00 — ok\n`);
    const bad = file('night-bad.json', JSON.stringify(nightProgram('17:00'), null, 2));
    const r = await roomcue('check', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${bad}: error: dayChange: expected a time from "00:00" to "12:00" like "05:00": when one day of the event ends and the next begins (e.g. "05:00" for talks until 02:00)`,
    );
    noStackTrace(r.stderr);
  });
});

describe('roomcue at', () => {
  test('10:55 on day 1: coffee break, next Kengo Nakajima', async () => {
    const r = await roomcue('at', '2026-06-29T10:55');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Phase: break/);
    expect(r.stdout).toMatch(/Now\s+10:50–11:20\s+Break · Coffee break\s+\(25 min left\)/);
    expect(r.stdout).toMatch(
      /Next\s+11:20–12:00\s+Keynote · AI-for-Science[^\n]*\n\s+Kengo Nakajima \(University of Tokyo, Japan\)/,
    );
  });

  test('an item on another day than the instant says its day, once, whatever the machine’s zone', async () => {
    for (const TZ of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
      const { stdout } = await run(process.execPath, [repoPath('bin/roomcue.mjs'), 'at', '2026-06-29T21:30'], {
        cwd: dir,
        env: { ...process.env, TZ },
      });
      const lines = stdout.split('\n');
      expect(lines[0], TZ).toBe('DP2E-AI 2026 · room L108-A · Monday 29 June 2026, 21:30:00 (Europe/Paris)');
      expect(
        lines.find((l) => l.startsWith('Next')),
        TZ,
      ).toBe('Next   Tue 30 June 08:30–09:00  Registration · Registration, welcome coffee  (in 11 h 0 min)');
      expect(
        lines.find((l) => l.startsWith('Later')),
        TZ,
      ).toMatch(/^Later {2}09:00–09:30 {2}Talk · Scaling RL/);
    }
    const before = await roomcue('at', '2026-06-20T10:00');
    expect(before.stdout.split('\n').find((l) => l.startsWith('Next'))).toBe(
      'Next   Mon 29 June 08:30–09:00  Registration · Registration, welcome coffee  (in 8 d 22 h 30 min)',
    );
    const sameDay = await roomcue('at', '2026-06-29T10:55');
    expect(sameDay.stdout.split('\n').find((l) => l.startsWith('Next'))).toMatch(/^Next {3}11:20–12:00 {2}Keynote/);
  });

  test('--room takes the name printed in the schedule, case and accents ignored', async () => {
    const r = await roomcue(
      'at',
      '2020-12-14T10:00Z',
      '--program',
      repoPath('tests/fixtures/import/pretalx-democon.json'),
      '--room',
      'gray ROOM',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).room).toBe('gray-room');
  });

  test('--json follows the contract', async () => {
    const r = await roomcue('at', '2026-06-29T08:55Z', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['at', 'timezone', 'dayChange', 'room', 'phase', 'current', 'next', 'later']);
    expect(json).toMatchObject({
      at: '2026-06-29T10:55:00+02:00',
      timezone: 'Europe/Paris',
      room: 'L108-A',
      phase: 'in-break',
    });
    expect(json.current[0]).toMatchObject({ kind: 'break', remainingSeconds: 1500, location: null, session: null });
    for (const item of [...json.current, json.next, ...json.later]) {
      expect(item).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          kind: expect.any(String),
          title: expect.any(String),
          speakers: expect.any(Array),
        }),
      );
      expect(item.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+02:00$/);
    }
  });

  test('another program and room', async () => {
    const p = tinyProgram();
    p.rooms!.push({ id: 'B', name: 'Room B' });
    const path = file('two-rooms.json', JSON.stringify(p));
    const a = await roomcue('at', '2026-06-29T09:10', '--program', path, '--json');
    expect(JSON.parse(a.stdout).current[0].title).toBe('First');
    const b = await roomcue('at', '2026-06-29T09:10', '--program', path, '--room', 'B', '--json');
    expect(JSON.parse(b.stdout)).toMatchObject({ room: 'B', phase: 'after-event', current: [] });
  });

  test.each([
    {
      label: 'a bad instant',
      args: ['at', 'yesterday'],
      code: 2,
      message: /"yesterday" is not an instant: use ISO 8601/,
    },
    { label: 'no instant', args: ['at'], code: 2, message: /give exactly one INSTANT/ },
    {
      label: 'an unknown room',
      args: ['at', '2026-06-29T10:55', '--room', 'Z9'],
      code: 2,
      message: /unknown room "Z9"; rooms: L108-A \(in .*\)/,
    },
    {
      label: 'an unknown option',
      args: ['at', '2026-06-29T10:55', '--rooom', 'x'],
      code: 2,
      message: /^roomcue at: unknown option --rooom \(did you mean --room\?\)\nTry "roomcue at --help"\.\n$/,
    },
    {
      label: 'a missing program',
      args: ['at', '2026-06-29T10:55', '--program', 'missing.json'],
      code: 2,
      message: /missing\.json: cannot read: no such file/,
    },
    { label: 'an unknown command', args: ['frobnicate'], code: 2, message: /unknown command "frobnicate"/ },
  ])('$label: exit $code and a clear message', async ({ args, code, message }) => {
    const r = await roomcue(...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    noStackTrace(r.stderr);
  });

  test('an invalid program: exit 1 and the errors', async () => {
    const p = tinyProgram();
    p.items![0]!.speakers = ['ghost'];
    const r = await roomcue('at', '2026-06-29T10:55', '--program', file('ghost.json', JSON.stringify(p)));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/items\[0\]\.speakers\[0\]: unknown person "ghost"/);
  });
});
