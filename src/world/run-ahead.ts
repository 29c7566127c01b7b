/**
 * Runs a layout's simulation ahead, from its seed (or a state) to a tick, in
 * a worker (`sim/run-ahead-worker.ts`), so a twin can start warm, jump to a
 * link's or a room's time, or keep up at a speed its frames cannot afford,
 * without stalling its frames. One worker serves the page,
 * one job at a time; a cancelled job ends the worker (a new one starts with
 * the next job). Where workers are unavailable or fail, the answer is null
 * and the twin steps the way in frame-sized batches instead.
 */
import type { Layout } from '../layout/schema';
import type { SimSnapshot } from '../sim/simulation';
import type { RunAheadAnswer, RunAheadRequest } from '../sim/run-ahead-job';

/** The simulation run ahead, and its what-if baseline's when one was asked for. */
export interface RunAheadResult {
  /** The answer's number: a relay adopted from it can be continued in the worker (`{ continues: id }`). */
  id: number;
  snapshot: SimSnapshot;
  baseline: SimSnapshot | null;
}

/** A job under way: its answer (null: do it yourself), and how to call it off. */
export interface RunAheadJob {
  readonly tick: number;
  readonly result: Promise<RunAheadResult | null>;
  cancel(): void;
}

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const waiting = new Map<number, (result: RunAheadResult | null) => void>();

function endWorker(): void {
  worker?.terminate();
  worker = null;
  for (const resolve of waiting.values()) resolve(null);
  waiting.clear();
}

function theWorker(): Worker | null {
  if (worker || broken) return worker;
  try {
    worker = new Worker(new URL('../sim/run-ahead-worker.ts', import.meta.url), { type: 'module', name: 'chasm-run-ahead' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<RunAheadAnswer>) => {
    const { id, snapshot, baseline } = e.data;
    const resolve = waiting.get(id);
    waiting.delete(id);
    resolve?.(snapshot ? { id, snapshot, baseline: baseline ?? null } : null);
  };
  // A worker that cannot load (an old cache, a blocked script) is not tried again: batches do the work.
  worker.onerror = (e) => {
    e.preventDefault();
    broken = true;
    endWorker();
  };
  return worker;
}

/** Ends the worker (the app stops): the next job, if any, starts a new one. */
export function endRunAhead(): void {
  endWorker();
}

/** How a job runs: from the seed or from a simulation's state, to its tick or within a budget. */
export interface RunAheadOptions {
  /** Stop after this much of the worker's time, in ms, at whatever tick is reached (a warm start). */
  budgetMs?: number | null;
  /** Start from this state (or the worker's own, kept from an answer) instead of the seed: a relay of a page that fell behind. */
  from?: RunAheadRequest['from'];
}

/**
 * Asks a worker for the simulation of `layout` at `tick` (and of a what-if's `baseline` layout, when given),
 * from the seed or `from`; with `budgetMs`, at whatever tick it reaches in that much of the worker's time.
 */
export function runAhead(layout: Layout, tick: number, baseline: Layout | null, options: RunAheadOptions = {}): RunAheadJob {
  const w = typeof Worker === 'undefined' ? null : theWorker();
  if (!w) return { tick, result: Promise.resolve(null), cancel: () => undefined };
  const id = nextId++;
  const result = new Promise<RunAheadResult | null>((resolve) => waiting.set(id, resolve));
  const request: RunAheadRequest = { id, layout, tick, baseline, budgetMs: options.budgetMs ?? null, from: options.from ?? null };
  w.postMessage(request);
  return {
    tick,
    result,
    cancel: () => {
      // Still running: the worker is ended, so its next job does not wait behind this one.
      if (waiting.has(id)) endWorker();
    },
  };
}
