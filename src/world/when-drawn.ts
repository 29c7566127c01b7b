/**
 * The first frame that drew the scene whole: Babylon skips a mesh whose
 * shader is not ready yet (it compiles, or its code is still being
 * imported), so "a frame was rendered" is not "the world is on screen".
 */
import type { Scene } from '@babylonjs/core/scene';

/** Resolves after the first rendered frame at whose end every mesh and material of `scene` is ready. */
export function whenDrawn(scene: Scene): Promise<void> {
  return new Promise((resolve) => {
    const observer = scene.onAfterRenderObservable.add(() => {
      if (!scene.isReady(false)) return;
      scene.onAfterRenderObservable.remove(observer);
      resolve();
    });
  });
}
