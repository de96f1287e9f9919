// Where windows can be placed on Linux. Under native Wayland (Electron's default in a Wayland session since 38.2) a
// client cannot choose the display of its windows, so signage and chair would open on the same screen; through
// XWayland (Chromium's X11 platform) it can. Pure: decides the switch to set before the app is ready.

export interface OzoneChoice {
  /** The --ozone-platform value to append, if any. */
  platform?: 'x11';
  /** A line for the log when placement cannot be guaranteed. */
  warning?: string;
}

export function chooseOzonePlatform(
  platform: string,
  env: Record<string, string | undefined>,
  argv: string[],
): OzoneChoice {
  if (platform !== 'linux') return {};
  if (argv.some((a) => a === '--ozone-platform' || a.startsWith('--ozone-platform='))) return {};
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || (env.WAYLAND_DISPLAY ?? '') !== '';
  if (!wayland) return {};
  if ((env.DISPLAY ?? '') !== '') return { platform: 'x11' };
  return {
    warning:
      'roomcue: native Wayland session without XWayland: the compositor decides which display each window is on, ' +
      'so signage and chair may share one; enable XWayland (see docs/kiosk.md)',
  };
}
