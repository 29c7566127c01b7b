import { describe, expect, it } from 'vitest';
import {
  createFrameStats,
  frameMsPercentiles,
  frameSamplesMs,
  MAX_FRAME_MS,
  meanFps,
  percentileOfSorted,
  pushFrameMs,
  recentPercentile,
  resetFrameStats,
} from '../../src/budget/frame-stats';

describe('frame stats ring buffer', () => {
  it('reports zeros when empty', () => {
    const s = createFrameStats(8);
    expect(frameMsPercentiles(s)).toEqual({ p50: 0, p95: 0, p99: 0 });
    expect(meanFps(s)).toBe(0);
  });

  it('computes nearest-rank percentiles of 1..100 ms', () => {
    const s = createFrameStats(100);
    // Pushed in a shuffled order to prove the sort, not the insertion order, decides.
    for (let i = 0; i < 100; i++) pushFrameMs(s, ((i * 37) % 100) + 1);
    expect(frameMsPercentiles(s)).toEqual({ p50: 50, p95: 95, p99: 99 });
  });

  it('keeps only the most recent `capacity` frames, oldest first', () => {
    const s = createFrameStats(4);
    for (const ms of [1, 2, 3, 4, 5, 6]) pushFrameMs(s, ms);
    expect(Array.from(frameSamplesMs(s))).toEqual([3, 4, 5, 6]);
    expect(s.count).toBe(4);
  });

  it('turns a steady 11.1 ms frame into about 90 fps', () => {
    const s = createFrameStats(90);
    for (let i = 0; i < 200; i++) pushFrameMs(s, 1000 / 90);
    expect(meanFps(s)).toBeCloseTo(90, 6);
    expect(frameMsPercentiles(s).p99).toBeCloseTo(11.11, 2);
  });

  it('sees a single spike at p99 but not at p50', () => {
    const s = createFrameStats(100);
    for (let i = 0; i < 99; i++) pushFrameMs(s, 10);
    pushFrameMs(s, 50);
    const p = frameMsPercentiles(s);
    expect(p.p50).toBe(10);
    expect(p.p95).toBe(10);
    expect(p.p99).toBe(10);
    pushFrameMs(s, 50); // the 100-frame window now holds two spikes: p99 (rank 99) is a spike
    expect(frameMsPercentiles(s).p99).toBe(50);
  });

  it('ignores non-finite, non-positive and pause-length gaps', () => {
    const s = createFrameStats(8);
    for (const ms of [Number.NaN, Infinity, -5, 0, MAX_FRAME_MS + 1]) pushFrameMs(s, ms);
    expect(s.count).toBe(0);
    pushFrameMs(s, MAX_FRAME_MS);
    expect(s.count).toBe(1);
  });

  it('forgets everything on reset', () => {
    const s = createFrameStats(8);
    pushFrameMs(s, 16);
    resetFrameStats(s);
    expect(s.count).toBe(0);
    expect(frameMsPercentiles(s).p50).toBe(0);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => createFrameStats(0)).toThrow(RangeError);
    expect(() => createFrameStats(2.5)).toThrow(RangeError);
  });

  it('clamps percentile ranks at both ends', () => {
    expect(percentileOfSorted([4, 8], 0)).toBe(4);
    expect(percentileOfSorted([4, 8], 100)).toBe(8);
    expect(percentileOfSorted([], 50)).toBe(0);
  });
});

describe('recentPercentile', () => {
  it('agrees with a sorted nearest-rank percentile of the most recent samples, without allocating', () => {
    const stats = createFrameStats(64);
    const scratch = new Float64Array(64);
    let seed = 7;
    const values: number[] = [];
    for (let i = 0; i < 150; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const v = 1 + (seed % 1000) / 10;
      values.push(v);
      pushFrameMs(stats, v);
      for (const n of [1, 7, 30, 64]) {
        const recent = values.slice(-Math.min(n, values.length, 64)).sort((a, b) => a - b);
        for (const p of [50, 90, 99]) expect(recentPercentile(stats, n, p, scratch)).toBe(percentileOfSorted(recent, p));
      }
    }
  });

  it('is 0 with no samples', () => {
    expect(recentPercentile(createFrameStats(8), 8, 90, new Float64Array(8))).toBe(0);
  });
});
