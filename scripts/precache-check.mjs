// After `vite build`: every file in dist/ that the app may load must be in
// the service worker's precache, or the app would break offline. Fails the
// build (exit 1) naming what is missing. The pure parts are unit-tested.
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Files that are not app content: the service worker and its runtime, host config, build metadata, and the server's brotli copies (scripts/compression.mjs). */
export const NOT_PRECACHED = [/^sw\.js$/, /^workbox-[\w-]+\.js$/, /^sw-extras\.js$/, /^_headers$/, /^\.vite\//, /\.br$/];

/** The URLs in a generated service worker's precache manifest. */
export function precachedUrls(swSource) {
  const urls = [...swSource.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1]);
  if (urls.length === 0) throw new Error('sw.js has no precache manifest (no url: entries found)');
  return urls.map((u) => u.replace(/^\.\//, ''));
}

/** The dist files (paths relative to dist, with /) the precache lacks; `headset` lists the files cached only on VR devices, `online` those no device caches (the shared room's client: a room needs the network). */
export function missingFromPrecache(distFiles, precached, headset = [], online = []) {
  const have = new Set([...precached, ...headset, ...online]);
  return distFiles.filter((f) => !NOT_PRECACHED.some((re) => re.test(f)) && !have.has(f));
}

/**
 * What a phone's first visit downloads, by file type, in gzip bytes: every
 * precached file (the service worker fetches them all after the first frame).
 * @param {string} dist
 * @param {string[]} precached
 * @returns {Promise<Record<string, number>>}
 */
export async function firstVisitBytes(dist, precached) {
  /** @type {Record<string, number>} */
  const bytes = {};
  for (const f of precached) {
    const type = f.split('.').pop() ?? '';
    bytes[type] = (bytes[type] ?? 0) + gzipSync(await readFile(join(dist, f)), { level: 9 }).length;
  }
  return bytes;
}

async function listFiles(dir, root = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, root)));
    else out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}

/** Reads dist/ and its sw.js. */
export async function readBuild(dist = 'dist') {
  const [files, sw, list] = await Promise.all([listFiles(dist), readFile(join(dist, 'sw.js'), 'utf8'), readFile(join(dist, 'headset-assets.json'), 'utf8')]);
  const { files: headset, online = [] } = JSON.parse(list);
  return { files, precached: precachedUrls(sw), headset, online };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { files, precached, headset, online } = await readBuild(process.argv[2] ?? 'dist');
  const missing = missingFromPrecache(files, precached, headset, online);
  const both = headset.filter((f) => precached.includes(f));
  if (both.length) {
    console.error(`precache: headset-only files are precached, so phones would download them:\n  ${both.join('\n  ')}`);
    process.exit(1);
  }
  if (missing.length) {
    console.error(`precache: ${missing.length} file(s) the app may load are not precached, so they would fail offline:\n  ${missing.join('\n  ')}`);
    console.error('Widen workbox.globPatterns or raise maximumFileSizeToCacheInBytes in vite.config.ts.');
    process.exit(1);
  }
  console.log(
    `precache: all ${precached.length} app files are precached; ${headset.length} headset files are cached only on VR devices; ${online.length} shared-room files are fetched when a room is joined`,
  );
  const bytes = await firstVisitBytes(process.argv[2] ?? 'dist', precached);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `precache: a phone's first visit, gzip: ${Object.entries(bytes)
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${t} ${kb(n)}`)
      .join(', ')}`,
  );
}
