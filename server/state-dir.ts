// Where the show state lives when no directory is given: the platform's per-user data folder.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultStateDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.ROOMCUE_STATE_DIR) return env.ROOMCUE_STATE_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Roomcue');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Roomcue');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'roomcue');
}

/** Loopback addresses: the only ones a server may listen on without a PIN. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
