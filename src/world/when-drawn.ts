/**
 * The first frame that drew the scene whole: Babylon skips a mesh whose
 * shader is not ready yet (it compiles, or its code is still being
 * imported), so "a frame was rendered" is not "the world is on screen".
 */
import type { Scene } from '@babylonjs/core/scene';

/** How long after its first frame a scene that never reports ready counts as drawn anyway, in ms. */
export const DRAWN_ANYWAY_MS = 3000;

/**
 * Resolves after the first rendered frame at whose end every mesh and
 * material of `scene` is ready, or `DRAWN_ANYWAY_MS` after the first frame
 * if some mesh never is (a texture that failed), so nothing waits forever.
 */
export function whenDrawn(scene: Scene): Promise<void> {
  return new Promise((resolve) => {
    let firstMs: number | null = null;
    const observer = scene.onAfterRenderObservable.add(() => {
      const now = performance.now();
      firstMs ??= now;
      if (!scene.isReady(false) && now - firstMs < DRAWN_ANYWAY_MS) return;
      scene.onAfterRenderObservable.remove(observer);
      resolve();
    });
  });
}
