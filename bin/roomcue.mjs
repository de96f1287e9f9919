#!/usr/bin/env node
// The `roomcue` command: runs the bundled CLI (dist-cli/roomcue.mjs). Right after `npm install` in a clone there is
// no bundle yet, and after an edit it is out of date: then it is built here first with esbuild (well under a second,
// once), since npm's install scripts may be turned off. Nothing compiles TypeScript on later runs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist-cli/roomcue.mjs`;
const inputsFile = `${root}dist-cli/inputs.json`;

/** Missing, or older than one of the sources it was built from (when the sources are here at all). */
function outOfDate() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return true;
  const built = statSync(bundle).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  return inputs.some((input) => {
    try {
      return statSync(`${root}${input}`).mtimeMs > built;
    } catch {
      return existsSync(`${root}cli`); // a source gone from a clone: rebuild; in an install without sources: keep
    }
  });
}

if (outOfDate()) {
  let buildCli;
  try {
    ({ buildCli } = await import('../scripts/build.mjs'));
    await buildCli();
  } catch (err) {
    if (!existsSync(bundle)) {
      process.stderr.write(
        `roomcue: the command is not built and cannot be built here (${err instanceof Error ? err.message : err}).\n` +
          'Run "npm install" (with dev dependencies), then "npm run build:cli".\n',
      );
      process.exit(70);
    }
  }
}

const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
