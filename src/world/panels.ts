/**
 * Flat panels with text: a plane showing a canvas-drawn texture, lit by
 * itself so it reads the same in any light. The order board, the gap wall's
 * words and the live device panel are each one such panel (one draw call).
 */
import type { Scene } from '@babylonjs/core/scene';
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';

/** A panel and its drawing surface. */
export interface CanvasPanel {
  readonly mesh: Mesh;
  /** Redraws the texture with `paint`, given the canvas size in pixels. */
  draw(paint: (ctx: CanvasRenderingContext2D, widthPx: number, heightPx: number) => void): void;
  /**
   * Whether the panel was drawn in the last frame (in view, not culled). A
   * panel no one sees need not be repainted: each repaint uploads its whole
   * texture, on a throttled phone ~50 ms of main thread.
   */
  onScreen(): boolean;
  dispose(): void;
}

/** Options for a panel. */
export interface PanelOptions {
  widthM: number;
  heightM: number;
  /** Texture width in pixels; height follows the aspect ratio. */
  widthPx: number;
  /** Centre position in metres. */
  position: [number, number, number];
  /** Rotation about y in radians; 0 faces -z (towards a viewer standing at lower z). */
  yawRad: number;
  /** The panel will be moved (a HUD that follows the viewer): its world matrix is not frozen. */
  movable?: boolean;
}

/** Creates a self-lit panel. */
export function createCanvasPanel(scene: Scene, name: string, o: PanelOptions): CanvasPanel {
  const heightPx = Math.round((o.widthPx * o.heightM) / o.widthM);
  // Panels are painted on the CPU and uploaded when they change (a few times a second at most).
  // A GPU-backed 2D canvas would cost its own GPU context on first use (1.2 s on a software GPU,
  // all of it before the first frame) and a GPU-to-GPU copy saves nothing at this rate.
  const canvas = document.createElement('canvas');
  canvas.width = o.widthPx;
  canvas.height = heightPx;
  canvas.getContext('2d', { willReadFrequently: true });
  const texture = new DynamicTexture(`${name}-texture`, canvas, scene, true);
  texture.anisotropicFilteringLevel = 4;
  const material = new StandardMaterial(`${name}-material`, scene);
  material.diffuseColor = Color3.Black();
  material.specularColor = Color3.Black();
  material.emissiveTexture = texture;
  material.disableLighting = true;
  // Redrawing the texture needs no shader change: freeze once.
  material.freeze();
  const mesh = CreatePlane(name, { width: o.widthM, height: o.heightM }, scene);
  mesh.material = material;
  mesh.position.set(...o.position);
  mesh.rotation.y = o.yawRad;
  mesh.isPickable = false;
  // How many times the panel was painted (diagnostics: a HUD that updates is one whose count grows).
  mesh.metadata = { paints: 0 };
  if (!o.movable) mesh.freezeWorldMatrix();
  let drawnInFrame = -Infinity;
  mesh.onBeforeRenderObservable.add(() => (drawnInFrame = scene.getFrameId()));
  const ctx = texture.getContext() as unknown as CanvasRenderingContext2D;
  return {
    mesh,
    // The frame being prepared has not culled yet: the last one counts.
    onScreen: () => scene.getFrameId() - drawnInFrame <= 1,
    draw(paint) {
      ctx.save();
      paint(ctx, o.widthPx, heightPx);
      ctx.restore();
      texture.update(true);
      (mesh.metadata as { paints: number }).paints++;
    },
    dispose() {
      mesh.dispose();
      material.dispose();
      texture.dispose();
    },
  };
}
