/**
 * Feeds the pure frame-statistics ring from Babylon's render loop. The clock
 * is swappable: `performance.now()` in 2D, the XR frame timestamp inside a
 * session (XR frames are paced by the headset, not by requestAnimationFrame).
 */
import type { Scene } from '@babylonjs/core/scene';
import { SceneInstrumentation } from '@babylonjs/core/Instrumentation/sceneInstrumentation';
import { createFrameStats, frameMsPercentiles, pushFrameMs, resetFrameStats, type FrameStats } from '../budget/frame-stats';

/** Per-frame sampling of frame time and render counts. */
export interface FrameSampler {
  readonly frames: FrameStats;
  /** Draw calls in the last rendered frame (all views). */
  drawCalls(): number;
  /** Triangles and active meshes of the last rendered frame (read mid-frame, Babylon's counters are partial). */
  triangles(): number;
  activeMeshes(): number;
  /** Frames rendered since the sampler started. */
  frameCount(): number;
  /** Babylon's CPU time for a frame (render call, not GPU): the median of the held frames, in ms
   *  (a median, so the few frames that compile a shader do not stand for the rest). */
  cpuFrameMs(): number;
  /** Replaces the clock and forgets old samples (they belong to another view). */
  setClock(clock: () => number): void;
  /** Called with every frame's duration and the clock's time, in ms. */
  onFrame: ((frameMs: number, nowMs: number) => void) | null;
  dispose(): void;
}

/** Starts sampling every frame the scene renders. */
export function createFrameSampler(scene: Scene): FrameSampler {
  const frames = createFrameStats(240);
  const cpuFrames = createFrameStats(240);
  const instrumentation = new SceneInstrumentation(scene);
  // Two performance.now() calls per frame: cheap, and the perf traces' CPU figure.
  instrumentation.captureFrameTime = true;
  let clock = () => performance.now();
  let lastMs = Number.NaN;
  let lastDrawCalls = 0;
  let lastTriangles = 0;
  let lastActiveMeshes = 0;
  let frameCount = 0;
  const before = scene.onBeforeRenderObservable.add(() => {
    const now = clock();
    const frameMs = now - lastMs;
    pushFrameMs(frames, frameMs);
    lastMs = now;
    if (Number.isFinite(frameMs)) sampler.onFrame?.(frameMs, now);
  });
  // Time spent hidden is a pause, not a frame: start measuring afresh.
  const onVisibility = () => (lastMs = Number.NaN);
  document.addEventListener('visibilitychange', onVisibility);
  const after = scene.onAfterRenderObservable.add(() => {
    // The counter is reset at the start of each frame; read it at the end.
    lastDrawCalls = instrumentation.drawCallsCounter.current;
    pushFrameMs(cpuFrames, instrumentation.frameTimeCounter.current);
    lastTriangles = Math.round(scene.getActiveIndices() / 3);
    lastActiveMeshes = scene.getActiveMeshes().length;
    frameCount++;
  });
  const sampler: FrameSampler = {
    frames,
    onFrame: null,
    drawCalls: () => lastDrawCalls,
    triangles: () => lastTriangles,
    activeMeshes: () => lastActiveMeshes,
    frameCount: () => frameCount,
    cpuFrameMs: () => frameMsPercentiles(cpuFrames).p50,
    setClock(next) {
      clock = next;
      lastMs = Number.NaN;
      resetFrameStats(frames);
      resetFrameStats(cpuFrames);
    },
    dispose() {
      scene.onBeforeRenderObservable.remove(before);
      scene.onAfterRenderObservable.remove(after);
      document.removeEventListener('visibilitychange', onVisibility);
      instrumentation.dispose();
    },
  };
  return sampler;
}
