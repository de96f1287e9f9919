// What the kiosk says when it cannot start: one line for the log, the details for the error box, and an exit code,
// by the rule of the roomcue command (docs/cli.md): 2 the configuration is wrong (flags, config.json, environment,
// port, room, a program file that cannot be read or is not JSON); 1 a program with errors, or anything else. Pure.
import { ProgramOpenError } from '../../server/program/program-watcher.ts';
import { StartOptionError } from '../../server/start-show.ts';

export interface StartupFailure {
  /** One line, after "roomcue: cannot start: ". */
  line: string;
  /** What the error box on the screen shows. */
  detail: string;
  exitCode: 1 | 2;
}

export class ConfigError extends Error {}

export function describeStartupError(err: unknown, where: { host: string; port: number }): StartupFailure {
  const e = err as NodeJS.ErrnoException | undefined;
  if (err instanceof ConfigError || err instanceof StartOptionError)
    return { line: err.message, detail: err.message, exitCode: 2 };
  if (e?.code === 'EADDRINUSE') {
    const line = `port ${where.port} on ${where.host} is already in use: choose another with --port`;
    return { line, detail: `${line} (or "port" in config.json). Is Roomcue already running?`, exitCode: 2 };
  }
  if (e?.code === 'EADDRNOTAVAIL') {
    const line = `host ${where.host} is not an address of this machine: fix --host or "host" in config.json`;
    return { line, detail: line, exitCode: 2 };
  }
  if (e?.code === 'EACCES' && where.port < 1024) {
    const line = `port ${where.port} needs administrator rights: choose one above 1023 with --port`;
    return { line, detail: line, exitCode: 2 };
  }
  const message = err instanceof Error ? err.message : String(err);
  const unusable = err instanceof ProgramOpenError && err.status === 'invalid';
  const exitCode = err instanceof ProgramOpenError && !unusable ? 2 : 1;
  return { line: programLine(message), detail: programDetail(message), exitCode };
}

/** The error box: the problems without the file name repeated on each, and how to see them all. */
function programDetail(message: string): string {
  const [head = '', ...details] = message.split('\n').map((l) => l.trim());
  const file = /^program file (.+) is not/.exec(head)?.[1];
  if (!file) return message;
  const problems = details.map((d) => d.replace(`${file}: error: `, '').replace(`${file}:`, 'line '));
  return [head, ...problems.slice(0, 8), problems.length > 8 ? `… and ${problems.length - 8} more` : '']
    .filter(Boolean)
    .concat(['', `Check it with: roomcue check ${file}`])
    .join('\n');
}

/**
 * "program file F is not a valid program:\n  F: error: path: problem\n  …" → one line with the first problem and the
 * command that lists them all.
 */
function programLine(message: string): string {
  const [head = '', ...details] = message.split('\n').map((l) => l.trim());
  const invalid = /^program file (.+) is not (?:a valid program|valid JSON):$/.exec(head);
  if (!invalid) return [head, ...details].join(' ');
  const file = invalid[1]!;
  const first = (details[0] ?? '').replace(`${file}: error: `, '').replace(`${file}:`, 'line ');
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return `${head} ${first}${more}; details: roomcue check ${file}`;
}
