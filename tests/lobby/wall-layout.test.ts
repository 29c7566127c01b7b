import { describe, expect, it } from 'vitest';
import { FIGURES } from '../../src/lobby/figures';
import { layoutWall } from '../../src/lobby/wall-layout';

const inside = (r: { u: number; v: number; w: number; h: number }, o: typeof r) =>
  r.u >= o.u - 1e-9 && r.v >= o.v - 1e-9 && r.u + r.w <= o.u + o.w + 1e-9 && r.v + r.h <= o.v + o.h + 1e-9;

describe('layoutWall', () => {
  const laid = layoutWall(FIGURES, 8, 3.2);
  const wall = { u: 0, v: 0, w: 8, h: 3.2 };

  it('puts every figure in its own panel on the wall, bars inside their panel', () => {
    expect(laid.length).toBe(FIGURES.length);
    for (const f of laid) {
      expect(inside(f.panel, wall)).toBe(true);
      for (const b of f.bars) {
        expect(inside(b.track, f.panel)).toBe(true);
        expect(inside(b.fill, b.track)).toBe(true);
      }
    }
    for (let i = 0; i < laid.length; i++)
      for (let j = i + 1; j < laid.length; j++) {
        const a = laid[i]!.panel;
        const b = laid[j]!.panel;
        const overlap = a.u < b.u + b.w && b.u < a.u + a.w && a.v < b.v + b.h && b.v < a.v + a.h;
        expect(overlap).toBe(false);
      }
  });

  it('scales bars to the largest value of their figure', () => {
    const money = laid.find((f) => f.figure.id === 'money')!;
    const [ai, meta] = money.bars;
    expect(ai!.fill.w).toBeCloseTo(ai!.track.w);
    expect(meta!.fill.w / ai!.fill.w).toBeCloseTo(0.835);
  });

  it('draws a range from its low to its high value', () => {
    const cost = laid.find((f) => f.figure.id === 'ai-cost')!;
    const perHour = cost.bars[2]!;
    expect(perHour.fill.u - perHour.track.u).toBeCloseTo((5 / 15) * perHour.track.w);
    expect(perHour.fill.u + perHour.fill.w).toBeCloseTo(perHour.track.u + perHour.track.w);
  });
});
