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
}

/** What the worker answers: the simulation at the tick (and its baseline's), or why not. */
export interface RunAheadAnswer {
  id: number;
  snapshot?: SimSnapshot;
  baseline?: SimSnapshot;
  error?: string;
}

const runTo = (layout: Layout, tick: number) => {
  const sim = createSimulation(createGeometry(layout));
  while (sim.tick < tick) stepSimulation(sim);
  return snapshotOf(sim);
};

const scope = self as unknown as { onmessage: ((e: MessageEvent<RunAheadRequest>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (e) => {
  const { id, layout, tick, baseline } = e.data;
  let answer: RunAheadAnswer;
  try {
    answer = { id, snapshot: runTo(layout, tick), ...(baseline ? { baseline: runTo(baseline, tick) } : {}) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(answer);
};
