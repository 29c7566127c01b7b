#!/usr/bin/env node
// Serves the production build (dist/): over plain HTTP on localhost (a
// secure context, for this machine and for a Quest over USB with
// `adb reverse`), and over HTTPS on the LAN with a self-signed certificate
// generated here on first use (for a Quest or phone on the same Wi-Fi).
//
// It also runs the shared rooms (dist-server/room-server.mjs, built by
// `npm run build`) on the same origin and port: a WebSocket upgrade.
// Without that build, or with --no-rooms, it serves the app alone (the
// app then stays solo, and its Share control says why).
//
//   node scripts/serve.mjs [--port 8080] [--https-port 8443] [--no-https] [--no-rooms] [--dir dist] [--quiet]
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFile, stat, mkdir, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SECURITY_HEADERS } from './security-headers.mjs';
import { chooseEncoding, compressible } from './compression.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    'https-port': { type: 'string', default: process.env.HTTPS_PORT ?? '8443' },
    host: { type: 'string', default: '127.0.0.1' },
    'no-https': { type: 'boolean', default: false },
    'no-rooms': { type: 'boolean', default: false },
    dir: { type: 'string', default: 'dist' },
    quiet: { type: 'boolean', default: false },
  },
});

const ROOT = resolve(args.dir);
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ktx2': 'image/ktx2',
  '.env': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Gzipped bodies by file path and modification time: compressed once, served many times. */
const gzipCache = new Map();

function gzipped(file, mtimeMs, body) {
  const key = `${file}:${mtimeMs}`;
  let out = gzipCache.get(key);
  if (!out) {
    out = gzipSync(body, { level: 9 });
    gzipCache.set(key, out);
  }
  return out;
}

/** Cache policy: hashed build assets forever, everything else revalidated (the service worker above all). */
function cacheControl(urlPath) {
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let urlPath;
  try {
    urlPath = decodeURIComponent(url.pathname);
  } catch {
    return send(res, 400, 'Bad request: malformed URL.');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
  if (urlPath.endsWith('/')) urlPath += 'index.html';
  const file = normalize(join(ROOT, urlPath));
  if (file !== ROOT && !file.startsWith(ROOT + sep)) return send(res, 403, 'Forbidden.');
  let info;
  try {
    info = await stat(file);
  } catch {
    return send(res, 404, `Not found: ${urlPath}`);
  }
  if (!info.isFile()) return send(res, 404, `Not found: ${urlPath}`);
  const ext = extname(file).toLowerCase();
  let body = await readFile(file);
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'Cache-Control': cacheControl(urlPath),
    Vary: 'Accept-Encoding',
  };
  if (compressible(file, body.length)) {
    // Brotli written at build time (scripts/compression.mjs) when it is there and as new as the file; else gzip.
    const br = await stat(`${file}.br`).catch(() => null);
    const encoding = chooseEncoding(req.headers['accept-encoding'], br !== null && br.mtimeMs >= info.mtimeMs);
    if (encoding === 'br') body = await readFile(`${file}.br`);
    if (encoding === 'gzip') body = gzipped(file, info.mtimeMs, body);
    if (encoding) headers['Content-Encoding'] = encoding;
  }
  res.writeHead(200, { ...headers, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function send(res, status, text, extra = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(text + '\n');
}

function onRequest(req, res) {
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, 'Internal error.');
    else res.destroy();
  });
}

function lanAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

/** A self-signed certificate for localhost and the LAN addresses, kept in .cert/ and renewed when they change. */
async function certificateFor(hosts) {
  const dir = resolve('.cert');
  const metaPath = join(dir, 'meta.json');
  const key = hosts.join(',');
  try {
    const meta = JSON.parse(await readFile(metaPath, 'utf8'));
    if (meta.hosts === key && Date.parse(meta.notAfter) > Date.now() + 86_400_000) {
      return { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) };
    }
  } catch {
    // No usable certificate yet: make one below.
  }
  const { generate } = await import('selfsigned');
  const notAfter = new Date(Date.now() + 365 * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: 'Chasm local server' }], {
    keySize: 2048,
    notAfterDate: notAfter,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [{ type: 2, value: 'localhost' }, ...hosts.map((ip) => ({ type: 7, ip }))],
      },
    ],
  });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'key.pem'), pems.private, { mode: 0o600 });
  await writeFile(join(dir, 'cert.pem'), pems.cert);
  await writeFile(metaPath, JSON.stringify({ hosts: key, notAfter: notAfter.toISOString() }));
  return { key: pems.private, cert: pems.cert };
}

function listen(server, port, host) {
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE') reject(new Error(`port ${port} on ${host} is already in use; pass --port / --https-port or set PORT / HTTPS_PORT`));
      else reject(error);
    });
    server.listen(port, host, () => resolvePromise(server.address().port));
  });
}

async function main() {
  try {
    await stat(join(ROOT, 'index.html'));
  } catch {
    console.error(`No build in ${ROOT}: run "npm run build" first (npm start does both).`);
    process.exit(1);
  }
  const lan = args['no-https'] ? [] : lanAddresses();
  const servers = [createServer(onRequest), ...(lan.length ? [createHttpsServer(await certificateFor(lan), onRequest)] : [])];
  const rooms = args['no-rooms'] ? null : await startRooms(servers);
  // Port 0 asks the system for a free port; the actual one is printed.
  const port = await listen(servers[0], Number(args.port), args.host);
  const local = `http://localhost:${port}/`;
  const roomsLine = rooms ? 'shared rooms on the same port' : 'no shared rooms (solo)';
  if (args.quiet) return console.log(`Chasm at ${local} (${roomsLine})`);
  console.log(`\nChasm is running, with ${roomsLine}.\n  This machine:  ${local}`);
  console.log(`  Quest on USB:  adb reverse tcp:${port} tcp:${port}   then open ${local} in the Quest Browser`);
  if (args['no-https']) return;
  if (lan.length === 0) return console.log('  LAN:           no network interface found; only localhost is served.');
  const httpsPort = await listen(servers[1], Number(args['https-port']), '0.0.0.0');
  const lanUrl = `https://${lan[0]}:${httpsPort}/`;
  console.log(`  LAN (HTTPS):   ${lan.map((ip) => `https://${ip}:${httpsPort}/`).join('  ')}`);
  console.log('  The certificate is self-signed: accept the browser warning once per device.\n');
  const QRCode = (await import('qrcode')).default;
  console.log(await QRCode.toString(lanUrl, { type: 'terminal', small: true }));
  console.log(`  Scan to open ${lanUrl}\n`);
}

/** The room server from the build, attached to every server; null when there is no build of it. */
async function startRooms(servers) {
  const built = resolve('dist-server/room-server.mjs');
  try {
    await stat(built);
  } catch {
    console.warn('No room server build (dist-server/): serving without shared rooms. "npm run build" makes it.');
    return null;
  }
  const { attachRooms } = await import(pathToFileURL(built).href);
  // REDIS_URL shares rooms with every other process on the same Redis; PUBLIC_ADDRESS (host:port) is
  // where clients reach this one (a client joining through another process is sent to the room's own).
  // CHASM_DATA_DIR is where one process keeps its rooms' layouts across restarts (default .data/ here).
  return attachRooms(servers, {
    redisUrl: process.env.REDIS_URL || undefined,
    publicAddress: process.env.PUBLIC_ADDRESS || undefined,
    layoutDir: join(resolve(process.env.CHASM_DATA_DIR || '.data'), 'rooms'),
  });
}

main().catch((error) => {
  console.error(`Chasm server could not start: ${error.message}`);
  process.exit(1);
});
