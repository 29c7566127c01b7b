/**
 * The composition root: wires the engine, the twin, the camera rig, the
 * input adapters, the shell and the diagnostics. Terminals differ only in
 * which view is active and where intents come from.
 */
import { Scene } from '@babylonjs/core/scene';
import { Color4 } from '@babylonjs/core/Maths/math.color';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import '@babylonjs/core/Culling/ray';
// The standard material's shaders: Babylon imports them lazily at the first draw, which on a
// phone network is a second round of requests after the app has started. Imported here they
// arrive with the app (the same modules, so Babylon's own import finds them loaded).
import '@babylonjs/core/Shaders/default.vertex';
import '@babylonjs/core/Shaders/default.fragment';
import { classifyTerminal } from '../device/classify';
import { probeCapabilities, readDeviceSignals } from '../device/probe';
import { classifyDeviceClass } from '../budget/device-class';
import { createQualityController } from './quality';
import { frameMsPercentiles, frameSamplesMs, meanFps } from '../budget/frame-stats';
import { createFramePacer, shouldRender } from '../budget/frame-pacer';
import { totalTextureBytes } from '../budget/gpu-cost';
import { frameBudgetMsAt } from '../budget/budgets';
import { createTwin, type Twin } from '../world/twin';
import type { LiveFigures } from '../world/painters';
import { fetchRobotModel } from '../world/robot-renderer';
import { whenDrawn } from '../world/when-drawn';
import { createCameraRig } from '../flat/camera-rig';
import { attachFlatControls, type FlatControls } from '../flat/flat-controls';
import { createFrameSampler } from '../diagnostics/frame-sampler';
import { installDiagnostics, type ChasmStats, type WorldInfo } from '../diagnostics/chasm-diagnostics';
import { viewerPose } from '../diagnostics/viewer-pose';
import { sceneCounts } from '../diagnostics/scene-counts';
import type { ShellView } from '../ui/shell';
import { stringsFor } from '../ui/strings';
import { browserLanguage } from '../settings/store';
import type { Settings } from '../settings/settings';
import type { Booted } from './boot';
import type { Pwa } from '../pwa/pwa';
import type { ImmersiveMode, ImmersiveSession } from '../xr/immersive-session';
import { clampScale, TABLE_SCALE, toModelPoint, toModelRay, type Placement } from '../world/placement';
import type { Intent, Ray } from '../input/intents';
import type { Layout } from '../layout/schema';
import { itemCount } from '../layout/schema';
import { canStandAt } from '../layout/geometry';
import { currentKpis } from '../sim/simulation';
import type { Target } from '../selection/pick';
import { resolveSelect } from '../selection/resolve-select';
import { describeTarget, type Card } from '../selection/describe';
import { defaultLayout, loadLayoutFile, loadNamedLayout } from './layout-source';
import { parseUrlOptions } from './url-options';
import { RUNTIME_ASSETS, runtimeAssetUrl } from './runtime-assets';
import { createPerfHud, hudRows } from '../ui/perf-hud';
import { createHudModel } from '../budget/hud-model';

/** Longest frame step the rig integrates, in s: a long stall must not fling the viewer. */
const MAX_STEP_S = 0.1;

/** Starts the world once the shell is painted and the engine created (boot.ts). */
export function startApp({ root, canvas, shell, settings, strings, reducedMotion, profile: booted, engine }: Booted): void {
  // The robot model and the glTF loader download while the world is built; the robots follow the first frame.
  const robotModel = fetchRobotModel(runtimeAssetUrl(RUNTIME_ASSETS.robotModel));
  let s = strings;
  let profile = booted;

  const scene = new Scene(engine);
  scene.clearColor = Color4.FromHexString('#c9d6e2ff');
  // Selection is resolved by pure ray tests (selection/pick.ts), not Babylon's per-move picking.
  scene.skipPointerMovePicking = true;
  const rig = createCameraRig(scene);
  rig.setReducedMotion(reducedMotion);
  const sampler = createFrameSampler(scene);

  const options = parseUrlOptions(location.search);
  const quality = createQualityController(engine, classifyDeviceClass(readDeviceSignals(profile.terminal, engine.getGlInfo().renderer ?? null)), {
    xr: () => immersive,
    twin: () => twin,
  });
  // With budgets off the governor stays out of it: default resolution, foveation and frame rate.
  const governed = options.budgets === 'on';
  if (governed) sampler.onFrame = (nowMs) => quality.onFrame(sampler.frames, nowMs);
  /** Measures afresh (a new view) and applies the current rung where it acts now. */
  const reapplyQuality = () => {
    if (!governed) return;
    quality.reset();
    quality.apply();
  };
  let view: ShellView = 'entry';
  let controls: FlatControls | null = null;
  let immersive: ImmersiveSession | null = null;
  let entering = false;
  let twin: Twin | null = null;
  let twinSource = '';
  let selection: Card | null = null;
  let lastTarget: Target | null = null;
  /** The table-top model's placement in passthrough; null: the world at full size. */
  let placement: Placement | null = null;
  const setPlacement = (next: Placement | null) => {
    placement = next;
    twin?.setPlacement(next);
  };
  let loading: Promise<void> = Promise.resolve();
  let gyroAllowed = !('requestPermission' in DeviceOrientationEvent);
  let pwa: Pwa | null = null;
  let updateWaiting = false;

  const rayAt = (xPx: number, yPx: number): Ray => {
    const camera = scene.activeCamera ?? rig.camera;
    // CSS pixels: Babylon converts them with the hardware scaling level (device ratio × the governor's resolution).
    const ray = scene.createPickingRay(xPx, yPx, Matrix.Identity(), camera);
    return { origin: [ray.origin.x, ray.origin.y, ray.origin.z], direction: [ray.direction.x, ray.direction.y, ray.direction.z] };
  };

  const setView = (next: ShellView) => {
    view = next;
    if (next !== 'exploring') {
      controls?.detach();
      controls = null;
    } else if (!controls) {
      controls = attachFlatControls(canvas, {
        rayAt,
        // The on-screen stick is for touch screens; keyboards walk with WASD.
        stickParent: profile.terminal === 'phone' || window.matchMedia('(pointer: coarse)').matches ? root : null,
        stickLabel: s.joystick,
        onPointerLock: (locked) => shell.setPointerLocked(locked),
      });
      controls.setGyro(settings.current.gyroLook && gyroAllowed);
    }
    shell.setView(next);
  };

  const stats = (): ChasmStats => ({
    terminal: profile.terminal,
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
    textureBytes: totalTextureBytes(engine.getLoadedTexturesCache()),
    deviceClass: quality.deviceClass,
    budgets: options.budgets,
    quality: { level: quality.level, name: quality.step.name, resolutionScale: quality.step.resolutionScale, lodBias: quality.step.lodBias, rungs: quality.rungs, home: quality.home },
    frames: sampler.frameCount(),
    viewer: viewerPose(scene),
  });

  /** The live panel's numbers: plain figures from the stats, read when the panel repaints. */
  const liveFigures = (): LiveFigures => {
    const now = stats();
    return { source: `${now.terminal} · ${now.mode}`, frameP95Ms: now.frameMs.p95, fps: now.fps, drawCalls: now.drawCalls, triangles: now.triangles };
  };

  const world = (): WorldInfo | null => {
    if (!twin) return null;
    const k = currentKpis(twin.sim);
    return {
      layout: twin.layout.name,
      source: twinSource,
      items: itemCount(twin.layout),
      bins: twin.geometry.bins.length,
      robots: twin.sim.robots.map((r, i) => ({ id: r.id, xM: twin!.poses[i]!.xM, zM: twin!.poses[i]!.zM, state: r.state, battery: r.battery })),
      kpis: { ...k, completed: twin.sim.completedOrders },
      simS: twin.sim.tick / 10,
      notices: [...twin.notices],
      placement,
      selection,
    };
  };

  const toScreen = (p: readonly [number, number, number]) => {
    const camera = scene.activeCamera ?? rig.camera;
    const v = Vector3.Project(new Vector3(...p), Matrix.Identity(), scene.getTransformMatrix(), camera.viewport.toGlobal(canvas.clientWidth, canvas.clientHeight));
    return v.z < 0 || v.z > 1 ? null : { xPx: v.x, yPx: v.y };
  };

  const showLayout = async (layout: Layout, source: string) => {
    shell.setBusy(true);
    shell.setStatus(s.loadingWorld);
    try {
      let next: Twin;
      performance.mark('chasm:layout-ready');
      try {
        next = createTwin(scene, layout, { robotModel, budgets: options.budgets, lodDistancesM: quality.budget.lodDistancesM, strings: s.world });
      } catch (error) {
        // Validation should have caught it; if not, say so and keep what is shown.
        shell.showAlert(s.layoutProblem, `${error instanceof Error ? error.message : String(error)}\n\n${twin ? s.keptWorld : ''}`);
        return;
      }
      performance.mark('chasm:twin-built');
      twin?.dispose();
      twin = next;
      next.setPlacement(placement);
      reapplyQuality();
      twinSource = source;
      rig.place(next.startPose, next.bounds);
      selection = null;
      shell.showCard(null);
      const showNotices = () => {
        const notices = [...options.problems, ...(options.budgets === 'off' ? [s.budgetsOff] : []), ...next.notices];
        if (notices.length) shell.showAlert(s.notice, notices.join('\n'));
      };
      showNotices();
      void next.complete.then(() => {
        performance.mark('chasm:complete');
        // A missing model is said when it is found missing, while this twin is still the one shown.
        if (next.notices.length && twin === next) showNotices();
      });
    } finally {
      shell.setBusy(false);
      shell.showProfile(profile);
    }
  };

  const loadFile = (file: File) => {
    loading = loading.then(async () => {
      const r = await loadLayoutFile(file);
      if (!r.ok) return shell.showAlert(s.layoutProblem, `${r.message}\n\n${s.keptWorld}`);
      shell.showAlert(null);
      await showLayout(r.layout, r.source);
    });
  };

  const firstLayout = loadNamedLayout(options.layout).then(async (r) => {
    if (r.ok) return showLayout(r.layout, r.source);
    shell.showAlert(s.layoutProblem, `${r.message}\n\n${s.standardInstead}`);
    return showLayout(defaultLayout(), 'default');
  });
  loading = firstLayout;
  const classified = probeCapabilities().then((signals) => {
    profile = classifyTerminal(signals);
    if (twin) shell.showProfile(profile);
  });
  // Time to first frame of the world, for the perf traces (performance.getEntriesByName).
  const firstFrame = firstLayout.then(() => whenDrawn(scene)).then(() => performance.mark('chasm:first-frame'));
  const ready = Promise.all([firstFrame, classified]).then(() => undefined);
  const frameTimes = () => Array.from(frameSamplesMs(sampler.frames));
  const complete = ready.then(() => twin?.complete);
  installDiagnostics({
    version: __CHASM_VERSION__,
    ready,
    complete,
    stats,
    world,
    toScreen,
    frameTimes,
    sceneCounts: () => sceneCounts(scene),
    pinQuality: (level) => {
      quality.pin(level);
      // The rung is measured afresh: the rates and frame times held belong to the one before.
      sampler.reset();
    },
    async measureGpu() {
      const { measureGpuCost } = await import('../diagnostics/gpu-measure');
      return measureGpuCost(scene, stats());
    },
  });

  // The offline and install layer loads after the first frame, so it never delays the world.
  // (The dev server has no service worker: `npm start` serves the production build.)
  if (import.meta.env.PROD) {
    void ready
      .then(() => import('../pwa/pwa'))
      .then(({ startPwa }) => {
        pwa = startPwa(new URL('sw.js', document.baseURI).href, {
          updateWaiting() {
            updateWaiting = true;
            // Never during an immersive session: offered when it ends.
            if (!immersive) shell.showUpdate('ready');
          },
          installOffer: (offer) => shell.setInstallOffer(offer),
          storage: (info) => shell.setStorage(info),
        });
        // Offline VR on devices that can enter it; phones never fetch the headset code.
        if (profile.canEnterVr) {
          pwa.cacheHeadset().catch((error: unknown) => console.warn('Chasm: the headset files were not cached for offline use.', error));
        }
      });
  }
  shell.onUpdate(() => {
    if (immersive) return shell.showUpdate('after-vr');
    shell.showUpdate('hidden');
    pwa?.applyUpdate();
  });
  shell.onInstall(() => void pwa?.install());

  const handle = (intents: Intent[]): Intent[] => {
    const moves: Intent[] = [];
    for (const intent of intents) {
      if (intent.kind !== 'select') {
        moves.push(intent);
        continue;
      }
      if (!twin) continue;
      // In passthrough the model is scaled and placed: pick in its own metres.
      const ray = placement ? toModelRay(placement, intent.ray) : intent.ray;
      const outcome = resolveSelect(ray, { geometry: twin.geometry, robots: twin.poses, board: twin.boardRect }, immersive?.mode ?? 'flat');
      switch (outcome.kind) {
        case 'place-model': {
          const hit = immersive?.surfaceHit();
          if (hit && placement) setPlacement({ ...placement, ...hit });
          break;
        }
        case 'walk-to':
          moves.push({ kind: 'walk-to', x: outcome.xM, z: outcome.zM });
          break;
        case 'teleport':
          immersive?.teleport(outcome.xM, outcome.zM);
          break;
        case 'card':
        case 'clear':
          lastTarget = outcome.kind === 'card' ? outcome.target : null;
          selection = lastTarget ? describeTarget(twin.sim, lastTarget, s.card) : null;
          if (immersive) immersive.showCard(selection);
          else shell.showCard(selection);
      }
    }
    return moves;
  };

  let lastMs = performance.now();
  scene.onBeforeRenderObservable.add(() => {
    const now = performance.now();
    const dtS = Math.min(MAX_STEP_S, (now - lastMs) / 1000);
    lastMs = now;
    // Every input arrives as intents, drained once a frame: the 2D controls', or the XR session's selects.
    if (controls) rig.apply(handle(controls.drain()), dtS);
    if (immersive) handle(immersive.drain());
    const camera = scene.activeCamera;
    // The simulation pauses while the page or the XR session is hidden.
    const paused = document.visibilityState === 'hidden' || immersive?.hidden() === true;
    if (twin && camera) {
      // Levels of detail follow the viewer's distance in the model's own metres (far, for a table-top model).
      const p = camera.globalPosition;
      const [vx, , vz] = placement ? toModelPoint(placement, p.x, p.y, p.z) : [p.x, p.y, p.z];
      twin.update(paused ? 0 : dtS, vx, vz, liveFigures);
    }
  });

  const enterVr = async (mode: ImmersiveMode = 'immersive-vr') => {
    if (entering || immersive) return;
    entering = true;
    const returnTo = view;
    shell.setStatus(s.enteringVr);
    try {
      const { enterImmersive } = await import('../xr/immersive-session');
      const session = await enterImmersive(scene, mode, {
        tableTop: {
          place: (at) => setPlacement({ ...at, yawRad: placement?.yawRad ?? 0, scale: placement?.scale ?? TABLE_SCALE }),
          turn: (rad) => placement && setPlacement({ ...placement, yawRad: placement.yawRad + rad }),
          scale: (factor) => placement && setPlacement({ ...placement, scale: clampScale(placement.scale * factor) }),
          placed: () => placement !== null,
          snapTurnDeg: () => settings.current.comfort.snapTurnDeg,
        },
        settings: () => settings.current,
        changeSettings: changeSettings,
        strings: () => s,
        hudCard: () => {
          const now = stats();
          const rows = hudRows(now, createHudModel(sampler.frames, frameBudgetMsAt(now.targetHz)), s.hud);
          return { title: s.hud.label, lines: rows.map(([term, value]) => `${term}: ${value}`) };
        },
        // Inside the floor and not inside a rack.
        canStand: (x, z) => rig.canStand(x, z) && (!twin || canStandAt(twin.geometry, x, z)),
      });
      immersive = session;
      sampler.setClock(() => session.frameTimeMs());
      reapplyQuality();
      setView('immersive');
      void session.ended.then(() => {
        immersive = null;
        setPlacement(null);
        // Babylon hands the 2D camera the XR camera's floor position on exit;
        // the rig takes it (so a move made in VR carries over) and restores
        // its own eye height and heading.
        const { x, z } = rig.camera.position;
        rig.apply([{ kind: 'teleport', x, z }], 0);
        sampler.setClock(() => performance.now());
        reapplyQuality();
        shell.showProfile(profile);
        setView(returnTo);
        resize();
        // An update found during the session is offered now, never during it.
        if (updateWaiting) shell.showUpdate('ready');
      });
    } catch (error) {
      shell.setStatus(s.vrFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      entering = false;
    }
  };

  shell.onExplore(() => setView('exploring'));
  shell.onMenu(() => setView('entry'));
  shell.onMouseLook(() => controls?.lockPointer());
  shell.onEnterVr(() => void enterVr('immersive-vr'));
  shell.onEnterAr(() => void enterVr('immersive-ar'));
  shell.onExitVr(() => void immersive?.exit());
  shell.onLoadLayoutFile(loadFile);
  const hud = createPerfHud(root, s);
  const showHud = (on: boolean) => {
    hud.setVisible(on);
    shell.setHudPressed(on);
  };
  showHud(options.hud || settings.current.hud);
  const changeSettings = (change: (x: Settings) => Settings) => {
    const problem = settings.update(change);
    if (problem) shell.showAlert(s.settings.notSaved, s.settings.problem(problem));
  };
  shell.onToggleHud(() => changeSettings((x) => ({ ...x, hud: !hud.visible })));
  shell.onSettingsChange((change) => {
    const before = settings.current;
    changeSettings(change);
    const after = settings.current;
    // iOS asks before sharing motion sensors, and only in answer to a tap: this change is one.
    if (after.gyroLook && !before.gyroLook && !gyroAllowed) void requestGyro();
  });
  const requestGyro = async () => {
    const ask = (DeviceOrientationEvent as unknown as { requestPermission?: () => Promise<string> }).requestPermission;
    gyroAllowed = (await ask?.().catch(() => 'denied')) === 'granted';
    if (!gyroAllowed) shell.showAlert(s.notice, s.settings.gyroDenied);
    controls?.setGyro(settings.current.gyroLook && gyroAllowed);
  };
  let qualityMode = settings.current.quality;
  settings.onChange((x) => {
    shell.reflectSettings(x);
    const next = stringsFor(browserLanguage(x));
    if (next !== s) {
      s = next;
      shell.setStrings(s);
      hud.setStrings(s);
      twin?.setStrings(s.world);
      shell.showProfile(profile);
      // An open card is re-told in the new language.
      if (selection && twin && lastTarget) shell.showCard((selection = describeTarget(twin.sim, lastTarget, s.card)));
    }
    showHud(x.hud);
    // Only a change of mode re-pins the governor (other settings must not reset its measuring).
    if (governed && x.quality !== qualityMode) quality.setMode((qualityMode = x.quality));
    controls?.setGyro(x.gyroLook && gyroAllowed);
  });
  if (governed) quality.setMode(qualityMode);
  if (settings.loadProblems.length) shell.showAlert(s.settings.notSaved, settings.loadProblems.map(s.settings.problem).join('\n'));
  // Four times a second is plenty for people and keeps the HUD off the per-frame path.
  window.setInterval(() => {
    if (!hud.visible) return;
    const now = stats();
    hud.update(now, createHudModel(sampler.frames, frameBudgetMsAt(now.targetHz)));
  }, 250);
  shell.onCardClosed(() => (selection = null));
  setView('entry');

  // A lost WebGL context: say so, keep simulating, and let Babylon rebuild
  // its GPU resources when the browser gives the context back.
  engine.onContextLostObservable.add(() => {
    shell.showAlert(s.contextLostTitle, s.contextLostBody);
    // An XR layer cannot outlive its context: end the session cleanly; the 2D page takes over.
    if (immersive) void immersive.exit().catch((error: unknown) => console.warn('Chasm: the XR session did not end cleanly after the context loss.', error));
  });
  engine.onContextRestoredObservable.add(() => {
    shell.showAlert(s.contextRestoredTitle, s.contextRestoredBody);
    twin?.repaintPanels();
  });

  const resize = () => {
    engine.resize();
    rig.fitAspect(engine.getAspectRatio(rig.camera));
  };
  window.addEventListener('resize', resize);
  resize();
  // 2D frames are paced to the rung's rate (the 30 Hz rung renders every other frame of a
  // 60 Hz display); an XR session is paced by the headset at the session's rate.
  const pacer = createFramePacer();
  engine.runRenderLoop(() => {
    sampler.displayFrame();
    if (!immersive && !entering && governed && !shouldRender(pacer, performance.now(), quality.step.targetHz)) return;
    scene.render();
  });
}
