/**
 * What the app tells about itself: `window.__chasm`'s stats and world, the
 * live panel's figures, and the HUD's lines. Read-only views of the state.
 */
import { inspectInfo } from './inspect';
import { cellCentre } from '../layout/geometry';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { frameMsPercentiles, meanFps } from '../budget/frame-stats';
import { totalTextureBytes } from '../budget/gpu-cost';
import { frameBudgetMsAt } from '../budget/budgets';
import { createHudModel, type HudModel } from '../budget/hud-model';
import { itemCount } from '../layout/schema';
import { currentKpis } from '../sim/simulation';
import type { LiveFigures } from '../world/painters';
import { hudRows } from '../ui/perf-hud';
import { viewerPose } from '../diagnostics/viewer-pose';
import { downloaded } from '../diagnostics/downloaded';
import type { ChasmStats, WorldInfo } from '../diagnostics/chasm-diagnostics';
import type { App } from './state';

/** A fresh snapshot of what this device is doing (`window.__chasm.stats()`). */
export function stats(app: App): ChasmStats {
  const { sampler, quality, scene, state } = app;
  const immersive = state.immersive;
  return {
    terminal: state.profile.terminal,
    mode: immersive?.mode ?? 'flat',
    fps: meanFps(sampler.displayFrames),
    renderHz: meanFps(sampler.frames),
    renderPx: sampler.renderPx(),
    frameMs: frameMsPercentiles(sampler.frames),
    cpuFrameMs: sampler.cpuFrameMs(),
    drawCalls: sampler.drawCalls(),
    views: Math.max(1, scene.activeCamera?.rigCameras.length ?? 1),
    triangles: sampler.triangles(),
    activeMeshes: sampler.activeMeshes(),
    targetHz: immersive?.targetHz() ?? quality.step.targetHz,
    foveation: immersive?.foveation() ?? null,
    xrLayer: immersive?.layer() ?? null,
    lights: scene.lights.filter((l) => l.isEnabled()).length,
    textureBytes: totalTextureBytes(app.engine.getLoadedTexturesCache()),
    // The engine's cache of compiled programs (not public API; read for the start-up figure only).
    shaderPrograms: Object.keys((app.engine as unknown as { _compiledEffects?: Record<string, unknown> })._compiledEffects ?? {}).length,
    downloadedBytes: downloaded().bytes,
    input: immersive ? immersive.inputMode() : (state.controls?.inputMode() ?? null),
    deviceClass: quality.deviceClass,
    budgets: app.options.budgets,
    quality: {
      level: quality.level,
      name: quality.step.name,
      resolutionScale: quality.step.resolutionScale,
      lodBias: quality.step.lodBias,
      rungs: quality.rungs,
      home: quality.home,
    },
    frames: sampler.frameCount(),
    viewer: viewerPose(scene),
  };
}

/** The live panel's numbers: plain figures from the stats, read when the panel repaints. */
export function liveFigures(app: App): LiveFigures {
  const now = stats(app);
  const peers = (app.state.room?.session?.participants() ?? []).map((p) => ({
    name: p.name,
    colour: p.colour,
    terminal: p.terminal,
    renderHz: p.stats.renderHz,
    frameP95Ms: p.stats.frameP95Ms,
    pixelsPerSecond: p.stats.renderWidth * p.stats.renderHeight * p.stats.views * p.stats.renderHz,
    drawCalls: p.stats.drawCalls,
    triangles: p.stats.triangles,
    downloadedKB: p.stats.downloadedKB,
    input: p.stats.input,
  }));
  return { source: `${now.terminal} · ${now.mode}`, frameP95Ms: now.frameMs.p95, fps: now.fps, drawCalls: now.drawCalls, triangles: now.triangles, peers };
}

/** The twin's state (`window.__chasm.world()`), or null while the first layout loads. */
export function worldInfo(app: App): WorldInfo | null {
  const { state } = app;
  const { twin, twinSource, placement, selection } = state;
  if (!twin) return null;
  const k = currentKpis(twin.sim);
  return {
    layout: twin.layout.name,
    source: twinSource,
    items: itemCount(twin.layout),
    bins: twin.geometry.bins.length,
    robots: twin.sim.robots.map((r, i) => {
      const pose = twin.poses[i];
      return { id: r.id, xM: pose?.xM ?? 0, zM: pose?.zM ?? 0, state: r.state, battery: r.battery };
    }),
    kpis: { ...k, completed: twin.sim.completedOrders },
    simS: twin.sim.tick / 10,
    catchingUp: twin.catchingUp,
    relays: twin.relays,
    seed: twin.layout.seed,
    // A shared room runs at the room's clock (1×).
    speed: state.room ? 1 : state.time.speed,
    paused: state.room ? false : state.time.paused,
    notices: [...twin.notices],
    placement,
    selection: selection?.card ?? null,
    whatIf: { ...twin.whatIf, baselineKpis: twin.baseline ? { ...currentKpis(twin.baseline), completed: twin.baseline.completedOrders } : null },
    route: twin.route().map((cell) => cellCentre(twin.geometry, cell)),
    congestionShown: twin.congestionShown,
    held: inspectInfo(app),
  };
}

/** Where a world point appears on the canvas, in CSS px, or null behind the viewer. */
export function toScreen(app: App, p: readonly [number, number, number]): { xPx: number; yPx: number } | null {
  const { scene, canvas } = app;
  const camera = scene.activeCamera ?? app.rig.camera;
  const v = Vector3.Project(
    new Vector3(...p),
    Matrix.Identity(),
    scene.getTransformMatrix(),
    camera.viewport.toGlobal(canvas.clientWidth, canvas.clientHeight),
  );
  return v.z < 0 || v.z > 1 ? null : { xPx: v.x, yPx: v.y };
}

/** The HUD's model of the held frames against the current rate's budget. */
export function hudModel(app: App, now: ChasmStats): HudModel {
  return createHudModel(app.sampler.frames, frameBudgetMsAt(now.targetHz));
}

/** The perf HUD's title and lines, as the in-VR HUD shows them. */
export function hudCard(app: App): { title: string; lines: string[] } {
  const s = app.state.strings;
  const now = stats(app);
  const rows = hudRows(now, hudModel(app, now), s.hud);
  return { title: s.hud.label, lines: rows.map(([term, value]) => `${term}: ${value}`) };
}
