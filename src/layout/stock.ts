/**
 * Where every stock item sits: pure placement of each bin's packs, as
 * thin-instance matrices and colours grouped by rack row, plus one block per
 * bin for the far level of detail. Matrices are Babylon's layout
 * (row-major, translation in elements 12–14).
 */
import type { WarehouseGeometry } from './geometry';

/** Gap between packs and around them, in metres. */
const GAP_M = 0.01;

/** Rack units per stock group: each group switches its level of detail on its own. */
export const UNITS_PER_GROUP = 2;

/** Instances of one group: a run of `UNITS_PER_GROUP` units of one rack row. */
export interface RowStock {
  /**
   * One matrix (16 floats) and one RGBA colour per stock item. Placed on first use, and kept: a group
   * far from the viewer shows its blocks, so a start places only the packs near the viewer.
   */
  items(): StockItems;
  itemCount: number;
  /** One block per bin covering its packs: the far level of detail. */
  binMatrices: Float32Array;
  binColours: Float32Array;
  binCount: number;
  /** The group's bins (indices into the geometry's bins), in order, and the first item of each. */
  bins: Int32Array;
  binFirstItem: Int32Array;
  /**
   * A box around every item and every block of the group, for culling: the
   * blocks' box, since each block spans its bin's packs (a few hundred
   * blocks to measure instead of thousands of packs).
   */
  bounds: Bounds;
  /** The group's floor rectangle, for distance checks. */
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

/** A group's items, as thin-instance buffers. */
export interface StockItems {
  matrices: Float32Array;
  colours: Float32Array;
}

/** Parses `#rrggbb` into 0..1 channels. */
export function hexToRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/**
 * Writes scale then placement; `facing` -1 turns the pack half a turn about
 * y (its front to -x) rather than mirroring it, which would flip its faces.
 */
function writeMatrix(out: Float32Array, i: number, sx: number, sy: number, sz: number, x: number, y: number, z: number, facing: 1 | -1): void {
  const o = i * 16;
  out.fill(0, o, o + 16);
  out[o] = facing * sx;
  out[o + 5] = sy;
  out[o + 10] = facing * sz;
  out[o + 12] = x;
  out[o + 13] = y;
  out[o + 14] = z;
  out[o + 15] = 1;
}

/** Where one pack of a bin stands: its centre, and its extents along x, y and z (depth, height, width) in metres. */
export interface PackPlace {
  x: number;
  y: number;
  z: number;
  size: readonly [number, number, number];
  /** +1: its front faces +x (the aisle at higher x); -1: turned half a turn, facing -x. */
  facing: 1 | -1;
}

/** How a bin's packs stand: how many, their size and facing, and the depth and height they fill (the far block). */
interface PackGrid {
  count: number;
  size: readonly [number, number, number];
  facing: 1 | -1;
  depthM: number;
  heightM: number;
  /** Pack `n`'s centre. */
  place(n: number): [number, number, number];
}

/**
 * The one placement rule, for the stock drawn and the pack a hand takes: packs fill a bin front to back
 * along the aisle, then stacked. Null for a bin of no known SKU (it stays empty).
 */
function packGrid(g: WarehouseGeometry, index: number): PackGrid | null {
  const { layout } = g;
  const bin = g.bins[index];
  // Validated layouts name only SKUs they list; a bin of an unknown one stays empty.
  const sku = bin && layout.skus[bin.sku];
  if (!bin || !sku) return null;
  const [w, h, d] = sku.sizeM;
  const clearM = layout.racks.levelHeightM - 0.06;
  const alongZ = Math.max(1, Math.floor((bin.lengthM - GAP_M) / (w + GAP_M)));
  const deep = Math.max(1, Math.floor((bin.depthM - GAP_M) / (d + GAP_M)));
  const high = Math.max(1, Math.floor(clearM / h));
  const faceX = bin.xM + (bin.side * bin.depthM) / 2;
  const z0 = bin.zM - bin.lengthM / 2 + GAP_M + w / 2;
  const count = Math.min(layout.itemsPerBin, alongZ * deep * high);
  // The deepest row and the highest layer any of the `count` packs reaches.
  const last = Math.max(0, count - 1);
  const maxK = Math.min(deep - 1, Math.floor(last / alongZ));
  const maxL = Math.floor(last / (alongZ * deep));
  return {
    count,
    size: [d, h, w],
    facing: bin.side,
    depthM: (maxK + 1) * (d + GAP_M),
    heightM: (maxL + 1) * h,
    place(n) {
      const j = n % alongZ;
      const k = Math.floor(n / alongZ) % deep;
      const l = Math.floor(n / (alongZ * deep));
      return [faceX - bin.side * (GAP_M + d / 2 + k * (d + GAP_M)), bin.yM + h / 2 + l * h, z0 + j * (w + GAP_M)];
    },
  };
}

/**
 * Visits every pack of bin `index` in order (front to back, then stacked), with its centre; returns how many
 * there are and the depth and height they fill (the far level of detail's block), or null for a bin of no
 * known SKU (it stays empty).
 */
export function forEachPack(
  g: WarehouseGeometry,
  index: number,
  visit: (n: number, x: number, y: number, z: number) => void,
): { count: number; size: readonly [number, number, number]; facing: 1 | -1; depthM: number; heightM: number } | null {
  const grid = packGrid(g, index);
  if (!grid) return null;
  for (let n = 0; n < grid.count; n++) visit(n, ...grid.place(n));
  const { count, size, facing, depthM, heightM } = grid;
  return { count, size, facing, depthM, heightM };
}

/** Pack `n` of bin `index`, or null when the bin has no such pack. */
export function packPlace(g: WarehouseGeometry, index: number, n: number): PackPlace | null {
  let at: [number, number, number] | null = null;
  const packs = forEachPack(g, index, (i, x, y, z) => {
    if (i === n) at = [x, y, z];
  });
  const found = at as [number, number, number] | null;
  return packs && found ? { x: found[0], y: found[1], z: found[2], size: packs.size, facing: packs.facing } : null;
}

/**
 * Places every bin's block, in groups of rack-row runs; each group's packs (facing the aisle, front to back,
 * then stacked) are placed when first asked for.
 */
export function createStock(g: WarehouseGeometry): RowStock[] {
  const { layout } = g;
  const groupsPerRow = Math.ceil(layout.racks.unitsPerRow / UNITS_PER_GROUP);
  const groups: Array<{ row: (typeof g.rackRows)[number]; r: number; first: number }> = [];
  g.rackRows.forEach((row, r) => {
    for (let k = 0; k < groupsPerRow; k++) groups.push({ row, r, first: k * UNITS_PER_GROUP });
  });
  return groups.map(({ row, r, first }) => {
    const bins: number[] = [];
    g.bins.forEach((b, index) => {
      if (b.row === r && b.unit >= first && b.unit < first + UNITS_PER_GROUP) bins.push(index);
    });
    const unitLengthM = layout.racks.unitLengthM;
    const binMatrices = new Float32Array(bins.length * 16);
    const binColours = new Float32Array(bins.length * 4);
    const binFirstItem = new Int32Array(bins.length);
    const grids = bins.map((index) => packGrid(g, index));
    let itemCount = 0;
    bins.forEach((index, b) => {
      binFirstItem[b] = itemCount;
      const bin = g.bins[index];
      const grid = grids[b];
      const sku = bin && layout.skus[bin.sku];
      if (!bin || !grid || !sku) return;
      itemCount += grid.count;
      // The block spans the packs' extent: full bin length, filled depth and height.
      const faceX = bin.xM + (bin.side * bin.depthM) / 2;
      const { depthM, heightM } = grid;
      writeMatrix(binMatrices, b, depthM, heightM, bin.lengthM - 2 * GAP_M, faceX - (bin.side * depthM) / 2, bin.yM + heightM / 2, bin.zM, bin.side);
      binColours.set([...hexToRgb(sku.colour), 1], b * 4);
    });
    let items: StockItems | null = null;
    const placeItems = (): StockItems => {
      const matrices = new Float32Array(itemCount * 16);
      const colours = new Float32Array(itemCount * 4);
      bins.forEach((index, b) => {
        const bin = g.bins[index];
        const grid = grids[b];
        const sku = bin && layout.skus[bin.sku];
        if (!bin || !grid || !sku) return;
        const [cr, cg, cb] = hexToRgb(sku.colour);
        const [d, h, w] = grid.size;
        for (let n = 0, i = binFirstItem[b] ?? 0; n < grid.count; n++, i++) {
          writeMatrix(matrices, i, d, h, w, ...grid.place(n), bin.side);
          colours.set([cr, cg, cb, 1], i * 4);
        }
      });
      return { matrices, colours };
    };
    return {
      items: () => (items ??= placeItems()),
      itemCount,
      binMatrices,
      binColours,
      binCount: bins.length,
      bins: Int32Array.from(bins),
      binFirstItem,
      bounds: unitBoxInstancesBounds(binMatrices, bins.length),
      minX: row.xM - layout.racks.depthM / 2,
      maxX: row.xM + layout.racks.depthM / 2,
      minZ: row.zStartM + first * unitLengthM,
      maxZ: Math.min(row.zEndM, row.zStartM + (first + UNITS_PER_GROUP) * unitLengthM),
    };
  });
}

/** Which group of `stock` holds pack `n` of bin `index`, and its item there; null when none does. */
export function locatePack(stock: readonly RowStock[], index: number, n: number): { group: number; item: number } | null {
  for (const [group, s] of stock.entries()) {
    const b = s.bins.indexOf(index);
    if (b < 0) continue;
    const item = (s.binFirstItem[b] ?? 0) + n;
    const end = b + 1 < s.binCount ? (s.binFirstItem[b + 1] ?? s.itemCount) : s.itemCount;
    return n >= 0 && item < end ? { group, item } : null;
  }
  return null;
}

/** An axis-aligned box: [minX, minY, minZ] and [maxX, maxY, maxZ]. */
export interface Bounds {
  min: [number, number, number];
  max: [number, number, number];
}

/**
 * The box around `count` unit cubes ([-0.5, 0.5]³) placed by row-major 4×4
 * matrices (Babylon's layout, translation in 12..14). A corner-free form:
 * each axis's half extent is half the sum of the magnitudes of its column.
 * Babylon's own refresh transforms 8 corners per instance as objects; this
 * is the same box from the floats alone.
 */
export function unitBoxInstancesBounds(matrices: Float32Array, count: number): Bounds {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < count; i++) {
    const o = i * 16;
    for (let k = 0; k < 3; k++) {
      const at = (j: number) => matrices[o + j + k] ?? 0;
      const half = 0.5 * (Math.abs(at(0)) + Math.abs(at(4)) + Math.abs(at(8)));
      const c = at(12);
      min[k] = Math.min(min[k] ?? Infinity, c - half);
      max[k] = Math.max(max[k] ?? -Infinity, c + half);
    }
  }
  return { min, max };
}
