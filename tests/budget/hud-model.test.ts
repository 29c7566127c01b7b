import { describe, expect, it } from 'vitest';
import { createFrameStats, pushFrameMs } from '../../src/budget/frame-stats';
import { createHudModel } from '../../src/budget/hud-model';

describe('createHudModel', () => {
  it('counts the share of frames over budget and scales the graph to the budget line', () => {
    const f = createFrameStats(10);
    for (const ms of [10, 10, 10, 12, 30, 10, 10, 10, 10, 11]) pushFrameMs(f, ms);
    const m = createHudModel(f, 11.1);
    expect(m.overBudgetShare).toBeCloseTo(0.2);
    expect(m.graph[0]).toBeCloseTo((10 / 11.1) * m.budgetLevel);
    expect(m.graph[4]).toBe(1); // 30 ms is clipped at the top
    expect(m.p50).toBe(10);
  });

  it('is all zeros with no frames', () => {
    const m = createHudModel(createFrameStats(4), 16.7);
    expect(m.overBudgetShare).toBe(0);
    expect(m.graph).toEqual([]);
  });
});
