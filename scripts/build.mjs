// Bundles the Node side with esbuild, so nothing compiles TypeScript at run time:
//   shell → dist-electron/main.js (the Electron main process), cli → dist-cli/roomcue.mjs (the `roomcue` command).
// Usage: node scripts/build.mjs [shell] [cli]   (both without arguments). bin/roomcue.mjs calls buildCli() itself
// when the CLI bundle is missing or older than its sources.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';

const root = fileURLToPath(new URL('..', import.meta.url));

// Bundled ESM still meets CommonJS inside dependencies (ws): give it a `require`.
const requireBanner =
  "import { createRequire as __roomcueRequire } from 'node:module'; const require = __roomcueRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // ws's optional native speed-ups: absent is fine, and they are never shipped.
  external: ['bufferutil', 'utf-8-validate'],
  banner: { js: requireBanner },
  logLevel: 'warning',
  legalComments: 'none',
  write: false,
  metafile: true,
  absWorkingDir: root,
};

/** Writes esbuild's output beside its final place, then renames: a process reading the bundle never sees half. */
function writeAtomically(outputFiles) {
  for (const file of outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
}

/** Builds dist-electron/main.js; returns esbuild's metafile (what went in, what stays outside). */
export async function buildShell() {
  const { build } = await import('esbuild');
  const result = await build({
    ...common,
    entryPoints: [join(root, 'electron/shell/main.ts')],
    outfile: join(root, 'dist-electron/main.js'),
    target: 'node22',
    external: [...common.external, 'electron'],
  });
  writeAtomically(result.outputFiles);
  return result.metafile;
}

export const CLI_BUNDLE = join(root, 'dist-cli/roomcue.mjs');
export const CLI_INPUTS = join(root, 'dist-cli/inputs.json');

export async function buildCli() {
  const { build } = await import('esbuild');
  const result = await build({ ...common, entryPoints: [join(root, 'cli/main.ts')], outfile: CLI_BUNDLE });
  // The source files the bundle was made from, so bin/roomcue.mjs can tell when it is out of date.
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules'));
  writeAtomically([
    ...result.outputFiles,
    { path: CLI_INPUTS, contents: Buffer.from(`${JSON.stringify(inputs, null, 1)}\n`) },
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const targets = process.argv.slice(2);
  const unknown = targets.filter((t) => t !== 'shell' && t !== 'cli');
  if (unknown.length) {
    console.error(`build: unknown target ${unknown.join(', ')}; targets: shell, cli`);
    process.exit(2);
  }
  const all = targets.length === 0;
  if (all || targets.includes('shell')) await buildShell();
  if (all || targets.includes('cli')) await buildCli();
}
