import { describe, expect, it } from 'vitest';
import { distanceToRectM, selectLod } from '../../src/budget/lod';

describe('selectLod', () => {
  const thresholds = [8, 20];
  it.each([
    [0, 0],
    [7.99, 0],
    [8, 1],
    [19.9, 1],
    [20, 2],
    [500, 2],
  ])('%s m → level %s', (d, level) => {
    expect(selectLod(d, thresholds)).toBe(level);
  });

  it('a bias above 1 picks coarser levels sooner', () => {
    expect(selectLod(6, thresholds, 1)).toBe(0);
    expect(selectLod(6, thresholds, 1.5)).toBe(1);
  });

  it('treats NaN and negative distances as farthest (cheapest)', () => {
    expect(selectLod(Number.NaN, thresholds)).toBe(2);
    expect(selectLod(-1, thresholds)).toBe(2);
  });
});

describe('distanceToRectM', () => {
  it('is 0 inside and the straight or corner distance outside', () => {
    expect(distanceToRectM(0, 0, -1, 1, -1, 1)).toBe(0);
    expect(distanceToRectM(4, 0, -1, 1, -1, 1)).toBe(3);
    expect(distanceToRectM(4, 5, -1, 1, -1, 1)).toBe(5);
  });
});
