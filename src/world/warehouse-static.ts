/**
 * Everything in the warehouse that never moves, as one vertex-coloured mesh:
 * floor, walls, racks, stations, charging pads and the gap wall's 3D bars.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Material } from '@babylonjs/core/Materials/material';
import { drawAsOneInstance } from './world-shader';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { cellCentre, FIRST_SHELF_M, type WarehouseGeometry } from '../layout/geometry';
import type { LaidFigure } from '../lobby/wall-layout';
import { BoxBatch } from './box-batch';
import { figureColour } from './painters';

/** Where the gap wall stands: on the front wall, facing into the warehouse (+z). */
export interface WallPlacement {
  /** x of the wall's left edge as seen by a viewer facing it (the +x end). */
  leftXM: number;
  bottomYM: number;
  zM: number;
  widthM: number;
  heightM: number;
}

/** Wall height of the building, in metres. */
export const WALL_HEIGHT_M = 4.5;

/** Builds the static mesh (or, with budgets off, a mesh per box). */
export function buildWarehouseStatic(
  scene: Scene,
  g: WarehouseGeometry,
  wall: WallPlacement,
  laid: readonly LaidFigure[],
  material: Material,
  budgets: 'on' | 'off' = 'on',
): Mesh[] {
  const { layout } = g;
  const W = layout.floor.widthM;
  const D = layout.floor.depthM;
  const b = new BoxBatch();
  // Floor: the racks' hall and the lighter front zone.
  b.add(W, 0.02, D, 0, -0.01, 0, '#b9b4aa');
  const frontDepth = g.frontZoneEndZM + D / 2;
  b.add(W, 0.022, frontDepth, 0, -0.008, -D / 2 + frontDepth / 2, '#cfc8bb');
  b.add(W - 1, 0.025, 0.08, 0, -0.005, g.frontZoneEndZM, '#f4c542');
  // Walls.
  b.add(W, WALL_HEIGHT_M, 0.2, 0, WALL_HEIGHT_M / 2, D / 2 + 0.1, '#d9dde2');
  b.add(W, WALL_HEIGHT_M, 0.2, 0, WALL_HEIGHT_M / 2, -D / 2 - 0.1, '#d9dde2');
  b.add(0.2, WALL_HEIGHT_M, D, -W / 2 - 0.1, WALL_HEIGHT_M / 2, 0, '#cfd4da');
  b.add(0.2, WALL_HEIGHT_M, D, W / 2 + 0.1, WALL_HEIGHT_M / 2, 0, '#cfd4da');

  const r = layout.racks;
  const rackTop = FIRST_SHELF_M + r.levels * r.levelHeightM + 0.1;
  for (const row of g.rackRows) {
    const length = row.zEndM - row.zStartM;
    for (let u = 0; u <= r.unitsPerRow; u++) {
      for (const side of [-1, 1]) b.add(0.08, rackTop, 0.08, row.xM + (side * (r.depthM - 0.08)) / 2, rackTop / 2, row.zStartM + u * r.unitLengthM, '#2f5d8a');
    }
    for (let level = 0; level < r.levels; level++) {
      const y = FIRST_SHELF_M + level * r.levelHeightM;
      b.add(r.depthM, 0.025, length, row.xM, y - 0.0125, (row.zStartM + row.zEndM) / 2, '#cfd3d6');
      for (const side of [-1, 1]) b.add(0.05, 0.07, length, row.xM + (side * (r.depthM - 0.05)) / 2, y - 0.035, (row.zStartM + row.zEndM) / 2, '#e07b24');
    }
  }

  g.homes.forEach((home) => {
    const { xM, zM } = cellCentre(g, home);
    b.add(0.46, 0.012, 0.46, xM, 0.006, zM, '#2ec4b6');
  });
  layout.stations.forEach((s) => {
    if (s.kind === 'packing') {
      b.add(1.6, 0.06, 0.8, s.xM, 0.87, s.zM, '#8d99a6');
      b.add(1.5, 0.84, 0.7, s.xM, 0.42, s.zM, '#5b6770');
      b.add(0.4, 0.2, 0.3, s.xM - 0.4, 1.0, s.zM, '#3a86c8');
    } else if (s.kind === 'dispatch') {
      b.add(2.2, 0.1, 0.7, s.xM, 0.7, s.zM, '#44515c');
      for (let i = -4; i <= 4; i++) b.add(0.05, 0.05, 0.66, s.xM + i * 0.24, 0.77, s.zM, '#c8ccd0');
      b.add(0.5, 0.3, 0.4, s.xM + 0.5, 0.92, s.zM, '#c9a66b');
    } else {
      b.add(0.6, 0.5, 0.3, s.xM, 0.25, s.zM, '#2ec4b6');
    }
  });

  // The gap wall: a dark backing, then each bar standing out of it.
  b.add(wall.widthM + 0.2, wall.heightM + 0.2, 0.06, wall.leftXM - wall.widthM / 2, wall.bottomYM + wall.heightM / 2, wall.zM - 0.04, '#0b1118');
  laid.forEach(({ bars }, i) => {
    for (const bar of bars) {
      const depth = 0.09;
      b.add(
        bar.fill.w,
        bar.fill.h,
        depth,
        wall.leftXM - (bar.fill.u + bar.fill.w / 2),
        wall.bottomYM + bar.fill.v + bar.fill.h / 2,
        wall.zM + depth / 2 + 0.005,
        figureColour(i),
      );
    }
  });
  if (budgets === 'off') return b.buildEach('warehouse-static', scene, material);
  const merged = b.build('warehouse-static', scene, material);
  drawAsOneInstance(merged);
  return [merged];
}
