import { describe, expect, it } from 'vitest';
import { createGeometry } from '../../src/layout/geometry';
import { createStock, hexToRgb, locatePack, packPlace, unitBoxInstancesBounds, UNITS_PER_GROUP } from '../../src/layout/stock';
import { itemCount, skuName } from '../../src/layout/schema';
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

  it("places a group's packs when first asked for, once; each bin's first item is counted before", () => {
    const fresh = createStock(g);
    const first = fresh[3]!.items();
    expect(fresh[3]!.items()).toBe(first);
    expect(first.matrices.length).toBe(fresh[3]!.itemCount * 16);
    // Counted without placing: each bin's first item is where the placing put that bin's first pack.
    const { bins, binFirstItem } = fresh[3]!;
    for (let b = 0; b < bins.length; b++) {
      const place = packPlace(g, bins[b]!, 0)!;
      const o = binFirstItem[b]! * 16;
      expect([first.matrices[o + 12], first.matrices[o + 13], first.matrices[o + 14]]).toEqual([place.x, place.y, place.z].map(Math.fround));
    }
  });

  it('keeps every item inside its row footprint and above the floor', () => {
    for (const row of rows) {
      for (let i = 0; i < row.itemCount; i++) {
        const x = row.items().matrices[i * 16 + 12]!;
        const y = row.items().matrices[i * 16 + 13]!;
        const z = row.items().matrices[i * 16 + 14]!;
        expect(x).toBeGreaterThanOrEqual(row.minX);
        expect(x).toBeLessThanOrEqual(row.maxX);
        expect(z).toBeGreaterThanOrEqual(row.minZ);
        expect(z).toBeLessThanOrEqual(row.maxZ);
        expect(y).toBeGreaterThan(0);
      }
    }
  });

  it("gives each group a box that holds every pack and every block, and is no bigger than the blocks'", () => {
    for (const name of ['default', 'small', 'large'] as const) {
      for (const row of createStock(createGeometry(loadLayout(name)))) {
        const items = unitBoxInstancesBounds(row.items().matrices, row.itemCount);
        const blocks = unitBoxInstancesBounds(row.binMatrices, row.binCount);
        for (let k = 0; k < 3; k++) {
          expect(items.min[k]).toBeGreaterThanOrEqual(row.bounds.min[k]! - 1e-5);
          expect(items.max[k]).toBeLessThanOrEqual(row.bounds.max[k]! + 1e-5);
        }
        expect(row.bounds).toEqual(blocks);
      }
    }
  });

  it('turns west-facing packs half a turn instead of mirroring them (positive determinant)', () => {
    for (const row of rows.slice(0, 2))
      for (let i = 0; i < row.itemCount; i += 97) {
        const m = row.items().matrices.subarray(i * 16, i * 16 + 16);
        expect(m[0]! * m[5]! * m[10]!).toBeGreaterThan(0);
      }
  });

  it('colours each item with its SKU colour', () => {
    const bin = g.bins.find((b) => b.row === 0)!;
    const [r, gr, b] = hexToRgb(layout.skus[bin.sku]!.colour);
    expect(Array.from(rows[0]!.items().colours.subarray(0, 4))).toEqual([r, gr, b, 1].map(Math.fround));
  });
});

/** The reference: transform all 8 corners of every unit cube. */
function cornerBounds(m: Float32Array, count: number) {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < count; i++) {
    for (const cx of [-0.5, 0.5])
      for (const cy of [-0.5, 0.5])
        for (const cz of [-0.5, 0.5])
          for (let k = 0; k < 3; k++) {
            const o = i * 16;
            const v = cx * m[o + k]! + cy * m[o + 4 + k]! + cz * m[o + 8 + k]! + m[o + 12 + k]!;
            min[k] = Math.min(min[k]!, v);
            max[k] = Math.max(max[k]!, v);
          }
  }
  return { min, max };
}

describe('unitBoxInstancesBounds', () => {
  it('equals the box around every transformed corner, for the stock of the standard layout', () => {
    const rows = createStock(createGeometry(loadLayout('default')));
    for (const row of rows.slice(0, 6)) {
      for (const [m, n] of [
        [row.items().matrices, row.itemCount],
        [row.binMatrices, row.binCount],
      ] as const) {
        const got = unitBoxInstancesBounds(m, n);
        const want = cornerBounds(m, n);
        for (let k = 0; k < 3; k++) {
          expect(got.min[k]).toBeCloseTo(want.min[k]!, 5);
          expect(got.max[k]).toBeCloseTo(want.max[k]!, 5);
        }
      }
    }
  });

  it('holds for rotated and scaled instances too', () => {
    const m = new Float32Array(16 * 2);
    const a = 0.7;
    // A box scaled (2, 1, 0.5) and turned by a about y, at (3, 1, -2); then a plain unit box at the origin.
    m.set([2 * Math.cos(a), 0, -2 * Math.sin(a), 0, 0, 1, 0, 0, 0.5 * Math.sin(a), 0, 0.5 * Math.cos(a), 0, 3, 1, -2, 1], 0);
    m.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], 16);
    const got = unitBoxInstancesBounds(m, 2);
    const want = cornerBounds(m, 2);
    for (let k = 0; k < 3; k++) {
      expect(got.min[k]).toBeCloseTo(want.min[k]!, 5);
      expect(got.max[k]).toBeCloseTo(want.max[k]!, 5);
    }
    expect(got.max[0]).toBeGreaterThan(3.5);
  });

  it('is empty (min above max) with no instances', () => {
    const b = unitBoxInstancesBounds(new Float32Array(0), 0);
    expect(b.min[0]).toBeGreaterThan(b.max[0]);
  });
});

describe('one placement rule for the stock drawn and the pack a hand takes', () => {
  const geometry = createGeometry(loadLayout('small'));
  const stock = createStock(geometry);
  it('places every pack of a bin where its drawn instance stands, found by locatePack', () => {
    for (const bin of [0, 7, geometry.bins.length - 1]) {
      for (const n of [0, geometry.layout.itemsPerBin - 1]) {
        const place = packPlace(geometry, bin, n)!;
        const at = locatePack(stock, bin, n)!;
        const m = stock[at.group]!.items().matrices.subarray(at.item * 16, at.item * 16 + 16);
        expect([m[12], m[13], m[14]].map((v) => Number(v!.toFixed(4)))).toEqual([place.x, place.y, place.z].map((v) => Number(v.toFixed(4))));
        // Its extents: depth along x (turned by its facing), height, width along z.
        expect([Math.abs(m[0]!), m[5], Math.abs(m[10]!)].map((v) => Number(v!.toFixed(4)))).toEqual(place.size.map((v) => Number(v.toFixed(4))));
      }
    }
  });
  it('finds no pack past a bin\u2019s last, nor in a bin that does not exist', () => {
    expect(packPlace(geometry, 0, geometry.layout.itemsPerBin)).toBeNull();
    expect(locatePack(stock, 0, geometry.layout.itemsPerBin)).toBeNull();
    expect(locatePack(stock, geometry.bins.length, 0)).toBeNull();
    expect(packPlace(geometry, -1, 0)).toBeNull();
  });
});

describe('a medicine\u2019s name in the person\u2019s language', () => {
  const sku = { name: 'Ibuprofen 200 mg', names: { 'zh-CN': '布洛芬 200 毫克', pt: 'Ibuprofeno 200 mg' } };
  it('uses the name for the language, then for its base language, then the layout\u2019s name', () => {
    expect(skuName(sku, 'zh-CN')).toBe('布洛芬 200 毫克');
    expect(skuName(sku, 'pt-BR')).toBe('Ibuprofeno 200 mg');
    expect(skuName(sku, 'en')).toBe('Ibuprofen 200 mg');
    expect(skuName({ name: 'Aspirin' }, 'zh-CN')).toBe('Aspirin');
  });
  it('is given for every medicine of the shipped layouts in Chinese', () => {
    for (const name of ['small', 'default', 'large'] as const) {
      for (const s of loadLayout(name).skus) expect(skuName(s, 'zh-CN'), s.id).toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});
