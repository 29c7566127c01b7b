import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { CONTENT_SECURITY_POLICY, staticHostHeaders } from '../../scripts/security-headers.mjs';
import { chooseEncoding, compressible } from '../../scripts/compression.mjs';

let server: ChildProcess;
let base = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chasm-serve-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'export {};');
  writeFileSync(join(dir, 'assets', 'big.js'), `export const a = ${JSON.stringify('chasm '.repeat(20_000))};`);
  const pre = `export const b = ${JSON.stringify('twin '.repeat(20_000))};`;
  writeFileSync(join(dir, 'assets', 'pre.js'), pre);
  writeFileSync(join(dir, 'assets', 'pre.js.br'), brotliCompressSync(pre));
  writeFileSync(join(dir, 'decoder.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(dir, 'sw.js'), 'self;');
  server = spawn(process.execPath, ['scripts/serve.mjs', '--no-https', '--quiet', '--port', '0', '--dir', dir]);
  base = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      const m = /http:\/\/localhost:(\d+)\//.exec(chunk.toString());
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
});

afterAll(() => {
  server.kill();
});

describe('scripts/serve.mjs', () => {
  it('serves index.html at / with the security headers', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('permissions-policy')).toBe('xr-spatial-tracking=(self)');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('gzips text it is asked to, and leaves small files and other clients alone', async () => {
    const { request } = await import('node:http');
    const get = (path: string, encoding: string) =>
      new Promise<{ encoding?: string; length: number }>((resolve) => {
        const url = new URL(base);
        request({ host: url.hostname, port: url.port, path, headers: { 'accept-encoding': encoding } }, (res) => {
          let length = 0;
          res.on('data', (c: Buffer) => (length += c.length));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], length }));
        }).end();
      });
    const big = await get('/assets/big.js', 'gzip, br');
    expect(big.encoding).toBe('gzip');
    expect(big.length).toBeLessThan(2_000);
    expect((await get('/assets/big.js', 'identity')).encoding).toBeUndefined();
    expect((await get('/assets/app-abc123.js', 'gzip')).encoding).toBeUndefined();
  });

  it('sends the build-time brotli file to clients that take br, gzip to the rest', async () => {
    const res = await fetch(`${base}/assets/pre.js`, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    // fetch decodes: the body is the original file.
    expect((await res.text()).startsWith('export const b = "twin twin')).toBe(true);
    const { request } = await import('node:http');
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
      const url = new URL(base);
      request({ host: url.hostname, port: url.port, path: '/assets/pre.js', headers: { 'accept-encoding': 'br' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ encoding: r.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).end();
    });
    expect(raw.encoding).toBe('br');
    expect(brotliDecompressSync(raw.body).toString().length).toBe('export const b = '.length + 2 + 'twin '.length * 20_000 + 1);
    expect((await fetch(`${base}/assets/pre.js`, { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-encoding')).toBe('gzip');
  });

  it('serves .wasm as application/wasm', async () => {
    const res = await fetch(`${base}/decoder.wasm`);
    expect(res.headers.get('content-type')).toBe('application/wasm');
  });

  it('caches hashed assets for good and revalidates the service worker', async () => {
    expect((await fetch(`${base}/assets/app-abc123.js`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing file with 404 and a malformed URL with 400, headers included', async () => {
    const missing = await fetch(`${base}/nope.glb`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
  });

  it('never serves files outside its directory', async () => {
    // fetch normalises "..", so send the raw path over a socket-level request.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const url = new URL(base);
      request({ host: url.hostname, port: url.port, path: '/../package.json' }, (res) => resolve(res.statusCode!)).end();
    });
    expect([403, 404]).toContain(status);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('staticHostHeaders', () => {
  it('gives static hosts the same policy as the server, and caches only hashed assets for good', () => {
    const text = staticHostHeaders();
    expect(text).toContain(`  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`);
    expect(text).toContain('  Permissions-Policy: xr-spatial-tracking=(self)');
    expect(text).toMatch(/^\/\*\n/);
    expect(text).toContain('/assets/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(text).toContain('/index.html\n  Cache-Control: no-cache');
    // Only per-path Cache-Control: hosts merge matching rules, so none on /*.
    expect(text.split('\n/')[0]).not.toContain('Cache-Control');
  });
});

describe('scripts/compression.mjs', () => {
  it('chooses br only when a brotli file exists and the client takes it, else gzip, else nothing', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', true)).toBe('br');
    expect(chooseEncoding('gzip, deflate, br, zstd', false)).toBe('gzip');
    expect(chooseEncoding('gzip', true)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip', true)).toBe('gzip');
    expect(chooseEncoding('BR', true)).toBe('br');
    expect(chooseEncoding('identity', true)).toBeNull();
    expect(chooseEncoding(undefined, true)).toBeNull();
  });
  it('compresses text, code and models over 1 KB, not images or small files', () => {
    expect(compressible('dist/assets/index-abc.js', 200_000)).toBe(true);
    expect(compressible('dist/models/robot.glb', 40_000)).toBe(true);
    expect(compressible('dist/assets/tiny.js', 500)).toBe(false);
    expect(compressible('dist/screenshots/wide.jpg', 90_000)).toBe(false);
  });
});
