/**
 * The robot model's glTF side, a lazily loaded chunk of its own: Babylon's
 * glTF loader is about a seventh of the app's code (36 KB brotli), and the
 * first frame does not wait for it: the robots are built just after.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { LoadAssetContainerAsync } from '@babylonjs/core/Loading/sceneLoader';
import { SceneLoaderFlags } from '@babylonjs/core/Loading/sceneLoaderFlags';
import '@babylonjs/loaders/glTF/2.0/glTFLoader';
import '@babylonjs/loaders/glTF/2.0/Extensions/KHR_mesh_quantization';

/** The robot's levels of detail, most detailed first, from a GLB's bytes; throws when the model lacks them. */
export async function loadLodMeshes(scene: Scene, glb: Uint8Array): Promise<Mesh[]> {
  // Chasm shows its own status; Babylon's loading screen would inject a <style> the CSP forbids.
  SceneLoaderFlags.ShowLoadingScreen = false;
  // Chasm draws robots with its own vertex-colour material: skipping glTF
  // materials keeps the PBR code (about 80 KB gzip) out of the app.
  const container = await LoadAssetContainerAsync(glb, scene, { pluginExtension: '.glb', pluginOptions: { gltf: { skipMaterials: true } } });
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
