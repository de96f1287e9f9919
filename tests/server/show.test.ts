// The show object and `roomcue serve` options: disk failures, corrupt state, rehearsal clock, pushes on boundaries.
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createClock } from '../../server/clock.ts';
import { runServe } from '../../cli/serve.ts';
import { CliError } from '../../cli/io.ts';
import { defaultStateDir, isLoopback } from '../../server/state-dir.ts';
import { repoPath, tinyProgram } from '../helpers.ts';
import { connect, post, programAroundNow, startHarness, type Harness } from './harness.ts';

let harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.map((h) => h.close()));
  harnesses = [];
});
const start = async (...args: Parameters<typeof startHarness>) => {
  const h = await startHarness(...args);
  harnesses.push(h);
  return h;
};
const state = async (h: Harness) => (await fetch(`${h.url}/api/state`)).json();

describe('the saved show state', () => {
  test('when the disk refuses the write, the action still applies and control is warned; it clears once saving works', async () => {
    const h = await start(programAroundNow());
    const file = join(h.stateDir, 'apitest.state.json');
    expect((await post(h, { type: 'delay.set', minutes: 4 })).status).toBe(200);
    // A directory in place of the temp file's folder: every save now fails like a full disk would.
    const { rmSync, renameSync } = await import('node:fs');
    renameSync(h.stateDir, `${h.stateDir}.moved`);
    writeFileSync(h.stateDir, 'not a directory');
    const r = await post(h, { type: 'delay.set', minutes: 9 });
    expect(r.status).toBe(200);
    expect(r.json.delayMinutes).toBe(9);
    expect(r.json.storeWarning).toMatch(new RegExp(`cannot save show state to ${file.replace(/[.]/g, '\\.')}`));
    rmSync(h.stateDir);
    renameSync(`${h.stateDir}.moved`, h.stateDir);
    const ok = await post(h, { type: 'delay.set', minutes: 2 });
    expect(ok.json.storeWarning).toBeNull();
  });

  test('a corrupt state file is moved aside and named in a warning; the show starts from the program', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roomcue-corrupt-'));
    mkdirSync(join(dir, 'state'));
    writeFileSync(join(dir, 'state', 'apitest.state.json'), '{"formatVersion":1,"state":{"seq":');
    const h = await start(programAroundNow(), { dir });
    const s = await state(h);
    expect(s.storeWarning).toMatch(/show state file .*apitest\.state\.json was unreadable .* moved to .*corrupt/);
    expect(s.seq).toBe(0);
    expect(readdirSync(join(dir, 'state')).some((f) => f.includes('.corrupt-'))).toBe(true);
    // It names files on the server: the control view's, not the door's nor the chair's.
    const control = await connect(h, 'view=control');
    const door = await connect(h, 'view=signage');
    const chair = await connect(h, 'view=chair');
    expect((await control.next(() => true)).storeWarning).toBe(s.storeWarning);
    expect((await door.next(() => true)).storeWarning).toBeNull();
    expect((await chair.next(() => true)).storeWarning).toBeNull();
    for (const c of [control, door, chair]) c.ws.close();
  });
});

describe('the state journal across restarts', () => {
  test('acknowledged actions come back after a restart; a cut last line is dropped, an unreadable one is named', async () => {
    const h = await start(programAroundNow());
    expect((await post(h, { type: 'delay.set', minutes: 4 })).status).toBe(200);
    expect((await post(h, { type: 'delay.set', minutes: 7 })).status).toBe(200);
    await h.close();
    harnesses = [];
    const journal = join(h.stateDir, 'apitest.state.json.journal');
    // Folded into the state file at the restart: the journal is empty, the state file has seq 2.
    const again = await start(programAroundNow(), { dir: h.dir });
    expect(await state(again)).toMatchObject({ seq: 2, delayMinutes: 7, storeWarning: null });
    expect(readFileSync(journal, 'utf8')).toBe('');
    expect((await post(again, { type: 'delay.set', minutes: 9 })).status).toBe(200);
    const good = readFileSync(journal, 'utf8');
    await again.close();
    harnesses = [];
    // The kill came during the next append: half a line, never acknowledged.
    appendFileSync(journal, good.slice(0, 40));
    const third = await start(programAroundNow(), { dir: h.dir });
    expect(await state(third)).toMatchObject({ seq: 3, delayMinutes: 9, storeWarning: null });
    await third.close();
    harnesses = [];
    // A whole line that is not a state: moved aside and named; the show goes on from the file (seq 3).
    appendFileSync(journal, '{"formatVersion":2,"savedAt":"x","state":{}}\n');
    const fourth = await start(programAroundNow(), { dir: h.dir });
    const s = await state(fourth);
    expect(s).toMatchObject({ seq: 3, delayMinutes: 9 });
    expect(s.storeWarning).toMatch(
      /show state journal .*apitest\.state\.json\.journal line 1 was unreadable \(invalid show state: [^)]*\); it was moved to .*\.journal\.corrupt-/,
    );
  });
});

describe('an action, its save and its push', () => {
  const journalSeqs = (h: Harness) =>
    readFileSync(join(h.stateDir, 'apitest.state.json.journal'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l).state.live.seq as number);

  test('the journal line is written before the screens get the state (the disk works during the push)', async () => {
    const h = await start(programAroundNow());
    const atPush: [number, number | undefined][] = [];
    h.running.show.subscribe((event) => {
      if (event === 'action') atPush.push([h.running.show.state().seq, journalSeqs(h).at(-1)]);
    });
    for (let n = 1; n <= 3; n++) expect((await post(h, { type: 'delay.set', minutes: n })).status).toBe(200);
    expect(atPush).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  test('actions sent together: each answered once on disk, the journal in the order of the seqs', async () => {
    const h = await start(programAroundNow());
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) => post(h, { type: 'message.set', to: 'public', text: `m${n}` })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers.map((a) => a.json.seq).sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const seqs = journalSeqs(h);
    expect(seqs.at(-1)).toBe(8);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});

describe('rehearsal', () => {
  test('--at starts the show clock at that instant and --speed runs it faster', { timeout: 20_000 }, async () => {
    const program = JSON.parse((await import('node:fs')).readFileSync(repoPath('data/dp2e-ai-2026.json'), 'utf8'));
    // Five show minutes (5 s) before the coffee break, so that a slow start on a loaded machine still connects before
    // it. (At 10:49 this once got no push of the break: the push timer had fired a few show ms early and pushed the
    // talk again, then aimed past the break; fixed and tested in boundary-push.test.ts.)
    const h = await start(program, { at: '2026-06-29T10:45:00', speed: 60 });
    const { connect } = await import('./harness.ts');
    const c = await connect(h);
    const first = c.states[0] ?? (await c.next(() => true));
    expect(first.clock).toMatchObject({ rehearsal: true, speed: 60 });
    expect((first.current as { title: string }[])[0]!.title).toMatch(/^HPC\+AI/);
    // One show minute passes in one real second: the coffee break starts and is pushed without any action.
    const t0 = Date.now();
    await c.next((s) => (s.current as { title: string }[])[0]?.title === 'Coffee break', 15_000);
    expect(Date.now() - t0).toBeGreaterThan(300);
    c.ws.close();
  });

  test('the clock maps real time to show time', () => {
    let real = 1_000;
    const clock = createClock({ startAt: 50_000, speed: 10, realNow: () => real });
    real += 500;
    expect(clock.now()).toBe(55_000);
    expect(clock.realDelayUntil(65_000)).toBe(1_000);
    expect(createClock({ realNow: () => 7 }).json()).toEqual({ now: 7, serverTime: 7, speed: 1, rehearsal: false });
  });
});

describe('roomcue serve options', () => {
  const io = { out: () => {}, err: () => {} };
  test.each([
    { label: 'a LAN host without a PIN', opts: { host: '0.0.0.0' }, message: /--host 0\.0\.0\.0 .* give a --pin/ },
    { label: 'a bad port', opts: { port: 'eighty' }, message: /--port must be a number/ },
    { label: 'a bad speed', opts: { speed: '-2' }, message: /--speed must be a number above 0/ },
    { label: 'a bad rehearsal instant', opts: { at: 'noon' }, message: /--at: "noon" is not an instant/ },
    { label: 'a short PIN', opts: { pin: '12' }, message: /--pin must be 4 to 64 characters/ },
    { label: 'an unknown room', opts: { room: 'Z', port: '0' }, message: /unknown room "Z"/ },
  ])('$label is refused before anything starts', async ({ opts, message }) => {
    const run = runServe({ stateDir: mkdtempSync(join(tmpdir(), 'rc-')), ...opts }, io, async () => {});
    await expect(run).rejects.toThrow(CliError);
    await expect(
      runServe({ stateDir: mkdtempSync(join(tmpdir(), 'rc-')), ...opts }, io, async () => {}),
    ).rejects.toThrow(message);
  });

  test('a broken program file is refused with its errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-'));
    const p = tinyProgram();
    p.items![0]!.end = '2026-06-29T09:00';
    writeFileSync(join(dir, 'p.json'), JSON.stringify(p));
    await expect(
      runServe({ program: join(dir, 'p.json'), port: '0', stateDir: dir }, io, async () => {}),
    ).rejects.toThrow(/items\[0\]: end 09:00 is before start 10:00/);
  });

  test.each([
    { label: 'a bad OSC port', opts: { oscPort: '99999' }, message: /--osc-port must be a UDP port/ },
    {
      label: 'an OSC target without a port',
      opts: { oscOut: 'qlab.local' },
      message: /--osc-out: "qlab.local" is not HOST:PORT/,
    },
    {
      label: 'an OSC sender that is not an address',
      opts: { oscPort: '53001', oscFrom: 'desk' },
      message: /--osc-from: "desk" is not an IP address/,
    },
    { label: '--osc-from alone', opts: { oscFrom: '10.0.0.2' }, message: /--osc-from needs --osc-port/ },
  ])('$label is refused before anything starts', async ({ opts, message }) => {
    await expect(
      runServe({ stateDir: mkdtempSync(join(tmpdir(), 'rc-')), ...opts }, io, async () => {}),
    ).rejects.toThrow(message);
  });

  test('an imported export: what the import guessed is printed when the show starts', async () => {
    const lines: string[] = [];
    const code = await runServe(
      {
        program: repoPath('tests/fixtures/import/pretalx-democon.json'),
        port: '0',
        stateDir: mkdtempSync(join(tmpdir(), 'rc-')),
      },
      { out: (l) => lines.push(l), err: (l) => lines.push(l) },
      async () => {},
    );
    expect(code).toBe(0);
    const header = lines.findIndex((l) => /^\d+ notes on .*pretalx-democon\.json:$/.test(l));
    expect(header).toBeGreaterThan(-1);
    expect(lines.slice(header + 1)).toContainEqual(expect.stringMatching(/warning: guessed: no venue in the source/));
  });

  test('--zone gives an export the zone it contradicts, and an unknown zone is refused', async () => {
    const lines: string[] = [];
    let zone = '';
    await runServe(
      {
        program: repoPath('tests/fixtures/import/pretalx-democon.json'),
        port: '0',
        zone: 'Europe/Berlin',
        stateDir: mkdtempSync(join(tmpdir(), 'rc-')),
      },
      { out: (l) => lines.push(l), err: () => {} },
      async () => {
        const api = lines.map((l) => /api\s+(http\S+)/.exec(l)?.[1]).find(Boolean)!;
        zone = (await (await fetch(api)).json()).timezone;
      },
    );
    expect(zone).toBe('Europe/Berlin');
    await expect(
      runServe({ zone: 'Mars/Olympus', stateDir: mkdtempSync(join(tmpdir(), 'rc-')) }, io, async () => {}),
    ).rejects.toThrow(/--zone: unknown time zone "Mars\/Olympus"/);
  });

  test('loopback hosts and the default state folder per platform', () => {
    expect(['127.0.0.1', '::1', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '192.168.1.20', '::'].some(isLoopback)).toBe(false);
    expect(defaultStateDir({ ROOMCUE_STATE_DIR: '/srv/rc' }, 'linux')).toBe('/srv/rc');
    expect(defaultStateDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe('/x/roomcue');
    expect(defaultStateDir({ APPDATA: 'C:\\Users\\av\\AppData\\Roaming' }, 'win32')).toMatch(/Roomcue$/);
  });
});
