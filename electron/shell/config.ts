// The kiosk's configuration from CLI flags, environment and the config file (in that order of precedence). Pure.
import { parseArgs } from 'node:util';
import { z } from 'zod';

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
    signageDisplay: DisplayChoice,
    chairDisplay: z.union([DisplayChoice, z.literal('none')]),
    stateDir: z.string().min(1),
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
  signageDisplay: DisplayChoice;
  chairDisplay: DisplayChoice | 'none';
  stateDir: string | null;
}

export const DEFAULT_CONFIG: KioskConfig = {
  program: null,
  room: null,
  lang: 'en',
  host: '127.0.0.1',
  port: 4610,
  pin: null,
  signageDisplay: 'primary',
  chairDisplay: 'none',
  stateDir: null,
};

export type ConfigResult = { ok: true; config: KioskConfig } | { ok: false; errors: string[] };

const FLAGS = {
  program: { type: 'string' },
  room: { type: 'string' },
  lang: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  pin: { type: 'string' },
  'signage-display': { type: 'string' },
  'chair-display': { type: 'string' },
  'state-dir': { type: 'string' },
} as const;

const ENV: Record<string, keyof KioskConfig> = {
  ROOMCUE_PROGRAM: 'program',
  ROOMCUE_ROOM: 'room',
  ROOMCUE_LANG: 'lang',
  ROOMCUE_HOST: 'host',
  ROOMCUE_PORT: 'port',
  ROOMCUE_PIN: 'pin',
  ROOMCUE_SIGNAGE_DISPLAY: 'signageDisplay',
  ROOMCUE_CHAIR_DISPLAY: 'chairDisplay',
  ROOMCUE_STATE_DIR: 'stateDir',
};

/** Text from a flag or the environment, typed like the config file ("2" → display 2, "4610" → port). */
function typed(key: keyof KioskConfig, text: string): unknown {
  if (key === 'port') return /^\d+$/.test(text) ? Number(text) : text;
  if (key === 'signageDisplay' || key === 'chairDisplay') return /^\d+$/.test(text) ? Number(text) : text;
  return text;
}

/**
 * Merges defaults, the config file, the environment and the flags. `argv` are the app's own arguments (Electron's
 * and Chromium's switches are ignored). Every problem is reported with where it came from.
 */
export function resolveConfig(input: {
  argv: string[];
  env: Record<string, string | undefined>;
  file: unknown;
  fileName: string;
}): ConfigResult {
  const errors: string[] = [];
  const layers: { source: string; values: Record<string, unknown> }[] = [];

  if (input.file !== undefined) {
    const parsed = ConfigFile.safeParse(input.file);
    if (parsed.success) layers.push({ source: input.fileName, values: parsed.data });
    else
      for (const issue of parsed.error.issues)
        errors.push(`${input.fileName}: ${issue.path.join('.') || 'config'}: ${issue.message}`);
  }

  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV)) {
    const value = input.env[name];
    if (value !== undefined && value !== '') fromEnv[key] = typed(key, value);
  }
  layers.push({ source: 'environment', values: fromEnv });

  const { values } = parseArgs({ args: input.argv, options: FLAGS, strict: false, allowPositionals: true });
  const fromFlags: Record<string, unknown> = {};
  for (const [flag, value] of Object.entries(values)) {
    if (typeof value !== 'string' || !Object.hasOwn(FLAGS, flag)) continue;
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
  return errors.length ? { ok: false, errors } : { ok: true, config };
}
