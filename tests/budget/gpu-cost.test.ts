import { describe, expect, it } from 'vitest';
import { overdrawOf, pixelsPerSecond, textureBytes, totalTextureBytes } from '../../src/budget/gpu-cost';

describe('GPU cost', () => {
  it('counts a texture by size, texel format, faces, layers and mip chain', () => {
    const rgba8 = { width: 1024, height: 512, isCube: false, generateMipMaps: false, type: 0, format: 5 };
    expect(textureBytes(rgba8)).toBe(1024 * 512 * 4);
    expect(textureBytes({ ...rgba8, generateMipMaps: true })).toBe(Math.round((1024 * 512 * 4 * 4) / 3));
    expect(textureBytes({ ...rgba8, type: 2 })).toBe(1024 * 512 * 8);
    expect(textureBytes({ ...rgba8, isCube: true })).toBe(1024 * 512 * 4 * 6);
    expect(textureBytes({ ...rgba8, depth: 2 })).toBe(1024 * 512 * 4 * 2);
    expect(textureBytes({ ...rgba8, format: 6 })).toBe(1024 * 512);
    expect(textureBytes({ ...rgba8, width: 0 })).toBe(0);
    expect(totalTextureBytes([rgba8, rgba8])).toBe(2 * 1024 * 512 * 4);
  });

  it('gives pixels per second and overdraw', () => {
    expect(pixelsPerSecond({ width: 2064, height: 2208 }, 2, 90)).toBe(2064 * 2208 * 2 * 90);
    expect(overdrawOf(2_000_000, { width: 1000, height: 1000 })).toBe(2);
    expect(overdrawOf(5, { width: 0, height: 0 })).toBe(0);
  });
});
