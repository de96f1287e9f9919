// Builds the renderer (the views every screen loads, from the local server) into dist/.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [svelte()],
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 300 },
  server: { proxy: { '/api': 'http://127.0.0.1:4610', '/ws': { target: 'ws://127.0.0.1:4610', ws: true } } },
});
