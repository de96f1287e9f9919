// `npm start [-- flags]`: the kiosk app in development. Finds Electron's binary first (fetching it once if it is
// missing), and when it cannot be had says in three lines what to do instead of a stack trace; then builds the views
// and the shell and runs `electron . [flags]`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');
const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

function binaryPath() {
  const pathFile = join(electronDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  return join(dist, name);
}

function cannotStart(reason) {
  console.error(`roomcue: cannot start the kiosk app: ${reason}. Either:`);
  console.error(`  1. connect to the internet once and run "npm start" again (Electron ${version} is then kept);`);
  console.error(
    `  2. set ELECTRON_MIRROR to a mirror you can reach, or ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron ${version};`,
  );
  console.error('  3. or use browser screens without Electron: "npx roomcue serve", then open the URLs it prints.');
  process.exit(1);
}

let electron = binaryPath();
if (!existsSync(electron)) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH)
    cannotStart(`ELECTRON_OVERRIDE_DIST_PATH=${process.env.ELECTRON_OVERRIDE_DIST_PATH} has no Electron executable`);
  console.error(`roomcue: fetching Electron ${version} (once)…`);
  const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  electron = binaryPath();
  if (fetched.status !== 0 || !existsSync(electron)) {
    const why = `${fetched.stderr ?? ''}${fetched.error?.message ?? ''}`;
    const offline = /fetch failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|getaddrinfo/.test(why);
    cannotStart(
      `Electron's binary is not installed and could not be downloaded${offline ? ' (no connection to its server)' : ''}`,
    );
  }
}

const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
