import { describe, expect, it } from 'vitest';
import { createGeometry } from '../../src/layout/geometry';
import { createSimulation, currentKpis, robotCellAt, simDigest, slotOfTick, stepSimulation, STEP_S } from '../../src/sim/simulation';
import { loadLayout } from './support';

function run(name: 'small' | 'default', seconds: number, each?: (sim: ReturnType<typeof createSimulation>) => void) {
  const sim = createSimulation(createGeometry(loadLayout(name)));
  for (let i = 0; i < seconds / STEP_S; i++) {
    stepSimulation(sim);
    each?.(sim);
  }
  return sim;
}

describe('simulation', () => {
  it('is deterministic: the same seed gives identical KPIs and robot cells after N steps', () => {
    const a = run('default', 300);
    const b = run('default', 300);
    expect(currentKpis(a)).toEqual(currentKpis(b));
    expect(a.history).toEqual(b.history);
    const slot = slotOfTick(a, a.tick);
    expect(a.robots.map((r) => robotCellAt(r, slot))).toEqual(b.robots.map((r) => robotCellAt(r, slot)));
  });

  it('a different seed gives a different day', () => {
    const layout = loadLayout('small');
    const a = createSimulation(createGeometry(layout));
    const b = createSimulation(createGeometry({ ...layout, seed: layout.seed + 1 }));
    for (let i = 0; i < 3000; i++) {
      stepSimulation(a);
      stepSimulation(b);
    }
    expect(currentKpis(a)).not.toEqual(currentKpis(b));
  });

  it('completes orders: robots pick, carry and drop, and KPIs move', () => {
    const sim = run('default', 600);
    const k = currentKpis(sim);
    expect(sim.completedOrders).toBeGreaterThan(20);
    expect(k.ordersPerHour).toBeGreaterThan(100);
    expect(k.meanFulfilmentS).toBeGreaterThan(5);
    expect(k.utilisation).toBeGreaterThan(0.05);
    expect(k.utilisation).toBeLessThanOrEqual(1);
    expect(sim.history.length).toBe(10);
  });

  it('never puts two robots in one cell in one slot, and never swaps two head-on', () => {
    let checkedSlots = 0;
    run('default', 400, (sim) => {
      if (sim.tick % sim.slotTicks !== 0) return;
      const slot = slotOfTick(sim, sim.tick);
      const now = sim.robots.map((r) => robotCellAt(r, slot));
      const next = sim.robots.map((r) => robotCellAt(r, slot + 1));
      expect(new Set(now).size, `slot ${slot}: two robots share a cell`).toBe(now.length);
      for (let i = 0; i < now.length; i++)
        for (let j = i + 1; j < now.length; j++)
          if (now[i] !== next[i]) expect(now[i] === next[j] && now[j] === next[i], `slot ${slot}: robots ${i} and ${j} swap`).toBe(false);
      for (const c of now) expect(sim.geometry.blocked[c], `slot ${slot}: a robot inside a rack`).toBe(0);
      checkedSlots++;
    });
    expect(checkedSlots).toBeGreaterThan(900);
  });

  it('moves robots only to neighbouring cells, one per slot', () => {
    run('small', 300, (sim) => {
      if (sim.tick % sim.slotTicks !== 0) return;
      const slot = slotOfTick(sim, sim.tick);
      for (const r of sim.robots) {
        const a = robotCellAt(r, slot);
        const b = robotCellAt(r, slot + 1);
        const cols = sim.geometry.cols;
        expect(Math.abs((a % cols) - (b % cols)) + Math.abs(Math.floor(a / cols) - Math.floor(b / cols))).toBeLessThanOrEqual(1);
      }
    });
  });

  it('drains batteries while working and charges them at home, within 0..1', () => {
    const sim = run('small', 900);
    for (const r of sim.robots) {
      expect(r.battery).toBeGreaterThanOrEqual(0);
      expect(r.battery).toBeLessThanOrEqual(1);
    }
  });
});

describe('simDigest', () => {
  it('is the same for two runs of the same layout and seed at the same tick, and changes as they go', () => {
    const a = createSimulation(createGeometry(loadLayout('default')));
    const b = createSimulation(createGeometry(loadLayout('default')));
    const seen = new Set<number>();
    for (let i = 0; i < 600; i++) {
      stepSimulation(a);
      stepSimulation(b);
      expect(simDigest(a)).toBe(simDigest(b));
      seen.add(simDigest(a));
    }
    expect(seen.size).toBeGreaterThan(500);
  });
});
