// `npm start` on a machine where Electron's binary is missing and cannot be fetched: three lines saying what to do.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { repoPath } from '../helpers.ts';

vi.setConfig({ testTimeout: 60_000 });

const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, [repoPath('scripts/start.mjs'), '--room', 'L108-A'], {
    cwd: repoPath('.'),
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'roomcue-start-')), ...env },
  });

const whatToDo = [
  '  1. connect to the internet once and run "npm start" again (Electron 45.5.0 is then kept);',
  '  2. set ELECTRON_MIRROR to a mirror you can reach, or ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45.5.0;',
  '  3. or use browser screens without Electron: "npx roomcue serve", then open the URLs it prints.',
];

const installed = existsSync(repoPath('node_modules/electron/dist'));
if (installed)
  console.warn('Electron is installed here: the offline npm start test is skipped (it would start the app)');

describe("npm start without Electron's binary", () => {
  test.skipIf(installed)('offline: exit 1, what happened and the three ways on', () => {
    const r = start({
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: mkdtempSync(join(tmpdir(), 'roomcue-electron-cache-')),
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'roomcue: fetching Electron 45.5.0 (once)…',
      "roomcue: cannot start the kiosk app: Electron's binary is not installed and could not be downloaded (no connection to its server). Either:",
      ...whatToDo,
    ]);
    expect(r.stdout).toBe('');
  });

  test('ELECTRON_OVERRIDE_DIST_PATH pointing at nothing: said so, nothing fetched', () => {
    const r = start({ ELECTRON_OVERRIDE_DIST_PATH: '/nowhere/electron' });
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'roomcue: cannot start the kiosk app: ELECTRON_OVERRIDE_DIST_PATH=/nowhere/electron has no Electron executable. Either:',
      ...whatToDo,
    ]);
  });
});
