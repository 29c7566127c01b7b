import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scene } from '@babylonjs/core/scene';
import { DRAWN_ANYWAY_MS, whenDrawn } from '../../src/world/when-drawn';

/** A scene with just what whenDrawn touches: an after-render observable and isReady. */
function fakeScene(ready: () => boolean) {
  const observers = new Set<() => void>();
  const scene = {
    onAfterRenderObservable: {
      add: (f: () => void) => (observers.add(f), f),
      remove: (f: () => void) => observers.delete(f),
    },
    isReady: ready,
  };
  return { scene: scene as unknown as Scene, frame: () => [...observers].forEach((f) => f()), observers };
}

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('whenDrawn', () => {
  afterEach(() => vi.useRealTimers());

  it('resolves at the end of the first frame in which the scene is ready, and stops observing', async () => {
    let ready = false;
    const { scene, frame, observers } = fakeScene(() => ready);
    const drawn = whenDrawn(scene);
    frame();
    frame();
    expect(await settled(drawn)).toBe(false);
    ready = true;
    frame();
    expect(await settled(drawn)).toBe(true);
    expect(observers.size).toBe(0);
  });

  it('resolves anyway a while after the first frame when a mesh is never ready', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const { scene, frame, observers } = fakeScene(() => false);
    const drawn = whenDrawn(scene);
    frame();
    vi.advanceTimersByTime(DRAWN_ANYWAY_MS - 1);
    frame();
    expect(await settled(drawn)).toBe(false);
    vi.advanceTimersByTime(1);
    frame();
    expect(await settled(drawn)).toBe(true);
    expect(observers.size).toBe(0);
  });

  it('waits for a frame: nothing resolves before the scene renders', async () => {
    const { scene } = fakeScene(() => true);
    expect(await settled(whenDrawn(scene))).toBe(false);
  });
});
