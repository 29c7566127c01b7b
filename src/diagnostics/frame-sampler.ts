/**
 * Feeds the pure frame-statistics rings. The frame pipeline (`app/frame-loop.ts`)
 * hands it each frame's time from its one clock: `performance.now()` in 2D, the
 * XR frame's timestamp inside a session (XR frames are paced by the headset).
 * After each render it reads Babylon's counts.
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
  /** Records a display frame (every animation or XR frame, rendered or paced out) at `nowMs`. */
  displayFrame(nowMs: number): void;
  /** Records a frame about to render at `nowMs`; false when there was no frame before it to time against. */
  renderFrame(nowMs: number): boolean;
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
  /** Forgets old samples: they belong to another view, clock or rung. */
  reset(): void;
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
  let lastMs = Number.NaN;
  let lastDrawCalls = 0;
  let lastTriangles = 0;
  let lastActiveMeshes = 0;
  let frameCount = 0;
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
    displayFrame(nowMs) {
      pushFrameMs(displayFrames, nowMs - lastDisplayMs);
      lastDisplayMs = nowMs;
    },
    renderFrame(nowMs) {
      const recorded = pushFrameMs(frames, nowMs - lastMs);
      lastMs = nowMs;
      return recorded;
    },
    renderPx: () => ({ ...renderPx }),
    drawCalls: () => lastDrawCalls,
    triangles: () => lastTriangles,
    activeMeshes: () => lastActiveMeshes,
    frameCount: () => frameCount,
    cpuFrameMs: () => frameMsPercentiles(cpuFrames).p50,
    reset() {
      lastMs = Number.NaN;
      lastDisplayMs = Number.NaN;
      resetFrameStats(frames);
      resetFrameStats(displayFrames);
      resetFrameStats(cpuFrames);
    },
    dispose() {
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
