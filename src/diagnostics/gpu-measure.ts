/**
 * The measuring pass behind the GPU cost model: draws what the first view
 * sees once more, into a small offscreen target, with every mesh replaced
 * by a material that adds 1/255 per fragment (additive blending, depth test
 * and depth writes as in the real opaque pass, in Babylon's own draw order).
 * Reading the target back counts the fragments that were shaded per pixel:
 * the overdraw a tile-based GPU pays for. Loaded on demand (perf traces and
 * tests), never on the way to the first frame.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture';
import { ShaderMaterial } from '@babylonjs/core/Materials/shaderMaterial';
import { Constants } from '@babylonjs/core/Engines/constants';
import { Color4 } from '@babylonjs/core/Maths/math.color';
import { ShaderStore } from '@babylonjs/core/Engines/shaderStore';
import '@babylonjs/core/Shaders/ShadersInclude/instancesDeclaration';
import '@babylonjs/core/Shaders/ShadersInclude/instancesVertex';
import { overdrawOf, pixelsPerSecond } from '../budget/gpu-cost';
import type { ChasmStats, GpuCost } from './chasm-diagnostics';

/** Fragments shaded for one view, and what they come to per pixel. */
export interface FragmentCount {
  /** Fragments shaded for one view at its full render size. */
  fragments: number;
  /** Fragments per pixel of the view. */
  overdraw: number;
  /** Share of the view's pixels covered by any geometry, 0..1 (the rest is the clear colour). */
  coverage: number;
}

ShaderStore.ShadersStore['chasmCountVertexShader'] = `
precision highp float;
attribute vec3 position;
#include<instancesDeclaration>
uniform mat4 viewProjection;
void main(void) {
#include<instancesVertex>
  gl_Position = viewProjection * finalWorld * vec4(position, 1.0);
}`;
ShaderStore.ShadersStore['chasmCountFragmentShader'] = `
precision highp float;
void main(void) {
  gl_FragColor = vec4(1.0 / 255.0, 0.0, 0.0, 1.0);
}`;

/**
 * Counts the fragments the active view shades, rendered at most `maxWidthPx`
 * wide (overdraw is a ratio; a smaller target keeps the read-back cheap) and
 * scaled to `renderPx`, the view's real size. @default maxWidthPx 480
 */
export async function measureFragments(scene: Scene, renderPx: { width: number; height: number }, maxWidthPx = 480): Promise<FragmentCount> {
  const camera = scene.activeCamera?.rigCameras[0] ?? scene.activeCamera;
  if (!camera || renderPx.width <= 0 || renderPx.height <= 0) return { fragments: 0, overdraw: 0, coverage: 0 };
  const scale = Math.min(1, maxWidthPx / renderPx.width);
  const width = Math.max(1, Math.round(renderPx.width * scale));
  const height = Math.max(1, Math.round(renderPx.height * scale));
  const target = new RenderTargetTexture('chasm-overdraw', { width, height }, scene, { generateMipMaps: false, generateDepthBuffer: true });
  const material = new ShaderMaterial('chasm-count', scene, 'chasmCount', { attributes: ['position'], uniforms: ['world', 'viewProjection'] });
  // Opaque, so it keeps the real pass's depth test and writes; blending added at bind time.
  const onBind = material.onBindObservable.add(() => scene.getEngine().setAlphaMode(Constants.ALPHA_ONEONE));
  try {
    const meshes: AbstractMesh[] = scene.meshes.filter((m) => m.isEnabled() && m.isVisible && m.getTotalVertices() > 0 && m.material !== null);
    target.renderList = meshes;
    target.activeCamera = camera;
    target.ignoreCameraViewport = true;
    target.clearColor = new Color4(0, 0, 0, 0);
    target.setMaterialForRendering(meshes, material);
    // Shaders compile on first use: render until the material is ready for every mesh.
    for (let i = 0; i < 50 && !meshes.every((m) => material.isReady(m, m.hasThinInstances || m.hasInstances)); i++) await new Promise((r) => setTimeout(r, 20));
    target.render();
    const pixels = (await target.readPixels()) as Uint8Array | null;
    if (!pixels) return { fragments: 0, overdraw: 0, coverage: 0 };
    let sum = 0;
    let covered = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const n = pixels[i] ?? 0;
      sum += n;
      if (n > 0) covered++;
    }
    const area = width * height;
    const fragments = Math.round((sum * renderPx.width * renderPx.height) / area);
    return { fragments, overdraw: overdrawOf(fragments, renderPx), coverage: covered / area };
  } finally {
    material.onBindObservable.remove(onBind);
    target.dispose();
    material.dispose();
  }
}

/** The GPU side of the current view (`window.__chasm.measureGpu()`), from its stats and one measuring pass. */
export async function measureGpuCost(scene: Scene, now: ChasmStats): Promise<GpuCost> {
  const count = await measureFragments(scene, now.renderPx);
  return {
    renderPx: now.renderPx,
    views: now.views,
    targetHz: now.targetHz,
    pixelsPerSecond: pixelsPerSecond(now.renderPx, now.views, now.targetHz),
    fragments: count.fragments * now.views,
    overdraw: count.overdraw,
    coverage: count.coverage,
    textureBytes: now.textureBytes,
  };
}
