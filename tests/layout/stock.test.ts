import { describe, expect, it } from 'vitest';
import { createGeometry } from '../../src/layout/geometry';
import { createStock, hexToRgb, UNITS_PER_GROUP } from '../../src/layout/stock';
import { itemCount } from '../../src/layout/schema';
import { loadLayout } from '../sim/support';

describe('createStock', () => {
  const layout = loadLayout('default');
  const g = createGeometry(layout);
  const rows = createStock(g);

  it('places every item of the layout, in groups of UNITS_PER_GROUP units per rack row', () => {
    expect(rows.length).toBe(layout.racks.rows * Math.ceil(layout.racks.unitsPerRow / UNITS_PER_GROUP));
    expect(rows.reduce((n, r) => n + r.itemCount, 0)).toBe(itemCount(layout));
    expect(rows.reduce((n, r) => n + r.binCount, 0)).toBe(g.bins.length);
  });

  it('keeps every item inside its row footprint and above the floor', () => {
    for (const row of rows) {
      for (let i = 0; i < row.itemCount; i++) {
        const x = row.itemMatrices[i * 16 + 12]!;
        const y = row.itemMatrices[i * 16 + 13]!;
        const z = row.itemMatrices[i * 16 + 14]!;
        expect(x).toBeGreaterThanOrEqual(row.minX);
        expect(x).toBeLessThanOrEqual(row.maxX);
        expect(z).toBeGreaterThanOrEqual(row.minZ);
        expect(z).toBeLessThanOrEqual(row.maxZ);
        expect(y).toBeGreaterThan(0);
      }
    }
  });

  it('turns west-facing packs half a turn instead of mirroring them (positive determinant)', () => {
    for (const row of rows.slice(0, 2))
      for (let i = 0; i < row.itemCount; i += 97) {
        const m = row.itemMatrices.subarray(i * 16, i * 16 + 16);
        expect(m[0]! * m[5]! * m[10]!).toBeGreaterThan(0);
      }
  });

  it('colours each item with its SKU colour', () => {
    const bin = g.bins.find((b) => b.row === 0)!;
    const [r, gr, b] = hexToRgb(layout.skus[bin.sku]!.colour);
    expect(Array.from(rows[0]!.itemColours.subarray(0, 4))).toEqual([r, gr, b, 1].map(Math.fround));
  });
});
