/**
 * The frame pipeline: one clock, read once a frame, and the stages in one
 * written order. See docs/architecture.md ("One frame, in order").
 *
 * In XR the headset hands over each frame: Babylon first runs the session's
 * frame features (`xr/frame-features.ts`, on `onXRFrameObservable`), then
 * this loop with the XR frame's timestamp as the clock.
 */
import { createFramePacer, shouldRender } from '../budget/frame-pacer';
import { toModelPoint } from '../world/placement';
import type { LiveFigures } from '../world/painters';
import { handleIntents } from './selects';
import { handleInspectIntents, updateInspect } from './inspect';
import { liveFigures } from './readouts';
import { followingIntents, updateRoom } from './room-wiring';
import { resize } from './view';
import type { App, Disposer } from './state';

/** Longest frame step integrated, in s: a long stall must not fling the viewer or jump the robots. */
const MAX_STEP_S = 0.1;

/** One frame's time, read once: every stage uses these. */
export interface FrameTime {
  /** The clock: `performance.now()` in 2D, the XR frame's timestamp in a session, in ms. */
  nowMs: number;
  /** Seconds since the last rendered frame, 0..MAX_STEP_S. */
  dtS: number;
  /** Seconds since the last rendered frame, uncapped: the simulation keeps to wall-clock time. */
  wallS: number;
}

/**
 * The stages of one rendered frame, in order:
 * 1. sample: the frame's time goes into the one frame-statistics ring;
 * 2. govern: the quality governor may change the rung, applied where it acts;
 * 3. input: the 2D controls' or the XR session's intents, drained once; selects resolved;
 * 4. move: the viewer's rig carries out the moves (the 2D camera rig, or the XR session's);
 * 5. simulate and world: the twin steps its simulation, poses the robots, picks LODs and repaints its panels when due.
 * Babylon then draws (`scene.render()`), and the sampler reads its counts.
 */
export function runFrame(app: App, t: FrameTime, live: () => LiveFigures): void {
  const { sampler, state } = app;
  // 1. sample, 2. govern
  if (sampler.renderFrame(t.nowMs) && app.governed) app.quality.onFrame(sampler.frames, t.nowMs);
  // 3. input, 4. move
  // Every terminal's input arrives as intents: selects are resolved here, moves go to the
  // viewer's rig (the 2D camera rig, or the XR session's, which checks the walkable floor).
  if (state.controls) {
    const own = state.controls.drain();
    // Following someone in a shared room adds their view, as intents, after the person's own.
    app.rig.apply(handleIntents(app, handleInspectIntents(app, [...own, ...followingIntents(app, own, t.dtS)])), t.dtS);
  }
  if (state.immersive) state.immersive.apply(handleIntents(app, handleInspectIntents(app, state.immersive.drain())), t.dtS);
  // A pack held follows its hand or the eyes (after the moves), or flies home.
  updateInspect(app, t.dtS);
  // 5. simulate and world (and the room: this terminal's pose out, the others' avatars in)
  updateRoom(app, t.nowMs, t.dtS);
  const camera = app.scene.activeCamera;
  if (!state.twin || !camera) return;
  // The simulation runs at the person's speed (in a room, the room's clock: 1×), and pauses while the page or the XR session is hidden.
  const hidden = document.visibilityState === 'hidden' || state.immersive?.hidden() === true;
  const speed = hidden ? 0 : state.room ? 1 : state.time.paused ? 0 : state.time.speed;
  // Levels of detail follow the viewer's distance in the model's own metres (far, for a table-top model),
  // from where the rig or the session put the camera this frame: Babylon updates `globalPosition` when it
  // renders, a frame late, and at the origin before the first frame (the start would detail the rows there).
  camera.getWorldMatrix();
  const p = camera.globalPosition;
  const [vx, , vz] = state.placement ? toModelPoint(state.placement, p.x, p.y, p.z) : [p.x, p.y, p.z];
  state.twin.update({ dtS: t.dtS, wallS: t.wallS, speed }, vx, vz, live);
}

/**
 * The loop step: Babylon's render loop reads the clock once, paces 2D frames to the rung's
 * rate (the 30 Hz rung renders every other frame of a 60 Hz display; a session is paced by the
 * headset), runs the stages and renders. The canvas follows the window's size.
 */
export function wireLoop(app: App): Disposer {
  const { engine, sampler, state } = app;
  const pacer = createFramePacer();
  let lastMs = Number.NaN;
  // The live panel reads the stats when it repaints (a few times a second), not every frame.
  const live = () => liveFigures(app);
  const frame = () => {
    const nowMs = state.immersive ? state.immersive.frameTimeMs() : performance.now();
    sampler.displayFrame(nowMs);
    if (!state.immersive && !state.entering && app.governed && !shouldRender(pacer, nowMs, app.quality.step.targetHz)) return;
    const elapsedS = (nowMs - lastMs) / 1000;
    lastMs = nowMs;
    runFrame(app, { nowMs, dtS: elapsedS > 0 ? Math.min(MAX_STEP_S, elapsedS) : 0, wallS: elapsedS > 0 ? elapsedS : 0 }, live);
    app.scene.render();
  };
  const onResize = () => resize(app);
  window.addEventListener('resize', onResize);
  resize(app);
  engine.runRenderLoop(frame);
  return () => {
    engine.stopRenderLoop(frame);
    window.removeEventListener('resize', onResize);
  };
}
