import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { firstVisitBytes, missingFromPrecache, precachedUrls, readBuild } from '../../scripts/precache-check.mjs';
import { RUNTIME_ASSETS } from '../../src/app/runtime-assets';

describe('precache check (pure)', () => {
  it('reads the precache manifest out of a minified service worker', () => {
    const sw = 'e.precacheAndRoute([{url:"assets/a-1234abcd.js",revision:null},{url:"index.html",revision:"9f"}],{})';
    expect(precachedUrls(sw)).toEqual(['assets/a-1234abcd.js', 'index.html']);
    expect(() => precachedUrls('self.skipWaiting()')).toThrow(/no precache manifest/);
  });
  it('names the app files the precache lacks and ignores the worker itself', () => {
    const files = ['index.html', 'sw.js', 'workbox-2fbc6a65.js', 'sw-extras.js', '_headers', '.vite/manifest.json', 'models/robot.glb', 'vendor/x.wasm'];
    expect(missingFromPrecache(files, ['index.html', 'models/robot.glb'])).toEqual(['vendor/x.wasm']);
    expect(missingFromPrecache(files, ['index.html', 'models/robot.glb'], ['vendor/x.wasm'])).toEqual([]);
  });
});

// Runs over the real build (`npm test` builds before the unit tests).
describe('the built service worker', () => {
  it('precaches every file the app loads: runtime models and decoders, code, layouts, icons', async () => {
    expect(existsSync('dist/sw.js'), 'dist/sw.js is missing: run `npm run build` first').toBe(true);
    const { files, precached, headset, online } = await readBuild('dist');
    expect(missingFromPrecache(files, precached, headset, online)).toEqual([]);
    // The shared room's client is fetched when a room is joined (a room needs the network): no device precaches it.
    expect(
      online.some((u) => /^assets\/room-client-[\w-]+\.js$/.test(u)),
      'the room client is fetched on demand',
    ).toBe(true);
    for (const f of online) expect([...precached, ...headset], `${f} must not be precached`).not.toContain(f);
    for (const path of Object.values(RUNTIME_ASSETS)) {
      expect(files, `${path} is not in the build`).toContain(path);
      expect(precached, `${path} is not precached`).toContain(path);
    }
    const manifest = JSON.parse(readFileSync('dist/manifest.webmanifest', 'utf8')) as { icons: { src: string }[]; screenshots: { src: string }[] };
    for (const { src } of [...manifest.icons, ...manifest.screenshots]) expect(precached).toContain(src);
    expect(precached).toContain('manifest.webmanifest');
    // The headset code is cached only on devices that can enter VR, never on phones.
    expect(
      headset.some((u) => /^assets\/immersive-session-[\w-]+\.js$/.test(u)),
      'the headset chunk is in the headset group',
    ).toBe(true);
    for (const f of headset) expect(precached, `${f} must not be precached`).not.toContain(f);
    expect(precached).toContain('headset-assets.json');
    expect(precached).toContain('index.html');
    expect(precached.filter((u) => u.endsWith('.json')).length, 'the shipped layouts').toBeGreaterThanOrEqual(2);
  });

  it("holds a phone's whole first visit to 450 KB of gzip JavaScript: no WebGPU shaders, PBR or unshipped texture loaders", async () => {
    const { precached } = await readBuild('dist');
    const bytes = await firstVisitBytes('dist', precached);
    expect(bytes.js, 'JavaScript a phone precaches, gzip bytes').toBeLessThanOrEqual(450 * 1024);
    for (const f of precached) expect(f, 'an optional Babylon chunk on the phone').not.toMatch(/(pbr|openpbr|TextureLoader|\.wgsl)/i);
  });
});
