import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeometry } from '../../src/layout/geometry';
import { createSimulation, simDigest, stepSimulation } from '../../src/sim/simulation';
import { answerRunAhead, type RunAheadRequest } from '../../src/sim/run-ahead-job';
import { createSimRunner } from '../../src/world/sim-runner';
import { endRunAhead } from '../../src/world/run-ahead';
import { loadLayout } from '../sim/support';

/** A worker in the same thread: answers each request a task later, as the real one would. */
class InThreadWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { preventDefault(): void }) => void) | null = null;
  private ended = false;
  static posted: RunAheadRequest[] = [];
  postMessage(request: RunAheadRequest) {
    InThreadWorker.posted.push(request);
    // The page's side of postMessage: the request is cloned.
    const copy = structuredClone(request);
    setTimeout(() => {
      if (!this.ended) this.onmessage?.({ data: structuredClone(answerRunAhead(copy)) });
    }, 5);
  }
  terminate() {
    this.ended = true;
  }
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('sim runner: a page whose frames cannot afford 60× relays to the worker', () => {
  beforeAll(() => {
    (globalThis as { Worker?: unknown }).Worker = InThreadWorker;
  });
  afterAll(() => {
    endRunAhead();
    delete (globalThis as { Worker?: unknown }).Worker;
  });

  it('keeps simulated time on wall-clock time × 60, in the same state as stepping straight there', async () => {
    const geometry = createGeometry(loadLayout('large'));
    const sim = createSimulation(geometry);
    const runner = createSimRunner(sim, geometry, null);
    // 5 fps frames at 60×: 120 steps due each, far more than a frame's 4 ms of the large layout's steps.
    const frames = 40;
    for (let i = 0; i < frames; i++) {
      runner.advance({ dtS: 0.1, wallS: 0.2, speed: 60 });
      await nextTask();
    }
    expect(runner.relays()).toBeGreaterThan(2);
    const wantTick = frames * 0.2 * 600;
    expect(sim.tick).toBeGreaterThan(wantTick * 0.85);
    expect(sim.tick).toBeLessThan(wantTick * 1.15);
    // Later relays continue the worker's own simulation instead of posting the page's state again.
    const relays = InThreadWorker.posted.filter((r) => r.from);
    expect(relays.some((r) => r.from && 'continues' in r.from)).toBe(true);
    // Relayed or not, it is the simulation the seed gives at that tick.
    const straight = createSimulation(geometry);
    while (straight.tick < sim.tick) stepSimulation(straight);
    expect(simDigest(sim)).toBe(simDigest(straight));
    runner.dispose();
  });

  it('a pause calls off the relay under way: the world holds where it is', async () => {
    const geometry = createGeometry(loadLayout('large'));
    const sim = createSimulation(geometry);
    const runner = createSimRunner(sim, geometry, null);
    runner.advance({ dtS: 0.1, wallS: 0.5, speed: 60 });
    runner.advance({ dtS: 0.1, wallS: 0.5, speed: 60 });
    const held = sim.tick;
    runner.advance({ dtS: 0.1, wallS: 0.1, speed: 0 });
    for (let i = 0; i < 5; i++) {
      await nextTask();
      runner.advance({ dtS: 0.1, wallS: 0.1, speed: 0 });
    }
    expect(sim.tick).toBe(held);
    expect(runner.relays()).toBe(0);
    runner.dispose();
  });
});
