/**
 * The composition root: builds the scene and the shared handles, then runs
 * the wiring steps in order. Each step sets one part up over the one state
 * (`state.ts`) and returns what undoes it; `stop()` runs those in reverse
 * and disposes the scene, leaving the engine and the shell as boot made them.
 */
import { Scene } from '@babylonjs/core/scene';
import { Color4 } from '@babylonjs/core/Maths/math.color';
import '@babylonjs/core/Culling/ray';
import { readDeviceSignals } from '../device/probe';
import { classifyDeviceClass } from '../budget/device-class';
import { fetchRobotModel } from '../world/robot-renderer';
import { createCameraRig } from '../flat/camera-rig';
import { createFrameSampler } from '../diagnostics/frame-sampler';
import { installDiagnostics } from '../diagnostics/chasm-diagnostics';
import { sceneCounts } from '../diagnostics/scene-counts';
import { frameSamplesMs } from '../budget/frame-stats';
import { createPerfHud } from '../ui/perf-hud';
import type { Booted } from './boot';
import { createQualityController } from './quality';
import { parseUrlOptions } from '../settings/url-options';
import { RUNTIME_ASSETS, runtimeAssetUrl } from './runtime-assets';
import { initialState, type App, type Disposer, type Step } from './state';
import { stats, toScreen, worldInfo } from './readouts';
import { wireWorld } from './world-loading';
import { wireSettings } from './settings-wiring';
import { wirePwa, wireShell } from './shell-wiring';
import { wireXr } from './xr-entry';
import { wireLoop } from './frame-loop';
import { roomInfo, wireRoom } from './room-wiring';
import { wireTime } from './time-wiring';
import { wireFind } from './find-wiring';
import { wireKeptLayouts } from './kept-wiring';
import { wireViewLink } from './view-link-wiring';
import { loadHeldPack } from './inspect';

/** A running app. */
export interface RunningApp {
  /** Resolves once the device is classified and the first frame of the world has rendered. */
  readonly ready: Promise<void>;
  /** Undoes every step and disposes the scene; the engine and the shell stay for the next start. */
  stop(): void;
}

/** Starts the world once the shell is painted and the engine created (boot.ts). */
export function startApp(booted: Booted): RunningApp {
  const app = createApp(booted);
  let ready!: Promise<void>;
  let complete!: Promise<void>;
  let running: RunningApp | null = null;
  /** The steps, in order: each sets one part up and returns its disposer. */
  const steps: Array<[name: string, step: Step]> = [
    [
      'world',
      (a) =>
        wireWorld(a, {
          ready: (p) => {
            ready = p;
          },
          complete: (p) => {
            complete = p;
          },
        }),
    ],
    ['shell', wireShell],
    ['settings', wireSettings],
    ['pwa', (a) => wirePwa(a, ready)],
    ['xr', wireXr],
    ['room', wireRoom],
    ['time', wireTime],
    ['find', wireFind],
    ['kept-layouts', wireKeptLayouts],
    ['view-link', (a) => wireViewLink(a, ready)],
    [
      'diagnostics',
      (a) =>
        installDiagnostics({
          version: __CHASM_VERSION__,
          ready,
          complete,
          stats: () => stats(a),
          world: () => worldInfo(a),
          toScreen: (p) => toScreen(a, p),
          frameTimes: () => Array.from(frameSamplesMs(a.sampler.frames)),
          sceneCounts: () => sceneCounts(a.scene),
          meshShown: (name) => {
            const mesh = a.scene.getMeshByName(name);
            return mesh?.isEnabled() && mesh.isVisible ? mesh.visibility : 0;
          },
          activeMeshNames: () => {
            const active = a.scene.getActiveMeshes();
            return active.data.slice(0, active.length).map((m) => m.name);
          },
          meshAt: (name) => {
            const p = a.scene.getMeshByName(name)?.getAbsolutePosition();
            return p ? [p.x, p.y, p.z] : null;
          },
          packShown: (bin, n) => a.state.twin?.packShown(bin, n) ?? null,
          paints: (name) => (a.scene.getMeshByName(name)?.metadata as { paints?: number } | null)?.paints ?? 0,
          pinQuality: (level) => {
            a.quality.pin(level);
            // The rung is measured afresh: the rates and frame times held belong to the one before.
            a.sampler.reset();
          },
          async measureGpu() {
            const { measureGpuCost } = await import('../diagnostics/gpu-measure');
            return measureGpuCost(a.scene, stats(a));
          },
          room: () => roomInfo(a),
          restart() {
            running?.stop();
            running = startApp(booted);
            return running.ready;
          },
        }),
    ],
    ['loop', wireLoop],
  ];
  const disposers: Array<[string, Disposer]> = steps.map(([name, step]) => [name, step(app)]);
  // What the first frame does not draw loads after it: the inspect view's code.
  ready.then(loadHeldPack, () => undefined);
  running = {
    ready,
    stop() {
      if (app.state.stopped) return;
      app.state.stopped = true;
      for (const [name, dispose] of disposers.reverse()) {
        try {
          dispose();
        } catch (error) {
          console.warn(`Chasm: stopping "${name}" failed.`, error);
        }
      }
      app.hud.dispose();
      app.sampler.dispose();
      app.scene.dispose();
    },
  };
  return running;
}

/** The scene, the camera rig, the sampler, the governor and the state the steps share. */
function createApp({ root, canvas, shell, settings, strings, reducedMotion, profile, engine }: Booted): App {
  const scene = new Scene(engine);
  scene.clearColor = Color4.FromHexString('#c9d6e2ff');
  // Selection is resolved by pure ray tests (selection/pick.ts), not Babylon's per-move picking.
  scene.skipPointerMovePicking = true;
  const rig = createCameraRig(scene);
  rig.setReducedMotion(reducedMotion);
  const options = parseUrlOptions(location.search);
  const state = initialState(strings, profile);
  const quality = createQualityController(engine, classifyDeviceClass(readDeviceSignals(profile.terminal, engine.getGlInfo().renderer || null)), {
    xr: () => state.immersive,
    twin: () => state.twin,
  });
  return {
    root,
    canvas,
    shell,
    settings,
    engine,
    scene,
    rig,
    sampler: createFrameSampler(scene),
    quality,
    hud: createPerfHud(root, strings),
    options,
    governed: options.budgets === 'on',
    // The robot model and the glTF loader download from the first rendered frame on; the robots follow the first frame.
    robotModel: fetchRobotModel(
      runtimeAssetUrl(RUNTIME_ASSETS.robotModel),
      new Promise((rendered) => scene.onAfterRenderObservable.addOnce(() => setTimeout(rendered))),
    ),
    state,
  };
}
