/**
 * The selection's highlight: a pale glowing box around the robot or bin
 * selected (or found), following a robot as it moves. One mesh, one draw
 * call, drawn only while something is selected.
 */
import type { Scene } from '@babylonjs/core/scene';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Box } from '../selection/pick';

export interface Highlight {
  readonly mesh: Mesh;
  /** Shows the box (world metres, in the twin's own frame), or hides it with null. */
  show(box: Box | null): void;
  dispose(): void;
}

export function createHighlight(scene: Scene): Highlight {
  const mesh = CreateBox('selection-highlight', { size: 1 }, scene);
  const material = new StandardMaterial('selection-highlight-material', scene);
  material.disableLighting = true;
  material.emissiveColor = Color3.FromHexString('#ffb347');
  material.alpha = 0.35;
  material.backFaceCulling = false;
  mesh.material = material;
  mesh.isPickable = false;
  mesh.isVisible = false;
  return {
    mesh,
    show(box) {
      mesh.isVisible = box !== null;
      if (!box) return;
      mesh.position.set(...box.center);
      mesh.scaling.set(...box.size);
    },
    dispose() {
      material.dispose();
      mesh.dispose();
    },
  };
}
