/**
 * `npm run bench`: the simulation's step cost on the shipped layouts, and
 * how it grows with robots and with stock. A report, never a pass/fail:
 * timings on a shared machine are noise-prone. Goal: under 0.5 ms per step
 * for the default layout on a 2-core machine.
 */
import { bench, describe } from 'vitest';
import { createGeometry } from '../src/layout/geometry';
import type { Layout } from '../src/layout/schema';
import { createSimulation, restoreSimulation, snapshotOf, stepSimulation, type Simulation } from '../src/sim/simulation';
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

// 60×: 600 steps a simulated second of wall-clock time. A frame at 60 Hz runs 10 of them, a frame at
// 5 fps (a throttled phone) 120; the twin runs at most 4 ms of them a frame and carries the rest over
// (src/world/sim-runner.ts). On a 4×-throttled phone a batch costs about 4× what it costs here: the 60 Hz
// batch must fit the phone's 33 ms frame (30 Hz row) with room to render. Where it does not (the 5 fps
// frame), the steps due go to the worker (a relay): the page's share is then a snapshot posted and one
// restored, a few times a second, and the worker's is a wall-clock second's 600 steps each second.
// `scripts/bench-summary.mjs` puts these against a 4×-throttled phone's frame and core.
describe('60× on the large layout: one frame\u2019s batch of steps', () => {
  const sim = warm(loadLayout('large'));
  for (const [label, steps] of [
    ['a 60 Hz frame (10 steps)', 10],
    ['a 5 fps frame (120 steps)', 120],
  ] as const) {
    bench(
      label,
      () => {
        for (let i = 0; i < steps; i++) stepSimulation(sim);
      },
      options,
    );
  }
});

describe('60× on the large layout: a relay to the worker', () => {
  const sim = warm(loadLayout('large'));
  const into = createSimulation(sim.geometry);
  // postMessage clones on the sender's side and again on the receiver's: a round trip through JSON-free
  // structured cloning is what each side pays.
  bench('the page, each relay: the answer cloned in and restored', () => restoreSimulation(into, structuredClone(snapshotOf(sim))), options);
  bench('the page, a relay’s first: its state cloned out', () => void structuredClone(snapshotOf(sim)), options);
  bench(
    'the worker: a wall-clock second at 60× (600 steps)',
    () => {
      for (let i = 0; i < 600; i++) stepSimulation(sim);
    },
    { time: 3000, warmupTime: 200 },
  );
});
