// The real kiosk app through Playwright's Electron driver: it runs wherever an Electron binary exists.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { repoPath } from '../helpers.ts';

const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? repoPath('node_modules/electron/dist');
const binary = [
  join(distDir, 'electron'),
  join(distDir, 'electron.exe'),
  join(distDir, 'Electron.app/Contents/MacOS/Electron'),
].find(existsSync);
const skipReason = binary
  ? null
  : `no Electron binary in ${distDir} (set ELECTRON_OVERRIDE_DIST_PATH, or run npm start once with internet): Electron app tests skipped`;
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)('the kiosk app', () => {
  test('opens the signage full screen, and reloads it after its renderer crashes', async () => {
    execFileSync('npm', ['run', '-s', 'build:electron'], { cwd: repoPath('.'), stdio: 'inherit' });
    const app = await _electron.launch({
      executablePath: binary!,
      args: [repoPath('.'), '--port', '0'],
      env: { ...process.env, ROOMCUE_STATE_DIR: mkdtempSync(join(tmpdir(), 'roomcue-electron-')) },
    });
    try {
      const win = await app.firstWindow();
      await win.waitForSelector('main');
      expect(win.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/signage/);
      expect(await win.textContent('body')).toContain('DP2E-AI 2026');
      await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer(),
      );
      await expect
        .poll(async () => (await app.firstWindow()).textContent('body').catch(() => ''), { timeout: 15_000 })
        .toContain('DP2E-AI 2026');
    } finally {
      await app.close();
    }
  });
});
