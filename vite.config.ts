import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { CONTENT_SECURITY_POLICY_META, staticHostHeaders } from './scripts/security-headers.mjs';
import { bundleBudget } from './scripts/bundle-budget.mjs';
import { VitePWA } from 'vite-plugin-pwa';
import { ICON_BACKGROUND } from './scripts/make-icons.mjs';
import { headsetGroup } from './scripts/headset-group.mjs';

/** The headset module: lazily loaded, and cached only on devices that can enter VR. */
const HEADSET_MODULE = 'src/xr/immersive-session.ts';
// Its static files: the WebXR input profiles (controller and hand models), copied by scripts/build-assets.mjs.
// The shared room's client (and its avatars and QR code) is fetched when a room is joined: a room needs
// the network anyway, so no device precaches it.
const headset = headsetGroup({
  headsetModule: HEADSET_MODULE,
  staticDirs: ['xr'],
  onlineModules: ['src/room/room-client.ts', 'src/world/avatars.ts', 'qrcode/lib/browser.js'],
});

/** The app: everything after the shell and the engine, imported by src/app/boot.ts. */
const APP_MODULE = fileURLToPath(new URL('./src/app/app.ts', import.meta.url));

/**
 * Babylon's standard material's shaders, with their includes. The world draws with a shader of its own
 * (src/world/world-shader.ts); the panels and marks, after the first frame, load these as one file
 * instead of ~20 small ones.
 */
const STANDARD_SHADERS = ['default.vertex.js', 'default.fragment.js'].map((f) =>
  fileURLToPath(new URL(`./node_modules/@babylonjs/core/Shaders/${f}`, import.meta.url)),
);

/** Names `chunk` for every module that `entries` import statically, directly or not. */
function staticClosure(entries: string | readonly string[], chunk: string) {
  let closure: Set<string> | null = null;
  return (id: string, ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => {
    if (!closure) {
      closure = new Set();
      const stack = [entries].flat();
      while (stack.length) {
        const m = stack.pop();
        if (m === undefined || closure.has(m)) continue;
        closure.add(m);
        stack.push(...(ctx.getModuleInfo(m)?.importedIds ?? []));
      }
    }
    return closure.has(id) ? chunk : null;
  };
}

/** A label for this build (CI or a deploy can set CHASM_BUILD_ID); shown with the version. */
const BUILD_ID = (process.env.CHASM_BUILD_ID ?? '').replace(/[^\w.-]/g, '').slice(0, 40);

/** Largest file the service worker precaches. Workbox's default (2 MiB) is set explicitly so a bigger asset fails the build's precache check instead of silently not working offline. */
const PRECACHE_MAX_BYTES = 4 * 1024 * 1024;

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

/**
 * Preloads the app's chunk from the page, so it downloads beside the entry
 * instead of after it (boot.ts imports it, but a dynamic import is only
 * requested once the entry has run).
 */
function preloadApp(): Plugin {
  return {
    name: 'chasm-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const app = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.moduleIds.includes(APP_MODULE));
        if (!app) throw new Error('the app chunk is missing from the build');
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${app.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

export default defineConfig({
  // Relative URLs: the build works from any path on any static host.
  base: './',
  define: {
    __CHASM_VERSION__: JSON.stringify(BUILD_ID ? `${pkg.version}+${BUILD_ID}` : pkg.version),
  },
  resolve: {
    alias: [
      // The room client's MessagePack decoder, in the build its authors make for pages whose CSP forbids
      // eval: the default build probes `new Function('')` as it loads, which our CSP reports as a violation.
      { find: /^@colyseus\/msgpackr$/, replacement: fileURLToPath(new URL('./node_modules/@colyseus/msgpackr/dist/index-no-eval.cjs', import.meta.url)) },
    ],
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
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Start-up code in two files: the entry's (boot.ts: the shell and the engine) and the
          // app's, which downloads while the entry runs. Left to itself the bundler splits what
          // they share with the lazy chunks into ~25 small files, and a phone on HTTP/1.1
          // fetches them six at a time, a round trip each.
          groups: [
            { name: 'index', tags: ['$initial'], priority: 2 },
            { name: staticClosure(APP_MODULE, 'app'), priority: 1 },
            { name: staticClosure(STANDARD_SHADERS, 'standard-shaders'), priority: 0 },
          ],
        },
      },
    },
  },
  plugins: [
    cspMeta(),
    preloadApp(),
    // Issue 6's goal is ≤ 400 KB gzip of JS before the first frame; the entry and
    // the app chunks are held to 360 KB so the robots' glTF loader chunk, fetched
    // while the world is built, fits too.
    bundleBudget({ maxEntryGzipBytes: 360 * 1024, startupModules: [APP_MODULE], lazyModules: [HEADSET_MODULE, 'src/pwa/pwa.ts'] }),
    headset,
    VitePWA({
      // The app asks before updating (never during an immersive session) and
      // registers the worker itself with workbox-window (src/pwa/pwa.ts).
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      includeManifestIcons: false,
      manifest: {
        id: './',
        name: 'Chasm: a robot-run pharmacy warehouse, live',
        short_name: 'Chasm',
        description: 'A live digital twin of a robot-run pharmacy front warehouse, on a headset, a phone or a desktop. Works offline once installed.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        theme_color: ICON_BACKGROUND,
        background_color: ICON_BACKGROUND,
        categories: ['education', 'business'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        screenshots: [
          {
            src: 'screenshots/wide.jpg',
            sizes: '1280x720',
            type: 'image/jpeg',
            form_factor: 'wide',
            label: 'The warehouse aisles with robots and the order board',
          },
          { src: 'screenshots/narrow.jpg', sizes: '540x960', type: 'image/jpeg', form_factor: 'narrow', label: 'The warehouse on a phone' },
        ],
        // Manifest localization (the W3C "translations" member; Chromium reads it where it ships, others ignore it).
        ...{
          translations: {
            'zh-CN': {
              name: 'Chasm：机器人运营的药房仓库，实时呈现',
              short_name: 'Chasm',
              description: '一座由机器人运营的药房前置仓的实时数字孪生，可在头显、手机或电脑上使用。安装后可离线使用。',
            },
          },
        },
      },
      workbox: {
        // Everything the app loads: code, styles, the page, layouts, models,
        // decoders, icons and screenshots (Workbox's default is js, css, html only).
        // headset-assets.json is precached too: the worker reads it to cache the headset group.
        globPatterns: ['**/*.{js,mjs,css,html,json,glb,gltf,bin,wasm,png,jpg,svg,webp,ktx2,woff2,webmanifest}'],
        globIgnores: ['sw-extras.js', '_headers', '.vite/**'],
        // The headset group is cached on demand, only where VR is possible (scripts/headset-group.mjs).
        manifestTransforms: [
          (entries) => Promise.resolve({ manifest: entries.filter((e) => !headset.files.has(e.url) && !headset.onlineFiles.has(e.url)), warnings: [] }),
        ],
        maximumFileSizeToCacheInBytes: PRECACHE_MAX_BYTES,
        // Hashed names need no revision query.
        dontCacheBustURLsMatching: /-[\w-]{8}\.\w+$/,
        navigateFallback: 'index.html',
        importScripts: ['sw-extras.js'],
        cleanupOutdatedCaches: true,
        // The first install controls the open page at once, so the headset group it caches is served offline.
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
});
