/**
 * Draws the stock: per rack row, every pack as a thin instance of one box
 * when the viewer is near, one block per bin when far. The near rows are
 * separate meshes, so each is culled and switched on its own, and made
 * the first time the viewer comes near; the far blocks of every row are
 * one mesh (one draw call, where a mesh per row took 24 on the standard
 * layout), whose near rows' blocks are scaled to nothing while their
 * packs show.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Material } from '@babylonjs/core/Materials/material';
import { Mesh as BabylonMesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import '@babylonjs/core/Meshes/thinInstanceMesh';
import { BoundingInfo } from '@babylonjs/core/Culling/boundingInfo';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { distanceToRectM, selectLod } from '../budget/lod';
import { locatePack, unitBoxInstancesBounds, type Bounds, type RowStock } from '../layout/stock';
import { BOX_FACES, pushFaces, type MeshArrays } from './box-batch';
import { whiteVertexColours } from './world-shader';

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
  // The world's one shader variant (world-shader.ts): the pack's colour is its instance's.
  whiteVertexColours(mesh);
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

/** Scales the instance matrix at `o` to nothing where it stands: drawn as nothing, its mesh's count and bounds unchanged. */
function collapse(matrices: Float32Array, o: number): void {
  for (const k of [0, 1, 2, 4, 5, 6, 8, 9, 10]) matrices[o + k] = 0;
}

/** Every row's bin blocks in one buffer, and where each row's begin (in blocks). */
function allBlocks(rows: readonly RowStock[]) {
  const count = rows.reduce((n, r) => n + r.binCount, 0);
  const matrices = new Float32Array(count * 16);
  const colours = new Float32Array(count * 4);
  const first: number[] = [];
  let at = 0;
  for (const row of rows) {
    first.push(at);
    matrices.set(row.binMatrices.subarray(0, row.binCount * 16), at * 16);
    colours.set(row.binColours.subarray(0, row.binCount * 4), at * 4);
    at += row.binCount;
  }
  return { matrices, colours, first, bounds: unitBoxInstancesBounds(matrices, count) };
}

/**
 * Creates the far blocks' mesh; a group farther than `detailM` (the budget's stock LOD distance) shows its
 * blocks. A group's packs mesh is made the first time it comes near (or a pack of it is taken), so a start
 * places and uploads only the packs near the viewer; `adopt` hangs each mesh made where the twin's hang.
 */
export function createStockRenderer(
  scene: Scene,
  rows: readonly RowStock[],
  material: Material,
  detailM: number,
  adopt: (mesh: BabylonMesh) => void = () => undefined,
): StockRenderer {
  const groups = rows.map((row) => ({ row, mesh: null as BabylonMesh | null, detailed: null as boolean | null }));
  /** Group `i`'s packs mesh, made on first use (hidden until the group is detailed). */
  const itemsOf = (i: number): BabylonMesh | null => {
    const group = groups[i];
    if (!group) return null;
    if (!group.mesh) {
      const { matrices, colours } = group.row.items();
      group.mesh = instanced(scene, material, `stock-items-${i}`, matrices, colours, group.row.bounds);
      group.mesh.setEnabled(group.detailed === true);
      adopt(group.mesh);
    }
    return group.mesh;
  };
  const blocks = allBlocks(rows);
  const far = instanced(scene, material, 'stock-bins', blocks.matrices, blocks.colours, blocks.bounds);
  /** Shows a row's blocks as they were built (the row's own matrices), or scaled to nothing where they stand (its packs show instead). */
  const showBlocks = (i: number, shown: boolean) => {
    const row = rows[i];
    if (!row) return;
    const from = (blocks.first[i] ?? 0) * 16;
    const to = from + row.binCount * 16;
    blocks.matrices.set(row.binMatrices.subarray(0, row.binCount * 16), from);
    if (!shown) for (let o = from; o < to; o += 16) collapse(blocks.matrices, o);
  };
  /** The slots emptied, with the matrix each pack had there. */
  const taken = new Map<string, Float32Array>();
  return {
    setPackShown(bin, n, shown) {
      const at = locatePack(rows, bin, n);
      const mesh = at && itemsOf(at.group);
      const row = at && rows[at.group];
      if (!at || !mesh || !row) return;
      const key = `${bin}:${n}`;
      const kept = taken.get(key);
      if (shown === !kept) return;
      const o = at.item * 16;
      if (kept) {
        mesh.thinInstanceSetMatrixAt(at.item, Matrix.FromArray(kept));
        taken.delete(key);
      } else {
        const collapsed = row.items().matrices.slice(o, o + 16);
        taken.set(key, collapsed.slice());
        collapse(collapsed, 0);
        mesh.thinInstanceSetMatrixAt(at.item, Matrix.FromArray(collapsed));
      }
    },
    packShown(bin, n) {
      const at = locatePack(rows, bin, n);
      const mesh = at && itemsOf(at.group);
      if (!at || !mesh) return null;
      // The instance's own matrix, as the GPU was given it (a diagnostic: Babylon keeps these once asked).
      return (mesh.thinInstanceGetWorldMatrices()[at.item]?.m[5] ?? 0) !== 0;
    },
    update(x, z, bias) {
      let changed = false;
      for (const [i, g] of groups.entries()) {
        const detailed = selectLod(distanceToRectM(x, z, g.row.minX, g.row.maxX, g.row.minZ, g.row.maxZ), [detailM], bias) === 0;
        if (detailed === g.detailed) continue;
        g.detailed = detailed;
        if (detailed) itemsOf(i);
        g.mesh?.setEnabled(detailed);
        showBlocks(i, !detailed);
        changed = true;
      }
      // The far blocks' buffer goes to the GPU again when a row changed its detail (a walk between rows), not each frame.
      if (changed) far.thinInstanceBufferUpdated('matrix');
    },
    dispose() {
      for (const g of groups) g.mesh?.dispose();
      far.dispose();
    },
  };
}
