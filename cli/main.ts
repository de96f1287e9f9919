// `roomcue`: the command line. Each command returns its exit code; messages name what is wrong, never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { runAt } from './at.ts';
import { runCheck } from './check.ts';
import { runImport } from './import.ts';
import { runServe } from './serve.ts';
import { CliError, type Io, processIo } from './io.ts';
import { programJsonSchema } from '../core/program/schema.ts';

export const USAGE = `Usage: roomcue <command> [options]

Commands:
  check [FILE]                 validate a program (default: data/dp2e-ai-2026.json)
                               exit 0 clean or warnings only, 1 errors, 2 unreadable or not JSON
  at INSTANT [--program FILE] [--room ID] [--json]
                               what the room's screen shows at INSTANT: ISO 8601 with an offset
                               or Z, or without one in the program's time zone; "now" for now
  serve [--program FILE] [--room ID] [--port N] [--host H] [--pin P] [--at INSTANT] [--speed N] [--state-dir DIR]
                               the show server for browser screens (default 127.0.0.1:4610);
                               --at/--speed run a rehearsal clock
                               [--feed-interval SECONDS]  --program may be the http(s) URL of
                               an export (pretalx, frab, Indico, iCalendar), polled every 60 s
                               [--osc-port N] [--osc-out HOST:PORT,...] [--osc-from ADDR,...]
                               OSC in on UDP port N (from loopback and --osc-from senders only),
                               what each room shows sent to the --osc-out targets
  import SOURCE [-o FILE] [--zone ZONE]
                               turn a pretalx/frab schedule (JSON or XML), an Indico export or an
                               iCalendar file into a program, with a report of what was guessed or
                               dropped; without -o (or with -o -) the program goes to standard output;
                               --zone for sources that do not say their time zone
                               exit 0 imported, 1 cannot be imported, 2 unreadable
  schema                       print the program JSON Schema (data/program.schema.json)
  help                         this text
`;

interface Command {
  options: ParseArgsConfig['options'];
  run(values: Record<string, string | boolean | undefined>, positionals: string[], io: Io): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  check: {
    options: {},
    run: (_v, positionals, io) => runCheck(oneOptional(positionals, 'FILE'), io),
  },
  at: {
    options: { program: { type: 'string' }, room: { type: 'string' }, json: { type: 'boolean' } },
    run: (values, positionals, io) => {
      if (positionals.length !== 1)
        throw new CliError('at: give exactly one INSTANT, e.g. roomcue at 2026-06-29T10:55', 2);
      return runAt(
        {
          instant: positionals[0]!,
          program: values.program as string | undefined,
          room: values.room as string | undefined,
          json: values.json === true,
        },
        io,
      );
    },
  },
  serve: {
    options: {
      program: { type: 'string' },
      room: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      pin: { type: 'string' },
      at: { type: 'string' },
      speed: { type: 'string' },
      'state-dir': { type: 'string' },
      'osc-port': { type: 'string' },
      'osc-out': { type: 'string' },
      'osc-from': { type: 'string' },
      'feed-interval': { type: 'string' },
    },
    run: (v, positionals, io) => {
      if (positionals.length > 0) throw new CliError(`serve takes no arguments, got "${positionals[0]}"`, 2);
      const s = (k: string) => v[k] as string | undefined;
      return runServe(
        {
          program: s('program'),
          room: s('room'),
          port: s('port'),
          host: s('host'),
          pin: s('pin'),
          at: s('at'),
          speed: s('speed'),
          stateDir: s('state-dir'),
          oscPort: s('osc-port'),
          oscOut: s('osc-out'),
          oscFrom: s('osc-from'),
          feedInterval: s('feed-interval'),
        },
        io,
      );
    },
  },
  import: {
    options: { output: { type: 'string', short: 'o' }, zone: { type: 'string' } },
    run: (v, positionals, io) => {
      if (positionals.length !== 1)
        throw new CliError('import: give exactly one SOURCE, e.g. roomcue import schedule.json -o program.json', 2);
      return runImport(
        { source: positionals[0]!, output: v.output as string | undefined, zone: v.zone as string | undefined },
        io,
      );
    },
  },
  schema: {
    options: {},
    run: async (_v, _p, io) => {
      io.out(JSON.stringify(programJsonSchema(), null, 2));
      return 0;
    },
  },
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE.trimEnd());
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`roomcue: unknown command "${name}"\n\n${USAGE.trimEnd()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    return await command.run(values as Record<string, string | boolean | undefined>, positionals, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`roomcue: ${err.message}`);
      return err.exitCode;
    }
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(
        `roomcue ${name}: ${err.message.replace(/\. To specify a positional argument.*$/s, '')}\nTry "roomcue help".`,
      );
      return 2;
    }
    io.err(`roomcue ${name}: unexpected failure: ${err instanceof Error ? err.message : String(err)}`);
    return 70;
  }
}

function oneOptional(positionals: string[], what: string): string | undefined {
  if (positionals.length > 1) throw new CliError(`expected at most one ${what}, got ${positionals.length}`, 2);
  return positionals[0];
}
