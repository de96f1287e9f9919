// From the text of a program file to a checked Program: JSON syntax, then the schema, then the rules between fields.
import type { z } from 'zod';
import { type Diagnostic, formatPath } from './diagnostics.ts';
import { Program } from './schema.ts';
import { checkProgram } from './checks.ts';
import { jsonErrorOffset } from './json-error-offset.ts';

export interface ProgramParse {
  /** The program, when it has no errors (warnings allowed). */
  program: Program | null;
  diagnostics: Diagnostic[];
}

export function parseProgramText(text: string): ProgramParse {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { program: null, diagnostics: [jsonSyntaxDiagnostic(text, err)] };
  }
  return parseProgramJson(json);
}

export function parseProgramJson(json: unknown): ProgramParse {
  // The schema's objects drop a "__proto__" key without a word (a record of people as much as an item): said here.
  const hidden = protoKeys(json);
  if (hidden.length > 0) return { program: null, diagnostics: hidden };
  const parsed = Program.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    return { program: null, diagnostics: parsed.error.issues.map(issueToDiagnostic) };
  }
  const diagnostics = checkProgram(parsed.data);
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  return { program: hasErrors ? null : parsed.data, diagnostics };
}

/**
 * An error for every own "__proto__" key in the file (JSON.parse makes them own fields), where it is. A loop with a
 * stack of its own, not recursion: a file nested 100,000 arrays deep must be refused as usual, not overflow the call
 * stack.
 */
function protoKeys(json: unknown): Diagnostic[] {
  interface Node {
    value: unknown;
    key: string | number | null;
    parent: Node | null;
  }
  const pathOf = (node: Node): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let n: Node | null = node; n !== null && n.key !== null; n = n.parent) path.push(n.key);
    return path.reverse();
  };
  const found: Diagnostic[] = [];
  const stack: Node[] = [{ value: json, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const value = node.value;
    if (typeof value !== 'object' || value === null) continue;
    const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    if (!Array.isArray(value) && Object.hasOwn(value, '__proto__')) {
      const path = pathOf(node);
      found.push({
        severity: 'error',
        path: formatPath([...path, '__proto__']),
        message:
          path.length === 1 && path[0] === 'people'
            ? 'expected an id of letters, digits, ".", "_", ":" or "-"'
            : 'unknown field "__proto__"',
      });
    }
    // Pushed last first, so that the errors come in the file's order.
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key === '__proto__') continue;
      stack.push({ value: (value as Record<string | number, unknown>)[key], key, parent: node });
    }
  }
  return found;
}

function issueToDiagnostic(issue: z.core.$ZodIssue): Diagnostic {
  const path = formatPath(issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys')
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  else if (issue.code === 'invalid_type' && issue.input === undefined) message = `missing (expected ${issue.expected})`;
  else if (issue.code === 'invalid_type') message = `expected ${issue.expected}, got ${describeInput(issue.input)}`;
  else if (issue.code === 'invalid_value')
    message = `${describeInput(issue.input)} is not allowed: expected ${issue.values.length > 1 ? 'one of ' : ''}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return { severity: 'error', path, message };
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  const text = JSON.stringify(input) ?? String(input);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Node's messages differ between versions and some carry no position: the line and column come from our own scan. */
function jsonSyntaxDiagnostic(text: string, err: unknown): Diagnostic {
  const raw = err instanceof Error ? err.message : String(err);
  let line: number | undefined;
  let column: number | undefined;
  const offset = jsonErrorOffset(text);
  if (offset !== null) {
    const before = text.slice(0, offset);
    line = before.split('\n').length;
    column = before.length - before.lastIndexOf('\n');
  }
  const reason = raw
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  return { severity: 'error', path: '', message: `not valid JSON: ${reason}`, line, column };
}
