/**
 * The composition root: wires the engine, the world, the camera rig, the
 * input adapters, the shell and the diagnostics. Terminals differ only in
 * which view is active and where intents come from.
 */
import { Scene } from '@babylonjs/core/scene';
import type { Engine } from '@babylonjs/core/Engines/engine';
import { classifyTerminal, type TerminalProfile } from '../device/classify';
import { probeCapabilities, readImmediateSignals } from '../device/probe';
import { BUDGETS, deviceClassOf } from '../budget/budgets';
import { frameMsPercentiles, meanFps } from '../budget/frame-stats';
import { createEngine, WebGLUnavailableError } from '../world/create-engine';
import { createPlaceholderWorld } from '../world/placeholder-world';
import { createCameraRig } from '../flat/camera-rig';
import { attachFlatControls, type FlatControls } from '../flat/flat-controls';
import { createFrameSampler } from '../diagnostics/frame-sampler';
import { installDiagnostics, type ChasmStats } from '../diagnostics/chasm-diagnostics';
import { createShell, type ShellView } from '../ui/shell';
import { EN } from '../ui/strings';
import type { ImmersiveSession } from '../xr/immersive-session';
import { viewerPose } from '../diagnostics/viewer-pose';

/** Longest frame step the rig integrates, in s: a long stall must not fling the viewer. */
const MAX_STEP_S = 0.1;

/** Starts Chasm in `root`, drawing into `canvas`; a missing WebGL ends in a clear message, not an exception. */
export function startApp(root: HTMLElement, canvas: HTMLCanvasElement): void {
  const s = EN;
  const shell = createShell(root, canvas, s);
  let engine: Engine;
  try {
    engine = createEngine(canvas);
  } catch (error) {
    if (!(error instanceof WebGLUnavailableError)) throw error;
    shell.showFatal(s.fatal.webglTitle, s.fatal.webglBody);
    return;
  }

  const scene = new Scene(engine);
  // Nothing is pickable until selection lands; skip the per-move pick.
  scene.skipPointerMovePicking = true;
  createPlaceholderWorld(scene);
  const rig = createCameraRig(scene);
  const sampler = createFrameSampler(scene);

  let profile: TerminalProfile = classifyTerminal(readImmediateSignals());
  let view: ShellView = 'entry';
  let controls: FlatControls | null = null;
  let immersive: ImmersiveSession | null = null;
  let entering = false;

  const setView = (next: ShellView) => {
    view = next;
    if (next !== 'exploring') {
      controls?.detach();
      controls = null;
    } else if (!controls) {
      controls = attachFlatControls(canvas);
    }
    shell.setView(next);
  };

  const stats = (): ChasmStats => ({
    terminal: profile.terminal,
    mode: immersive?.mode ?? 'flat',
    fps: meanFps(sampler.frames),
    frameMs: frameMsPercentiles(sampler.frames),
    drawCalls: sampler.drawCalls(),
    triangles: Math.round(scene.getActiveIndices() / 3),
    activeMeshes: scene.getActiveMeshes().length,
    targetHz: immersive?.targetHz() ?? BUDGETS[deviceClassOf(profile.terminal, profile.headsetModel)].targetHz,
    foveation: immersive?.foveation() ?? null,
    frames: sampler.frameCount(),
    viewer: viewerPose(scene),
  });

  const firstFrame = new Promise<void>((resolve) => scene.onAfterRenderObservable.addOnce(() => resolve()));
  const classified = probeCapabilities().then((signals) => {
    profile = classifyTerminal(signals);
    shell.showProfile(profile);
  });
  installDiagnostics({ version: __CHASM_VERSION__, ready: Promise.all([firstFrame, classified]).then(() => undefined), stats });

  let lastMs = performance.now();
  scene.onBeforeRenderObservable.add(() => {
    const now = performance.now();
    const dtS = Math.min(MAX_STEP_S, (now - lastMs) / 1000);
    lastMs = now;
    if (controls) rig.apply(controls.drain(), dtS);
  });

  const enterVr = async () => {
    if (entering || immersive) return;
    entering = true;
    const returnTo = view;
    shell.setStatus(s.enteringVr);
    try {
      const { enterImmersive } = await import('../xr/immersive-session');
      const session = await enterImmersive(scene, 'immersive-vr');
      immersive = session;
      sampler.setClock(() => session.frameTimeMs());
      setView('immersive');
      void session.ended.then(() => {
        immersive = null;
        // Babylon hands the 2D camera the XR camera's floor position on exit;
        // the rig takes it (so a move made in VR carries over) and restores
        // its own eye height and heading.
        const { x, z } = rig.camera.position;
        rig.apply([{ kind: 'teleport', x, z }], 0);
        sampler.setClock(() => performance.now());
        shell.showProfile(profile);
        setView(returnTo);
        resize();
      });
    } catch (error) {
      shell.setStatus(s.vrFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      entering = false;
    }
  };

  shell.onExplore(() => setView('exploring'));
  shell.onMenu(() => setView('entry'));
  shell.onEnterVr(() => void enterVr());
  shell.onExitVr(() => void immersive?.exit());
  shell.showProfile(profile);
  shell.setStatus(s.probing);
  setView('entry');

  const resize = () => {
    engine.resize();
    rig.fitAspect(engine.getAspectRatio(rig.camera));
  };
  window.addEventListener('resize', resize);
  resize();
  engine.runRenderLoop(() => scene.render());
}
