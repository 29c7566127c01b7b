/**
 * Feeds the pure frame-statistics ring from Babylon's render loop. The clock
 * is swappable: `performance.now()` in 2D, the XR frame timestamp inside a
 * session (XR frames are paced by the headset, not by requestAnimationFrame).
 */
import type { Scene } from '@babylonjs/core/scene';
import { SceneInstrumentation } from '@babylonjs/core/Instrumentation/sceneInstrumentation';
import { createFrameStats, frameMsPercentiles, pushFrameMs, resetFrameStats, type FrameStats } from '../budget/frame-stats';
import type { RenderPx } from '../budget/gpu-cost';

/** Per-frame sampling of frame time and render counts. */
export interface FrameSampler {
  /** Render-to-render times: what the governor judges against the rung's budget. */
  readonly frames: FrameStats;
  /** Display frames (every animation or XR frame, rendered or paced out). */
  readonly displayFrames: FrameStats;
  /** Called once per animation frame by the render loop, rendered or not. */
  displayFrame(): void;
  /** Pixels rendered per view in the last frame (the first view's viewport on its render target). */
  renderPx(): RenderPx;
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
  /** Forgets old samples (a pinned rung is measured afresh), keeping the clock. */
  reset(): void;
  /** Called once each rendered frame is recorded in `frames`, with the clock's time in ms. */
  onFrame: ((nowMs: number) => void) | null;
  dispose(): void;
}

/** Starts sampling every frame the scene renders. */
export function createFrameSampler(scene: Scene): FrameSampler {
  const frames = createFrameStats(240);
  const displayFrames = createFrameStats(240);
  const cpuFrames = createFrameStats(240);
  let lastDisplayMs = Number.NaN;
  const renderPx: RenderPx = { width: 0, height: 0 };
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
    const recorded = pushFrameMs(frames, now - lastMs);
    lastMs = now;
    if (recorded) sampler.onFrame?.(now);
  });
  // Time spent hidden is a pause, not a frame: start measuring afresh.
  const onVisibility = () => {
    lastMs = Number.NaN;
    lastDisplayMs = Number.NaN;
  };
  document.addEventListener('visibilitychange', onVisibility);
  const after = scene.onAfterRenderObservable.add(() => {
    // The counter is reset at the start of each frame; read it at the end.
    lastDrawCalls = instrumentation.drawCallsCounter.current;
    pushFrameMs(cpuFrames, instrumentation.frameTimeCounter.current);
    lastTriangles = Math.round(scene.getActiveIndices() / 3);
    lastActiveMeshes = scene.getActiveMeshes().length;
    measureRenderPx(scene, renderPx);
    frameCount++;
  });
  const sampler: FrameSampler = {
    frames,
    displayFrames,
    displayFrame() {
      const now = clock();
      pushFrameMs(displayFrames, now - lastDisplayMs);
      lastDisplayMs = now;
    },
    renderPx: () => ({ ...renderPx }),
    onFrame: null,
    drawCalls: () => lastDrawCalls,
    triangles: () => lastTriangles,
    activeMeshes: () => lastActiveMeshes,
    frameCount: () => frameCount,
    cpuFrameMs: () => frameMsPercentiles(cpuFrames).p50,
    setClock(next) {
      clock = next;
      sampler.reset();
    },
    reset() {
      lastMs = Number.NaN;
      lastDisplayMs = Number.NaN;
      resetFrameStats(frames);
      resetFrameStats(displayFrames);
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

/**
 * Pixels the first view drew: its viewport (a share of its target) times
 * the target's size, the canvas's drawing buffer in 2D or the XR layer's
 * texture in a session (where dynamic viewport scaling shrinks the viewport).
 */
function measureRenderPx(scene: Scene, out: RenderPx): void {
  const camera = scene.activeCamera;
  if (!camera) return;
  const view = camera.rigCameras[0] ?? camera;
  const target = view.outputRenderTarget;
  const engine = scene.getEngine();
  const width = target ? target.getRenderWidth() : engine.getRenderWidth();
  const height = target ? target.getRenderHeight() : engine.getRenderHeight();
  out.width = Math.round(view.viewport.width * width);
  out.height = Math.round(view.viewport.height * height);
}
