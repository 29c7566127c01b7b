/**
 * Draws every robot with at most one draw call per level of detail: the
 * glTF model's LOD meshes each carry thin instances, refilled every frame
 * from the simulation's interpolated poses. A missing or broken model falls
 * back to simple built-in robots and says so.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Material } from '@babylonjs/core/Materials/material';
import { LoadAssetContainerAsync } from '@babylonjs/core/Loading/sceneLoader';
import { SceneLoaderFlags } from '@babylonjs/core/Loading/sceneLoaderFlags';
import '@babylonjs/core/Meshes/thinInstanceMesh';
import '@babylonjs/loaders/glTF/2.0/glTFLoader';
import '@babylonjs/loaders/glTF/2.0/Extensions/KHR_mesh_quantization';
import { selectLod } from '../budget/lod';
import { BoxBatch } from './box-batch';

/** A robot to draw this frame. */
export interface RobotPose {
  xM: number;
  zM: number;
  headingRad: number;
}

/** The robots' renderer. */
export interface RobotRenderer {
  /** Set when the model could not be loaded and simple robots are shown instead. */
  readonly notice: string | null;
  update(poses: readonly RobotPose[], viewerXM: number, viewerZM: number, lodBias: number): void;
  dispose(): void;
}

async function loadLodMeshes(scene: Scene, url: string): Promise<Mesh[]> {
  // Chasm draws robots with its own vertex-colour material: skipping glTF
  // materials keeps the PBR code (about 80 KB gzip) out of the first load.
  const container = await LoadAssetContainerAsync(url, scene, { pluginOptions: { gltf: { skipMaterials: true } } });
  const lods = ['robot_lod0', 'robot_lod1', 'robot_lod2'].map((name) => container.meshes.find((m) => m.name === name) as Mesh | undefined);
  if (lods.some((m) => !m || m.getTotalVertices() === 0)) {
    container.dispose();
    throw new Error('the model has no robot_lod0..2 meshes');
  }
  container.addAllToScene();
  for (const mesh of lods as Mesh[]) {
    // Bake everything above the vertices (glTF's right-to-left-handed root and
    // the node's dequantization scale and offset from KHR_mesh_quantization)
    // into them, leaving an identity transform, so a thin instance's matrix
    // is the robot's whole placement.
    mesh.setParent(null);
    mesh.bakeCurrentTransformIntoVertices();
  }
  for (const m of container.materials) m.dispose();
  for (const node of container.transformNodes) node.dispose();
  for (const mesh of container.meshes) if (!lods.includes(mesh as Mesh)) mesh.dispose();
  return lods as Mesh[];
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

/** The robot's LOD meshes (most detailed first), or built-in ones with a notice when the model cannot be used. */
export async function loadRobotMeshes(scene: Scene, modelUrl: string, material: Material): Promise<{ meshes: Mesh[]; notice: string | null }> {
  // Chasm shows its own status; Babylon's loading screen would inject a <style> the CSP forbids.
  SceneLoaderFlags.ShowLoadingScreen = false;
  try {
    const meshes = await loadLodMeshes(scene, modelUrl);
    for (const mesh of meshes) {
      mesh.material = material;
      mesh.isPickable = false;
      // The model's vertex colours are RGBA but opaque: drawn as alpha they would
      // go through the sorted transparent pass with a shader variant of their own.
      mesh.hasVertexAlpha = false;
    }
    return { meshes, notice: null };
  } catch (error) {
    const notice = `Robot model unavailable (${error instanceof Error ? error.message : String(error)}): showing simple robots.`;
    return { meshes: fallbackLodMeshes(scene, material), notice };
  }
}

/** Loads the robot model (or falls back) and prepares `count` instances, switching levels at `lodM` (the budget's robot LOD distances). */
export async function createRobotRenderer(
  scene: Scene,
  count: number,
  modelUrl: string,
  material: Material,
  lodM: readonly [number, number],
): Promise<RobotRenderer> {
  const { meshes, notice } = await loadRobotMeshes(scene, modelUrl, material);
  const buffers = meshes.map((mesh) => {
    const buffer = new Float32Array(Math.max(1, count) * 16);
    mesh.thinInstanceSetBuffer('matrix', buffer, 16, false);
    mesh.thinInstanceCount = 0;
    // Robots move every frame: skip bounding refreshes and culling for these three meshes.
    mesh.alwaysSelectAsActiveMesh = true;
    return buffer;
  });
  const lodCounts = meshes.map(() => 0);
  return {
    notice,
    update(poses, viewerXM, viewerZM, lodBias) {
      lodCounts.fill(0);
      for (const p of poses) {
        const lod = Math.min(meshes.length - 1, selectLod(Math.hypot(p.xM - viewerXM, p.zM - viewerZM), lodM, lodBias));
        const o = lodCounts[lod]!++ * 16;
        const b = buffers[lod]!;
        const c = Math.cos(p.headingRad);
        const s = Math.sin(p.headingRad);
        // Rotation about y by the heading, then translation (Babylon's row-major layout).
        b.set([c, 0, -s, 0, 0, 1, 0, 0, s, 0, c, 0, p.xM, 0, p.zM, 1], o);
      }
      meshes.forEach((mesh, i) => {
        mesh.thinInstanceCount = lodCounts[i]!;
        mesh.thinInstanceBufferUpdated('matrix');
      });
    },
    dispose() {
      for (const m of meshes) m.dispose();
    },
  };
}
