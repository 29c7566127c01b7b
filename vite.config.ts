import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { CONTENT_SECURITY_POLICY_META, staticHostHeaders } from './scripts/security-headers.mjs';
import { bundleBudget } from './scripts/bundle-budget.mjs';

/**
 * Adds the Content-Security-Policy meta tag to the production page only: the
 * dev server injects inline styles for hot reload, which the policy forbids.
 */
function cspMeta(): Plugin {
  return {
    name: 'chasm-csp-meta',
    apply: 'build',
    // Static hosts get the full policy (with frame-ancestors) as headers too.
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: staticHostHeaders() });
    },
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  // Relative URLs: the build works from any path on any static host.
  base: './',
  define: {
    __CHASM_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2022',
    // dist/.vite/manifest.json maps source modules to chunks; the e2e tests
    // read it to know which chunks only the headset may download.
    manifest: true,
    // Babylon's deep-imported core is ~1 MB before gzip; warn past that.
    chunkSizeWarningLimit: 1200,
    // Every asset as a file of its own: the CSP (connect-src 'self') refuses data: URLs for fetch.
    assetsInlineLimit: 0,
  },
  plugins: [
    cspMeta(),
    // Issue 6's goal is ≤ 400 KB gzip of JS before the first frame; the entry's
    // static closure is held to 360 KB so the lazy shader and loader chunks fit too.
    bundleBudget({ maxEntryGzipBytes: 360 * 1024, lazyModules: ['src/xr/immersive-session.ts'] }),
  ],
});
