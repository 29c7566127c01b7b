import { describe, expect, it } from 'vitest';
import { headsetOnlyFiles, phoneFiles, type ChunkLike } from '../../scripts/headset-group.mjs';

const chunk = (fileName: string, o: Partial<ChunkLike> = {}): ChunkLike => ({
  fileName,
  imports: [],
  dynamicImports: [],
  isEntry: false,
  facadeModuleId: null,
  ...o,
});

describe('headsetOnlyFiles', () => {
  it('keeps what only the headset module reaches, and nothing the 2D app reaches', () => {
    const chunks = [
      chunk('index.js', { isEntry: true, imports: ['core.js'], dynamicImports: ['xr.js', 'pwa.js', 'shader.js'] }),
      chunk('core.js'),
      chunk('pwa.js', { imports: ['workbox.js'], facadeModuleId: '/x/src/pwa/pwa.ts' }),
      chunk('workbox.js'),
      chunk('shader.js'),
      chunk('xr.js', {
        facadeModuleId: '/x/src/xr/immersive-session.ts',
        imports: ['core.js', 'xr-helper.js'],
        dynamicImports: ['xr-feature.js', 'shader.js'],
      }),
      chunk('xr-helper.js'),
      chunk('xr-feature.js', { imports: ['xr-helper.js'] }),
    ];
    expect(headsetOnlyFiles(chunks, 'src/xr/immersive-session.ts')).toEqual(['xr-feature.js', 'xr-helper.js', 'xr.js']);
  });
  it('says so when the headset module is not a chunk of its own', () => {
    expect(() => headsetOnlyFiles([chunk('index.js', { isEntry: true })], 'src/xr/immersive-session.ts')).toThrow(/not a chunk of its own/);
  });
});

describe('phoneFiles', () => {
  it("follows static imports and the app's own import() calls, never Babylon's optional ones or the headset module", () => {
    const chunks = [
      chunk('index.js', { isEntry: true, imports: ['core.js'], dynamicImports: ['app.js'] }),
      chunk('app.js', { imports: ['core.js'], dynamicImports: ['xr.js', 'pwa.js', 'robot.js', 'wgsl.js', 'ktx.js'] }),
      chunk('core.js'),
      chunk('pwa.js', { facadeModuleId: '/x/src/pwa/pwa.ts' }),
      chunk('robot.js', { imports: ['gltf.js'] }),
      chunk('gltf.js', { dynamicImports: ['pbr.js'] }),
      chunk('pbr.js'),
      chunk('wgsl.js'),
      chunk('ktx.js'),
      chunk('xr.js', { facadeModuleId: '/x/src/xr/immersive-session.ts', imports: ['core.js'] }),
    ];
    // What Chasm's own modules import lazily, per chunk (Babylon's import() calls in the same chunks are not listed).
    const own: Record<string, string[]> = { 'index.js': ['app.js'], 'app.js': ['xr.js', 'pwa.js', 'robot.js'] };
    expect(phoneFiles(chunks, 'src/xr/immersive-session.ts', (c) => own[c.fileName] ?? [])).toEqual([
      'app.js',
      'core.js',
      'gltf.js',
      'index.js',
      'pwa.js',
      'robot.js',
    ]);
  });
});
