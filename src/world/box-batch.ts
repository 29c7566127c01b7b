/**
 * Accumulates axis-aligned coloured boxes into one mesh with vertex colours:
 * everything static in the warehouse is a single draw call, built straight
 * from arrays (no temporary meshes to merge).
 */
import type { Scene } from '@babylonjs/core/scene';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import type { Material } from '@babylonjs/core/Materials/material';
import { hexToRgb } from '../layout/stock';

/** A direction or point, in metres. */
export type Vec3 = readonly [number, number, number];

/** A corner of a unit box's face: the normal plus ±1 of each tangent (su, sv), as a point of the box [-1, 1]³. */
export function faceCorner(n: Vec3, u: Vec3, v: Vec3, su: number, sv: number): Vec3 {
  return [n[0] + su * u[0] + sv * v[0], n[1] + su * u[1] + sv * v[1], n[2] + su * u[2] + sv * v[2]];
}

/** The corners of a face, as ±1 of each tangent, counter-clockwise seen from outside (Babylon's front faces). */
const QUAD = [
  [-1, -1],
  [1, -1],
  [1, 1],
  [-1, 1],
] as const;

/** Mesh arrays being filled. */
export interface MeshArrays {
  positions: number[];
  normals: number[];
  indices: number[];
}

/** Appends `faces` of the box [-1, 1]³ as quads (two triangles each), each corner placed by `place`. */
export function pushFaces(faces: ReadonlyArray<readonly [Vec3, Vec3, Vec3]>, out: MeshArrays, place: (corner: Vec3) => Vec3): void {
  for (const [n, u, v] of faces) {
    const base = out.positions.length / 3;
    for (const [su, sv] of QUAD) {
      out.positions.push(...place(faceCorner(n, u, v, su, sv)));
      out.normals.push(...n);
    }
    out.indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
}

/** The six faces: normal, then two tangents spanning the face. */
export const BOX_FACES = [
  [
    [1, 0, 0],
    [0, 0, 1],
    [0, 1, 0],
  ],
  [
    [-1, 0, 0],
    [0, 0, -1],
    [0, 1, 0],
  ],
  [
    [0, 1, 0],
    [1, 0, 0],
    [0, 0, 1],
  ],
  [
    [0, -1, 0],
    [1, 0, 0],
    [0, 0, -1],
  ],
  [
    [0, 0, 1],
    [-1, 0, 0],
    [0, 1, 0],
  ],
  [
    [0, 0, -1],
    [1, 0, 0],
    [0, 1, 0],
  ],
] as const;

/** A growing set of boxes. */
export class BoxBatch {
  private positions: number[] = [];
  private normals: number[] = [];
  private colours: number[] = [];
  private indices: number[] = [];

  /** Adds a box of size (w, h, d) metres centred at (x, y, z), coloured `#rrggbb`. */
  add(w: number, h: number, d: number, x: number, y: number, z: number, hex: string): this {
    const [r, g, b] = hexToRgb(hex);

    const first = this.positions.length / 3;
    pushFaces(BOX_FACES, { positions: this.positions, normals: this.normals, indices: this.indices }, ([cx, cy, cz]) => [
      x + (w / 2) * cx,
      y + (h / 2) * cy,
      z + (d / 2) * cz,
    ]);
    for (let i = first; i < this.positions.length / 3; i++) this.colours.push(r, g, b, 1);
    return this;
  }

  /** Triangles added so far. */
  get triangles(): number {
    return this.indices.length / 3;
  }

  /** The straightforward way (`?budgets=off`): a separate, unfrozen mesh per box. */
  buildEach(name: string, scene: Scene, material: Material): Mesh[] {
    const meshes: Mesh[] = [];
    for (let box = 0; box * 24 < this.positions.length / 3; box++) {
      const mesh = new Mesh(`${name}-${box}`, scene);
      const data = new VertexData();
      data.positions = this.positions.slice(box * 72, box * 72 + 72);
      data.normals = this.normals.slice(box * 72, box * 72 + 72);
      data.colors = this.colours.slice(box * 96, box * 96 + 96);
      data.indices = this.indices.slice(box * 36, box * 36 + 36).map((i) => i - box * 24);
      data.applyToMesh(mesh, false);
      mesh.material = material;
      meshes.push(mesh);
    }
    return meshes;
  }

  /** Builds one frozen, static mesh of every box added. */
  build(name: string, scene: Scene, material: Material): Mesh {
    const mesh = new Mesh(name, scene);
    const data = new VertexData();
    data.positions = this.positions;
    data.normals = this.normals;
    data.colors = this.colours;
    data.indices = this.indices;
    data.applyToMesh(mesh, false);
    mesh.material = material;
    mesh.isPickable = false;
    mesh.freezeWorldMatrix();
    mesh.doNotSyncBoundingInfo = true;
    return mesh;
  }
}
