// A stand-in for the `electron` module, for running the built shell (dist-electron/main.js) under plain Node.
// It behaves like Electron where the shell can tell (events, return values, quitting), writes everything the shell
// does to STANDIN_LOG (one JSON object a line, written synchronously so nothing is lost when the app exits), and
// takes commands from the test over the process's IPC channel (a display plugged in, a renderer crash, a quit).
import { appendFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { setImmediate } from 'node:timers';

const scenario = JSON.parse(process.env.STANDIN_SCENARIO ?? '{}');
// Electron's process.argv has no script path: [executable, app path, ...arguments] when run as `electron .`.
process.argv.splice(1, 1);
const logFile = process.env.STANDIN_LOG;

function record(event) {
  if (logFile) appendFileSync(logFile, `${JSON.stringify({ t: Date.now(), ...event })}\n`);
}

// ---- displays ----
let displays = (scenario.displays ?? [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }]).map(toDisplay);
let primaryId = (scenario.displays?.find((d) => d.primary) ?? displays[0])?.id;

function toDisplay(d) {
  return {
    id: d.id,
    bounds: { ...d.bounds },
    workArea: { ...d.bounds },
    size: { width: d.bounds.width, height: d.bounds.height },
    scaleFactor: d.scaleFactor ?? 1,
    rotation: d.rotation ?? 0,
    internal: false,
  };
}

class Screen extends EventEmitter {
  getAllDisplays() {
    return displays.map((d) => ({ ...d, bounds: { ...d.bounds } }));
  }
  getPrimaryDisplay() {
    return this.getAllDisplays().find((d) => d.id === primaryId) ?? this.getAllDisplays()[0];
  }
}
export const screen = new Screen();

// ---- windows ----
let nextId = 1;
const allWindows = new Set();

class WebContents extends EventEmitter {
  constructor(win) {
    super();
    this.id = win.id;
    this.win = win;
    this.url = '';
    this.destroyed = false;
    this.mainFrame = { url: '', parent: null, top: null };
    this.mainFrame.top = this.mainFrame;
  }
  loadURL(url) {
    this.url = url;
    this.mainFrame.url = url;
    record({ type: 'load', window: this.id, url });
    setImmediate(() => !this.win.destroyed && this.win.emit('ready-to-show'));
    return Promise.resolve();
  }
  getURL() {
    return this.url;
  }
  reload() {
    record({ type: 'reload', window: this.id });
  }
  forcefullyCrashRenderer() {
    record({ type: 'crash', window: this.id });
    setImmediate(() => this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 }));
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    this.id = nextId++;
    this.options = options;
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.kiosk = options.kiosk === true;
    this.fullScreen = options.fullscreen === true;
    this.destroyed = false;
    this.webContents = new WebContents(this);
    allWindows.add(this);
    record({ type: 'window', window: this.id, options: { ...options, webPreferences: { ...options.webPreferences } } });
  }
  static getAllWindows() {
    return [...allWindows];
  }
  static fromWebContents(contents) {
    return [...allWindows].find((w) => w.webContents === contents) ?? null;
  }
  loadURL(url) {
    return this.webContents.loadURL(url);
  }
  show() {
    record({ type: 'show', window: this.id });
  }
  focus() {
    record({ type: 'focus', window: this.id });
  }
  restore() {}
  isMinimized() {
    return false;
  }
  reload() {
    this.webContents.reload();
  }
  setBounds(bounds) {
    this.bounds = { ...this.bounds, ...bounds };
    record({ type: 'bounds', window: this.id, bounds: this.bounds });
  }
  getBounds() {
    return { ...this.bounds };
  }
  setKiosk(on) {
    this.kiosk = on;
    record({ type: 'kiosk', window: this.id, on });
  }
  isKiosk() {
    return this.kiosk;
  }
  setFullScreen(on) {
    this.fullScreen = on;
    record({ type: 'fullscreen', window: this.id, on });
  }
  isFullScreen() {
    return this.fullScreen;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    allWindows.delete(this);
    record({ type: 'destroy', window: this.id });
    this.emit('closed');
  }
  close() {
    this.destroy();
  }
}

// ---- the rest of the main-process API the shell uses ----
const handlers = new Map();
export const ipcMain = {
  handle(channel, fn) {
    handlers.set(channel, fn);
    record({ type: 'ipc-handle', channel });
  },
  on(channel, fn) {
    handlers.set(channel, fn);
    record({ type: 'ipc-on', channel });
  },
  removeHandler(channel) {
    handlers.delete(channel);
  },
};

const shortcuts = new Map();
export const globalShortcut = {
  register(accelerator, fn) {
    const ok = scenario.shortcutsOk !== false;
    if (ok) shortcuts.set(accelerator, fn);
    record({ type: 'shortcut', accelerator, ok });
    return ok;
  },
  isRegistered: (accelerator) => shortcuts.has(accelerator),
  unregisterAll() {
    shortcuts.clear();
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(fn) {
      this.permissionRequest = fn;
      record({ type: 'permission-request-handler' });
    },
    setPermissionCheckHandler(fn) {
      this.permissionCheck = fn;
      record({ type: 'permission-check-handler' });
    },
  },
};

export const powerSaveBlocker = {
  start(type) {
    record({ type: 'power-save-blocker', kind: type });
    return 1;
  },
};

export const dialog = {
  /**
   * Like Electron: a modal box once the app is ready. Before that, on Linux, Electron shows no box and writes the
   * title and content to stderr instead (its documentation of dialog.showErrorBox says so).
   */
  showErrorBox(title, content) {
    if (!app.isReady() && process.platform === 'linux') {
      process.stderr.write(`${title}\n${content}\n`);
      return record({ type: 'error-box-on-stderr', title, content });
    }
    record({ type: 'error-box', title, content });
  },
};

export const contextBridge = { exposeInMainWorld: (key) => record({ type: 'expose', key }) };
export const ipcRenderer = { invoke: () => Promise.resolve() };

const switches = new Map();
class App extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = scenario.isPackaged === true;
    this.ready = false;
    this.quitting = false;
    this.commandLine = {
      appendSwitch(name, value) {
        switches.set(name, value ?? '');
        record({ type: 'switch', name, value: value ?? '' });
      },
      hasSwitch: (name) =>
        switches.has(name) || process.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`)),
      getSwitchValue(name) {
        if (switches.has(name)) return switches.get(name);
        const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
        return arg ? arg.slice(name.length + 3) : '';
      },
    };
    // Electron emits `ready` once the main script has run its first turn.
    setImmediate(() => {
      this.ready = true;
      record({ type: 'ready' });
      this.emit('ready');
    });
  }
  whenReady() {
    return this.ready ? Promise.resolve() : new Promise((r) => this.once('ready', () => r()));
  }
  isReady() {
    return this.ready;
  }
  getPath(name) {
    if (name === 'userData') return scenario.userData;
    return scenario.userData;
  }
  getAppPath() {
    return scenario.appPath;
  }
  getName() {
    return 'Roomcue';
  }
  getVersion() {
    return '0.0.0-stand-in';
  }
  requestSingleInstanceLock() {
    const ok = scenario.singleInstance !== false;
    record({ type: 'single-instance-lock', ok });
    return ok;
  }
  /** Like Electron: leaves at once with this code, no events. */
  exit(code = 0) {
    record({ type: 'exit', code });
    process.exit(code);
  }
  /** Like Electron: before-quit, will-quit (either can be prevented), then the process ends with code 0. */
  quit() {
    record({ type: 'quit-requested' });
    const before = preventable();
    this.emit('before-quit', before.event);
    if (before.prevented()) return;
    for (const win of [...allWindows]) win.destroy();
    const will = preventable();
    this.emit('will-quit', will.event);
    if (will.prevented()) {
      record({ type: 'quit-deferred' });
      return;
    }
    this.emit('quit', {}, 0);
    record({ type: 'exit', code: 0 });
    process.exit(0);
  }
}

function preventable() {
  let prevented = false;
  return { event: { preventDefault: () => (prevented = true) }, prevented: () => prevented };
}

export const app = new App();

// ---- commands from the test ----
function windowById(id) {
  const win = [...allWindows].find((w) => w.id === id);
  if (!win) throw new Error(`stand-in: no window ${id}`);
  return win;
}

const commands = {
  'display-add'({ display }) {
    const d = toDisplay(display);
    displays.push(d);
    screen.emit('display-added', {}, d);
    record({ type: 'display-added', id: d.id }); // after the shell's listeners have run
  },
  'display-remove'({ id }) {
    const d = displays.find((x) => x.id === id);
    displays = displays.filter((x) => x.id !== id);
    if (primaryId === id) primaryId = displays[0]?.id;
    screen.emit('display-removed', {}, d);
    record({ type: 'display-removed', id: d.id }); // after the shell's listeners have run
  },
  'display-metrics'({ id, bounds, rotation, scaleFactor }) {
    const d = displays.find((x) => x.id === id);
    const changed = [];
    if (bounds) {
      d.bounds = { ...bounds };
      d.workArea = { ...bounds };
      d.size = { width: bounds.width, height: bounds.height };
      changed.push('bounds', 'workArea');
    }
    if (rotation !== undefined) {
      d.rotation = rotation;
      changed.push('rotation');
    }
    if (scaleFactor !== undefined) {
      d.scaleFactor = scaleFactor;
      changed.push('scaleFactor');
    }
    screen.emit('display-metrics-changed', {}, d, changed);
    record({ type: 'display-metrics-changed', id: d.id }); // after the shell's listeners have run
  },
  gone({ window, reason = 'crashed' }) {
    windowById(window).webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });
  },
  unresponsive({ window }) {
    windowById(window).emit('unresponsive');
  },
  responsive({ window }) {
    windowById(window).emit('responsive');
  },
  'second-instance'({ argv = [] }) {
    app.emit('second-instance', {}, argv, process.cwd(), {});
  },
  quit() {
    app.quit();
  },
  /** A key pressed while a window has focus (webContents' before-input-event). */
  key({ window, input }) {
    const event = preventable();
    windowById(window).webContents.emit('before-input-event', event.event, { type: 'keyDown', ...input });
    record({ type: 'key-handled', window, prevented: event.prevented() });
  },
  shortcut({ accelerator }) {
    shortcuts.get(accelerator)?.();
  },
  navigate({ window, url }) {
    const event = preventable();
    windowById(window).webContents.emit('will-navigate', event.event, url);
    record({ type: 'navigate', window, url, allowed: !event.prevented() });
  },
  'open-window'({ window, url }) {
    const handler = windowById(window).webContents.windowOpenHandler;
    record({ type: 'open-window', window, url, action: handler ? handler({ url }).action : 'allow' });
  },
  async permission({ permission }) {
    const handler = session.defaultSession.permissionRequest;
    const granted = handler ? await new Promise((r) => handler({}, permission, r, {})) : true;
    record({ type: 'permission', permission, granted });
  },
  /** ipcRenderer.invoke from a frame (main frame of a window unless `frameUrl` is a subframe's). */
  async invoke({ window, channel, args = [], subframe }) {
    const fn = handlers.get(channel);
    if (!fn) return record({ type: 'invoke', channel, outcome: 'no handler' });
    const contents = windowById(window).webContents;
    const senderFrame = subframe
      ? { url: subframe, parent: contents.mainFrame, top: contents.mainFrame }
      : contents.mainFrame;
    try {
      await fn({ sender: contents, senderFrame, frameId: subframe ? 2 : 1 }, ...args);
      record({ type: 'invoke', channel, outcome: 'ok' });
    } catch (err) {
      record({
        type: 'invoke',
        channel,
        outcome: 'refused',
        message: err instanceof Error ? err.message : String(err),
      });
    }
  },
};

process.on('message', (message) => {
  const command = commands[message?.cmd];
  if (!command) return record({ type: 'stand-in-error', message: `unknown command ${message?.cmd}` });
  Promise.resolve()
    .then(() => command(message))
    .catch((err) => record({ type: 'stand-in-error', message: String(err) }));
});
// The IPC channel must not keep a quitting app alive, nor end it: Electron's life ends with quit() or exit().
process.channel?.unref();
