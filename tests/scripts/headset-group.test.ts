import { describe, expect, it } from 'vitest';
import { headsetOnlyFiles, type ChunkLike } from '../../scripts/headset-group.mjs';

const chunk = (fileName: string, o: Partial<ChunkLike> = {}): ChunkLike => ({ fileName, imports: [], dynamicImports: [], isEntry: false, facadeModuleId: null, ...o });

describe('headsetOnlyFiles', () => {
  it('keeps what only the headset module reaches, and nothing the 2D app reaches', () => {
    const chunks = [
      chunk('index.js', { isEntry: true, imports: ['core.js'], dynamicImports: ['xr.js', 'pwa.js', 'shader.js'] }),
      chunk('core.js'),
      chunk('pwa.js', { imports: ['workbox.js'], facadeModuleId: '/x/src/pwa/pwa.ts' }),
      chunk('workbox.js'),
      chunk('shader.js'),
      chunk('xr.js', { facadeModuleId: '/x/src/xr/immersive-session.ts', imports: ['core.js', 'xr-helper.js'], dynamicImports: ['xr-feature.js', 'shader.js'] }),
      chunk('xr-helper.js'),
      chunk('xr-feature.js', { imports: ['xr-helper.js'] }),
    ];
    expect(headsetOnlyFiles(chunks, 'src/xr/immersive-session.ts')).toEqual(['xr-feature.js', 'xr-helper.js', 'xr.js']);
  });
  it('says so when the headset module is not a chunk of its own', () => {
    expect(() => headsetOnlyFiles([chunk('index.js', { isEntry: true })], 'src/xr/immersive-session.ts')).toThrow(/not a chunk of its own/);
  });
});
