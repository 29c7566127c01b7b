import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scene } from '@babylonjs/core/scene';
import { DRAWN_ANYWAY_MS, whenDrawn } from '../../src/world/when-drawn';

/**
 * A scene with just what whenDrawn touches: an after-render observable, the meshes the last frame drew
 * (one, ready when `ready` says) and the items still loading. A hidden mesh that is never ready is not drawn.
 */
function fakeScene(ready: () => boolean, loading = () => 0) {
  const observers = new Set<() => void>();
  const drawn = [{ isReady: ready }];
  const scene = {
    onAfterRenderObservable: {
      add: (f: () => void) => (observers.add(f), f),
      remove: (f: () => void) => observers.delete(f),
    },
    getActiveMeshes: () => ({ data: drawn, length: drawn.length }),
    getWaitingItemsCount: loading,
    meshes: [...drawn, { isReady: () => false }],
    isReady: () => false,
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

  it('resolves at the end of the first frame whose drawn meshes are ready (not the hidden ones), and stops observing', async () => {
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

  it('a frame whose drawn meshes are ready still waits for what is loading', async () => {
    let waiting = 1;
    const { scene, frame } = fakeScene(
      () => true,
      () => waiting,
    );
    const drawn = whenDrawn(scene);
    frame();
    expect(await settled(drawn)).toBe(false);
    waiting = 0;
    frame();
    expect(await settled(drawn)).toBe(true);
  });

  it('waits for a frame: nothing resolves before the scene renders', async () => {
    const { scene } = fakeScene(() => true);
    expect(await settled(whenDrawn(scene))).toBe(false);
  });
});
