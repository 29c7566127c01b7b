/**
 * The selected robot's route ahead, drawn on the floor: a flat ribbon along
 * its straight runs to its next stop, with a square where it stops. One
 * mesh, one draw call, rebuilt only when the route changes (the robot moved
 * on a cell, or replanned).
 */
import type { Scene } from '@babylonjs/core/scene';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { cellCentre, CELL_M, type WarehouseGeometry } from '../layout/geometry';
import { straightRuns } from '../sim/route';

/** Ribbon width and the stop square's side, in metres; just above the floor. */
const WIDTH_M = 0.12;
const STOP_M = 0.36;
const LIFT_M = 0.025;

export interface RouteLine {
  readonly mesh: Mesh;
  /** Draws the route through these cells (a robot's `routeAhead`), or nothing with an empty list. */
  show(cells: readonly number[]): void;
  /** The cells drawn now. */
  readonly cells: readonly number[];
  dispose(): void;
}

/** Quads (4 corners each, x and z) for a route's runs and its stop. */
function routeQuads(geometry: WarehouseGeometry, cells: readonly number[]): number[][] {
  const quads: number[][] = [];
  const h = WIDTH_M / 2;
  for (const [from, to] of straightRuns(cells)) {
    const a = cellCentre(geometry, from);
    const b = cellCentre(geometry, to);
    // Along x or along z; widened across, and lengthened by half a width so runs meet at corners.
    const minX = Math.min(a.xM, b.xM) - h;
    const maxX = Math.max(a.xM, b.xM) + h;
    const minZ = Math.min(a.zM, b.zM) - h;
    const maxZ = Math.max(a.zM, b.zM) + h;
    quads.push([minX, minZ, maxX, maxZ]);
  }
  const last = cells.at(-1);
  if (last !== undefined) {
    const c = cellCentre(geometry, last);
    const s = Math.min(STOP_M, CELL_M) / 2;
    quads.push([c.xM - s, c.zM - s, c.xM + s, c.zM + s]);
  }
  return quads;
}

export function createRouteLine(scene: Scene, geometry: WarehouseGeometry): RouteLine {
  const mesh = new Mesh('robot-route', scene);
  const material = new StandardMaterial('robot-route-material', scene);
  material.disableLighting = true;
  material.emissiveColor = Color3.FromHexString('#39d0ff');
  // Seen from above only; both faces drawn so no winding question can hide it.
  material.backFaceCulling = false;
  mesh.material = material;
  mesh.isPickable = false;
  mesh.setEnabled(false);
  let shown = '';
  let drawn: readonly number[] = [];
  return {
    mesh,
    get cells() {
      return drawn;
    },
    show(cells) {
      const key = cells.join(',');
      if (key === shown) return;
      shown = key;
      drawn = cells.length < 2 ? [] : [...cells];
      if (cells.length < 2) {
        mesh.setEnabled(false);
        return;
      }
      const positions: number[] = [];
      const indices: number[] = [];
      for (const [x0, z0, x1, z1] of routeQuads(geometry, cells) as Array<[number, number, number, number]>) {
        const i = positions.length / 3;
        positions.push(x0, LIFT_M, z0, x1, LIFT_M, z0, x1, LIFT_M, z1, x0, LIFT_M, z1);
        indices.push(i, i + 2, i + 1, i, i + 3, i + 2);
      }
      const data = new VertexData();
      data.positions = positions;
      data.indices = indices;
      data.normals = positions.map((_, k) => (k % 3 === 1 ? 1 : 0));
      data.applyToMesh(mesh, true);
      mesh.setEnabled(true);
    },
    dispose() {
      material.dispose();
      mesh.dispose();
    },
  };
}
