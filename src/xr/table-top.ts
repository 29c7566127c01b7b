/**
 * Passthrough (immersive-ar) as a table-top model: a hit test along a ray
 * from the eyes, tilted down towards a table, finds a real surface; the
 * first surface found places the warehouse there (scaled down), and a
 * trigger or pinch on another spot moves it. The right stick turns it in
 * snaps, the left stick scales it. A ring marks where a surface is found;
 * with none in 10 s the model stands in front of the viewer, a card says
 * so, and a trigger places it by hand.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { WebXRSessionManager } from '@babylonjs/core/XR/webXRSessionManager';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { snapTurn, type Stick } from '../input/stick-locomotion';
import { stickOf } from './locomotion';

/** What the table-top mode asks the app to do with the model. */
export interface TableTopHooks {
  /** Puts the model's floor centre at a surface point (metres, scene coordinates). */
  place(at: { x: number; y: number; z: number }): void;
  /** Turns the model about its centre (radians). */
  turn(rad: number): void;
  /** Multiplies the model's scale. */
  scale(factor: number): void;
  /** Whether the model has been placed yet. */
  placed(): boolean;
  /** The snap-turn angle, degrees. */
  snapTurnDeg(): number;
}

export interface TableTop {
  /** The surface the eyes' ray meets now, or null. */
  surfaceHit(): { x: number; y: number; z: number } | null;
  dispose(): void;
}

/** The hit-test ray: from the eyes, tilted about 35° down (towards a table in front). */
const RAY_DOWN = { x: 0, y: -0.7, z: -1 };
/** Scaling speed: the left stick held fully changes the scale by e per second. */
const SCALE_PER_S = 1;
/**
 * How long the eyes' ray may find no surface before the model is placed in front of the viewer and the
 * person is told (a dark room, a bare floor out of view, a headset with no hit test): 10 s.
 */
export const NO_SURFACE_MS = 10_000;

/**
 * Starts the table-top mode; `noSurface` is called once when no surface was found in NO_SURFACE_MS and the
 * model was placed in front of the viewer instead (a trigger then moves it by hand).
 */
export async function startTableTop(scene: Scene, manager: WebXRSessionManager, hooks: TableTopHooks, noSurface: () => void): Promise<TableTop> {
  const session = manager.session;
  let source: XRHitTestSource | null = null;
  try {
    const viewer = await session.requestReferenceSpace('viewer');
    source = (await session.requestHitTestSource?.({ space: viewer, offsetRay: new XRRay({}, RAY_DOWN) })) ?? null;
  } catch (error) {
    console.warn('Chasm: this headset offers no surface hit test; the model is placed in front of you.', error);
  }
  const material = new StandardMaterial('table-top-ring-material', scene);
  material.emissiveColor = new Color3(0.35, 0.85, 1);
  material.disableLighting = true;
  const ring = CreateTorus('table-top-ring', { diameter: 0.12, thickness: 0.008, tessellation: 32 }, scene);
  ring.material = material;
  ring.isPickable = false;
  ring.isVisible = false;
  let hit: { x: number; y: number; z: number } | null = null;
  const turnEdge = { turnArmed: true };
  let lastMs = manager.currentTimestamp;
  let fallbackAtMs: number | null = null;

  const observer = manager.onXRFrameObservable.add((frame) => {
    const now = manager.currentTimestamp;
    const dtS = (now - lastMs) / 1000;
    lastMs = now;
    hit = null;
    const result = source ? frame.getHitTestResults(source)[0] : undefined;
    const pose = result?.getPose(manager.referenceSpace);
    if (pose) {
      const p = pose.transform.position;
      // WebXR is right-handed; the scene is left-handed.
      hit = { x: p.x, y: p.y, z: -p.z };
      ring.position.set(hit.x, hit.y + 0.002, hit.z);
    }
    ring.isVisible = hit !== null;
    if (!hooks.placed()) {
      if (hit) hooks.place(hit);
      else {
        // No surface within NO_SURFACE_MS (at once without a hit test): in front, at table height, and said.
        fallbackAtMs ??= source ? now + NO_SURFACE_MS : now;
        if (now >= fallbackAtMs) {
          const viewerPose = frame.getViewerPose(manager.referenceSpace);
          const v = viewerPose?.transform.position;
          if (v) {
            hooks.place({ x: v.x, y: Math.max(0.4, v.y - 0.6), z: -v.z + 0.8 });
            noSurface();
          }
        }
      }
    }
    let left: Stick | null = null;
    let right: Stick | null = null;
    for (const input of session.inputSources) {
      if (input.hand) continue;
      if (input.handedness === 'left') left = stickOf(input);
      if (input.handedness === 'right') right = stickOf(input);
    }
    // The right stick snap-turns the model (its x axis only: forward does nothing here).
    const turn = snapTurn(turnEdge, right?.x ?? 0, hooks.snapTurnDeg());
    if (turn !== 0) hooks.turn(turn);
    if (left && Math.abs(left.y) > 0.2 && dtS > 0) hooks.scale(Math.exp(-left.y * SCALE_PER_S * Math.min(dtS, 0.1)));
  });

  return {
    surfaceHit: () => hit,
    dispose() {
      manager.onXRFrameObservable.remove(observer);
      source?.cancel();
      ring.dispose();
      material.dispose();
    },
  };
}
