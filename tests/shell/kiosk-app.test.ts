// The kiosk shell as a person meets it, run from its built bundle under Node with a stand-in `electron`: which window
// opens on which display, what happens when screens come and go, when a renderer crashes or hangs, when the app is
// started twice, quit, or cannot start.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { repoPath, tinyProgram } from '../helpers.ts';
import { Kiosk, type KioskOptions, type StandInDisplay } from './stand-in/kiosk.ts';

// Each test starts the app as a process (two for the second instance): seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const tv: StandInDisplay = { id: 10, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true };
const monitor: StandInDisplay = { id: 20, bounds: { x: 1920, y: 0, width: 1280, height: 1024 } };
const portrait: StandInDisplay = { id: 30, bounds: { x: -1080, y: 0, width: 1080, height: 1920 } };

const running: Kiosk[] = [];
function start(options: KioskOptions = {}): Kiosk {
  const kiosk = new Kiosk({ ...options, args: ['--port', '0', ...(options.args ?? [])] });
  running.push(kiosk);
  return kiosk;
}

beforeAll(() => {
  execFileSync(process.execPath, [repoPath('scripts/build.mjs'), 'shell'], { cwd: repoPath('.'), stdio: 'inherit' });
}, 60_000);

afterEach(() => {
  for (const k of running.splice(0)) k.kill();
});

describe('startup', () => {
  test('one display: the signage full screen in kiosk mode, hardened, from the in-process server', async () => {
    const kiosk = start({ displays: [tv] });
    const signage = await kiosk.windowOf('signage');
    expect(signage.options).toMatchObject({ ...tv.bounds, kiosk: true, fullscreen: true, frame: false, show: false });
    expect(signage.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    await kiosk.until('the window shown', () => kiosk.events('show').some((e) => e.window === signage.id));
    expect(kiosk.openWindows().map((w) => w.view)).toEqual(['signage']);
    const url = kiosk.events('load')[0]!.url as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/signage$/);
    const state = (await (await fetch(new URL('/api/state', url))).json()) as { room: string };
    expect(state.room).toBe('L108-A');
    expect(kiosk.events('power-save-blocker')).toEqual([expect.objectContaining({ kind: 'prevent-display-sleep' })]);
  });

  test('two displays: the chair timer on the second, each window covering its display', async () => {
    const kiosk = start({ displays: [tv, monitor], args: ['--chair-display', 'secondary', '--room', 'L108-A'] });
    const chair = await kiosk.windowOf('chair');
    const signage = await kiosk.windowOf('signage');
    expect(signage.options).toMatchObject({ ...tv.bounds, kiosk: true });
    expect(chair.options).toMatchObject({ ...monitor.bounds, kiosk: true });
    expect(
      kiosk.events('load').map((l) => new URL(l.url as string).pathname + new URL(l.url as string).search),
    ).toEqual(['/signage?room=L108-A', '/chair?room=L108-A']);
  });

  test('three displays: numbered from the primary, then left to right', async () => {
    // Order a person counts: 1 = tv (primary), 2 = portrait (x -1080), 3 = monitor (x 1920).
    const kiosk = start({
      displays: [tv, monitor, portrait],
      args: ['--signage-display', '3', '--chair-display', '2'],
    });
    expect((await kiosk.windowOf('signage')).options).toMatchObject(monitor.bounds);
    expect((await kiosk.windowOf('chair')).options).toMatchObject(portrait.bounds);
  });
});

describe('displays changing while the show runs', () => {
  test('a display rotated: the window on it is moved, not closed and reloaded', async () => {
    const kiosk = start({ displays: [tv, monitor], args: ['--chair-display', '2'] });
    const chair = await kiosk.windowOf('chair');
    const loadsBefore = kiosk.events('load').length;
    const rotated = { x: 1920, y: 0, width: 1024, height: 1280 };
    kiosk.send({ cmd: 'display-metrics', id: 20, bounds: rotated, rotation: 90 });
    await kiosk.until('the chair moved', () =>
      kiosk.events('bounds').find((e) => e.window === chair.id && (e.bounds as { height: number }).height === 1280),
    );
    expect(kiosk.events('destroy')).toEqual([]);
    expect(kiosk.events('load')).toHaveLength(loadsBefore);
    expect(kiosk.openWindows().map((w) => [w.view, w.id])).toEqual([
      ['signage', 1],
      ['chair', chair.id],
    ]);
  });

  test("the chair's display unplugged: the chair closes; plugged back: it opens again", async () => {
    const kiosk = start({ displays: [tv, monitor], args: ['--chair-display', '2'] });
    const chair = await kiosk.windowOf('chair');
    kiosk.send({ cmd: 'display-remove', id: 20 });
    await kiosk.until('the chair closed', () => kiosk.events('destroy').some((e) => e.window === chair.id));
    expect(kiosk.openWindows().map((w) => w.view)).toEqual(['signage']);
    kiosk.send({ cmd: 'display-add', display: monitor });
    const again = await kiosk.windowOf('chair');
    expect(again.options).toMatchObject(monitor.bounds);
  });

  test("the signage's display unplugged: the signage moves to the one left, without reloading", async () => {
    const kiosk = start({ displays: [tv, monitor] });
    const signage = await kiosk.windowOf('signage');
    kiosk.send({ cmd: 'display-remove', id: 10 });
    await kiosk.until('the signage moved', () =>
      kiosk.events('bounds').find((e) => e.window === signage.id && (e.bounds as { x: number }).x === 1920),
    );
    expect(kiosk.events('destroy')).toEqual([]);
    expect(kiosk.events('load')).toHaveLength(1);
  });
});

describe('a screen switched off and on again', () => {
  test('the only display gone (a TV switched off): the signage is kept, and is on the TV again when it is back', async () => {
    const kiosk = start({ displays: [tv] });
    const signage = await kiosk.windowOf('signage');
    kiosk.send({ cmd: 'display-remove', id: 10 });
    kiosk.send({ cmd: 'display-add', display: tv });
    await kiosk.until('the display back', () => kiosk.events('display-added')[0]);
    expect(kiosk.events('destroy')).toEqual([]);
    expect(kiosk.events('load')).toHaveLength(1);
    expect(kiosk.openWindows().map((w) => [w.view, w.id])).toEqual([['signage', signage.id]]);
  });

  test('started with no display yet (the TV still off): no window, no error; the signage opens when it appears', async () => {
    const kiosk = start({ displays: [] });
    await kiosk.until('ready', () => kiosk.events('ready')[0]);
    await new Promise((r) => setTimeout(r, 200));
    expect(kiosk.events('window')).toEqual([]);
    kiosk.send({ cmd: 'display-add', display: tv });
    expect((await kiosk.windowOf('signage')).options).toMatchObject({ ...tv.bounds, kiosk: true });
    expect(kiosk.stderr).toBe('');
  });
});

describe('a renderer that crashes or hangs', () => {
  test('a crashed renderer is reloaded after 1 s, then 2 s, then 4 s while it keeps crashing', async () => {
    const kiosk = start({ displays: [tv], timeScale: 0.02 });
    const { id } = await kiosk.windowOf('signage');
    for (let n = 1; n <= 3; n++) {
      kiosk.send({ cmd: 'gone', window: id });
      await kiosk.until(`reload ${n}`, () => kiosk.events('reload').length === n);
    }
    const lines = kiosk.stderr.split('\n').filter((l) => l.includes('renderer went away'));
    expect(lines).toEqual([
      "roomcue: the signage window's renderer went away (crashed, exit code 139); reloading in 1 s",
      "roomcue: the signage window's renderer went away (crashed, exit code 139); reloading in 2 s",
      "roomcue: the signage window's renderer went away (crashed, exit code 139); reloading in 4 s",
    ]);
  });

  test('two crash reports before the reload give one reload', async () => {
    const kiosk = start({ displays: [tv], timeScale: 0.02 });
    const { id } = await kiosk.windowOf('signage');
    kiosk.send({ cmd: 'gone', window: id });
    kiosk.send({ cmd: 'gone', window: id });
    await kiosk.until('a reload', () => kiosk.events('reload').length === 1);
    await new Promise((r) => setTimeout(r, 300)); // 15 s of shell time: a second timer would have fired
    expect(kiosk.events('reload')).toHaveLength(1);
  });

  test('a window that hangs twice and recovers is left alone', async () => {
    const kiosk = start({ displays: [tv], timeScale: 0.01 });
    const { id } = await kiosk.windowOf('signage');
    kiosk.send({ cmd: 'unresponsive', window: id });
    kiosk.send({ cmd: 'unresponsive', window: id });
    kiosk.send({ cmd: 'responsive', window: id });
    await new Promise((r) => setTimeout(r, 400)); // 40 s of shell time, past the 10 s grace
    expect(kiosk.events('crash')).toEqual([]);
  });

  test('a window that stays hung for 10 s is restarted once', async () => {
    const kiosk = start({ displays: [tv], timeScale: 0.01 });
    const { id } = await kiosk.windowOf('signage');
    kiosk.send({ cmd: 'unresponsive', window: id });
    kiosk.send({ cmd: 'unresponsive', window: id });
    await kiosk.until('a restart', () => kiosk.events('reload').length === 1);
    expect(kiosk.events('crash')).toHaveLength(1);
    expect(kiosk.stderr).toContain('roomcue: the signage window has not responded for 10 s; restarting it');
  });
});

describe('what a page may do', () => {
  test('a page gets no shell API: no preload, no IPC handler, so no frame can ask anything', async () => {
    const kiosk = start({ displays: [tv] });
    const { id, options } = await kiosk.windowOf('signage');
    expect(options.webPreferences).not.toHaveProperty('preload');
    for (const channel of ['roomcue', 'constructor', '__proto__']) {
      kiosk.send({ cmd: 'invoke', window: id, channel, args: ['control.open'], subframe: 'https://evil.example/' });
      kiosk.send({ cmd: 'invoke', window: id, channel, args: ['constructor'] });
    }
    await kiosk.until('six answers', () => kiosk.events('invoke').length === 6);
    expect(kiosk.events('invoke').map((e) => e.outcome)).toEqual(Array(6).fill('no handler'));
    expect(kiosk.events('ipc-handle')).toEqual([]);
    expect(kiosk.events('ipc-on')).toEqual([]);
    expect(kiosk.events('expose')).toEqual([]);
  });

  test('navigation elsewhere, new windows and permissions are refused', async () => {
    const kiosk = start({ displays: [tv] });
    const { id } = await kiosk.windowOf('signage');
    const own = new URL('/control', kiosk.events('load')[0]!.url as string).href;
    kiosk.send({ cmd: 'navigate', window: id, url: own });
    kiosk.send({ cmd: 'navigate', window: id, url: 'https://evil.example/' });
    kiosk.send({ cmd: 'open-window', window: id, url: own });
    kiosk.send({ cmd: 'permission', permission: 'media' });
    await kiosk.until('four answers', () => kiosk.events('permission').length === 1);
    expect(kiosk.events('navigate').map((e) => [e.url, e.allowed])).toEqual([
      [own, true],
      ['https://evil.example/', false],
    ]);
    expect(kiosk.events('open-window')[0]).toMatchObject({ action: 'deny' });
    expect(kiosk.events('permission')[0]).toMatchObject({ granted: false });
  });
});

describe('the control window', () => {
  test('Ctrl+Shift+C opens it, from the global shortcut or from a kiosk window with focus', async () => {
    const kiosk = start({ displays: [tv] });
    await kiosk.windowOf('signage');
    await kiosk.until('the shortcut', () => kiosk.events('shortcut')[0]);
    kiosk.send({ cmd: 'shortcut', accelerator: 'CommandOrControl+Shift+C' });
    const control = await kiosk.windowOf('control');
    expect(control.options).toMatchObject({ title: 'Roomcue control', kiosk: false });
    expect(kiosk.stderr).not.toMatch(/shortcut/);
  });

  test('when the global shortcut is refused (Wayland): the log says so, and the key still works in a window', async () => {
    const kiosk = start({ displays: [tv], shortcutsOk: false });
    const signage = await kiosk.windowOf('signage');
    await kiosk.until('the log line', () => kiosk.stderr.includes('Ctrl+Shift+C'));
    expect(kiosk.stderr).toMatch(
      /roomcue: the system refused the global shortcut Ctrl\+Shift\+C; press it in a Roomcue window, or open http:\/\/127\.0\.0\.1:\d+\/control/,
    );
    kiosk.send({ cmd: 'key', window: signage.id, input: { key: 'C', control: true, shift: true } });
    await kiosk.windowOf('control');
    expect(kiosk.events('key-handled')[0]).toMatchObject({ prevented: true });
  });
});

describe('Linux displays', () => {
  test('in a Wayland session with XWayland, windows are placed through X11 (--ozone-platform=x11)', async () => {
    const kiosk = start({
      displays: [tv],
      env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' },
    });
    await kiosk.windowOf('signage');
    expect(kiosk.events('switch')).toEqual([expect.objectContaining({ name: 'ozone-platform', value: 'x11' })]);
    // The switch is set before the app is ready, or Chromium has already chosen.
    const names = kiosk.events().map((e) => e.type);
    expect(names.indexOf('switch')).toBeLessThan(names.indexOf('ready'));
  });

  test('a platform chosen on the command line is kept', async () => {
    const kiosk = start({
      displays: [tv],
      args: ['--ozone-platform=wayland'],
      env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' },
    });
    await kiosk.windowOf('signage');
    expect(kiosk.events('switch')).toEqual([]);
  });

  test('Wayland without XWayland: a warning that windows may share one display', async () => {
    const kiosk = start({ displays: [tv], env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' } });
    await kiosk.windowOf('signage');
    expect(kiosk.events('switch')).toEqual([]);
    expect(kiosk.stderr).toContain('roomcue: native Wayland session without XWayland');
  });
});

describe('one instance, and quitting', () => {
  test('started again: the second copy hands over and leaves; the first shows its signage', async () => {
    const first = start({ displays: [tv] });
    const signage = await first.windowOf('signage');
    first.send({ cmd: 'second-instance' });
    await first.until('focus', () => first.events('focus').some((e) => e.window === signage.id));

    const second = start({ displays: [tv], singleInstance: false });
    expect(await second.exited).toBe(0);
    expect(second.events('window')).toEqual([]);
    expect(second.stderr).toBe('roomcue: already running; showing its window\n');
  });

  test('a PIN shorter than 6 characters on a network host: a warning at start, as roomcue serve gives', async () => {
    const short = start({ displays: [tv], args: ['--host', '0.0.0.0', '--pin', '2468'] });
    await short.windowOf('signage');
    expect(short.stderr).toContain(
      "roomcue: warning: a 4-character PIN on the network can be guessed within days even with the server's limits; use 6 digits or more (see docs/api.md, Security)",
    );
    short.kill();
    const long = start({ displays: [tv], args: ['--host', '0.0.0.0', '--pin', '246813'] });
    await long.windowOf('signage');
    expect(long.stderr).not.toMatch(/PIN/);
  });

  test('an imported export: what the import guessed is in the log at start', async () => {
    const kiosk = start({
      displays: [tv],
      args: ['--program', repoPath('tests/fixtures/import/pretalx-democon.json')],
    });
    await kiosk.windowOf('signage');
    expect(kiosk.stdout).toMatch(/^roomcue: \d+ notes on .*pretalx-democon\.json:$/m);
    expect(kiosk.stdout).toMatch(/^roomcue: {3}.*warning: guessed: time_zone_name is UTC but the dates are written/m);
  });

  test('quit waits for the show server to close before the app ends', async () => {
    const kiosk = start({ displays: [tv] });
    await kiosk.windowOf('signage');
    const url = kiosk.events('load')[0]!.url as string;
    kiosk.send({ cmd: 'quit' });
    expect(await kiosk.exited).toBe(0);
    const types = kiosk.events().map((e) => e.type);
    expect(types.slice(types.indexOf('quit-requested'))).toEqual([
      'quit-requested',
      'destroy',
      'quit-deferred',
      'quit-requested',
      'exit',
    ]);
    expect(kiosk.stdout).toContain('roomcue: show server closed');
    await expect(fetch(url)).rejects.toThrow();
  });
});

describe('the command line', () => {
  test('--help: the usage under the installed name, every option and the Chromium switches let through; exit 0, no window', async () => {
    const kiosk = start({ displays: [tv], args: ['--help'] });
    expect(await kiosk.exited).toBe(0);
    const lines = kiosk.stdout.split('\n');
    expect(lines[0]).toBe('Usage: roomcue [options]   (in development: npm start -- [options])');
    for (const flag of ['--program FILE', '--room ID', '--port N', '--signage-display D', '--chair-display D'])
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  ${flag}\\s{2,}\\S`)));
    expect(lines).toContainEqual(
      expect.stringMatching(/^Chromium switches passed through: --ozone-platform, .*--disable-gpu/),
    );
    expect(kiosk.stderr).toBe('');
    expect(kiosk.events('window')).toEqual([]);
    expect(kiosk.events('error-box')).toEqual([]);
  });

  test("Chromium's own switches among the app's flags are let through, and the app starts as asked", async () => {
    const kiosk = start({ displays: [tv], args: ['--disable-gpu', '--room', 'L108-A', '--enable-logging'] });
    await kiosk.windowOf('signage');
    expect(new URL(kiosk.events('load')[0]!.url as string).search).toBe('?room=L108-A');
    expect(kiosk.stderr).toBe('');
  });
});

describe('stopped by the system', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)(
    '%s (systemctl stop, Ctrl+C): the show server closes, then the app ends with 0',
    async (signal) => {
      const kiosk = start({ displays: [tv] });
      await kiosk.windowOf('signage');
      const url = kiosk.events('load')[0]!.url as string;
      kiosk.signal(signal);
      expect(await kiosk.exited).toBe(0);
      expect(kiosk.events().map((e) => e.type)).toContain('quit-deferred');
      expect(kiosk.stdout).toContain('roomcue: show server closed');
      await expect(fetch(url)).rejects.toThrow();
    },
  );
});

describe('startup errors: one line, an error box on the screen, exit 1 or 2', () => {
  let busy: Server;
  let busyPort: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    busyPort = (busy.address() as { port: number }).port;
    return () => void busy.close();
  });

  const broken = () => {
    const p = tinyProgram();
    p.sessions![0]!.items[1]!.end = '2026-06-29T09:10';
    const path = join(mkdtempSync(join(tmpdir(), 'roomcue-broken-')), 'broken.json');
    writeFileSync(path, JSON.stringify(p));
    return path;
  };

  const cases: { label: string; options: () => KioskOptions; code: number; line: RegExp }[] = [
    {
      label: 'a busy port',
      options: () => ({ args: ['--port', String(busyPort)] }),
      code: 2,
      line: /^port \d+ on 127\.0\.0\.1 is already in use: choose another with --port$/,
    },
    {
      label: 'a missing program',
      options: () => ({ args: ['--program', '/nowhere/program.json'] }),
      code: 2,
      line: /^cannot read program file \/nowhere\/program\.json: no such file$/,
    },
    {
      label: 'a broken program',
      options: () => ({ args: ['--program', broken()] }),
      code: 1,
      line: /^program file \S+broken\.json is not a valid program: sessions\[0\]\.items\[1\]: end 09:10 is before start 09:30; details: roomcue check \S+broken\.json$/,
    },
    {
      label: 'an unknown room',
      options: () => ({ args: ['--room', 'L109'] }),
      code: 2,
      line: /^unknown room "L109"; rooms: .*L108-A/,
    },
    {
      label: 'a misspelt flag',
      options: () => ({ args: ['--rom', 'L108-A'] }),
      code: 2,
      line: /^command line: unknown option --rom \(did you mean --room\?\); see roomcue --help$/,
    },
    {
      label: 'a flag without its value',
      options: () => ({ args: ['--room'] }),
      code: 2,
      line: /^command line: --room needs a value, e.g. --room L108-A; see roomcue --help$/,
    },
    {
      label: 'a config file that is not JSON',
      options: () => ({ config: '{ "room": "L108-A", }' }),
      code: 2,
      line: /^\S+config\.json: not valid JSON: .+$/,
    },
    {
      label: 'a config file with a wrong value',
      options: () => ({ config: { port: 'eighty' } }),
      code: 2,
      line: /^\S+config\.json: port: .+$/,
    },
  ];

  test.each(cases)('$label', async ({ options, code, line }) => {
    const base = options();
    const args = base.args?.includes('--port') ? base.args : ['--port', '0', ...(base.args ?? [])];
    const kiosk = new Kiosk({ displays: [tv], ...base, args });
    running.push(kiosk);
    expect(await kiosk.exited).toBe(code);
    const lines = kiosk.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^roomcue: cannot start: /);
    const message = lines[0]!.replace('roomcue: cannot start: ', '');
    expect(message).toMatch(line);
    const [box] = kiosk.events('error-box');
    expect(box).toMatchObject({ title: 'Roomcue cannot start' });
    expect(box!.content).toContain(message.split(/[:;]/)[0]);
    expect(kiosk.events('window')).toEqual([]);
  });
});
