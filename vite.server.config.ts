/**
 * The room server's build (`npm run build`): `src/server/room-server.ts`
 * and the pure modules it shares with the app (the protocol, later the
 * simulation), bundled for Node into `dist-server/room-server.mjs`, which
 * `scripts/serve.mjs` loads. Packages stay in node_modules.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/server/room-server.ts',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'room-server.mjs' } },
  },
  logLevel: 'warn',
});
