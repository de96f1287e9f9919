// The kill -9 loop shared by the state store's tests: a child saves states in order and says "ack N" after each save
// returns; it is killed (SIGKILL) after `acks` of them, at once or a moment later, so somewhere inside a save.
import { spawn } from 'node:child_process';
import { repoPath } from '../helpers.ts';

const CHILD = repoPath('tests/store/state-store.child.ts');

/** Resolves with the last seq the child acknowledged before it was killed. `mode` is the child's save mode. */
export function runUntilKilled(file: string, from: number, acks: number, mode?: 'journal'): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(from), ...(mode ? [mode] : [])], {
    cwd: repoPath(''),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lastAck = from - 1;
  let pending = '';
  let stderr = '';
  let killed = false;
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const seq = Number(/^ack (\d+)$/.exec(line)?.[1]);
        if (seq !== lastAck + 1) reject(new Error(`unexpected line after ack ${lastAck}: ${line}`));
        lastAck = seq;
      }
      if (!killed && lastAck - from + 1 >= acks) {
        killed = true;
        // Now, or a moment later: either way the child is somewhere inside its next save.
        const kill = () => child.kill('SIGKILL');
        if (Math.random() < 0.5) kill();
        else setTimeout(kill, Math.random() * 3);
      }
    });
    child.on('error', reject);
    // 'close' comes after stdout has ended: acks written just before the kill have been counted.
    child.on('close', (code, signal) => {
      if (killed && signal === 'SIGKILL') resolve(lastAck);
      else reject(new Error(`child ended on its own (code ${code}, signal ${signal}):\n${stderr}`));
    });
  });
}
