// Kiosk configuration: flags over environment over the config file over defaults, each mistake named with its source.
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../electron/shell/config.ts';

const resolve = (argv: string[] = [], env: Record<string, string> = {}, file?: unknown) =>
  resolveConfig({ argv, env, file, fileName: '/home/kiosk/.config/Roomcue/config.json' });

describe('resolveConfig', () => {
  test('nothing given: the defaults (bundled program, primary display, loopback)', () => {
    expect(resolve()).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  test('flags win over the environment, which wins over the file', () => {
    const r = resolve(
      ['--room', 'L109', '--signage-display', '2'],
      { ROOMCUE_ROOM: 'L108-B', ROOMCUE_LANG: 'fr' },
      { room: 'L108-A', port: 5000, lang: 'en' },
    );
    expect(r).toMatchObject({ ok: true, config: { room: 'L109', lang: 'fr', port: 5000, signageDisplay: 2 } });
  });

  test("Electron's and Chromium's own switches are ignored", () => {
    expect(resolve(['--no-sandbox', '--enable-logging', '.', '--program', '/srv/p.json'])).toMatchObject({
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
