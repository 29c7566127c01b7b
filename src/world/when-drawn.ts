/**
 * The first frame that drew the scene whole: Babylon skips a mesh whose
 * shader is not ready yet (it compiles, or its code is still being
 * imported), so "a frame was rendered" is not "the world is on screen".
 */
import type { Scene } from '@babylonjs/core/scene';

/** How long after its first frame a scene that never reports ready counts as drawn anyway, in ms. */
export const DRAWN_ANYWAY_MS = 3000;

/**
 * Whether every mesh the last frame drew (its active meshes) was ready to draw, with nothing still
 * loading. Not `scene.isReady()`: that compiles a shader for every mesh, hidden ones too (a selection's
 * highlight, a route, the congestion overlay): three compiles before a phone's first frame that no
 * frame needed yet. They compile when first shown.
 */
function drawnWhole(scene: Scene): boolean {
  if (scene.getWaitingItemsCount() > 0) return false;
  const active = scene.getActiveMeshes();
  for (let i = 0; i < active.length; i++) if (active.data[i]?.isReady(true) === false) return false;
  return true;
}

/**
 * Resolves after the first rendered frame at whose end every mesh it drew
 * was ready, or `DRAWN_ANYWAY_MS` after the first frame if some mesh never
 * is (a texture that failed), so nothing waits forever.
 */
export function whenDrawn(scene: Scene): Promise<void> {
  return new Promise((resolve) => {
    let firstMs: number | null = null;
    const observer = scene.onAfterRenderObservable.add(() => {
      const now = performance.now();
      firstMs ??= now;
      if (!drawnWhole(scene) && now - firstMs < DRAWN_ANYWAY_MS) return;
      scene.onAfterRenderObservable.remove(observer);
      resolve();
    });
  });
}
