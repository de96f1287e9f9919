#!/usr/bin/env node
// The `roomcue` command: runs the TypeScript CLI through tsx, so it works right after `npm install` with no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
