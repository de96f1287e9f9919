// The Electron shell (thin): starts the show server in-process, puts the views on the displays, keeps them alive.
import {
  app,
  BrowserWindow,
  ipcMain,
  powerSaveBlocker,
  screen,
  session,
  globalShortcut,
  type WebContents,
} from 'electron';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startShow, type RunningShow } from '../../server/start-show.ts';
import { resolveConfig, type KioskConfig } from './config.ts';
import { parseIpc } from './ipc-contract.ts';
import { describeGone, isOwnOrigin } from './navigation.ts';
import { diffPlans, planWindows, type DisplayInfo, type WindowPlan } from './plan-windows.ts';

const windows = new Map<BrowserWindow, WindowPlan>();
let control: BrowserWindow | null = null;
let running: RunningShow | null = null;

function readConfig(): KioskConfig {
  const fileName = join(app.getPath('userData'), 'config.json');
  let file: unknown;
  try {
    file = JSON.parse(readFileSync(fileName, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') file = { unreadable: String(err) };
  }
  const result = resolveConfig({ argv: process.argv.slice(app.isPackaged ? 1 : 2), env: process.env, file, fileName });
  if (!result.ok) {
    console.error(`roomcue: bad configuration:\n  ${result.errors.join('\n  ')}`);
    app.exit(2);
    throw new Error('bad configuration');
  }
  return result.config;
}

function bundledProgram(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'data', 'dp2e-ai-2026.json')
    : join(app.getAppPath(), 'data', 'dp2e-ai-2026.json');
}

const webPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  preload: join(dirname(fileURLToPath(import.meta.url)), 'preload.cjs'),
};

/** Nothing leaves the local server: no navigation elsewhere, no new windows, no permissions. */
function lockDown(contents: WebContents, serverUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnOrigin(url, serverUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function openView(plan: WindowPlan, serverUrl: string): BrowserWindow {
  const win = new BrowserWindow({
    ...plan.bounds,
    kiosk: true,
    fullscreen: true,
    frame: false,
    backgroundColor: '#05070a',
    autoHideMenuBar: true,
    show: false,
    webPreferences,
  });
  lockDown(win.webContents, serverUrl);
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(describeGone(plan.view, details));
    setTimeout(() => !win.isDestroyed() && win.reload(), 1000);
  });
  let hung: ReturnType<typeof setTimeout> | undefined;
  win.on('unresponsive', () => {
    hung = setTimeout(() => {
      console.error(`roomcue: the ${plan.view} window is not responding; reloading`);
      win.webContents.forcefullyCrashRenderer();
    }, 10_000);
  });
  win.on('responsive', () => clearTimeout(hung));
  win.on('closed', () => windows.delete(win));
  void win.loadURL(`${serverUrl}${plan.path}`);
  windows.set(win, plan);
  return win;
}

function replan(config: KioskConfig, serverUrl: string): void {
  const displays: DisplayInfo[] = screen.getAllDisplays().map((d) => ({
    id: d.id,
    bounds: d.bounds,
    primary: d.id === screen.getPrimaryDisplay().id,
  }));
  const { close, open } = diffPlans([...windows.values()], planWindows(displays, config));
  for (const [win, plan] of windows) if (close.includes(plan)) win.destroy();
  for (const plan of open) openView(plan, serverUrl);
}

function openControl(serverUrl: string, room: string | null): void {
  if (control && !control.isDestroyed()) return control.focus();
  control = new BrowserWindow({ width: 1400, height: 900, title: 'Roomcue control', webPreferences });
  lockDown(control.webContents, serverUrl);
  void control.loadURL(`${serverUrl}/control${room ? `?room=${encodeURIComponent(room)}` : ''}`);
}

async function onReady(): Promise<void> {
  const config = readConfig();
  running = await startShow({
    programFile: config.program ?? bundledProgram(),
    room: config.room ?? undefined,
    host: config.host,
    port: config.port,
    pin: config.pin,
    stateDir: config.stateDir ?? join(app.getPath('userData'), 'state'),
    staticDir: join(app.getAppPath(), 'dist'),
  });
  const serverUrl = running.server.url;
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  powerSaveBlocker.start('prevent-display-sleep');
  replan(config, serverUrl);
  for (const event of ['display-added', 'display-removed', 'display-metrics-changed'] as const) {
    screen.on(event as 'display-added', () => replan(config, serverUrl));
  }
  globalShortcut.register('CommandOrControl+Shift+C', () => openControl(serverUrl, config.room));
  ipcMain.handle('roomcue', (event, command: string, ...args: unknown[]) => {
    // Only our own windows, showing our own server, may ask.
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win || !isOwnOrigin(event.senderFrame?.url ?? '', serverUrl)) throw new Error('not allowed');
    const parsed = parseIpc(command, args);
    if (!parsed.ok) throw new Error(parsed.message);
    if (parsed.command === 'control.open') openControl(serverUrl, config.room);
    if (parsed.command === 'window.fullscreen') win.setFullScreen(args[0] === true);
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => [...windows.keys()][0]?.focus());
  app.on('window-all-closed', () => {
    /* a kiosk keeps running; displays may come back */
  });
  app.on('will-quit', () => {
    globalShortcut.unregisterAll();
    void running?.close();
  });
  app.whenReady().then(onReady, (err: unknown) => {
    console.error('roomcue: cannot start:', err instanceof Error ? err.message : err);
    app.exit(1);
  });
}
