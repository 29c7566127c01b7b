/**
 * Installs IWER (Meta's WebXR emulation runtime) into a page before the app
 * starts, emulating a Quest headset. Tests only: the app never ships IWER.
 * The device is exposed to the test as `window.__iwer`; the app never reads it.
 */
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);

/** IWER device profiles the tests use. */
export type QuestProfile = 'metaQuest2' | 'metaQuest3' | 'metaQuestPro';

/** How the emulated headset differs from IWER's defaults. */
export interface EmulateOptions {
  /**
   * WebXR layers, as the Quest Browser has them: Meta's webxr-layers-polyfill
   * is constructed after IWER's runtime (IWER's own `polyfillLayers` option
   * is overwritten by its XRWebGLBinding and gives no layers), and the device
   * lists 'layers' among its features, so a session that asks for them is
   * granted them as on a Quest. Without the second half the polyfill works
   * but `session.enabledFeatures` lacks 'layers' and Babylon's layers
   * feature refuses to attach (the app's fallback path).
   * @default false
   */
  layers?: boolean | 'polyfill-only';
  /**
   * Controllers that are not Meta's: IWER's `generic` controller config (a
   * trigger, squeeze and thumbstick) under this profile id, falling back to
   * `generic-trigger-squeeze-thumbstick`, as a Vive Focus 3 reports itself.
   */
  controllerProfile?: string;
  /**
   * Controllers with a trigger and nothing else (no stick, no buttons): the `generic-trigger` profile,
   * or `controllerProfile` falling back to it.
   */
  stickless?: boolean;
  /**
   * No controllers: input is a transient pointer (gaze and pinch, as on visionOS) that appears for one
   * pinch and goes (`gazePinch`). A test shim: IWER 2.5 has no transient-pointer source of its own.
   */
  transientPointer?: boolean;
  /**
   * A first visit: the headset's controls card shows at the first session. By default the page has seen
   * it already (a test of something else must not have its first trigger pull taken by the card).
   * @default false
   */
  firstVisit?: boolean;
}

/** Makes the page a Quest: IWER's runtime replaces navigator.xr and the user agent. */
export async function emulateQuest(page: Page, profile: QuestProfile = 'metaQuest3', options: EmulateOptions = {}): Promise<void> {
  await page.addInitScript({ path: require.resolve('iwer/build/iwer.min.js') });
  if (options.layers) await page.addInitScript({ path: require.resolve('webxr-layers-polyfill/build/webxr-layers-polyfill.js') });
  await page.addInitScript(
    ({ name, layers, controllerProfile, stickless, transientPointer }) => {
      const IWER = (window as unknown as { IWER: Record<string, unknown> }).IWER as {
        XRDevice: new (config: unknown) => { installRuntime(o: { forceInstall: boolean }): void };
        XRReferenceSpace: { prototype: { getOffsetReferenceSpace(t: unknown): unknown } };
        [k: string]: unknown;
      };
      // IWER 2.5.0 bug: getOffsetReferenceSpace hands the XRRigidTransform itself
      // to mat4.clone, which reads indices 0..15 it does not have, so every
      // offset space is a matrix of NaNs and moving the XR origin (Babylon's
      // placement of the XR camera, teleport) is lost. Pass the transform's
      // matrix instead, as the spec means. Real headsets are unaffected.
      const proto = IWER.XRReferenceSpace.prototype;
      const original = proto.getOffsetReferenceSpace;
      proto.getOffsetReferenceSpace = function (this: unknown, transform: unknown) {
        const matrix = (transform as { matrix?: Float32Array } | undefined)?.matrix;
        return original.call(this, matrix ?? transform);
      };
      const headset = IWER[name] as { supportedFeatures: string[] };
      const generic = IWER.generic as { layout: Record<string, unknown> };
      // A trigger alone (xr-standard mapping: the trigger is button 0; no axes).
      const triggerOnly = {
        gamepad: { mapping: 'xr-standard', buttons: [{ id: 'trigger', type: 'analog', eventTrigger: 'select' }], axes: [] },
        numHapticActuators: 1,
      };
      const controllerConfig = stickless
        ? {
            profileId: controllerProfile ?? 'generic-trigger',
            fallbackProfileIds: controllerProfile ? ['generic-trigger'] : [],
            layout: { left: triggerOnly, right: triggerOnly, none: triggerOnly },
          }
        : controllerProfile
          ? { ...generic, profileId: controllerProfile, fallbackProfileIds: ['generic-trigger-squeeze-thumbstick'] }
          : null;
      const config = {
        ...headset,
        ...(layers === true ? { supportedFeatures: [...headset.supportedFeatures, 'layers'] } : {}),
        ...(controllerConfig ? { controllerConfig } : {}),
      };
      const device = new IWER.XRDevice(config);
      device.installRuntime({ forceInstall: true });
      if (layers) new (window as unknown as { WebXRLayersPolyfill: new () => unknown }).WebXRLayersPolyfill();
      (window as unknown as { __iwer: unknown }).__iwer = device;
      if (transientPointer) installTransientPointer(IWER, device);

      /**
       * The transient pointer: an input source with targetRayMode 'transient-pointer' and no gamepad, in
       * IWER's gaze slot (its device lists it among the active inputs while `connected`). `__gazePinch`
       * places it, connects it (an inputsourceschange adds it), fires selectstart, then select and
       * selectend on the next frames, and disconnects it, as visionOS does for one look-and-pinch.
       */
      function installTransientPointer(iwer: Record<string, unknown>, dev: unknown) {
        type Space = { [k: symbol]: { offsetMatrix: Float32Array } };
        const P_DEVICE = iwer.P_DEVICE as symbol;
        const P_SPACE = iwer.P_SPACE as symbol;
        const internal = (dev as Record<symbol, { globalSpace: unknown; gaze?: unknown; controllers: Record<string, { connected: boolean }> }>)[P_DEVICE]!;
        const Space = iwer.XRSpace as new (parent: unknown) => Space;
        const Source = iwer.XRInputSource as new (handedness: string, mode: string, profiles: string[], space: Space) => object;
        const Event = iwer.XRInputSourceEvent as new (type: string, init: { frame: unknown; inputSource: object }) => Event;
        const space = new Space(internal.globalSpace);
        const inputSource = new Source('none', 'transient-pointer', ['generic-button'], space);
        let phase: 'idle' | 'added' | 'pressed' = 'idle';
        let done: (() => void) | null = null;
        const pointer = {
          connected: false,
          inputSource,
          onFrameStart(frame: { session: EventTarget }) {
            const fire = (type: string) => frame.session.dispatchEvent(new Event(type, { frame, inputSource }));
            if (phase === 'added') {
              fire('selectstart');
              phase = 'pressed';
            } else if (phase === 'pressed') {
              fire('select');
              fire('selectend');
              phase = 'idle';
              pointer.connected = false;
              done?.();
            }
          },
        };
        internal.gaze = pointer;
        for (const c of Object.values(internal.controllers)) c.connected = false;
        (window as unknown as { __gazePinch: unknown }).__gazePinch = (p: number[], q: number[]) =>
          new Promise<void>((resolve) => {
            const [x, y, z, w] = q as [number, number, number, number];
            space[P_SPACE]!.offsetMatrix.set([
              1 - 2 * (y * y + z * z),
              2 * (x * y + w * z),
              2 * (x * z - w * y),
              0,
              2 * (x * y - w * z),
              1 - 2 * (x * x + z * z),
              2 * (y * z + w * x),
              0,
              2 * (x * z + w * y),
              2 * (y * z - w * x),
              1 - 2 * (x * x + y * y),
              0,
              p[0]!,
              p[1]!,
              p[2]!,
              1,
            ]);
            done = resolve;
            phase = 'added';
            pointer.connected = true;
          });
      }
    },
    {
      name: profile,
      layers: options.layers ?? false,
      controllerProfile: options.controllerProfile ?? null,
      stickless: options.stickless ?? false,
      transientPointer: options.transientPointer ?? false,
    },
  );
  // Unless this is the first visit, the controls card has been seen (merged into whatever a test stores).
  if (!options.firstVisit) {
    await page.addInitScript(() => {
      const stored = JSON.parse(localStorage.getItem('chasm.settings') ?? '{"version":3}') as Record<string, unknown>;
      localStorage.setItem('chasm.settings', JSON.stringify({ ...stored, vrIntroSeen: true }));
    });
  }
}

/**
 * One look-and-pinch of the transient pointer (`transientPointer: true`): it appears at `position`
 * (headset floor space, metres) turned by `quaternion`, selects, and goes. Resolves after its select.
 */
export async function gazePinch(page: Page, position: Vec3, quaternion: Quat = [0, 0, 0, 1]): Promise<void> {
  await page.evaluate(
    ({ position, quaternion }) => (window as unknown as { __gazePinch(p: number[], q: number[]): Promise<void> }).__gazePinch(position, quaternion),
    { position, quaternion },
  );
  await nextFrames(page);
}

/** Ends the emulated session from the device side, as the Quest's system button does. */
export async function endSessionFromDevice(page: Page): Promise<void> {
  await page.evaluate(() => {
    const device = (window as unknown as { __iwer: { activeSession?: { end(): Promise<void> } } }).__iwer;
    if (!device.activeSession) throw new Error('no active XR session to end');
    return device.activeSession.end();
  });
}

type Vec3 = [number, number, number];
type Quat = [number, number, number, number];

/** A quaternion turning the forward ray (-z) up by `pitchDeg` (negative: down). */
export function pitchQuat(pitchDeg: number): Quat {
  const h = (pitchDeg * Math.PI) / 360;
  return [Math.sin(h), 0, 0, Math.cos(h)];
}

interface IwerTracked {
  position: { set(x: number, y: number, z: number): void };
  quaternion: { set(x: number, y: number, z: number, w: number): void };
}
/** The parts of IWER's XRDevice the tests drive (the page holds it as `window.__iwer`). */
export interface IwerDevice {
  primaryInputMode: 'controller' | 'hand';
  controllers: Record<string, IwerTracked & { updateAxes(id: string, x: number, y: number): void; updateButtonValue(id: string, v: number): void }>;
  hands: Record<string, IwerTracked & { updatePinchValue(v: number): void }>;
}

/** Waits two frames in the page (inputs are read once per XR frame). */
export const nextFrames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));

/** Places an emulated controller or hand (headset floor space, metres) and turns it. */
export async function poseInput(
  page: Page,
  kind: 'controllers' | 'hands',
  hand: 'left' | 'right',
  position: Vec3,
  quaternion: Quat = [0, 0, 0, 1],
): Promise<void> {
  await page.evaluate(
    ({ kind, hand, position, quaternion }) => {
      const input = (window as unknown as { __iwer: IwerDevice }).__iwer[kind][hand]!;
      input.position.set(...position);
      input.quaternion.set(...quaternion);
    },
    { kind, hand, position, quaternion },
  );
  await nextFrames(page);
}

/** Sets a controller's thumbstick (x right, y down: forward is y = -1). */
export async function setThumbstick(page: Page, hand: 'left' | 'right', x: number, y: number): Promise<void> {
  await page.evaluate(({ hand, x, y }) => (window as unknown as { __iwer: IwerDevice }).__iwer.controllers[hand]!.updateAxes('thumbstick', x, y), {
    hand,
    x,
    y,
  });
  await nextFrames(page);
}

/**
 * Presses and releases a controller button ('x-button', 'trigger', ...). A short press is released two
 * animation frames later inside the page (a round trip per step would hold it for seconds of slow
 * software-rendered frames); `hold` keeps it down for at least that long and that many frames.
 */
export async function pressButton(page: Page, hand: 'left' | 'right', id: string, hold: { ms: number; frames: number } | null = null): Promise<void> {
  const set = (value: number) =>
    page.evaluate(({ hand, id, value }) => (window as unknown as { __iwer: IwerDevice }).__iwer.controllers[hand]!.updateButtonValue(id, value), {
      hand,
      id,
      value,
    });
  if (!hold) {
    await page.evaluate(
      ({ hand, id }) =>
        new Promise<void>((resolve) => {
          const controller = (window as unknown as { __iwer: IwerDevice }).__iwer.controllers[hand]!;
          controller.updateButtonValue(id, 1);
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              controller.updateButtonValue(id, 0);
              resolve();
            }),
          );
        }),
      { hand, id },
    );
    await nextFrames(page);
    return;
  }
  await set(1);
  const until = Date.now() + hold.ms;
  for (let i = 0; i < hold.frames; i++) await nextFrames(page);
  if (Date.now() < until) await page.waitForTimeout(until - Date.now());
  await set(0);
  await nextFrames(page);
}

/** Places the emulated headset (floor space, metres), looking along -z: a person standing up or sitting down. */
export async function placeHeadset(page: Page, position: Vec3): Promise<void> {
  await page.evaluate((p) => (window as unknown as { __iwer: IwerTracked }).__iwer.position.set(...p), position);
  await nextFrames(page);
}

/** Switches the emulated device between controllers and tracked hands. */
export async function setInputMode(page: Page, mode: 'controller' | 'hand'): Promise<void> {
  await page.evaluate((mode) => ((window as unknown as { __iwer: IwerDevice }).__iwer.primaryInputMode = mode), mode);
  await nextFrames(page);
}

/** Places a tracked hand, pinches and releases (a select). */
export async function pinchHand(page: Page, hand: 'left' | 'right', position: Vec3, quaternion: Quat = [0, 0, 0, 1]): Promise<void> {
  await poseInput(page, 'hands', hand, position, quaternion);
  for (const value of [1, 0]) {
    await page.evaluate(({ hand, value }) => (window as unknown as { __iwer: IwerDevice }).__iwer.hands[hand]!.updatePinchValue(value), { hand, value });
    await nextFrames(page);
  }
}

/**
 * IWER's XRWebGLLayer has no `fixedFoveation` (real Quest layers do): this
 * test shim adds it as a plain 0..1 property, so the app's foveation control
 * can be observed. Install before the app starts, after `emulateQuest`.
 */
export async function shimFixedFoveation(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Layer = (window as unknown as { XRWebGLLayer?: { prototype: object } }).XRWebGLLayer;
    if (!Layer) throw new Error('shimFixedFoveation: install IWER first');
    const values = new WeakMap<object, number>();
    Object.defineProperty(Layer.prototype, 'fixedFoveation', {
      configurable: true,
      get(this: object) {
        return values.get(this) ?? 0;
      },
      set(this: object, v: number) {
        values.set(this, Math.min(1, Math.max(0, v)));
      },
    });
  });
}

/**
 * IWER records `XRView.requestViewportScale` but always returns full
 * viewports; Chrome applies the request to the next frame's viewports
 * (XRWebGLLayer.getViewport, and XRWebGLBinding.getViewSubImage for
 * projection layers). This test shim does what Chrome does, so the app's
 * resolution rung can be observed in `renderPx`. Install after `emulateQuest`.
 */
export async function shimViewportScale(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, { prototype: Record<string, unknown> } | undefined>;
    const IWER = (window as unknown as { IWER: Record<string, { prototype: Record<string, unknown> }> }).IWER;
    const scaleByEye = new Map<string, number>();
    const viewProto = IWER.XRView!.prototype as { requestViewportScale(this: { eye: string }, s: number | null): void };
    const request = viewProto.requestViewportScale;
    viewProto.requestViewportScale = function (scale) {
      request.call(this, scale);
      if (scale !== null && scale > 0 && scale <= 1) scaleByEye.set(this.eye, scale);
    };
    type Viewport = { x: number; y: number; width: number; height: number };
    const scaled = (v: Viewport, eye: string): Viewport => {
      const s = scaleByEye.get(eye) ?? 1;
      return { x: v.x, y: v.y, width: Math.round(v.width * s), height: Math.round(v.height * s) };
    };
    const layerProto = w.XRWebGLLayer!.prototype as { getViewport(view: { eye: string }): Viewport | null };
    const getViewport = layerProto.getViewport;
    layerProto.getViewport = function (view) {
      const v = getViewport.call(this, view);
      return v && scaled(v, view.eye);
    };
    const binding = w.XRWebGLBinding?.prototype as { getViewSubImage?(layer: unknown, view: { eye: string }): { viewport: Viewport } } | undefined;
    const getViewSubImage = binding?.getViewSubImage;
    if (binding && getViewSubImage) {
      binding.getViewSubImage = function (layer, view) {
        const sub = getViewSubImage.call(this, layer, view);
        const copy: { viewport: Viewport } = Object.assign(Object.create(Object.getPrototypeOf(sub) as object) as object, sub, {
          viewport: scaled(sub.viewport, view.eye),
        });
        return copy;
      };
    }
  });
}

/** Points an emulated controller (in the headset's floor space, metres) straight ahead and pulls its trigger. */
export async function pullTrigger(page: Page, hand: 'left' | 'right', position: Vec3, quaternion: Quat = [0, 0, 0, 1]): Promise<void> {
  await poseInput(page, 'controllers', hand, position, quaternion);
  await pressButton(page, hand, 'trigger');
}

/** The real rooms captured for IWER's Synthetic Environment Module (`@iwer/sem`): planes, boxes and meshes with semantic labels. */
export type SemRoom = 'meeting_room' | 'living_room' | 'office_small' | 'office_large' | 'music_room';

/**
 * Installs IWER's Synthetic Environment Module with a captured real room (after `emulateQuest`): hit tests
 * meet the room's real surfaces, planes and meshes. The capture is served from the test's own origin (the
 * module's own loader fetches it from a CDN). Await `semReady` before entering passthrough.
 */
export async function installSem(page: Page, room: SemRoom): Promise<void> {
  const capture = require.resolve(`@iwer/sem/captures/${room}.json`);
  await page.route(`**/__test__/sem/${room}.json`, (route) => route.fulfill({ path: capture, contentType: 'application/json' }));
  await page.addInitScript({ path: require.resolve('@iwer/sem/build/iwer-sem.min.js') });
  await page.addInitScript((room) => {
    const w = window as unknown as {
      __iwer: { installSEM(c: unknown): void; sem: { loadEnvironment(json: unknown): void } };
      IWER_SEM: { SyntheticEnvironmentModule: unknown };
      __semReady: Promise<void>;
    };
    w.__iwer.installSEM(w.IWER_SEM.SyntheticEnvironmentModule);
    w.__semReady = fetch(`/__test__/sem/${room}.json`)
      .then((r) => r.json())
      .then((json) => w.__iwer.sem.loadEnvironment(json));
  }, room);
}

/** Resolves once the captured room is loaded (`installSem`). */
export const semReady = (page: Page) => page.evaluate(() => (window as unknown as { __semReady: Promise<void> }).__semReady);

/** Turns the emulated headset: yaw (left positive) then pitch (up positive), in degrees. */
export async function turnHeadset(page: Page, yawDeg: number, pitchDeg: number): Promise<void> {
  const [y, p] = [(yawDeg * Math.PI) / 360, (pitchDeg * Math.PI) / 360];
  // q = yaw about +y, then pitch about the turned x axis.
  const q: Quat = [Math.cos(y) * Math.sin(p), Math.sin(y) * Math.cos(p), -Math.sin(y) * Math.sin(p), Math.cos(y) * Math.cos(p)];
  await page.evaluate((q) => (window as unknown as { __iwer: IwerTracked }).__iwer.quaternion.set(...q), q);
  await nextFrames(page);
}

/**
 * IWER emulates hit tests only through a Synthetic Environment Module. This
 * test double is the smallest one: a single horizontal surface (a table) at
 * `heightM` everywhere in front of the headset, or with null no surface at all
 * (a dark room, a bare floor out of view). Install after `emulateQuest`.
 */
export async function installTableSurface(page: Page, heightM: number | null): Promise<void> {
  await page.addInitScript((height) => {
    class TableSurface {
      version = 'test-table';
      planesVisible = false;
      boundingBoxesVisible = false;
      meshesVisible = false;
      readonly environmentCanvas = document.createElement('canvas');
      readonly trackedPlanes = new Set();
      readonly trackedMeshes = new Set();
      render() {}
      loadEnvironment() {}
      loadDefaultEnvironment() {}
      deleteAll() {}
      computeDepthBuffer() {
        return null;
      }
      /** The ray's pose matrix (column-major): origin in the translation, direction along its -z axis. */
      computeHitTestResults(m: Float32Array): Float32Array[] {
        const [ox, oy, oz] = [m[12]!, m[13]!, m[14]!];
        const [dx, dy, dz] = [-m[8]!, -m[9]!, -m[10]!];
        if (height === null || dy >= -1e-6) return [];
        const t = (height - oy) / dy;
        if (t < 0) return [];
        const hit = new Float32Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, ox + t * dx, height, oz + t * dz, 1]);
        return [hit];
      }
    }
    const device = (window as unknown as { __iwer: { installSEM(c: unknown): void } }).__iwer;
    device.installSEM(TableSurface);
  }, heightM);
}
