// The kiosk's configuration from its flags, the environment and the config file (in that order of precedence). Pure.
import { z } from 'zod';
import { describeFlags, parseFlags, type FlagSpecs } from '../../cli/flags.ts';
import { OVERTIME_POLICIES } from '../../core/live/state.ts';
import { parseChairPins } from '../../server/auth.ts';

const DisplayChoice = z.union([z.literal('primary'), z.literal('secondary'), z.number().int().min(1)]);

/** The config file (config.json in the app's user data folder); every field optional. */
export const ConfigFile = z
  .object({
    program: z.string().min(1),
    room: z.string().min(1),
    lang: z.enum(['en', 'fr']),
    host: z.string().min(1),
    port: z.number().int().min(0).max(65535),
    pin: z.string().regex(/^\S{4,64}$/, 'a PIN is 4 to 64 characters without spaces'),
    /** Chair PIN: "PIN" for every room, or "ROOM=PIN,ROOM=PIN" (docs/api.md, "Roles"). */
    chairPin: z.string().superRefine((text, ctx) => {
      const parsed = parseChairPins(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
    }),
    /** Chair PINs per room: {"L108-A": "135790"}. */
    chairPins: z.record(
      z.string().min(1),
      z.string().regex(/^\S{4,64}$/, 'a PIN is 4 to 64 characters without spaces'),
    ),
    signageDisplay: DisplayChoice,
    chairDisplay: z.union([DisplayChoice, z.literal('none')]),
    stateDir: z.string().min(1),
    /** What an item a person touched does at 0:00 (docs/api.md, "On stage"); the control can change it per room. */
    overtime: z.enum(OVERTIME_POLICIES),
    overtimeLimit: z.number().int().min(1).max(240),
    server: z.string().regex(/^https?:\/\/[^/\s]+\/?$/, "the central server's address, like http://192.168.1.10:4610"),
  })
  .partial()
  .strict();

export type DisplayChoice = z.infer<typeof DisplayChoice>;

export interface KioskConfig {
  /** Program file; null for the program bundled with the app. */
  program: string | null;
  room: string | null;
  lang: 'en' | 'fr';
  host: string;
  port: number;
  pin: string | null;
  /** Chair PINs (see ConfigFile): the timer and the speaker messages of their room only. */
  chairPin: string | null;
  chairPins: Record<string, string> | null;
  signageDisplay: DisplayChoice;
  chairDisplay: DisplayChoice | 'none';
  stateDir: string | null;
  /** The rooms' default overtime policy: hold (default), clock or always; with hold, minutes of grace. */
  overtime: 'hold' | 'clock' | 'always';
  overtimeLimit: number;
  /** A central server this box follows (docs/api.md, "A venue"); null: the box runs its own show. */
  server: string | null;
}

export const DEFAULT_CONFIG: KioskConfig = {
  program: null,
  room: null,
  lang: 'en',
  host: '127.0.0.1',
  port: 4610,
  pin: null,
  chairPin: null,
  chairPins: null,
  signageDisplay: 'primary',
  chairDisplay: 'none',
  stateDir: null,
  overtime: 'hold',
  overtimeLimit: 15,
  server: null,
};

/** The chair PINs of a config, both forms together. */
export function configChairPins(config: KioskConfig): { pin: string; room: string | null }[] {
  const fromText = config.chairPin ? parseChairPins(config.chairPin) : null;
  return [
    ...(fromText?.ok ? fromText.pins : []),
    ...Object.entries(config.chairPins ?? {}).map(([room, pin]) => ({ room, pin })),
  ];
}

export type ConfigResult = { ok: true; config: KioskConfig; help: boolean } | { ok: false; errors: string[] };

/** The app's flags: the same names as config.json's keys, in kebab case. */
export const KIOSK_FLAGS: FlagSpecs = {
  program: { type: 'string', value: 'FILE', example: 'program.json', help: 'program file (default: the bundled one)' },
  room: { type: 'string', value: 'ID', example: 'L108-A', help: "room shown (default: the program's main room)" },
  lang: { type: 'string', value: 'en|fr', example: 'fr', help: 'language of the screens (default: en)' },
  host: { type: 'string', value: 'HOST', example: '0.0.0.0', help: 'address of the show server (default: 127.0.0.1)' },
  port: { type: 'string', value: 'N', example: '4610', help: 'port of the show server (default: 4610)' },
  pin: { type: 'string', value: 'PIN', example: '482913', help: 'PIN for actions (needed with another host)' },
  'chair-pin': {
    type: 'string',
    value: 'PIN|ROOM=PIN,...',
    example: 'L108-A=135790',
    help: 'chair PIN: the timer and speaker messages of its room only (needs pin)',
  },
  server: {
    type: 'string',
    value: 'URL',
    example: 'http://192.168.1.10:4610',
    help: "follow a central server (its program and show; served from this box's copy when it is away)",
  },
  'signage-display': {
    type: 'string',
    value: 'D',
    example: 'secondary',
    help: 'display of the door signage: primary, secondary or a number (default: primary)',
  },
  'chair-display': {
    type: 'string',
    value: 'D',
    example: 'secondary',
    help: 'display of the chair timer: none, primary, secondary or a number (default: none)',
  },
  'state-dir': { type: 'string', value: 'DIR', example: '/srv/roomcue/state', help: 'where the live state is kept' },
  overtime: {
    type: 'string',
    value: 'hold|clock|always',
    example: 'clock',
    help: 'what an item a person touched does at 0:00 (default: hold)',
  },
  'overtime-limit': {
    type: 'string',
    value: 'MIN',
    example: '15',
    help: "with hold: back to the clock MIN minutes after the next item's planned start (default: 15)",
  },
  help: { type: 'boolean', short: 'h', help: 'this text' },
};

/**
 * Chromium's and Electron's own switches that may be given to the app (always as --name or --name=value); they are
 * left to Chromium. Anything else that is not one of KIOSK_FLAGS is refused.
 */
export const CHROMIUM_SWITCHES = [
  'ozone-platform',
  'ozone-platform-hint',
  'enable-features',
  'disable-features',
  'enable-wayland-ime',
  'disable-gpu',
  'disable-gpu-sandbox',
  'disable-software-rasterizer',
  'use-gl',
  'use-angle',
  'force-device-scale-factor',
  'no-sandbox',
  'no-zygote',
  'enable-logging',
  'log-file',
  'v',
  'vmodule',
  'inspect',
  'inspect-brk',
  'remote-debugging-port',
  'remote-debugging-pipe',
  'js-flags',
];

export const KIOSK_USAGE = `Usage: roomcue [options]   (in development: npm start -- [options])

The kiosk app: the show server in-process, the door signage (and the chair timer) full screen.
Every option can also be set in config.json in the app's data folder or as ROOMCUE_<NAME> (see docs/kiosk.md).

Options:
${describeFlags(KIOSK_FLAGS)}

Chromium switches passed through: ${CHROMIUM_SWITCHES.map((s) => `--${s}`).join(', ')}.`;

const ENV: Record<string, keyof KioskConfig> = {
  ROOMCUE_PROGRAM: 'program',
  ROOMCUE_ROOM: 'room',
  ROOMCUE_LANG: 'lang',
  ROOMCUE_HOST: 'host',
  ROOMCUE_PORT: 'port',
  ROOMCUE_PIN: 'pin',
  ROOMCUE_CHAIR_PIN: 'chairPin',
  ROOMCUE_SIGNAGE_DISPLAY: 'signageDisplay',
  ROOMCUE_CHAIR_DISPLAY: 'chairDisplay',
  ROOMCUE_STATE_DIR: 'stateDir',
  ROOMCUE_OVERTIME: 'overtime',
  ROOMCUE_OVERTIME_LIMIT: 'overtimeLimit',
  ROOMCUE_SERVER: 'server',
};

/** Text from a flag or the environment, typed like the config file ("2" → display 2, "4610" → port). */
function typed(key: keyof KioskConfig, text: string): unknown {
  if (key === 'port' || key === 'overtimeLimit') return /^\d+$/.test(text) ? Number(text) : text;
  if (key === 'signageDisplay' || key === 'chairDisplay') return /^\d+$/.test(text) ? Number(text) : text;
  return text;
}

const isChromiumSwitch = (arg: string) => CHROMIUM_SWITCHES.includes(arg.replace(/^--/, '').split('=')[0]!);

/**
 * The app's own arguments from process.argv: without the executable, Chromium's switches, and (in development,
 * `electron .`) the app's folder, which comes before the app's own flags.
 */
export function appArguments(argv: string[], isPackaged: boolean): string[] {
  const rest = argv.slice(1).filter((a) => !(a.startsWith('--') && isChromiumSwitch(a)));
  if (!isPackaged && rest.length > 0 && !rest[0]!.startsWith('-')) rest.shift();
  return rest;
}

/**
 * Merges defaults, the config file, the environment and the flags (the app's own arguments, see appArguments).
 * Every problem is reported with where it came from.
 */
export function resolveConfig(input: {
  argv: string[];
  env: Record<string, string | undefined>;
  /** config.json's text, or undefined when there is none. */
  fileText: string | undefined;
  fileName: string;
}): ConfigResult {
  const errors: string[] = [];
  const layers: { source: string; values: Record<string, unknown> }[] = [];

  if (input.fileText !== undefined) {
    let file: unknown;
    try {
      file = JSON.parse(input.fileText);
    } catch (err) {
      errors.push(`${input.fileName}: not valid JSON: ${(err as Error).message}`);
    }
    const parsed = file === undefined ? null : ConfigFile.safeParse(file);
    if (parsed?.success) layers.push({ source: input.fileName, values: parsed.data });
    else
      for (const issue of parsed?.error.issues ?? [])
        errors.push(`${input.fileName}: ${issue.path.join('.') || 'config'}: ${issue.message}`);
  }

  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV)) {
    const value = input.env[name];
    if (value !== undefined && value !== '') fromEnv[key] = typed(key, value);
  }
  layers.push({ source: 'environment', values: fromEnv });

  const flags = parseFlags(
    input.argv.filter((a) => !(a.startsWith('--') && isChromiumSwitch(a))),
    KIOSK_FLAGS,
  );
  if (!flags.ok) return { ok: false, errors: [`command line: ${flags.error}; see roomcue --help`] };
  if (flags.values.help === true) return { ok: true, config: DEFAULT_CONFIG, help: true };
  if (flags.positionals.length > 0)
    return { ok: false, errors: [`command line: unexpected argument "${flags.positionals[0]}"; see roomcue --help`] };
  const fromFlags: Record<string, unknown> = {};
  for (const [flag, value] of Object.entries(flags.values)) {
    if (typeof value !== 'string') continue;
    const key = flag.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof KioskConfig;
    fromFlags[key] = typed(key, value);
  }
  layers.push({ source: 'command line', values: fromFlags });

  const merged: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const layer of layers.filter((l) => l.source !== input.fileName)) {
    const parsed = ConfigFile.safeParse(layer.values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(`${layer.source}: ${issue.path.join('.')}: ${issue.message}`);
    }
  }
  for (const layer of layers) Object.assign(merged, layer.values);
  const config = merged as unknown as KioskConfig;
  if (!['127.0.0.1', 'localhost', '::1'].includes(config.host) && !config.pin) {
    errors.push(`host ${config.host} makes the server reachable from the network: set a pin`);
  }
  if ((config.chairPin || config.chairPins) && !config.pin) {
    errors.push('a chair PIN needs the AV PIN too: set pin (without it anybody may do everything)');
  }
  return errors.length ? { ok: false, errors } : { ok: true, config, help: false };
}
