/**
 * The comfort vignette (Babylon has none): a ring that darkens the edges of
 * the view while the viewer moves continuously, narrowing what the eyes see
 * in motion (a well-tested cure for vection sickness). It is a quad fixed in
 * front of the XR camera with a radial alpha gradient, drawn last and over
 * everything; its opacity follows the motion strength, eased.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Camera } from '@babylonjs/core/Cameras/camera';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder';
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Constants } from '@babylonjs/core/Engines/constants';

/** Rendering group drawn after the world, with its own depth clear. */
const OVERLAY_GROUP = 3;
/** Distance of the quad from the eyes, and its size: it covers the Quest's field of view. */
const DISTANCE_M = 0.12;
const SIZE_M = 0.5;
/** Seconds to ease fully in or out. */
const EASE_S = 0.25;

export interface ComfortVignette {
  /** Sets the target strength 0..1 (0 hides it) and eases towards it over `dtS` seconds. */
  update(strength: number, dtS: number): void;
  /** Current opacity, 0..1. */
  readonly opacity: number;
  dispose(): void;
}

export function createComfortVignette(scene: Scene, camera: Camera): ComfortVignette {
  const texture = new DynamicTexture('comfort-vignette-texture', { width: 256, height: 256 }, scene, false);
  const ctx = texture.getContext() as unknown as CanvasRenderingContext2D;
  const g = ctx.createRadialGradient(128, 128, 40, 128, 128, 128);
  g.addColorStop(0, 'rgba(0,0,0,0)');
  g.addColorStop(0.55, 'rgba(0,0,0,0.85)');
  g.addColorStop(1, 'rgba(0,0,0,1)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 256, 256);
  texture.hasAlpha = true;
  texture.update(false);
  const material = new StandardMaterial('comfort-vignette-material', scene);
  material.diffuseColor = Color3.Black();
  material.specularColor = Color3.Black();
  material.emissiveColor = Color3.Black();
  material.opacityTexture = texture;
  material.disableLighting = true;
  material.disableDepthWrite = true;
  material.depthFunction = Constants.ALWAYS;
  material.backFaceCulling = false;
  const mesh = CreatePlane('comfort-vignette', { size: SIZE_M }, scene);
  mesh.material = material;
  mesh.parent = camera;
  mesh.position.set(0, 0, DISTANCE_M);
  mesh.isPickable = false;
  mesh.renderingGroupId = OVERLAY_GROUP;
  mesh.alwaysSelectAsActiveMesh = true;
  mesh.isVisible = false;
  let opacity = 0;
  return {
    get opacity() {
      return opacity;
    },
    update(strength, dtS) {
      const target = Math.max(0, Math.min(1, Number.isFinite(strength) ? strength : 0));
      const step = Math.max(0, dtS) / EASE_S;
      opacity = opacity < target ? Math.min(target, opacity + step) : Math.max(target, opacity - step);
      mesh.isVisible = opacity > 0.01;
      mesh.visibility = opacity;
    },
    dispose() {
      mesh.dispose();
      material.dispose();
      texture.dispose();
    },
  };
}
