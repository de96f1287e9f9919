// Builds the renderer (the views every screen loads, from the local server) into dist/, with a brotli and a gzip copy
// of each text file beside it (x.js.br, x.js.gz) that server/static-files.ts sends to browsers that accept them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rolldown } from 'vite';

const COMPRESSIBLE = /\.(html|js|css|svg|json|webmanifest)$/;

function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'roomcue-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
        );
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const raw = readFileSync(file);
        const br = brotliCompressSync(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        });
        const gz = gzipSync(raw, { level: 9 });
        // A copy that saves nothing is not written: the server then sends the file as it is.
        if (br.length < raw.length) writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

/**
 * Every module of the door's code that the entry does not hold, made one file: the view, and what it shares with the
 * chair and the control (words, days, the ticker: left to the bundler, these were two more small files). A cold door
 * load is then six requests besides the page (entry, door code, two stylesheets, two fonts): with eight, the fonts
 * waited for a free connection (a browser opens six per host). The chair and the control import from this file,
 * which every view's page preloads anyway (`preloadDoor`). A module missing here makes a file of its own again, and
 * the build stops (`preloadDoor`) until it is added.
 */
const DOOR_CODE =
  /[\\/]renderer[\\/](views[\\/]signage[\\/]|lib[\\/](i18n\.ts|ticker\.svelte\.ts|days\.ts|stage\.ts|Guarded\.svelte))|[\\/]core[\\/](day-change|schedule[\\/]kinds)\.ts|[\\/]qrcode-generator[\\/]|[\\/]svelte[\\/]src[\\/]internal[\\/]flags[\\/]legacy/;

/** The view a door screen boots (and the default one): its code is asked for with the page, not after the entry ran. */
const PRELOADED_VIEW = /\/views\/signage\/Signage\.svelte$/;
/** The bundled font files every view's text uses (latin; latin-ext is fetched only for names that need it). */
const PRELOADED_FONTS = /atkinson-hyperlegible-latin-(400|700)-normal-[\w-]+\.woff2$/;

/**
 * The page names the door view's chunks, its stylesheet and the two font files, so that the browser fetches (and
 * compiles) them while the entry loads. Without it each came one round after the other: the entry, then (once the
 * entry ran) the view's code, then (once the view laid out its first text) the fonts, then every text refitted for
 * them. The chair and the control load the door's code too (about 19 KiB): the pages are one HTML file, and the
 * server's CSP allows no inline script that could choose by path.
 */
function preloadDoor(): Plugin {
  return {
    name: 'roomcue-preload-door',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle: Rolldown.OutputBundle | undefined = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
        const view = chunks.find((c) => c.moduleIds.some((id) => PRELOADED_VIEW.test(id)));
        if (!view) throw new Error('preload: the signage view chunk is missing from the build');
        const entry = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => [c.fileName, ...c.imports]));
        const js = new Set<string>();
        const css = new Set<string>();
        const visit = (chunk: Rolldown.OutputChunk) => {
          if (js.has(chunk.fileName) || entry.has(chunk.fileName)) return;
          js.add(chunk.fileName);
          for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
          for (const name of chunk.imports) {
            const dep = bundle[name];
            if (dep?.type === 'chunk') visit(dep);
          }
        };
        visit(view);
        if (js.size !== 1) {
          throw new Error(`preload: the door's code is in ${js.size} files (${[...js].join(', ')}): add to DOOR_CODE`);
        }
        const fonts = Object.keys(bundle).filter((name) => PRELOADED_FONTS.test(name));
        if (fonts.length !== 2) throw new Error(`preload: expected the two latin font files, found ${fonts.length}`);
        const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({
          tag: 'link',
          attrs,
          injectTo: 'head',
        });
        return [
          ...[...js].map((f) => link({ rel: 'modulepreload', crossorigin: true, href: `/${f}` })),
          ...[...css].map((f) => link({ rel: 'preload', as: 'style', crossorigin: true, href: `/${f}` })),
          ...fonts.map((f) =>
            link({ rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: `/${f}` }),
          ),
        ];
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [svelte(), preloadDoor(), precompress()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 300,
    rolldownOptions: {
      output: {
        // The door's code in one file besides the entry (see DOOR_CODE).
        codeSplitting: { groups: [{ name: 'Signage', test: DOOR_CODE, includeDependenciesRecursively: false }] },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4610', '/ws': { target: 'ws://127.0.0.1:4610', ws: true } } },
});
