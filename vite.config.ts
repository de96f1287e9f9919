// Builds the renderer (the views every screen loads) into dist/.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist', emptyOutDir: true },
});
