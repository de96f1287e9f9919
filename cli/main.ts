// `roomcue`: the command line. Each command returns its exit code; messages name what is wrong, never a stack trace.
import { runAt } from './at.ts';
import { runCheck } from './check.ts';
import { runImport } from './import.ts';
import { runExport } from './export.ts';
import { runReport } from './report.ts';
import { runServe } from './serve.ts';
import { CliError, type Io, processIo } from './io.ts';
import { describeFlags, parseFlags, type FlagSpecs } from './flags.ts';
import { programJsonSchema } from '../core/program/schema.ts';

interface Command {
  /** "at INSTANT [options]" */
  synopsis: string;
  /** One line for the list of commands. */
  summary: string;
  /** More lines for `roomcue <command> --help`. */
  details?: string;
  options: FlagSpecs;
  run(values: Record<string, string | boolean | undefined>, positionals: string[], io: Io): Promise<number>;
}

const helpFlag: FlagSpecs = { help: { type: 'boolean', short: 'h', help: 'this text' } };
const programFlag: FlagSpecs = {
  program: { type: 'string', value: 'FILE', example: 'program.json', help: 'program file (default: the bundled one)' },
};
const roomFlag: FlagSpecs = {
  room: {
    type: 'string',
    value: 'ROOM',
    example: 'L108-A',
    help: "room id or name (default: the program's main room)",
  },
};

const COMMANDS: Record<string, Command> = {
  check: {
    synopsis: 'check [FILE]',
    summary: 'validate a program (default: data/dp2e-ai-2026.json)',
    details:
      'Lists every error and warning with its JSON path.\nExit 0 clean or warnings only, 1 errors, 2 unreadable or not JSON.',
    options: helpFlag,
    run: (_v, positionals, io) => runCheck(oneOptional(positionals, 'FILE'), io),
  },
  at: {
    synopsis: 'at INSTANT [options]',
    summary: "what a room's screen shows at INSTANT",
    details:
      'INSTANT is ISO 8601 with an offset or Z, or without one in the program\'s time zone; "now" for now.\n' +
      'Example: roomcue at 2026-06-29T10:55 --room L108-A',
    options: {
      ...programFlag,
      ...roomFlag,
      json: { type: 'boolean', help: 'the stable JSON contract instead of text' },
      ...helpFlag,
    },
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
    synopsis: 'serve [options]',
    summary: 'the show server for browser screens (default http://127.0.0.1:4610)',
    details:
      'Serves the signage, chair and control views and the API, without Electron. The views come from dist/:\n' +
      'build them once with "npm run build:views". Stop with Ctrl+C.',
    options: {
      program: {
        type: 'string',
        value: 'FILE|URL',
        example: 'program.json',
        help: 'program file, or the http(s) URL of an export (pretalx, frab, Indico, iCalendar), polled',
      },
      ...roomFlag,
      server: {
        type: 'string',
        value: 'URL',
        example: 'http://192.168.1.10:4610',
        help: "follow a central server: its program and show, served from this box's copy when it is away",
      },
      zone: {
        type: 'string',
        value: 'ZONE',
        example: 'Europe/Berlin',
        help: 'the time zone of an imported export that gives none, or one its dates contradict',
      },
      'feed-interval': {
        type: 'string',
        value: 'SECONDS',
        example: '60',
        help: 'how often a --program URL is polled (default: 60)',
      },
      port: { type: 'string', value: 'N', example: '4610', help: 'port (default: 4610; 0 for any free one)' },
      host: {
        type: 'string',
        value: 'HOST',
        example: '0.0.0.0',
        help: 'address to listen on (default: 127.0.0.1); another one needs --pin',
      },
      pin: { type: 'string', value: 'PIN', example: '482913', help: 'PIN for actions (or ROOMCUE_PIN)' },
      'chair-pin': {
        type: 'string',
        value: 'PIN|ROOM=PIN,...',
        example: 'L108-A=135790',
        help: 'chair PIN (or ROOMCUE_CHAIR_PIN): the timer and speaker messages of its room only',
      },
      at: {
        type: 'string',
        value: 'INSTANT',
        example: '2026-06-29T10:55',
        help: 'rehearsal: the show clock starts at INSTANT (state not saved)',
      },
      speed: { type: 'string', value: 'N', example: '60', help: 'rehearsal: the clock runs N times faster' },
      'state-dir': {
        type: 'string',
        value: 'DIR',
        example: '/srv/roomcue/state',
        help: 'where the live state is kept',
      },
      'osc-port': {
        type: 'string',
        value: 'N',
        example: '8000',
        help: 'OSC in on UDP port N (from loopback and --osc-from)',
      },
      'osc-out': {
        type: 'string',
        value: 'HOST:PORT,...',
        example: '10.0.0.5:53000',
        help: 'send what each room shows to these OSC targets',
      },
      'osc-from': {
        type: 'string',
        value: 'ADDR,...',
        example: '10.0.0.5',
        help: 'OSC senders allowed besides loopback',
      },
      'allowed-host': {
        type: 'string',
        value: 'NAME,...',
        example: 'screens.lan',
        help: 'names screens use for this machine besides its addresses and host name',
      },
      overtime: {
        type: 'string',
        value: 'hold|clock|always',
        example: 'hold',
        help: 'what an item a person touched does at 0:00 (default: hold)',
      },
      'overtime-limit': {
        type: 'string',
        value: 'MIN',
        example: '15',
        help: "with hold: back to the clock MIN minutes after the next item's planned start (default: 15)",
      },
      ...helpFlag,
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
          chairPin: s('chair-pin'),
          at: s('at'),
          speed: s('speed'),
          stateDir: s('state-dir'),
          oscPort: s('osc-port'),
          oscOut: s('osc-out'),
          oscFrom: s('osc-from'),
          allowedHost: s('allowed-host'),
          feedInterval: s('feed-interval'),
          zone: s('zone'),
          server: s('server'),
          overtime: s('overtime'),
          overtimeLimit: s('overtime-limit'),
        },
        io,
      );
    },
  },
  import: {
    synopsis: 'import SOURCE [options]',
    summary: 'turn a pretalx/frab, Indico or iCalendar schedule into a program',
    details:
      'Reports what was guessed or dropped. Without -o (or with -o -) the program goes to standard output.\n' +
      'Exit 0 imported, 1 cannot be imported, 2 unreadable.',
    options: {
      output: {
        type: 'string',
        short: 'o',
        value: 'FILE',
        example: 'program.json',
        help: 'where to write the program',
      },
      zone: {
        type: 'string',
        value: 'ZONE',
        example: 'Europe/Paris',
        help: 'time zone for sources that do not say theirs',
      },
      ...helpFlag,
    },
    run: (v, positionals, io) => {
      if (positionals.length !== 1)
        throw new CliError('import: give exactly one SOURCE, e.g. roomcue import schedule.json -o program.json', 2);
      return runImport(
        { source: positionals[0]!, output: v.output as string | undefined, zone: v.zone as string | undefined },
        io,
      );
    },
  },
  export: {
    synopsis: 'export [options]',
    summary: 'write the program as Roomcue reads it, with --with-edits as the screens show it',
    details:
      "--with-edits applies the operators' edits saved in the state folder (cancellations, moves, fixes); notes\n" +
      'are not part of a program. The source file is never changed. Exit 0 written, 1 not valid, 2 unreadable.',
    options: {
      ...programFlag,
      'with-edits': { type: 'boolean', help: "apply the operators' edits saved in the state folder" },
      'state-dir': {
        type: 'string',
        value: 'DIR',
        example: './state',
        help: 'where serve keeps the state and edits (default: as serve)',
      },
      output: {
        type: 'string',
        short: 'o',
        value: 'FILE',
        example: 'program.json',
        help: 'where to write the program (default: standard output)',
      },
      zone: {
        type: 'string',
        value: 'ZONE',
        example: 'Europe/Paris',
        help: 'the time zone of an imported export that gives none, or one its dates contradict',
      },
      ...helpFlag,
    },
    run: (v, positionals, io) => {
      if (positionals.length > 0) throw new CliError(`export takes no FILE: use --program ${positionals[0]}`, 2);
      return runExport(
        {
          program: v.program as string | undefined,
          withEdits: v['with-edits'] === true,
          stateDir: v['state-dir'] as string | undefined,
          output: v.output as string | undefined,
          zone: v.zone as string | undefined,
        },
        io,
      );
    },
  },
  report: {
    synopsis: 'report --day DAY [options]',
    summary: "a room's day as it was played: planned vs actual times, overruns, lateness",
    details:
      'Read from the operator log that "roomcue serve" keeps in the state folder, and the program with its edits.\n' +
      'Example: roomcue report --day 2026-06-29 --room L108-A --csv > timing.csv\n' +
      'Exit 0 printed, 1 no log in the state folder (or an invalid program), 2 a mistake.',
    options: {
      day: { type: 'string', value: 'DAY', example: '2026-06-29', help: 'the day, in the program time zone' },
      ...roomFlag,
      csv: { type: 'boolean', help: 'CSV (one row per item, durations in seconds) instead of a table' },
      'state-dir': {
        type: 'string',
        value: 'DIR',
        example: './state',
        help: 'where serve keeps the state and the log (default: as serve)',
      },
      ...programFlag,
      rehearsal: { type: 'boolean', help: 'the log of the last rehearsal (serve --at) instead of the show' },
      ...helpFlag,
    },
    run: (v, positionals, io) => {
      if (positionals.length > 0) throw new CliError(`report takes no arguments, got "${positionals[0]}"`, 2);
      return runReport(
        {
          day: v.day as string | undefined,
          room: v.room as string | undefined,
          csv: v.csv === true,
          stateDir: v['state-dir'] as string | undefined,
          program: v.program as string | undefined,
          rehearsal: v.rehearsal === true,
        },
        io,
      );
    },
  },
  schema: {
    synopsis: 'schema',
    summary: 'print the program JSON Schema (data/program.schema.json)',
    options: helpFlag,
    run: async (_v, positionals, io) => {
      if (positionals.length > 0) throw new CliError(`schema takes no arguments, got "${positionals[0]}"`, 2);
      io.out(JSON.stringify(programJsonSchema(), null, 2));
      return 0;
    },
  },
};

const LISTED: [synopsis: string, summary: string][] = [
  ...Object.values(COMMANDS).map((c): [string, string] => [c.synopsis, c.summary]),
  ['help [COMMAND]', "this text, or a command's options"],
];
/** The summaries start two spaces after the longest synopsis. */
const SUMMARY_COLUMN = Math.max(...LISTED.map(([synopsis]) => synopsis.length)) + 2;

export const USAGE = `Usage: roomcue <command> [options]

Commands:
${LISTED.map(([synopsis, summary]) => `  ${synopsis.padEnd(SUMMARY_COLUMN)}${summary}`).join('\n')}

"roomcue <command> --help" lists a command's options.`;

export function commandHelp(name: string): string {
  const c = COMMANDS[name]!;
  return [
    `Usage: roomcue ${c.synopsis}`,
    '',
    c.summary,
    ...(c.details ? [c.details] : []),
    '',
    'Options:',
    describeFlags(c.options),
  ].join('\n');
}

const findCommand = (name: string) => (Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined);

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !findCommand(topic)) {
      io.err(`roomcue: unknown command "${topic}"\n\n${USAGE}`);
      return 2;
    }
    io.out(topic ? commandHelp(topic) : USAGE);
    return name ? 0 : 2;
  }
  const command = findCommand(name);
  if (!command) {
    io.err(`roomcue: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const flags = parseFlags(rest, command.options);
  if (!flags.ok) {
    io.err(`roomcue ${name}: ${flags.error}\nTry "roomcue ${name} --help".`);
    return 2;
  }
  if (flags.values.help === true) {
    io.out(commandHelp(name));
    return 0;
  }
  try {
    return await command.run(flags.values, flags.positionals, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`roomcue: ${err.message}`);
      return err.exitCode;
    }
    io.err(`roomcue ${name}: unexpected failure: ${err instanceof Error ? err.message : String(err)}`);
    return 70;
  }
}

function oneOptional(positionals: string[], what: string): string | undefined {
  if (positionals.length > 1) throw new CliError(`expected at most one ${what}, got ${positionals.length}`, 2);
  return positionals[0];
}
