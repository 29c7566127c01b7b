/**
 * Counts the Babylon objects a scene holds, for leak checks: after entering
 * and leaving VR, or loading a layout, they must come back to a baseline.
 */
import type { Scene } from '@babylonjs/core/scene';
import { Observable } from '@babylonjs/core/Misc/observable';
import type { SceneCounts } from './chasm-diagnostics';

/** Observers on every observable the object owns directly. */
function observersOf(owner: object): number {
  let n = 0;
  for (const value of Object.values(owner)) if (value instanceof Observable) n += value.observers.length;
  return n;
}

export function sceneCounts(scene: Scene): SceneCounts {
  return {
    meshes: scene.meshes.length,
    materials: scene.materials.length,
    textures: scene.textures.length,
    cameras: scene.cameras.length,
    observers: observersOf(scene) + observersOf(scene.getEngine()),
  };
}
