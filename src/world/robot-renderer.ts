/**
 * Draws every robot with at most one draw call per level of detail: the
 * glTF model's LOD meshes each carry thin instances, refilled every frame
 * from the simulation's interpolated poses. A missing or broken model falls
 * back to simple built-in robots and says so.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Material } from '@babylonjs/core/Materials/material';
import '@babylonjs/core/Meshes/thinInstanceMesh';
import { selectLod } from '../budget/lod';
import { BoxBatch } from './box-batch';
import { whiteInstanceColours } from './world-shader';

/** A robot to draw this frame. */
export interface RobotPose {
  xM: number;
  zM: number;
  headingRad: number;
}

/** The robot model: its bytes and the glTF loader's code, downloading from the moment it is asked for. */
export interface RobotModel {
  bytes(): Promise<Uint8Array>;
  loader(): Promise<typeof import('./robot-model')>;
}

/**
 * Starts downloading the model and the loader chunk once `start` settles (at once without it), in
 * the page's own time: the app starts them after its first rendered frame, where the main thread
 * waits for the GPU, not in the way of the world being built. A failed download is tried again by
 * the next twin; a twin that wants the robots sooner asks for them itself.
 */
export function fetchRobotModel(url: string, start: Promise<unknown> = Promise.resolve()): RobotModel {
  let bytes: Promise<Uint8Array> | null = null;
  const model: RobotModel = {
    bytes() {
      bytes ??= fetch(url)
        .then(async (response) => {
          if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
          return new Uint8Array(await response.arrayBuffer());
        })
        .catch((error: unknown) => {
          bytes = null;
          throw error;
        });
      return bytes;
    },
    loader: () => import('./robot-model'),
  };
  // Failures are reported where they are used (loadRobotMeshes falls back with a notice).
  void start.then(() => {
    model.bytes().catch(() => undefined);
    model.loader().catch(() => undefined);
  });
  return model;
}

/** The robots' renderer. */
export interface RobotRenderer {
  update(poses: readonly RobotPose[], viewerXM: number, viewerZM: number, lodBias: number): void;
  dispose(): void;
}

/** Simple robots built in code: the fallback when the model is missing. */
function fallbackLodMeshes(scene: Scene, material: Material): Mesh[] {
  return [0, 1, 2].map((lod) =>
    new BoxBatch()
      .add(0.44, 0.18, 0.44, 0, 0.11, 0, '#f2f2f2')
      .add(0.08, 1, 0.08, 0, 0.68, -0.06, '#c8ccd0')
      .add(0.3, 0.12, 0.24, 0, 0.56, 0.1, '#3a86c8')
      .build(`robot_fallback_lod${lod}`, scene, material),
  );
}

/** The robot's LOD meshes (most detailed first), or built-in ones and the reason when the model cannot be used. */
export async function loadRobotMeshes(scene: Scene, model: RobotModel, material: Material): Promise<{ meshes: Mesh[]; problem: string | null }> {
  try {
    const [{ loadLodMeshes }, glb] = await Promise.all([model.loader(), model.bytes()]);
    const meshes = await loadLodMeshes(scene, glb);
    for (const mesh of meshes) {
      mesh.material = material;
      mesh.isPickable = false;
      // The model's vertex colours are RGBA but opaque: drawn as alpha they would
      // go through the sorted transparent pass with a shader variant of their own.
      mesh.hasVertexAlpha = false;
    }
    return { meshes, problem: null };
  } catch (error) {
    return { meshes: fallbackLodMeshes(scene, material), problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Draws `count` robots as thin instances of the LOD meshes, switching levels at `lodM` (the budget's robot LOD distances). */
export function createRobotRenderer(meshes: readonly Mesh[], count: number, lodM: readonly [number, number]): RobotRenderer {
  const buffers = meshes.map((mesh) => {
    const buffer = new Float32Array(Math.max(1, count) * 16);
    mesh.thinInstanceSetBuffer('matrix', buffer, 16, false);
    // The world's one shader variant (world-shader.ts): the robots' colours are their vertices'.
    whiteInstanceColours(mesh, count);
    mesh.thinInstanceCount = 0;
    // Robots move every frame: skip bounding refreshes and culling for these three meshes.
    mesh.alwaysSelectAsActiveMesh = true;
    return buffer;
  });
  const lodCounts = meshes.map(() => 0);
  return {
    update(poses, viewerXM, viewerZM, lodBias) {
      lodCounts.fill(0);
      for (const p of poses) {
        const lod = Math.min(meshes.length - 1, selectLod(Math.hypot(p.xM - viewerXM, p.zM - viewerZM), lodM, lodBias));
        const b = buffers[lod];
        if (!b) continue;
        const o = (lodCounts[lod] ?? 0) * 16;
        lodCounts[lod] = (lodCounts[lod] ?? 0) + 1;
        const c = Math.cos(p.headingRad);
        const s = Math.sin(p.headingRad);
        // Rotation about y by the heading, then translation (Babylon's row-major layout).
        b.set([c, 0, -s, 0, 0, 1, 0, 0, s, 0, c, 0, p.xM, 0, p.zM, 1], o);
      }
      meshes.forEach((mesh, i) => {
        const count = lodCounts[i] ?? 0;
        // A level no robot uses is off: with no instances Babylon would take it for a plain mesh and
        // compile a shader variant of its own for it.
        if (mesh.isEnabled(false) !== count > 0) mesh.setEnabled(count > 0);
        if (count === 0) return;
        mesh.thinInstanceCount = count;
        mesh.thinInstanceBufferUpdated('matrix');
      });
    },
    dispose() {
      for (const m of meshes) m.dispose();
    },
  };
}
