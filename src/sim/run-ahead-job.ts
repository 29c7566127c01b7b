/**
 * What the run-ahead worker does with a request (`sim/run-ahead-worker.ts`
 * is its message glue): runs a layout's simulation from its seed (or from a
 * state the page sends) to a tick and answers with the state (`snapshotOf`):
 * a solo twin's warm first hour, a link's or a room's time, or the steps a
 * page's frames could not afford at speed (a relay). Pure of the DOM, so
 * Node tests run it.
 *
 * A relay's simulation is kept after its answer. The page that adopted the
 * answer has only stepped it since, and stepping is deterministic, so its
 * next relay names that answer (`continues`) instead of posting its state
 * again: a large layout's state costs a couple of ms to clone each way.
 */
import { createGeometry, type WarehouseGeometry } from '../layout/geometry';
import type { Layout } from '../layout/schema';
import { createSimulation, restoreSimulation, snapshotOf, stepSimulation, type SimSnapshot, type Simulation } from './simulation';

/** Where a relay starts: a state the page posts, or the worker's own from an answer the page adopted. */
export type RelayStart = { snapshot: SimSnapshot; baseline: SimSnapshot | null } | { continues: number };

/** What the page asks for. */
export interface RunAheadRequest {
  id: number;
  layout: Layout;
  tick: number;
  /** A what-if's baseline, run to the same tick beside it. */
  baseline: Layout | null;
  /** Stop early after this much of the worker's time, in ms, at whatever tick is reached (a warm start); null: reach `tick`. */
  budgetMs: number | null;
  /** A relay: start from this state, not from the seed. */
  from: RelayStart | null;
}

/** What the worker answers: the simulation at the tick (and its baseline's), or why not. */
export interface RunAheadAnswer {
  id: number;
  snapshot?: SimSnapshot;
  baseline?: SimSnapshot;
  error?: string;
}

/** The last layouts' geometries (a relay asks again every fraction of a second: a large layout's takes ~15 ms). */
const geometries = new Map<string, WarehouseGeometry>();
function geometryOf(layout: Layout): WarehouseGeometry {
  const key = JSON.stringify(layout);
  let geometry = geometries.get(key);
  if (!geometry) {
    // A what-if and its baseline: two are kept.
    if (geometries.size >= 2) geometries.clear();
    geometry = createGeometry(layout);
    geometries.set(key, geometry);
  }
  return geometry;
}

/** The last relay's simulations, as answered (the page may continue from them). */
let kept: { answer: number; sim: Simulation; base: Simulation | null } | null = null;

/** A simulation of `layout` from its seed, or in the state given. */
function simulationOf(layout: Layout, from: SimSnapshot | null | undefined): Simulation {
  const sim = createSimulation(geometryOf(layout));
  if (from) restoreSimulation(sim, from);
  return sim;
}

/** Where a request starts: the seed, the state posted, or the kept relay it continues (null: that one is gone). */
function startOf({ layout, baseline, from }: RunAheadRequest): { sim: Simulation; base: Simulation | null } | null {
  if (from && 'continues' in from) return kept?.answer === from.continues ? kept : null;
  return { sim: simulationOf(layout, from?.snapshot), base: baseline ? simulationOf(baseline, from?.baseline) : null };
}

/** Steps the layout (and its baseline, in step) from where the request starts towards `tick`, within the budget. */
export function answerRunAhead(request: RunAheadRequest): RunAheadAnswer {
  const { id, tick, budgetMs, from } = request;
  const start = startOf(request);
  kept = null;
  if (!start) return { id, error: 'the relay to continue is gone' };
  const { sim, base } = start;
  const stopAt = budgetMs === null ? Infinity : performance.now() + budgetMs;
  while (sim.tick < tick) {
    stepSimulation(sim);
    if (base) stepSimulation(base);
    // The clock is read every 100 steps: cheap beside the steps.
    if (sim.tick % 100 === 0 && performance.now() > stopAt) break;
  }
  if (from) kept = { answer: id, sim, base };
  return { id, snapshot: snapshotOf(sim), ...(base ? { baseline: snapshotOf(base) } : {}) };
}
