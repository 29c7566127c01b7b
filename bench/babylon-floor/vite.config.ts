import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The Babylon floor page (bench/babylon-floor), built on its own into dist-floor/ for `npm run perf`. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../dist-floor', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
