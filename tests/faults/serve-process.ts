// `roomcue serve` in a child process, for faults that need a real process to die (kill -9) and start again.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { repoPath } from '../helpers.ts';

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** What the process wrote, for failure messages. */
  output(): string;
  /** SIGKILL: no handler runs, nothing is flushed or closed. Resolves once the process is gone. */
  kill9(): Promise<void>;
}

/** A port that was free a moment ago: the restarted server must come back on the same one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `roomcue serve` and resolves once it prints its URLs (it is listening by then). */
export function spawnServe(args: string[], timeoutMs = 15_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', repoPath('bin/roomcue.mjs'), 'serve', ...args], {
    cwd: repoPath(''),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`roomcue serve did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const url = /api\s+(http:\/\/\S+)\/api\/state/.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        child,
        url,
        output: () => out,
        kill9: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`roomcue serve exited (${code ?? signal}) before it was ready:\n${out}`));
    });
  });
}
