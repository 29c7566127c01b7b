/**
 * Headset-only code, loaded with `import()` when the person enters VR: a
 * phone never downloads it. Starts a WebXR session over the same scene,
 * reports its frame clock, and returns the scene to its 2D camera intact
 * when the session ends, whoever ends it (Exit button, system button, or
 * the browser).
 */
import type { SimTime } from '../sim/clock';
import type { Scene } from '@babylonjs/core/scene';
import { WebXRExperienceHelper } from '@babylonjs/core/XR/webXRExperienceHelper';
import { WebXRState, type WebXRRenderTarget } from '@babylonjs/core/XR/webXRTypes';
import type { WebXRSessionManager } from '@babylonjs/core/XR/webXRSessionManager';
import type { IWebXRFeature } from '@babylonjs/core/XR/webXRFeaturesManager';
import { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture';
import { InternalTextureSource } from '@babylonjs/core/Materials/Textures/internalTexture';
import type { InputMode, Intent, Ray } from '../input/intents';
import { rayFromXrPose } from '../input/xr-ray';
import { sameCard, type Card } from '../selection/describe';
import { createCanvasPanel, type CanvasPanel } from '../world/panels';
import { paintCard, type QrModules } from '../world/painters';
import type { CanStand } from '../input/stick-locomotion';
import { isEyeHeight, type Settings } from '../settings/settings';
import { startXrLocomotion } from './locomotion';
import {
  flatForward,
  headHeightFeature,
  hudFeature,
  inputModeFeature,
  introFeature,
  menuButtonFeature,
  runFrameFeatures,
  seatedFeature,
  vignetteFeature,
  viewportScaleFeature,
} from './frame-features';
import { introCard } from './menu-model';
import { createXrMenu, type XrMenu } from './xr-menu';
import { startTableTop, type TableTopHooks } from './table-top';
import { WebXRLayers } from '@babylonjs/core/XR/features/WebXRLayers';
// Multiview render targets: Babylon's layers feature renders both eyes into a texture array
// through these engine methods, which exist only once this extension is imported.
import '@babylonjs/core/Engines/Extensions/engine.multiview';
import { startInputModels, type XrInputModels } from './xr-input-models';
import { startGrabInput, type GripPose } from './grab-input';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Strings } from '../ui/strings';

/** Immersive modes Chasm can start. */
export type ImmersiveMode = 'immersive-vr' | 'immersive-ar';

/** What an immersive session renders into. */
export type XrLayerKind = 'projection-multiview' | 'projection' | 'webgl';

/** A running immersive session. */
export interface ImmersiveSession {
  readonly mode: ImmersiveMode;
  /** The XR frame timestamp of the frame being rendered, in ms. */
  frameTimeMs(): number;
  /** The display rate the session runs at, in Hz, or null when the runtime does not say. */
  targetHz(): number | null;
  /** Fixed foveation level 0..1 of the XR layer, or null where unsupported. */
  foveation(): number | null;
  /** Sets the layer's fixed foveation (0..1) where the runtime supports it. */
  setFoveation(level: number | null): void;
  /** Asks for a display rate the session offers (the nearest at or below `hz`). */
  setTargetHz(hz: number): void;
  /**
   * Asks the browser to render each view at `scale` (0..1] of its full viewport, through WebXR
   * dynamic viewport scaling (`XRView.requestViewportScale`), every frame from the next one.
   * Browsers without it keep the full viewport; `renderPx` in the stats says which happened.
   */
  setResolutionScale(scale: number): void;
  /** What the session renders into: a projection layer (multiview or one pass per eye) or a plain XRWebGLLayer. */
  layer(): XrLayerKind;
  /**
   * Shows a card floating in front of the viewer (with a QR code beside its lines, when given), or hides it
   * with null; `near`: beside that point instead (a held pack's card), facing the viewer.
   */
  showCard(card: Card | null, qr?: QrModules, near?: readonly [number, number, number]): void;
  /** Repaints the floating card where it is, when it still shows `previous` (a selection's card following the simulation). */
  refreshCard(previous: Card, next: Card): void;
  /** Whether the session is hidden (the system menu is up): the simulation pauses. */
  hidden(): boolean;
  /**
   * The intents the session's input produced since the last call: a `select`
   * (world ray) per controller trigger, hand pinch or transient pointer that
   * the in-VR menu did not take, then the sticks' turn, move and teleport
   * intents. Drained once per frame, as the 2D controls are.
   */
  drain(): Intent[];
  /**
   * The XR rig: carries out turn, move, teleport and walk-to intents on the
   * viewer over `dtS` seconds, each landing checked against the walkable floor
   * (a select on the floor arrives here as a teleport, as the stick's does).
   */
  apply(intents: readonly Intent[], dtS: number): void;
  /** Stands the viewer at a floor point, turned to `yawRad` (0 looks along +z): what Find found, faced. */
  standAt(at: { xM: number; zM: number; yawRad: number }): void;
  /** Passthrough: the real surface the eyes' ray meets now, or null. */
  surfaceHit(): { x: number; y: number; z: number } | null;
  /** Each hand's grip in the last frame (world metres, left-handed), or null where not tracked or in passthrough. */
  grips(): { left: GripPose | null; right: GripPose | null };
  /** Each hand's pointer ray in the last frame (world metres), or null where not tracked or in passthrough. */
  pointers(): { left: Ray | null; right: Ray | null };
  /** What the person points with: tracked hands, controllers, or gaze and pinch (transient pointers, the last seen between pinches); null before any. */
  inputMode(): InputMode | null;
  /** Ends the session; safe to call more than once. */
  exit(): Promise<void>;
  /** Resolves once the session has ended and the 2D view is back. */
  readonly ended: Promise<void>;
}

/**
 * Babylon leaves each session's render-target wrappers in the scene on the
 * web (it must not delete the browser's opaque XR framebuffer), with their
 * observers: one more set per session. Any render target that appeared
 * during the session and outlived it is released here without touching the
 * framebuffer it wrapped (the browser owns and frees that).
 */
function releaseXrRenderTargets(scene: Scene, before: ReadonlySet<BaseTexture>): void {
  for (const texture of [...scene.textures]) {
    if (before.has(texture) || !(texture instanceof RenderTargetTexture)) continue;
    // Its textures: the one Babylon allocated for the target before XR's framebuffer replaced it
    // (Babylon's own, unused: freed, one full-size texture per session on the plain-layer path),
    // or wrappers of the layer's textures (the browser's: only forgotten).
    const target = texture.renderTarget;
    for (const internal of [target?.texture, target?._depthStencilTexture]) {
      if (!internal) continue;
      if (internal.source !== InternalTextureSource.RenderTarget) internal._hardwareTexture = null;
      internal.dispose();
    }
    const wrapper = texture as unknown as { _renderTarget: unknown; _texture: unknown };
    wrapper._renderTarget = null;
    wrapper._texture = null;
    texture.dispose();
  }
}

/**
 * One experience helper per scene, kept across sessions: Babylon's helper,
 * session manager and output canvas each leave an observer on the scene or
 * engine when disposed, so a helper per session would grow them without end.
 */
const helpers = new WeakMap<Scene, Promise<{ helper: WebXRExperienceHelper; target: WebXRRenderTarget }>>();
function experienceHelper(scene: Scene): Promise<{ helper: WebXRExperienceHelper; target: WebXRRenderTarget }> {
  let helper = helpers.get(scene);
  if (!helper) {
    // The output canvas too: Babylon makes a new one (and an engine observer) per session unless given one.
    helper = WebXRExperienceHelper.CreateAsync(scene).then((h) => ({ helper: h, target: h.sessionManager.getWebXRRenderTarget() }));
    helpers.set(scene, helper);
    // A failed creation is not kept: the next attempt tries again.
    helper.catch(() => helpers.delete(scene));
  }
  return helper;
}

/** Whether the browser implements WebXR layers (projection layers through XRWebGLBinding). */
function hasWebXrLayers(): boolean {
  const binding = (window as unknown as { XRWebGLBinding?: unknown }).XRWebGLBinding;
  return typeof binding === 'function' && 'createProjectionLayer' in (binding as { prototype: object }).prototype;
}

/**
 * Makes sure the session has something to render into. Babylon skips the
 * plain XRWebGLLayer whenever its layers feature is enabled, attached or
 * not; when the attach fails (the session did not grant 'layers', as with a
 * polyfill over a runtime that does not list it) the session would run with
 * no layer at all and the headset would show nothing. Then a plain
 * XRWebGLLayer is set up instead. Returns what the session renders into.
 */
/** The layers feature, or undefined when not enabled (Babylon's typing says it is always there; it is not). */
const layersFeature = (helper: WebXRExperienceHelper): IWebXRFeature | undefined => helper.featuresManager.getEnabledFeature(WebXRLayers.Name);

/** The layer's fixed foveation, or null where the runtime has none. */
const foveationOf = (manager: WebXRSessionManager): number | null => manager.fixedFoveation ?? null;

async function ensureRenderLayer(helper: WebXRExperienceHelper, target: WebXRRenderTarget): Promise<XrLayerKind> {
  const layers = layersFeature(helper);
  if (layers?.attached) {
    const scene = helper.camera.getScene();
    // Babylon renders both eyes in one pass when the engine has OVR_multiview2 and the feature asked for it.
    return scene.getEngine().getCaps().multiview ? 'projection-multiview' : 'projection';
  }
  const manager = helper.sessionManager;
  if (layers) console.warn('Chasm: WebXR layers could not be used in this session; rendering through a plain XRWebGLLayer.');
  if (!manager.session.renderState.baseLayer) manager.updateRenderState({ baseLayer: await target.initializeXRLayerAsync(manager.session) });
  return 'webgl';
}

/** What the session needs from the app. */
export interface ImmersiveHooks {
  /** The settings, read every frame (changes apply at once). */
  settings: () => Settings;
  /** Changes the settings (from the in-VR menu). */
  changeSettings: (change: (s: Settings) => Settings) => void;
  /** The strings of the person's language. */
  strings: () => Strings;
  /** The perf HUD's title and lines, shown in VR while the HUD setting is on. */
  hudCard: () => { title: string; lines: string[] };
  /** Where the viewer may stand. */
  canStand: CanStand;
  /** Where a viewer starts in the world (Recenter goes back there), in metres and radians. */
  startPose: () => { xM: number; zM: number; yawRad: number };
  /** The layout's medicines by name in the person's language (the menu's Find list); the next bin of one, and the next robot, stood facing. */
  medicines: () => readonly string[];
  findMedicine: (sku: number) => void;
  stepRobot: () => void;
  /** Whether a ray points at a pack a hand can take (a pinch held on it grabs it). */
  grabbable: (ray: Ray) => boolean;
  /** Passthrough only: what to do with the table-top model. */
  tableTop?: TableTopHooks;
  /** Share (from the in-VR menu): the room's link and QR code, shown on the card. */
  share: () => void;
  /** The simulation's time (and whether a shared room keeps it), and a change from the menu's Speed row. */
  time: () => SimTime & { inRoom: boolean };
  changeTime: (change: (t: SimTime) => SimTime) => void;
}

/** Distance of the in-VR card from the eyes, in metres: arm's length, comfortable to read. */
const CARD_DISTANCE_M = 1.2;

/**
 * Watches the session's end, whoever ends it: runs what the session set up
 * (`disposers`, last first), releases the XR render targets, and settles `ended`.
 */
function watchSessionEnd(scene: Scene, helper: WebXRExperienceHelper) {
  let resolveEnded!: () => void;
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  let inSession = false;
  const texturesBefore = new Set(scene.textures);
  /** What the session set up, undone (last first) when it ends. */
  const disposers: Array<() => void> = [];
  const stateObserver = helper.onStateChangedObservable.add((state) => {
    if (state === WebXRState.IN_XR) inSession = true;
    if (state !== WebXRState.NOT_IN_XR || !inSession) return;
    inSession = false;
    helper.onStateChangedObservable.remove(stateObserver);
    for (const dispose of disposers.reverse()) {
      try {
        dispose();
      } catch (error) {
        console.warn('Chasm: cleaning up after the XR session failed in part.', error);
      }
    }
    // The helper has already restored the 2D camera; it is kept for the next session.
    releaseXrRenderTargets(scene, texturesBefore);
    resolveEnded();
  });
  return {
    ended,
    disposers,
    inSession: () => inSession,
    /** The session never started: stop watching. */
    cancel: () => helper.onStateChangedObservable.remove(stateObserver),
  };
}

/**
 * Controllers' triggers, hands' pinches and transient pointers (gaze and pinch) all arrive as the
 * session's select event, with the frame to read the pointer's pose from. `take` has the first
 * say (the first-time card, the menu); the rest wait as intents for the app's next frame.
 */
function queueSelects(session: XRSession, manager: WebXRSessionManager, take: (ray: Ray, source: XRInputSource) => boolean) {
  let pending: Intent[] = [];
  const onSelect = (event: XRInputSourceEvent) => {
    // Input pauses while the session is blurred (a system prompt) or hidden.
    if (session.visibilityState !== 'visible') return;
    const pose = event.frame.getPose(event.inputSource.targetRaySpace, manager.referenceSpace);
    if (!pose) return;
    const ray = rayFromXrPose(pose.transform);
    if (!take(ray, event.inputSource)) pending.push({ kind: 'select', ray });
  };
  session.addEventListener('select', onSelect);
  return {
    drain() {
      const out = pending;
      pending = [];
      return out;
    },
    dispose: () => session.removeEventListener('select', onSelect),
  };
}

/**
 * Where a card beside a point near the eyes goes (a held pack's): past it, at a distance one can read
 * from (0.9 m at least), a card's half-width and a little to its right as the viewer sees it, at its height.
 */
function besideNear(eyes: Vector3, near: readonly [number, number, number]): Vector3 {
  const toward = new Vector3(near[0] - eyes.x, 0, near[2] - eyes.z);
  const d = toward.length();
  if (d < 1e-3) toward.set(0, 0, 1);
  toward.normalize();
  const right = new Vector3(toward.z, 0, -toward.x);
  const far = Math.max(0.9, d + 0.3);
  return new Vector3(eyes.x + toward.x * far, near[1] + 0.05, eyes.z + toward.z * far).addInPlace(right.scale(0.35));
}

/** The selection card, floating at arm's length in front of the viewer. */
function createXrCard(scene: Scene, helper: WebXRExperienceHelper) {
  let card: CanvasPanel | null = null;
  /** What the card shows now. */
  let shown: Card | null = null;
  const hide = () => {
    card?.dispose();
    card = null;
    shown = null;
  };
  return {
    /** Repaints the card in place with `next` when it still shows `previous` (it is not moved, nor is another card replaced). */
    refresh(previous: Card, next: Card) {
      if (!card || !shown || !sameCard(shown, previous)) return;
      shown = next;
      card.draw((ctx, w, h) => paintCard(ctx, w, h, next.title, next.lines));
    },
    show(content: Card, qr?: QrModules, near?: readonly [number, number, number]) {
      hide();
      shown = content;
      const camera = helper.camera;
      const eyes = camera.globalPosition;
      const forward = flatForward(camera);
      const at = near ? besideNear(eyes, near) : new Vector3(eyes.x + forward.x * CARD_DISTANCE_M, eyes.y - 0.1, eyes.z + forward.z * CARD_DISTANCE_M);
      const facing = at.subtract(eyes);
      card = createCanvasPanel(scene, 'xr-card', {
        widthM: 0.6,
        heightM: 0.3,
        widthPx: 800,
        position: [at.x, at.y, at.z],
        // The plane's front faces -z; turn it to face the viewer.
        yawRad: Math.atan2(facing.x, facing.z),
      });
      card.draw((ctx, w, h) => paintCard(ctx, w, h, content.title, content.lines, qr));
    },
    hide,
  };
}

/** Asks for the highest rate the session offers at or below `hz`. */
function requestFrameRate(manager: WebXRSessionManager, hz: number): void {
  const rates = Array.from(manager.supportedFrameRates ?? []);
  const rate = rates.filter((r) => r <= hz).sort((a, b) => b - a)[0];
  if (rate !== undefined && rate !== manager.currentFrameRate) void manager.updateTargetFrameRate(rate).catch(() => undefined);
}

/** Height calibration: the person stands up straight and presses; their eye height is kept (seated mode lifts them to it). */
function calibrateHeight(headM: number | null, hooks: ImmersiveHooks, card: { show(content: Card): void }): void {
  if (headM === null) return;
  const m = Math.round(headM * 100) / 100;
  if (isEyeHeight(m)) hooks.changeSettings((s) => ({ ...s, comfort: { ...s.comfort, standingEyeM: m } }));
  else card.show({ title: hooks.strings().xrMenu.heightTitle, lines: [hooks.strings().xrMenu.heightRefused(m)] });
}

/** The in-VR menu, its actions carried out: the app's through `hooks`, the session's own through `does`. */
function sessionMenu(
  scene: Scene,
  helper: WebXRExperienceHelper,
  hooks: ImmersiveHooks,
  does: { recenter(): void; calibrate(): void; turn(direction: -1 | 1): void },
): XrMenu {
  const context = { settings: hooks.settings, strings: hooks.strings, time: hooks.time, medicines: hooks.medicines };
  const menu: XrMenu = createXrMenu(scene, helper.camera, context, (action) => {
    if (action.kind === 'exit') void helper.exitXRAsync();
    else if (action.kind === 'share' || action.kind === 'find' || action.kind === 'step-robot') {
      // The menu steps aside for the share card, or for what was found (the viewer is stood facing it).
      menu.toggle();
      if (action.kind === 'share') hooks.share();
      else if (action.kind === 'find') hooks.findMedicine(action.sku);
      else hooks.stepRobot();
    } else if (action.kind === 'recenter') does.recenter();
    else if (action.kind === 'calibrate') does.calibrate();
    else if (action.kind === 'turn') does.turn(action.direction);
    else if (action.kind === 'time') hooks.changeTime(action.change);
    else if (action.kind === 'settings') hooks.changeSettings(action.change);
  });
  return menu;
}

/**
 * Starts an immersive session on the scene; rejects (leaving the 2D view as
 * it was) when the browser refuses.
 */
export async function enterImmersive(scene: Scene, mode: ImmersiveMode, hooks: ImmersiveHooks): Promise<ImmersiveSession> {
  const { helper, target } = await experienceHelper(scene);
  const ar = mode === 'immersive-ar';
  const manager = helper.sessionManager;
  const end = watchSessionEnd(scene, helper);
  // Controllers (and hand tracking, which must be asked for when the session
  // starts) are set up before entering; their models load in the background.
  const models: XrInputModels = await startInputModels(scene, helper);
  // Multiview (both eyes in one pass) through Babylon's layers feature, where
  // the browser has WebXR layers (the Quest Browser does; the tests add Meta's polyfill).
  // Optional: a session without it renders each eye in turn.
  if (!ar && hasWebXrLayers() && !layersFeature(helper)) {
    helper.featuresManager.enableFeature(WebXRLayers.Name, 'latest', { preferMultiviewOnInit: true }, true, false);
  }
  try {
    await helper.enterXRAsync(mode, 'local-floor', target, ar ? { optionalFeatures: ['hit-test', 'anchors', 'plane-detection'] } : {});
  } catch (error) {
    end.cancel();
    models.dispose();
    throw error;
  }
  const layerKind = await ensureRenderLayer(helper, target);
  const session = manager.session;
  const camera = helper.camera;
  const head = headHeightFeature(manager);
  const pointing = inputModeFeature(session);
  const menu = sessionMenu(scene, helper, hooks, {
    recenter: () => recenter(),
    calibrate: () => calibrateHeight(head.heightM(), hooks, card),
    turn: (direction) => locomotion?.apply([{ kind: 'turn', yawDeltaRad: (direction * hooks.settings().comfort.snapTurnDeg * Math.PI) / 180 }], 0),
  });
  /** Back at the world's start, facing down the aisles (the menu, or a long press of the menu button). */
  const recenter = () => {
    if (menu.open) menu.toggle();
    locomotion?.recenter(hooks.startPose());
  };
  // A first-time headset user's controls card (not in passthrough, whose sticks move the model).
  const intro = ar
    ? null
    : introFeature(
        scene,
        camera,
        (settings) => introCard(pointing.mode(), settings, hooks.strings()),
        () => hooks.changeSettings((s) => ({ ...s, vrIntroSeen: true })),
      );
  // Squeezes and held pinches take packs out of their bins (not in passthrough, where the model is small).
  const grab = ar ? null : startGrabInput(session, manager, hooks.grabbable);
  const selects = queueSelects(session, manager, (ray, source) => (grab?.takesSelect(source) ?? false) || (intro?.dismiss() ?? false) || menu.select(ray));
  // Locomotion every XR frame; in passthrough the sticks move the table-top model instead.
  const locomotion = ar ? null : startXrLocomotion(scene, manager, camera, () => hooks.settings().comfort, hooks.canStand);
  const card = createXrCard(scene, helper);
  const tableTop =
    ar && hooks.tableTop
      ? await startTableTop(scene, manager, hooks.tableTop, () =>
          card.show({ title: hooks.strings().passthrough.noSurfaceTitle, lines: [...hooks.strings().passthrough.noSurface] }),
        )
      : null;
  // Passthrough shows the room behind the model: a transparent clear.
  const clearColor = scene.clearColor.clone();
  if (ar) scene.clearColor.a = 0;
  let resolutionScale = 1;
  // Every XR frame, in this order, with one clock (src/xr/frame-features.ts).
  const stopFeatures = runFrameFeatures(manager, hooks.settings, [
    head,
    pointing,
    viewportScaleFeature(manager, () => resolutionScale),
    menuButtonFeature(session, menu, recenter),
    hudFeature(scene, camera, hooks.hudCard),
    vignetteFeature(scene, camera, () => locomotion?.vignette ?? 0),
    // Passthrough has no seated offset: the model sits on a real table.
    ...(ar ? [] : [seatedFeature(camera, head.heightM)]),
    ...(grab ? [grab] : []),
    ...(intro ? [intro] : []),
  ]);
  end.disposers.push(() => {
    selects.dispose();
    stopFeatures();
    locomotion?.dispose();
    tableTop?.dispose();
    scene.clearColor = clearColor;
    card.hide();
    models.dispose();
  });

  return {
    mode,
    frameTimeMs: () => manager.currentTimestamp,
    targetHz: () => manager.currentFrameRate ?? null,
    foveation: () => foveationOf(manager),
    setFoveation(level) {
      if (level !== null && foveationOf(manager) !== null) manager.fixedFoveation = level;
    },
    setTargetHz: (hz) => requestFrameRate(manager, hz),
    setResolutionScale(scale) {
      resolutionScale = Math.min(1, Math.max(0.1, scale));
    },
    layer: () => layerKind,
    showCard(content, qr, near) {
      if (content && end.inSession()) card.show(content, qr, near);
      else card.hide();
    },
    refreshCard: (previous, next) => card.refresh(previous, next),
    hidden: () => session.visibilityState === 'hidden',
    drain: () => [...selects.drain(), ...(grab?.drain() ?? []), ...(locomotion?.drain() ?? [])],
    apply: (intents, dtS) => locomotion?.apply(intents, dtS),
    standAt: (at) => locomotion?.recenter(at),
    surfaceHit: () => tableTop?.surfaceHit() ?? null,
    pointers: () => locomotion?.pointers ?? { left: null, right: null },
    grips: () => grab?.grips() ?? { left: null, right: null },
    inputMode: pointing.mode,
    async exit() {
      if (end.inSession()) await helper.exitXRAsync();
      await end.ended;
    },
    ended: end.ended,
  };
}
