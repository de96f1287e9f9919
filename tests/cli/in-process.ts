// `roomcue <args>` run in this process (cli/main.ts's main, no child process): its exit code and what it printed.
import { main } from '../../cli/main.ts';
import type { Io } from '../../cli/io.ts';

export async function roomcue(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
