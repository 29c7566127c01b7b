import { describe, expect, it } from 'vitest';
import { binCode, matchScore, normalise, search, standpointFor, withinOneEdit } from '../../src/selection/search';
import { canStandAt, createGeometry } from '../../src/layout/geometry';
import { loadLayout } from '../sim/support';

const g = createGeometry(loadLayout('default'));

describe('find', () => {
  it('normalises case, accents, spacing and punctuation', () => {
    expect(normalise('  Paracétamol—500MG ')).toBe('paracetamol 500mg');
  });
  it('allows one slip in a word', () => {
    expect(withinOneEdit('paracetamol', 'paracetamol')).toBe(true);
    expect(withinOneEdit('paracetmol', 'paracetamol')).toBe(true);
    expect(withinOneEdit('parcaetamol', 'paracetamol')).toBe(true);
    expect(withinOneEdit('paracetamal', 'paracetamol')).toBe(true);
    expect(withinOneEdit('pracetmol', 'paracetamol')).toBe(false);
  });
  it('scores word beginnings and slips, and nothing for a word not there', () => {
    expect(matchScore('ibu', 'Ibuprofen 200 mg')).toBeGreaterThan(0);
    expect(matchScore('ibuprofen 200', 'Ibuprofen 200 mg')).toBe(1);
    expect(matchScore('ibuprofn', 'Ibuprofen 200 mg')).toBeGreaterThan(0);
    expect(matchScore('aspirin', 'Ibuprofen 200 mg')).toBe(0);
  });
  it('finds a medicine by its Chinese name too, named in the person’s language', () => {
    expect(search('布洛芬', g, 24, 'zh-CN')[0]).toMatchObject({ kind: 'medicine', id: 'ibuprofen-200', name: '布洛芬 200 毫克' });
    expect(search('布洛芬', g, 24)[0]).toMatchObject({ kind: 'medicine', id: 'ibuprofen-200', name: 'Ibuprofen 200 mg' });
  });
  it('finds a medicine by name, typo or SKU id, with every bin that holds it', () => {
    for (const q of ['paracetamol', 'PARAC', 'paracetmol 500', 'paracetamol-500']) {
      const [first] = search(q, g, 24);
      expect(first, q).toMatchObject({ kind: 'medicine', id: 'paracetamol-500' });
      if (first?.kind !== 'medicine') continue;
      expect(first.bins.length).toBeGreaterThan(1);
      for (const index of first.bins) expect(g.bins[index]?.sku).toBe(first.sku);
    }
  });
  it('finds a robot by its number, in the ways people write it', () => {
    for (const q of ['robot 3', 'Robot3', 'r3', '#3', '3', '机器人 3']) expect(search(q, g, 24)[0], q).toEqual({ kind: 'robot', id: 2 });
    expect(search('robot 99', g, 24).some((f) => f.kind === 'robot')).toBe(false);
  });
  it('finds a bin by its code, loosely written', () => {
    const code = binCode(g, 100)!;
    for (const q of [code, code.toLowerCase(), code.replace(/-/g, ' '), code.replace(/-/g, '')])
      expect(search(q, g, 24)[0], q).toEqual({ kind: 'bin', index: 100, code });
  });
  it('finds nothing for nothing, or for what is not here', () => {
    expect(search('   ', g, 24)).toEqual([]);
    expect(search('zzzz', g, 24)).toEqual([]);
  });
  it('stands where the floor is walkable, facing a bin across its aisle, or a robot from a metre and a half', () => {
    for (const index of [0, 100, g.bins.length - 1]) {
      const s = standpointFor(g, { kind: 'bin', index })!;
      const b = g.bins[index]!;
      expect(canStandAt(g, s.xM, s.zM)).toBe(true);
      // Across its aisle, on the side it faces, with the shelf in view.
      expect(Math.hypot(b.xM - s.xM, b.zM - s.zM)).toBeLessThan(2.5);
      expect((s.xM - b.xM) * b.side).toBeGreaterThan(0);
      expect(s.distanceM).toBeCloseTo(Math.hypot(b.xM - s.xM, b.zM - s.zM), 9);
      // Facing it: the heading points at the bin.
      expect(Math.abs(Math.atan2(b.xM - s.xM, b.zM - s.zM) - s.yawRad)).toBeLessThan(1e-9);
    }
    const home = g.bins[0]!;
    const r = standpointFor(g, { kind: 'robot', xM: home.xM + home.side * 1.2, zM: home.zM })!;
    expect(canStandAt(g, r.xM, r.zM)).toBe(true);
    expect(standpointFor(g, { kind: 'bin', index: -1 })).toBeNull();
  });
});
