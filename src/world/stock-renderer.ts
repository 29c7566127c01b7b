/**
 * Draws the stock: per rack row, every pack as a thin instance of one box
 * when the viewer is near, one block per bin when far. Rows are separate
 * meshes so each is culled and switched on its own.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Material } from '@babylonjs/core/Materials/material';
import { Mesh as BabylonMesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import '@babylonjs/core/Meshes/thinInstanceMesh';
import { BoundingInfo } from '@babylonjs/core/Culling/boundingInfo';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { distanceToRectM, selectLod } from '../budget/lod';
import { locatePack, type Bounds, type RowStock } from '../layout/stock';
import { BOX_FACES, pushFaces, type MeshArrays } from './box-batch';

/**
 * A unit pack facing +x with only the faces a person in the aisle can see:
 * front, top and both ends. Back and bottom face the rack: 8 triangles, not 12.
 */
function createPackMesh(name: string, scene: Scene): BabylonMesh {
  // Front (+x), top (+y) and both ends (±z) of the unit box.
  const arrays: MeshArrays = { positions: [], normals: [], indices: [] };
  pushFaces([BOX_FACES[0], BOX_FACES[2], BOX_FACES[4], BOX_FACES[5]], arrays, ([cx, cy, cz]) => [0.5 * cx, 0.5 * cy, 0.5 * cz]);
  const { positions, normals, indices } = arrays;
  const mesh = new BabylonMesh(name, scene);
  Object.assign(new VertexData(), { positions, normals, indices }).applyToMesh(mesh, false);
  return mesh;
}

/** The stock's renderer. */
export interface StockRenderer {
  update(viewerXM: number, viewerZM: number, lodBias: number): void;
  /** Takes pack `n` of bin `bin` out of its slot (a hand holds it) or puts it back. */
  setPackShown(bin: number, n: number, shown: boolean): void;
  /** Whether pack `n` of bin `bin` is drawn in its slot (read from the instance itself); null when there is no such pack. */
  packShown(bin: number, n: number): boolean | null;
  dispose(): void;
}

function instanced(scene: Scene, material: Material, name: string, matrices: Float32Array, colours: Float32Array, { min, max }: Bounds): BabylonMesh {
  // A mesh of its own per group: Mesh.clone() shares thin-instance storage with
  // its source, so clones with different buffers draw with the wrong counts
  // (SwiftShader stalls for seconds per frame). 16 vertices are cheap to repeat.
  const mesh = createPackMesh(name, scene);
  mesh.material = material;
  // The group's bounds come with its stock (RowStock.bounds): Babylon's refresh builds
  // 8 corner vectors per pack, about 0.6 s of a phone's start.
  mesh.doNotSyncBoundingInfo = true;
  mesh.thinInstanceSetBuffer('matrix', matrices, 16, true);
  mesh.thinInstanceSetBuffer('color', colours, 4, true);
  mesh.setBoundingInfo(new BoundingInfo(Vector3.FromArray(min), Vector3.FromArray(max)));
  mesh.isPickable = false;
  mesh.freezeWorldMatrix();
  // A pack taken out of its slot is one instance changed: the static buffer is made again, rarely.
  mesh.thinInstanceAllowAutomaticStaticBufferRecreation = true;
  return mesh;
}

/** Creates the group meshes; a group farther than `detailM` (the budget's stock LOD distance) shows bin blocks. */
export function createStockRenderer(scene: Scene, rows: readonly RowStock[], material: Material, detailM: number): StockRenderer {
  const meshes = rows.map((row, i) => ({
    row,
    items: instanced(scene, material, `stock-items-${i}`, row.itemMatrices, row.itemColours, row.bounds),
    bins: instanced(scene, material, `stock-bins-${i}`, row.binMatrices, row.binColours, row.bounds),
    detailed: null as boolean | null,
  }));
  /** The slots emptied, with the matrix each pack had there. */
  const taken = new Map<string, Float32Array>();
  return {
    setPackShown(bin, n, shown) {
      const at = locatePack(rows, bin, n);
      const group = at && meshes[at.group];
      if (!at || !group) return;
      const key = `${bin}:${n}`;
      const kept = taken.get(key);
      if (shown === !kept) return;
      const o = at.item * 16;
      if (kept) {
        group.items.thinInstanceSetMatrixAt(at.item, Matrix.FromArray(kept));
        taken.delete(key);
      } else {
        const matrix = group.row.itemMatrices;
        taken.set(key, matrix.slice(o, o + 16));
        // Scaled to nothing where it stood: drawn as nothing, the group's count and bounds unchanged.
        group.items.thinInstanceSetMatrixAt(
          at.item,
          Matrix.Scaling(0, 0, 0).setTranslationFromFloats(matrix[o + 12] ?? 0, matrix[o + 13] ?? 0, matrix[o + 14] ?? 0),
        );
      }
    },
    packShown(bin, n) {
      const at = locatePack(rows, bin, n);
      const group = at && meshes[at.group];
      if (!at || !group) return null;
      // The instance's own matrix, as the GPU was given it (a diagnostic: Babylon keeps these once asked).
      return (group.items.thinInstanceGetWorldMatrices()[at.item]?.m[5] ?? 0) !== 0;
    },
    update(x, z, bias) {
      for (const m of meshes) {
        const detailed = selectLod(distanceToRectM(x, z, m.row.minX, m.row.maxX, m.row.minZ, m.row.maxZ), [detailM], bias) === 0;
        if (detailed === m.detailed) continue;
        m.detailed = detailed;
        m.items.setEnabled(detailed);
        m.bins.setEnabled(!detailed);
      }
    },
    dispose() {
      for (const m of meshes) {
        m.items.dispose();
        m.bins.dispose();
      }
    },
  };
}
