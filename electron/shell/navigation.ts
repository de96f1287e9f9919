// What a kiosk window may load: only pages of the local show server. Pure, so it is tested without Electron.

export function isOwnOrigin(url: string, serverUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(serverUrl).origin;
  } catch {
    return false;
  }
}

/** Log line for a renderer that went away, so a crash on a kiosk leaves a trace. */
export function describeGone(view: string, details: { reason: string; exitCode: number }): string {
  return `roomcue: the ${view} window's renderer went away (${details.reason}, exit code ${details.exitCode}); reloading`;
}
