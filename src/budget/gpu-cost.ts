/**
 * The GPU side of a frame, as numbers a budget row can be held to: texture
 * bytes allocated, pixels shaded per second, and overdraw. Pure; the
 * browser side reads Babylon's textures and the measuring pass and hands
 * plain data here.
 */

/** One allocated texture, as Babylon's internal texture describes it. */
export interface TextureDesc {
  width: number;
  height: number;
  /** Layers of a 2D array or depth of a 3D texture. @default 1 */
  depth?: number;
  isCube: boolean;
  generateMipMaps: boolean;
  /** Babylon's TEXTURETYPE_* (0 unsigned byte, 1 float, 2 half float, …). */
  type: number;
  /** Babylon's TEXTUREFORMAT_* (5 RGBA, 4 RGB, 6 red, 7 RG, 0/1 alpha/luminance, 13 depth-stencil). */
  format: number;
}

/** Bytes per channel by Babylon texture type; unknown types count as one byte. */
const BYTES_PER_CHANNEL: Readonly<Record<number, number>> = { 0: 1, 1: 4, 2: 2, 12: 4 };
/** Channels by Babylon texture format; unknown formats count as RGBA (the costlier guess). */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 1: 1, 2: 2, 4: 3, 5: 4, 6: 1, 7: 2, 13: 1 };

/** Bytes one texture occupies on the GPU (a full mip chain adds a third). */
export function textureBytes(t: TextureDesc): number {
  if (!(t.width > 0) || !(t.height > 0)) return 0;
  const texel = (CHANNELS[t.format] ?? 4) * (BYTES_PER_CHANNEL[t.type] ?? 1);
  const faces = t.isCube ? 6 : 1;
  const layers = Math.max(1, t.depth ?? 1);
  const mips = t.generateMipMaps ? 4 / 3 : 1;
  return Math.round(t.width * t.height * texel * faces * layers * mips);
}

/** Total bytes of a set of textures. */
export function totalTextureBytes(textures: Iterable<TextureDesc>): number {
  let sum = 0;
  for (const t of textures) sum += textureBytes(t);
  return sum;
}

/** Pixels rendered per view. */
export interface RenderPx {
  width: number;
  height: number;
}

/** Pixels rendered per second: every view of every frame at the target rate. */
export function pixelsPerSecond(px: RenderPx, views: number, hz: number): number {
  return px.width * px.height * Math.max(1, views) * hz;
}

/** Overdraw: fragments shaded per pixel on screen (1 means every pixel was shaded once). */
export function overdrawOf(fragments: number, px: RenderPx): number {
  const pixels = px.width * px.height;
  return pixels > 0 ? fragments / pixels : 0;
}
