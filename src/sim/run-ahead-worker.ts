/**
 * A worker that runs a layout's simulation from its seed to a tick and posts
 * the state back (`snapshotOf`): a solo twin's warm first hour, or a link's
 * or a room's time, stepped off the main thread while the world renders.
 */
import { createGeometry } from '../layout/geometry';
import type { Layout } from '../layout/schema';
import { createSimulation, snapshotOf, stepSimulation, type SimSnapshot } from './simulation';

/** What the page asks for. */
export interface RunAheadRequest {
  id: number;
  layout: Layout;
  tick: number;
  /** A what-if's baseline, run to the same tick beside it. */
  baseline: Layout | null;
  /** Stop early after this much of the worker's time, in ms, at whatever tick is reached (a warm start); null: reach `tick`. */
  budgetMs: number | null;
}

/** What the worker answers: the simulation at the tick (and its baseline's), or why not. */
export interface RunAheadAnswer {
  id: number;
  snapshot?: SimSnapshot;
  baseline?: SimSnapshot;
  error?: string;
}

/** Steps the layout (and its baseline, in step) from the seed towards `tick`, within the budget. */
function runAhead({ id, layout, tick, baseline, budgetMs }: RunAheadRequest): RunAheadAnswer {
  const sim = createSimulation(createGeometry(layout));
  const base = baseline ? createSimulation(createGeometry(baseline)) : null;
  const stopAt = budgetMs === null ? Infinity : performance.now() + budgetMs;
  while (sim.tick < tick) {
    stepSimulation(sim);
    if (base) stepSimulation(base);
    // The clock is read every 100 steps: cheap beside the steps.
    if (sim.tick % 100 === 0 && performance.now() > stopAt) break;
  }
  return { id, snapshot: snapshotOf(sim), ...(base ? { baseline: snapshotOf(base) } : {}) };
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<RunAheadRequest>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (e) => {
  let answer: RunAheadAnswer;
  try {
    answer = runAhead(e.data);
  } catch (error) {
    answer = { id: e.data.id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(answer);
};
