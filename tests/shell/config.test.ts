// Kiosk configuration: flags over environment over the config file over defaults, each mistake named with its source.
import { describe, expect, test } from 'vitest';
import { appArguments, configChairPins, DEFAULT_CONFIG, resolveConfig } from '../../electron/shell/config.ts';

const resolve = (argv: string[] = [], env: Record<string, string> = {}, file?: unknown) =>
  resolveConfig({
    argv,
    env,
    fileText: file === undefined ? undefined : JSON.stringify(file),
    fileName: '/home/kiosk/.config/Roomcue/config.json',
  });

describe('resolveConfig', () => {
  test('nothing given: the defaults (bundled program, primary display, loopback)', () => {
    expect(resolve()).toEqual({ ok: true, config: DEFAULT_CONFIG, help: false });
  });

  test('flags win over the environment, which wins over the file', () => {
    const r = resolve(
      ['--room', 'L109', '--signage-display', '2'],
      { ROOMCUE_ROOM: 'L108-B', ROOMCUE_LANG: 'fr' },
      { room: 'L108-A', port: 5000, lang: 'en' },
    );
    expect(r).toMatchObject({ ok: true, config: { room: 'L109', lang: 'fr', port: 5000, signageDisplay: 2 } });
  });

  test('the overtime policy: --overtime/--overtime-limit, ROOMCUE_OVERTIME or the file; a bad one is named', () => {
    expect(resolve(['--overtime', 'clock'], { ROOMCUE_OVERTIME_LIMIT: '5' })).toMatchObject({
      ok: true,
      config: { overtime: 'clock', overtimeLimit: 5 },
    });
    expect(resolve([], {}, { overtime: 'always' })).toMatchObject({ ok: true, config: { overtime: 'always' } });
    const bad = resolve(['--overtime', 'later']);
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors[0]).toMatch(/^command line: overtime: /);
  });

  test('a box that follows a central server: --server, ROOMCUE_SERVER or "server" in the file', () => {
    expect(resolve(['--server', 'http://192.168.1.10:4610'])).toMatchObject({
      ok: true,
      config: { server: 'http://192.168.1.10:4610' },
    });
    expect(resolve([], {}, { server: 'http://desk.local:4610/' })).toMatchObject({
      config: { server: 'http://desk.local:4610/' },
    });
    expect(resolve(['--server', 'desk:4610'])).toMatchObject({ ok: false });
  });

  test('chair PINs: --chair-pin, ROOMCUE_CHAIR_PIN, chairPin or chairPins in the file; they need the AV PIN', () => {
    const flag = resolve(['--pin', '246810', '--chair-pin', 'L108-A=135790']);
    expect(flag.ok && configChairPins(flag.config)).toEqual([{ room: 'L108-A', pin: '135790' }]);
    const file = resolve([], { ROOMCUE_PIN: '246810' }, { chairPin: '111111', chairPins: { 'L108-B': '222222' } });
    expect(file.ok && configChairPins(file.config)).toEqual([
      { room: null, pin: '111111' },
      { room: 'L108-B', pin: '222222' },
    ]);
    expect(resolve([], { ROOMCUE_CHAIR_PIN: '135790' })).toEqual({
      ok: false,
      errors: ['a chair PIN needs the AV PIN too: set pin (without it anybody may do everything)'],
    });
    const bad = resolve(['--pin', '246810', '--chair-pin', 'L108-A=']);
    expect(bad.ok ? [] : bad.errors[0]).toMatch(/^command line: chairPin: "L108-A=" is not PIN or ROOM=PIN/);
  });

  test("Electron's and Chromium's own switches are ignored", () => {
    expect(
      resolve(['--no-sandbox', '--enable-logging', '--program', '/srv/p.json', '--ozone-platform=x11']),
    ).toMatchObject({
      ok: true,
      config: { program: '/srv/p.json' },
    });
  });

  test.each([
    { label: 'a bad port flag', argv: ['--port', 'eighty'], error: /command line: port: .*number/ },
    { label: 'an unknown language', env: { ROOMCUE_LANG: 'de' }, error: /environment: lang/ },
    { label: 'a misspelt key in the file', file: { rooom: 'A' }, error: /config\.json: .*rooom/ },
    { label: 'a short PIN', argv: ['--pin', '12'], error: /pin: a PIN is 4 to 64 characters/ },
    { label: 'a LAN host without a PIN', argv: ['--host', '0.0.0.0'], error: /host 0\.0\.0\.0 .* set a pin/ },
    { label: 'display 0', argv: ['--chair-display', '0'], error: /chairDisplay/ },
  ])('$label is refused with its source', ({ argv = [], env = {}, file, error }) => {
    const r = resolve(argv, env, file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(error);
  });
});

describe('appArguments', () => {
  test.each([
    { label: 'electron . --port 0', argv: ['/x/electron', '.', '--port', '0'], packaged: false, args: ['--port', '0'] },
    {
      label: "Playwright's launch: its switches first, then the app folder",
      argv: ['/x/electron', '--inspect=0', '--remote-debugging-port=0', '/repo', '--room', 'A'],
      packaged: false,
      args: ['--room', 'A'],
    },
    { label: 'the packaged app', argv: ['/opt/Roomcue/roomcue', '--room', 'A'], packaged: true, args: ['--room', 'A'] },
    { label: 'a stray word stays, to be refused', argv: ['/opt/roomcue', 'L108'], packaged: true, args: ['L108'] },
  ])('$label', ({ argv, packaged, args }) => expect(appArguments(argv, packaged)).toEqual(args));
});

describe('strict flags', () => {
  test.each([
    { label: 'a misspelt flag', argv: ['--rom', 'L109'], error: 'unknown option --rom (did you mean --room?)' },
    { label: 'a swapped letter', argv: ['--prot', '80'], error: 'unknown option --prot (did you mean --port?)' },
    { label: 'a bare --port', argv: ['--port'], error: '--port needs a value, e.g. --port 4610' },
    { label: 'a value for --help', argv: ['--help=yes'], error: '--help takes no value' },
    { label: 'a stray word', argv: ['L109'], error: 'unexpected argument "L109"' },
    { label: 'an unknown Chromium-looking switch', argv: ['--kiosk-mode'], error: 'unknown option --kiosk-mode' },
  ])('$label', ({ argv, error }) => {
    expect(resolve(argv)).toEqual({ ok: false, errors: [`command line: ${error}; see roomcue --help`] });
  });

  test('--help asks for the usage', () => expect(resolve(['--help'])).toMatchObject({ ok: true, help: true }));
});
