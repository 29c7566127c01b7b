/**
 * Derives the warehouse's geometry from a layout: rack rows, bins (with the
 * SKU each holds and the aisle cell a robot picks it from), the planner's
 * grid, robot homes and station docks. Pure and deterministic: the same
 * layout gives the same geometry on every terminal.
 */
import { createRng } from './rng';
import { LIMITS, type Layout } from './schema';

/** Side length of a planner grid cell, in metres. */
export const CELL_M = 0.5;

/** Height of the lowest shelf above the floor, in metres. */
export const FIRST_SHELF_M = 0.15;

/** One bin: a slot on a shelf, on one side of a rack row, holding one SKU. */
export interface Bin {
  row: number;
  /** -1: faces the aisle at lower x; +1: faces the aisle at higher x. */
  side: -1 | 1;
  unit: number;
  level: number;
  slot: number;
  /** Centre of the bin's floor, in metres. */
  xM: number;
  yM: number;
  zM: number;
  /** Bin length along z and depth along x, in metres. */
  lengthM: number;
  depthM: number;
  /** Index into `layout.skus`. */
  sku: number;
  /** Grid cell a robot stands in to pick from this bin. */
  pickCell: number;
}

/** A rack row's footprint. */
export interface RackRow {
  xM: number;
  zStartM: number;
  zEndM: number;
}

/** Everything derived from a layout. */
export interface WarehouseGeometry {
  layout: Layout;
  cols: number;
  gridRows: number;
  /** x and z of the grid's corner (cell 0's outer corner), in metres. */
  originXM: number;
  originZM: number;
  /** 1 where a cell is blocked by racks. */
  blocked: Uint8Array;
  rackRows: RackRow[];
  bins: Bin[];
  /** One home (parking and charging) cell per robot. */
  homes: number[];
  /** Dock cell of each station, by station index. */
  stationCells: number[];
  /** z of the boundary between the front zone and the racks' cross-aisle. */
  frontZoneEndZM: number;
}

/** The cell containing (x, z), or -1 off the floor. */
export function cellAt(g: Pick<WarehouseGeometry, 'cols' | 'gridRows' | 'originXM' | 'originZM'>, xM: number, zM: number): number {
  const c = Math.floor((xM - g.originXM) / CELL_M);
  const r = Math.floor((zM - g.originZM) / CELL_M);
  if (c < 0 || r < 0 || c >= g.cols || r >= g.gridRows) return -1;
  return r * g.cols + c;
}

/** Whether a person may stand at a floor point: on the grid and not inside a rack. */
export function canStandAt(g: Pick<WarehouseGeometry, 'cols' | 'gridRows' | 'originXM' | 'originZM' | 'blocked'>, xM: number, zM: number): boolean {
  if (!Number.isFinite(xM + zM)) return false;
  const cell = cellAt(g, xM, zM);
  return cell >= 0 && g.blocked[cell] === 0;
}

/** Centre of a cell, in metres. */
export function cellCentre(g: Pick<WarehouseGeometry, 'cols' | 'originXM' | 'originZM'>, cell: number): { xM: number; zM: number } {
  const c = cell % g.cols;
  const r = Math.floor(cell / g.cols);
  return { xM: g.originXM + (c + 0.5) * CELL_M, zM: g.originZM + (r + 0.5) * CELL_M };
}

/** Builds the geometry of a (validated) layout. */
export function createGeometry(layout: Layout): WarehouseGeometry {
  const { floor, racks } = layout;
  const cols = Math.floor(floor.widthM / CELL_M);
  const gridRows = Math.floor(floor.depthM / CELL_M);
  const g: WarehouseGeometry = {
    layout,
    cols,
    gridRows,
    originXM: -(cols * CELL_M) / 2,
    originZM: -(gridRows * CELL_M) / 2,
    blocked: new Uint8Array(cols * gridRows),
    rackRows: [],
    bins: [],
    homes: [],
    stationCells: [],
    frontZoneEndZM: -floor.depthM / 2 + LIMITS.frontZoneM,
  };

  const pitch = racks.depthM + racks.aisleWidthM;
  const usedWidth = racks.rows * pitch + racks.aisleWidthM;
  const zStart = g.frontZoneEndZM + LIMITS.crossAisleM;
  const zEnd = zStart + racks.unitsPerRow * racks.unitLengthM;
  for (let i = 0; i < racks.rows; i++) {
    g.rackRows.push({ xM: -usedWidth / 2 + racks.aisleWidthM + racks.depthM / 2 + i * pitch, zStartM: zStart, zEndM: zEnd });
  }

  for (let cell = 0; cell < g.blocked.length; cell++) {
    const { xM, zM } = cellCentre(g, cell);
    if (zM < zStart || zM > zEnd) continue;
    // A cell is blocked when its centre is within the rack footprint grown by a
    // robot's half-width, so robots never clip the uprights.
    if (g.rackRows.some((row) => Math.abs(xM - row.xM) < racks.depthM / 2 + 0.2)) g.blocked[cell] = 1;
  }

  const rng = createRng(layout.seed);
  const binLength = racks.unitLengthM / racks.binsPerLevel;
  g.rackRows.forEach((row, r) => {
    for (const side of [-1, 1] as const) {
      const faceX = row.xM + (side * racks.depthM) / 2;
      for (let unit = 0; unit < racks.unitsPerRow; unit++) {
        for (let slot = 0; slot < racks.binsPerLevel; slot++) {
          const zM = zStart + unit * racks.unitLengthM + (slot + 0.5) * binLength;
          // The aisle cell just outside the face, at the bin's z.
          let pickCell = cellAt(g, faceX + side * (0.2 + CELL_M / 2), zM);
          if (pickCell >= 0 && g.blocked[pickCell]) pickCell = cellAt(g, faceX + side * (0.2 + CELL_M * 1.5), zM);
          for (let level = 0; level < racks.levels; level++) {
            g.bins.push({
              row: r,
              side,
              unit,
              level,
              slot,
              xM: row.xM + (side * racks.depthM) / 4,
              yM: FIRST_SHELF_M + level * racks.levelHeightM,
              zM,
              lengthM: binLength,
              depthM: racks.depthM / 2,
              sku: Math.floor(rng() * layout.skus.length),
              pickCell,
            });
          }
        }
      }
    }
  });

  g.stationCells = layout.stations.map((s) => cellAt(g, s.xM, s.zM));
  g.homes = homeCells(g, layout.robots.count);
  return g;
}

/** Capacities found, per layout (a layout is never changed once validated): a start asks twice. */
const capacities = new WeakMap<Layout, number>();

/** How many robots the layout's front zone has homes for (at most the schema's limit): a what-if's ceiling. */
export function robotCapacity(layout: Layout): number {
  let capacity = capacities.get(layout);
  if (capacity === undefined) {
    const g = createGeometry({ ...layout, robots: { ...layout.robots, count: 0 } });
    capacity = homeCells(g, LIMITS.robots[1], false).length;
    capacities.set(layout, capacity);
  }
  return capacity;
}

/**
 * Robot homes along the front wall: every other column, rows offset by one
 * column so a robot in the back row can always leave through the row ahead.
 */
function homeCells(g: WarehouseGeometry, count: number, strict = true): number[] {
  const homes: number[] = [];
  const taken = new Set(g.stationCells);
  for (let r = 1; homes.length < count && r < g.gridRows; r++) {
    const { zM } = cellCentre(g, r * g.cols);
    if (zM > g.frontZoneEndZM - 1) break;
    for (let c = 1 + (r % 2); c < g.cols - 1 && homes.length < count; c += 2) {
      const cell = r * g.cols + c;
      // Keep stations and the lane in front of them clear.
      if (taken.has(cell) || taken.has(cell + g.cols) || taken.has(cell - g.cols)) continue;
      homes.push(cell);
    }
  }
  if (strict && homes.length < count) throw new Error(`the front zone has room for ${homes.length} robot homes, not ${count}`);
  return homes;
}
