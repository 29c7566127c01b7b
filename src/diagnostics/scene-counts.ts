/**
 * Counts the Babylon objects a scene holds, for leak checks: after entering
 * and leaving VR, or loading a layout, they must come back to a baseline.
 */
import type { Scene } from '@babylonjs/core/scene';
import { Observable } from '@babylonjs/core/Misc/observable';
import type { SceneCounts } from './chasm-diagnostics';

/** Observers on every observable the object owns directly, by the observable's name (prefixed). */
function observersOf(owner: object, prefix: string, into: Record<string, number>): void {
  for (const [key, value] of Object.entries(owner)) {
    if (value instanceof Observable && value.observers.length) into[prefix + key.replace(/^_/, '')] = value.observers.length;
  }
}

export function sceneCounts(scene: Scene): SceneCounts {
  const engine = scene.getEngine();
  const observersByName: Record<string, number> = {};
  observersOf(scene, 'scene.', observersByName);
  observersOf(engine, 'engine.', observersByName);
  return {
    meshes: scene.meshes.length,
    materials: scene.materials.length,
    textures: scene.textures.length,
    cameras: scene.cameras.length,
    observers: Object.values(observersByName).reduce((a, b) => a + b, 0),
    observersByName,
    engine: { scenes: engine.scenes.length, renderLoops: engine.activeRenderLoops.length, textures: engine.getLoadedTexturesCache().length },
  };
}
