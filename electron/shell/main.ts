// The Electron shell (thin): starts the show server in-process, puts the views on the displays, keeps them alive,
// and when it cannot start says why in one line, in an error box on the screen, and with exit code 1 or 2.
import { app, BrowserWindow, dialog, globalShortcut, powerSaveBlocker, screen, session } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shortPinWarning } from '../../server/auth.ts';
import { programNoteLines } from '../../server/program/program-notes.ts';
import { startShow, type RunningShow } from '../../server/start-show.ts';
import { appArguments, configChairPins, KIOSK_USAGE, resolveConfig, type KioskConfig } from './config.ts';
import { KioskWindows, lockDown, webPreferences } from './kiosk-windows.ts';
import { chooseOzonePlatform } from './linux-display.ts';
import { ConfigError, describeStartupError } from './startup-error.ts';

const CONTROL_SHORTCUT = 'CommandOrControl+Shift+C';

let running: RunningShow | null = null;
let kiosk: KioskWindows | null = null;
let control: BrowserWindow | null = null;

/** The configuration, or null when --help was asked (and printed). */
function readConfig(): KioskConfig | null {
  const fileName = join(app.getPath('userData'), 'config.json');
  let fileText: string | undefined;
  try {
    fileText = readFileSync(fileName, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new ConfigError(`${fileName}: cannot read: ${code ?? String(err)}`);
  }
  const result = resolveConfig({
    argv: appArguments(process.argv, app.isPackaged),
    env: process.env,
    fileText,
    fileName,
  });
  if (!result.ok) throw new ConfigError(result.errors.join('; '));
  if (result.help) {
    console.log(KIOSK_USAGE);
    return null;
  }
  return result.config;
}

function bundledProgram(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'data', 'dp2e-ai-2026.json')
    : join(app.getAppPath(), 'data', 'dp2e-ai-2026.json');
}

/** Must run before the app is ready: Chromium picks its display platform then. */
function setupLinuxDisplay(): void {
  const choice = chooseOzonePlatform(process.platform, process.env, process.argv);
  if (choice.platform) app.commandLine.appendSwitch('ozone-platform', choice.platform);
  if (choice.warning) console.error(choice.warning);
}

function openControl(serverUrl: string, room: string | null): void {
  if (control && !control.isDestroyed()) return control.focus();
  control = new BrowserWindow({ width: 1400, height: 900, title: 'Roomcue control', kiosk: false, webPreferences });
  lockDown(control.webContents, serverUrl);
  void control.loadURL(`${serverUrl}/control${room ? `?room=${encodeURIComponent(room)}` : ''}`);
}

/** Ctrl+Shift+C: system-wide when the system allows it, and always inside Roomcue's own windows. */
function setupControlShortcut(serverUrl: string, config: KioskConfig): (win: BrowserWindow) => void {
  const open = () => openControl(serverUrl, config.room);
  if (!globalShortcut.register(CONTROL_SHORTCUT, open)) {
    console.error(
      `roomcue: the system refused the global shortcut Ctrl+Shift+C; press it in a Roomcue window, or open ${serverUrl}/control`,
    );
  }
  return (win) =>
    win.webContents.on('before-input-event', (event, input) => {
      const c = input.key.toLowerCase() === 'c' && input.shift && (input.control || input.meta);
      if (input.type === 'keyDown' && c) {
        event.preventDefault();
        open();
      }
    });
}

async function start(config: KioskConfig): Promise<void> {
  const pinWarning = shortPinWarning(config.host, config.pin);
  if (pinWarning) console.error(`roomcue: ${pinWarning}`);
  running = await startShow({
    programFile: config.program ?? bundledProgram(),
    room: config.room ?? undefined,
    host: config.host,
    port: config.port,
    pin: config.pin,
    chairPins: configChairPins(config),
    stateDir: config.stateDir ?? join(app.getPath('userData'), 'state'),
    overtime: { policy: config.overtime, limitMinutes: config.overtimeLimit },
    central: config.server ?? undefined,
    staticDir: join(app.getAppPath(), 'dist'),
  });
  const serverUrl = running.server.url;
  // What an imported export's conversion guessed, for whoever reads the log (journalctl).
  for (const line of programNoteLines(running.watcher.current.diagnostics, config.program ?? 'the bundled program')) {
    console.log(`roomcue: ${line}`);
  }
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  powerSaveBlocker.start('prevent-display-sleep');
  const addShortcut = setupControlShortcut(serverUrl, config);
  kiosk = new KioskWindows(config, serverUrl, addShortcut);
  kiosk.replan();
  for (const event of ['display-added', 'display-removed', 'display-metrics-changed'] as const) {
    screen.on(event as 'display-added', () => kiosk?.replan());
  }
}

function fail(err: unknown, config: KioskConfig | null): void {
  const failure = describeStartupError(err, { host: config?.host ?? '127.0.0.1', port: config?.port ?? 0 });
  console.error(`roomcue: cannot start: ${failure.line}`);
  // On a kiosk nobody reads the terminal: the screen says it too. Before the app is ready Electron shows no box on
  // Linux (it writes the text to stderr), so a bad flag or config.json waits for ready to be shown.
  void app.whenReady().then(() => {
    dialog.showErrorBox('Roomcue cannot start', failure.detail);
    app.exit(failure.exitCode);
  });
}

/** The app ends only once the show server has closed (screens told, state written), also when systemd stops it. */
function setupQuit(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => app.quit());
  let closing = false;
  app.on('will-quit', (event) => {
    globalShortcut.unregisterAll();
    const show = running;
    if (!show) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const done = () => {
      running = null;
      console.log('roomcue: show server closed');
      app.quit();
    };
    const giveUp = setTimeout(done, 5000);
    show
      .close()
      .catch((err: unknown) => console.error(`roomcue: closing the show server: ${String(err)}`))
      .finally(() => {
        clearTimeout(giveUp);
        done();
      });
  });
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    console.error('roomcue: already running; showing its window');
    app.quit();
    return;
  }
  let config: KioskConfig | null;
  try {
    config = readConfig();
  } catch (err) {
    fail(err, null);
    return;
  }
  if (!config) return app.exit(0);
  setupLinuxDisplay();
  app.on('second-instance', () => {
    const win = kiosk?.signage;
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => {
    /* a kiosk keeps running; displays may come back */
  });
  setupQuit();
  app
    .whenReady()
    .then(() => start(config!))
    .catch((err: unknown) => fail(err, config));
}

main();
