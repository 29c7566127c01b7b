/**
 * A pack taken out of its bin: one box of the pack's size and colour, with
 * its label (the medicine's name in the person's language) printed on both
 * faces that showed in the aisle. Moved by `pose` each frame; its slot in
 * the stock is emptied while it is out (`StockRenderer.setPackShown`).
 */
import type { Scene } from '@babylonjs/core/scene';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { PackPlace } from '../layout/stock';
import { createCanvasPanel } from './panels';
import { paintPackLabel } from './painters';
import { slotRotation } from './slot-rotation';

/** A held pack in the scene. */
export interface HeldPack {
  readonly mesh: Mesh;
  /** Places it: centre (m), orientation (a unit quaternion, left-handed) and scale of its real size. */
  pose(position: Vector3, rotation: Quaternion, scale: number): void;
  dispose(): void;
}

/** Texture pixels per metre of label: a 12 cm pack face gets 240 px, sharp at arm's length. */
const LABEL_PX_PER_M = 2000;

/** Creates the held pack where it stood in its slot (its front to the aisle, as the stock draws it). */
export function createHeldPack(scene: Scene, place: PackPlace, colour: string, name: string): HeldPack {
  const [depth, height, width] = place.size;
  const material = new StandardMaterial('held-pack-material', scene);
  material.diffuseColor = Color3.FromHexString(colour);
  material.specularColor = new Color3(0.1, 0.1, 0.1);
  const mesh = CreateBox('held-pack', { width: depth, height, depth: width }, scene);
  mesh.material = material;
  mesh.isPickable = false;
  const rotation = slotRotation(place);
  mesh.rotationQuaternion = rotation;
  mesh.position.set(place.x, place.y, place.z);
  // The label on its front (+x) face, and again on its back: whichever way the hand turns it, it reads.
  const label = createCanvasPanel(scene, 'held-pack-label', {
    widthM: width * 0.96,
    heightM: height * 0.9,
    widthPx: Math.max(64, Math.round(width * LABEL_PX_PER_M)),
    position: [depth / 2 + 0.0005, 0, 0],
    // A plane's front faces -z: a quarter turn faces it +x.
    yawRad: -Math.PI / 2,
    movable: true,
  });
  label.draw((ctx, w, h) => paintPackLabel(ctx, w, h, name, colour));
  label.mesh.parent = mesh;
  (label.mesh.metadata as Record<string, unknown>).text = name;
  const back = label.mesh.clone('held-pack-label-back', mesh);
  back.position.set(-depth / 2 - 0.0005, 0, 0);
  back.rotation.y = Math.PI / 2;
  return {
    mesh,
    pose(position, turned, scale) {
      mesh.position.copyFrom(position);
      rotation.copyFrom(turned);
      mesh.scaling.setAll(scale);
    },
    dispose() {
      back.dispose();
      label.dispose();
      mesh.dispose();
      material.dispose();
    },
  };
}
