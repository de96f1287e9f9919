// Loaded with `node --import` before the built shell: answers `import 'electron'` with the stand-in, and runs the
// shell's timers faster (STANDIN_TIME_SCALE) so a 10 s hang or a 4 s backoff takes milliseconds in a test.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);

const scale = Number(process.env.STANDIN_TIME_SCALE ?? '1');
if (scale !== 1) {
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = (fn, ms = 0, ...args) => realSetTimeout(fn, Math.round(ms * scale), ...args);
}
