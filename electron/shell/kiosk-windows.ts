// The kiosk's windows: one per planned view, kept on its display as displays come and go, kept alive through
// renderer crashes (reload with backoff) and hangs (restart after a grace), locked to the local server.
import { BrowserWindow, screen, type WebContents } from 'electron';
import { isOwnOrigin, describeGone } from './navigation.ts';
import { diffPlans, planWindows, type DisplayInfo, type WindowPlan } from './plan-windows.ts';
import { HANG_GRACE_MS, nextReload } from './recovery.ts';
import type { KioskConfig } from './config.ts';

/** No preload: the views need nothing from the shell, so a page can ask it for nothing. */
export const webPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** Nothing leaves the local server: no navigation elsewhere, no new windows. */
export function lockDown(contents: WebContents, serverUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnOrigin(url, serverUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

interface Kept {
  win: BrowserWindow;
  plan: WindowPlan;
}

export class KioskWindows {
  private readonly kept = new Map<WindowPlan['view'], Kept>();

  constructor(
    private readonly config: KioskConfig,
    private readonly serverUrl: string,
    /** Called for every window opened, e.g. to add the in-window control shortcut. */
    private readonly onOpen: (win: BrowserWindow) => void,
  ) {}

  /** The signage window, if open (for a second start of the app to bring forward). */
  get signage(): BrowserWindow | undefined {
    return this.kept.get('signage')?.win;
  }

  /**
   * Puts each view on its display for the displays there are now. With no display at all (the only screen switched
   * off or unplugged) the windows are kept as they are, to be moved when a display is back, not closed and reloaded.
   */
  replan(): void {
    const all = screen.getAllDisplays();
    if (all.length === 0) return;
    const primary = screen.getPrimaryDisplay()?.id;
    const displays: DisplayInfo[] = all.map((d) => ({ id: d.id, bounds: d.bounds, primary: d.id === primary }));
    const next = planWindows(displays, this.config);
    const { close, move, open } = diffPlans(
      [...this.kept.values()].map((k) => k.plan),
      next,
    );
    for (const plan of close) this.kept.get(plan.view)?.win.destroy();
    for (const plan of move) this.move(this.kept.get(plan.view)!, plan);
    for (const plan of open) this.open(plan);
  }

  private move(kept: Kept, plan: WindowPlan): void {
    // Out of kiosk (full screen) while the bounds change, or the window manager keeps the old size and display.
    kept.win.setKiosk(false);
    kept.win.setBounds(plan.bounds);
    kept.win.setKiosk(true);
    kept.plan = plan;
  }

  private open(plan: WindowPlan): void {
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
    lockDown(win.webContents, this.serverUrl);
    win.once('ready-to-show', () => win.show());
    this.keepAlive(win, plan.view);
    win.on('closed', () => {
      if (this.kept.get(plan.view)?.win === win) this.kept.delete(plan.view);
    });
    this.kept.set(plan.view, { win, plan });
    this.onOpen(win);
    void win.loadURL(`${this.serverUrl}${plan.path}`);
  }

  /** One reload timer and one hang timer per window at most, whatever the renderer reports in between. */
  private keepAlive(win: BrowserWindow, view: string): void {
    let crashes: number[] = [];
    let reload: ReturnType<typeof setTimeout> | undefined;
    let hang: ReturnType<typeof setTimeout> | undefined;
    win.webContents.on('render-process-gone', (_event, details) => {
      if (reload) return;
      const next = nextReload(crashes, Date.now());
      crashes = next.history;
      console.error(`${describeGone(view, details)} in ${next.delayMs / 1000} s`);
      reload = setTimeout(() => {
        reload = undefined;
        if (!win.isDestroyed()) win.webContents.reload();
      }, next.delayMs);
    });
    win.on('unresponsive', () => {
      if (hang) return;
      hang = setTimeout(() => {
        hang = undefined;
        if (win.isDestroyed()) return;
        console.error(`roomcue: the ${view} window has not responded for ${HANG_GRACE_MS / 1000} s; restarting it`);
        win.webContents.forcefullyCrashRenderer();
      }, HANG_GRACE_MS);
    });
    win.on('responsive', () => {
      clearTimeout(hang);
      hang = undefined;
    });
    win.on('closed', () => {
      clearTimeout(reload);
      clearTimeout(hang);
    });
  }
}
