// How Chasm's own server (scripts/serve.mjs) compresses what it sends, in one
// place. Brotli at its highest quality is written next to each file at build
// time (`node scripts/compression.mjs dist`, part of `npm run build`): 3 s
// for the main bundle here, too slow to do per request, and 21 % smaller
// than gzip (the main bundle: 191 KB against 241 KB), which is 0.25 s less
// on a phone network of 1.6 Mbps. Anything without a .br file is gzipped on
// the fly. Static hosts compress with their own settings.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompress, constants } from 'node:zlib';
import { promisify } from 'node:util';

/** Types worth compressing (already-compressed images are not). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.wasm', '.txt', '.map', '.glb']);

/** Brotli is written at build time for text only: models with embedded images shrink little and take most of the time. */
const PRECOMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg']);

/** Files smaller than this go as they are: the encoding would cost more than it saves. */
export const MIN_COMPRESS_BYTES = 1024;

/** Whether a file of this name and size is sent compressed. */
export function compressible(path, bytes) {
  return COMPRESSIBLE.has(extname(path).toLowerCase()) && bytes > MIN_COMPRESS_BYTES;
}

/** The encoding to send for an Accept-Encoding header: 'br' when a .br file exists and is wanted, else 'gzip' when wanted, else null. */
export function chooseEncoding(acceptEncoding, hasBrotli) {
  const wanted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (hasBrotli && wanted.has('br')) return 'br';
  if (wanted.has('gzip')) return 'gzip';
  return null;
}

const brotli = promisify(brotliCompress);

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

/** Writes `<file>.br` beside every text file worth compressing under `dir`; returns the bytes before and after. */
export async function precompress(dir) {
  let before = 0;
  let after = 0;
  const files = (await listFiles(dir)).filter((f) => !f.endsWith('.br'));
  // zlib runs on libuv's thread pool: all files at once use every core.
  await Promise.all(
    files.map(async (file) => {
      const { size } = await stat(file);
      if (!compressible(file, size) || !PRECOMPRESSED.has(extname(file).toLowerCase())) return;
      const body = await readFile(file);
      const out = await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: size } });
      before += size;
      after += out.length;
      await writeFile(`${file}.br`, out);
    }),
  );
  return { before, after };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'dist';
  const started = Date.now();
  const { before, after } = await precompress(dir);
  console.log(
    `brotli: ${(before / 1024).toFixed(0)} KB of text in ${dir}/ → ${(after / 1024).toFixed(0)} KB (.br beside each file, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
