/**
 * `npm run bench`: the simulation's step cost on the shipped layouts, and
 * how it grows with robots and with stock. A report, never a pass/fail:
 * timings on a shared machine are noise-prone. Goal: under 0.5 ms per step
 * for the default layout on a 2-core machine.
 */
import { bench, describe } from 'vitest';
import { createGeometry } from '../src/layout/geometry';
import type { Layout } from '../src/layout/schema';
import { createSimulation, stepSimulation, type Simulation } from '../src/sim/simulation';
import { loadLayout } from '../tests/sim/support';

/** A simulation warmed up for 5 simulated minutes, so robots are busy. */
function warm(layout: Layout): Simulation {
  const sim = createSimulation(createGeometry(layout));
  for (let i = 0; i < 3000; i++) stepSimulation(sim);
  return sim;
}

const options = { time: 1500, warmupTime: 200 };

describe('step cost by layout', () => {
  for (const name of ['small', 'default', 'large'] as const) {
    const sim = warm(loadLayout(name));
    bench(`${name} (${sim.robots.length} robots, ${sim.geometry.bins.length} bins)`, () => stepSimulation(sim), options);
  }
});

describe('step cost by robot count (default floor and order rate scaled with robots)', () => {
  const base = loadLayout('default');
  for (const count of [6, 12, 24, 48]) {
    const sim = warm({ ...base, robots: { ...base.robots, count }, orders: { ...base.orders, perHour: (base.orders.perHour * count) / 24 } });
    bench(`${count} robots`, () => stepSimulation(sim), options);
  }
});

describe('step cost by stock (default robots, more items per bin)', () => {
  const base = loadLayout('default');
  for (const itemsPerBin of [4, 14, 64]) {
    const sim = warm({ ...base, itemsPerBin });
    bench(`${(itemsPerBin * sim.geometry.bins.length).toLocaleString('en')} items`, () => stepSimulation(sim), options);
  }
});
