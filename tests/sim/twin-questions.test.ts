import { describe, expect, it } from 'vitest';
import { createGeometry } from '../../src/layout/geometry';
import { createRng } from '../../src/layout/rng';
import {
  createSimulation,
  currentKpis,
  restoreSimulation,
  simDigest,
  slotOfTick,
  snapshotOf,
  stepSimulation,
  robotCellAt,
  WARM_START_TICKS,
  type Simulation,
} from '../../src/sim/simulation';
import { CONGESTION_BUCKET_S, CONGESTION_BUCKETS, congestionShares, createCongestion, recordWait } from '../../src/sim/congestion';
import { routeAhead, straightRuns } from '../../src/sim/route';
import { applyWhatIf, clampWhatIf, isBaseline, NO_WHAT_IF, ORDER_RATES, robotRange } from '../../src/sim/what-if';
import { heatTexels } from '../../src/world/congestion-overlay';
import { loadLayout } from './support';

const run = (sim: Simulation, steps: number) => {
  for (let i = 0; i < steps; i++) stepSimulation(sim);
  return sim;
};

describe('a generator carried by its state', () => {
  it('goes on with the same sequence from `state`', () => {
    const a = createRng(7);
    for (let i = 0; i < 10; i++) a();
    const b = createRng(a.state);
    expect(Array.from({ length: 5 }, () => b())).toEqual(Array.from({ length: 5 }, () => a()));
  });
});

describe('snapshots (a worker runs ahead, the page goes on)', () => {
  it('a simulation restored from a cloned snapshot steps exactly as the one that never left', () => {
    const layout = loadLayout('small');
    const straight = run(createSimulation(createGeometry(layout)), 4000);
    const elsewhere = run(createSimulation(createGeometry(layout)), 3000);
    const here = createSimulation(createGeometry(layout));
    // structuredClone is what postMessage does.
    restoreSimulation(here, structuredClone(snapshotOf(elsewhere)));
    expect(here.tick).toBe(3000);
    run(here, 1000);
    expect(simDigest(here)).toBe(simDigest(straight));
    expect(currentKpis(here)).toEqual(currentKpis(straight));
    expect(here.robots.map((r) => r.order?.id ?? -1)).toEqual(straight.robots.map((r) => r.order?.id ?? -1));
  });

  it('the warm start is the first simulated hour, and by then the board has figures and a chart', () => {
    expect(WARM_START_TICKS * 0.1).toBe(3600);
    const sim = run(createSimulation(createGeometry(loadLayout('default'))), WARM_START_TICKS);
    const k = currentKpis(sim);
    expect(k.ordersPerHour).toBeGreaterThan(0);
    expect(k.meanFulfilmentS).toBeGreaterThan(0);
    expect(sim.history.length).toBeGreaterThanOrEqual(59);
  });
});

describe('congestion', () => {
  it('counts waits per cell, and forgets them after an hour', () => {
    const c = createCongestion(10, 0.1);
    const bucket = CONGESTION_BUCKET_S * 10;
    recordWait(c, 3, 0);
    recordWait(c, 3, 5);
    recordWait(c, 7, bucket * 2);
    let s = congestionShares(c, bucket * 2);
    expect(s.max).toBe(2);
    expect(s.shares[3]).toBe(1);
    expect(s.shares[7]).toBe(0.5);
    // An hour after the first waits, only the later one is left.
    s = congestionShares(c, bucket * CONGESTION_BUCKETS);
    expect(s.shares[3]).toBe(0);
    expect(s.shares[7]).toBe(1);
    // Recording far later clears every stale bucket.
    recordWait(c, 1, bucket * 40);
    s = congestionShares(c, bucket * 40);
    expect(s.max).toBe(1);
    expect([...s.shares].filter((v) => v > 0)).toHaveLength(1);
  });

  it('a busy layout records waits only on cells robots can stand in, over the last hour', () => {
    const sim = run(createSimulation(createGeometry(loadLayout('default'))), 6000);
    const { shares, max } = congestionShares(sim.congestion, sim.tick);
    expect(max).toBeGreaterThan(0);
    shares.forEach((v, cell) => {
      if (v > 0) expect(sim.geometry.blocked[cell], `cell ${cell}`).toBe(0);
    });
  });

  it('paints clear where nobody waited, and redder and more opaque where more did', () => {
    const t = heatTexels(new Float32Array([0, 0.2, 1]));
    expect(t[3]).toBe(0);
    expect(t[7]).toBeGreaterThan(0);
    expect(t[11]).toBeGreaterThan(t[7]!);
    // Less green: from yellow towards red.
    expect(t[5]).toBeGreaterThan(t[9]!);
  });
});

describe('a robot’s route ahead', () => {
  it('starts where the robot is, ends at its leg’s goal, and steps between neighbours', () => {
    const sim = run(createSimulation(createGeometry(loadLayout('default'))), 1200);
    const cols = sim.geometry.cols;
    let seen = 0;
    for (const robot of sim.robots) {
      const cells = routeAhead(sim, robot);
      if (cells.length === 0) continue;
      seen++;
      expect(cells[0]).toBe(robotCellAt(robot, slotOfTick(sim, sim.tick)));
      expect(cells.at(-1)).toBe(robot.path.at(-1));
      for (let i = 1; i < cells.length; i++) expect([1, cols]).toContain(Math.abs(cells[i]! - cells[i - 1]!));
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('merges straight stretches into runs that meet at the corners', () => {
    // A 10-column grid: right 3, down 2, left 1.
    expect(straightRuns([0, 1, 2, 3, 13, 23, 22])).toEqual([
      [0, 3],
      [3, 23],
      [23, 22],
    ]);
    expect(straightRuns([5, 6])).toEqual([[5, 6]]);
  });
});

describe('what-if', () => {
  const layout = loadLayout('default');

  it('the layout itself changes nothing', () => {
    expect(isBaseline(NO_WHAT_IF)).toBe(true);
    expect(applyWhatIf(layout, NO_WHAT_IF)).toBe(layout);
    expect(clampWhatIf(layout, { orderRate: 1, robots: layout.robots.count })).toEqual(NO_WHAT_IF);
  });

  it('keeps to the offered rates and to the robots the front zone has homes for', () => {
    const { min, max } = robotRange(layout);
    expect(min).toBe(1);
    expect(max).toBeGreaterThanOrEqual(layout.robots.count);
    expect(clampWhatIf(layout, { orderRate: 2.2, robots: 10_000 })).toEqual({ orderRate: 2, robots: max });
    expect(clampWhatIf(layout, { orderRate: -4, robots: 0 })).toEqual({ orderRate: 0.5, robots: 1 });
    expect(clampWhatIf(layout, { orderRate: Number.NaN, robots: Number.NaN })).toEqual(NO_WHAT_IF);
    expect(ORDER_RATES).toContain(3);
    // The most robots offered can be built.
    expect(() => createGeometry(applyWhatIf(layout, { orderRate: 1, robots: max }))).not.toThrow();
  });

  it('runs the same seed with the new rate and count, and the effect shows against the baseline', () => {
    const w = clampWhatIf(layout, { orderRate: 3, robots: 6 });
    const variant = applyWhatIf(layout, w);
    expect(variant.seed).toBe(layout.seed);
    expect(variant.orders.perHour).toBe(layout.orders.perHour * 3);
    const base = run(createSimulation(createGeometry(layout)), 6000);
    const what = run(createSimulation(createGeometry(variant)), 6000);
    expect(what.robots).toHaveLength(6);
    // Three times the orders with a quarter of the robots: a backlog the baseline does not have.
    expect(currentKpis(what).backlog).toBeGreaterThan(currentKpis(base).backlog);
  });
});
