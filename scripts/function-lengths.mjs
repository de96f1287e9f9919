// Lists the functions longer than a limit (default 80 lines, from the line of their start to their closing brace,
// nested functions included), longest first, in the repository's TypeScript and JavaScript files and the <script> of
// its Svelte components. Test files are left out (a describe() callback is a list of tests) unless --tests is given.
// Usage: node scripts/function-lengths.mjs [LIMIT] [--tests] [FOLDER…]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A function's name as a reader finds it: its own, its variable's or property's, or the call it is given to. */
function nameOf(node) {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (ts.isCallExpression(parent)) return `callback of ${parent.expression.getText().slice(0, 40)}`;
  return '(anonymous)';
}

function longIn(file, limit, found) {
  let text = readFileSync(join(root, file), 'utf8');
  let firstLine = 0;
  if (file.endsWith('.svelte')) {
    const script = /<script[^>]*>([\s\S]*?)<\/script>/.exec(text);
    if (!script) return;
    firstLine = text.slice(0, script.index).split('\n').length - 1;
    text = script[1];
  }
  const kind = /\.(ts|svelte)$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const lines = source.getLineAndCharacterOfPosition(node.end).line - start + 1;
      if (lines > limit) found.push({ lines, where: `${file}:${start + 1 + firstLine}`, name: nameOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** The functions over `limit` lines in the tracked files under `folders` (all when empty), longest first. */
export function longFunctions({ limit = 80, withTests = false, folders = [] } = {}) {
  const patterns = ['*.ts', '*.mjs', '*.js', '*.svelte'];
  const files = execFileSync('git', ['ls-files', '--', ...patterns], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && (withTests || !/^tests\/|\.test\.ts$/.test(f)))
    .filter((f) => folders.length === 0 || folders.some((d) => f.startsWith(`${d.replace(/\/$/, '')}/`)));
  const found = [];
  for (const file of files) longIn(file, limit, found);
  return found.sort((a, b) => b.lines - a.lines);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const limit = Number(args.find((a) => /^\d+$/.test(a)) ?? 80);
  const withTests = args.includes('--tests');
  const folders = args.filter((a) => !/^\d+$/.test(a) && !a.startsWith('--'));
  const long = longFunctions({ limit, withTests, folders });
  for (const f of long) console.log(`${String(f.lines).padStart(4)}  ${f.where}  ${f.name}`);
  console.log(`${long.length} functions over ${limit} lines${withTests ? '' : ' (tests left out)'}`);
}
