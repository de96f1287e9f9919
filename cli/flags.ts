// Strict command-line flags for `roomcue` and the kiosk app: an unknown or misspelt flag, a flag without its value or
// a value given to a switch is an error that says what was meant, never a silent default.
import { parseArgs } from 'node:util';

export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** For string flags: the value's name in help ("FILE", "N") and an example for error messages. */
  value?: string;
  example?: string;
  help: string;
}

export type FlagSpecs = Record<string, FlagSpec>;

export type ParsedFlags =
  | { ok: true; values: Record<string, string | boolean | undefined>; positionals: string[] }
  | { ok: false; error: string };

/** Parses `args` against `specs`; each mistake is reported with the flag as typed. */
export function parseFlags(args: string[], specs: FlagSpecs): ParsedFlags {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, s]) => [name, { type: s.type, ...(s.short ? { short: s.short } : {}) }]),
  );
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (!spec) return { ok: false, error: unknownFlag(token.rawName, Object.keys(specs)) };
    if (spec.type === 'string') {
      if (token.value === undefined)
        return { ok: false, error: `${token.rawName} needs a value, e.g. ${example(token.rawName, spec)}` };
      values[token.name] = token.value;
    } else {
      if (token.inlineValue) return { ok: false, error: `${token.rawName} takes no value` };
      values[token.name] = true;
    }
  }
  return { ok: true, values, positionals };
}

function example(raw: string, spec: FlagSpec): string {
  return `${raw} ${spec.example ?? spec.value ?? 'VALUE'}`;
}

function unknownFlag(raw: string, known: string[]): string {
  const typed = raw.replace(/^-+/, '');
  const near = known
    .map((name) => ({ name, d: distance(typed, name) }))
    .filter(({ name, d }) => d <= Math.max(1, Math.floor(name.length / 3)) || name.startsWith(typed))
    .sort((a, b) => a.d - b.d)[0];
  return `unknown option ${raw}${near ? ` (did you mean --${near.name}?)` : ''}`;
}

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours): "rom"→"room" 1, "prot"→"port" 1. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/** The options block of a command's help: "  --room ID           the room whose screens…". */
export function describeFlags(specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, s]) => {
    const left = `${s.short ? `-${s.short}, ` : ''}--${name}${s.type === 'string' ? ` ${s.value ?? 'VALUE'}` : ''}`;
    return [left, s.help] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, h]) => `  ${l.padEnd(width)}${h.replace(/\n/g, `\n  ${' '.repeat(width)}`)}`).join('\n');
}
