/**
 * The camera rig shared by every terminal: a pure `RigState` moved by
 * intents, mirrored onto a Babylon camera for the 2D view.
 */
import type { Scene } from '@babylonjs/core/scene';
import { Camera } from '@babylonjs/core/Cameras/camera';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { createRig, DEFAULT_RIG_OPTIONS, glideRig, updateRig, type Intent, type RigOptions, type RigState } from '../input/intents';

/** The rig and its 2D camera. */
export interface CameraRig {
  readonly camera: FreeCamera;
  readonly state: RigState;
  /** Applies intents over `dtS` seconds (and any tap-to-walk glide) and moves the camera. */
  apply(intents: readonly Intent[], dtS: number): void;
  /** Whether a floor point is inside the walkable floor. */
  canStand(x: number, z: number): boolean;
  /** Reduced motion: tap-to-walk jumps instead of gliding. */
  setReducedMotion(on: boolean): void;
  /** Keeps the field of view comfortable for a viewport's width / height. */
  fitAspect(aspect: number): void;
  /** Moves the viewer to a new start pose and floor bounds (a new layout). */
  place(start: Partial<RigState>, bounds: RigOptions['bounds']): void;
}

/** Field of view along the fixed axis, in radians (about 57°). */
const FOV_RAD = 1.0;

/**
 * Which axis keeps its field of view: the vertical one in landscape (the
 * usual), the horizontal one in portrait, where a fixed vertical view would
 * leave a phone a slit about 28° wide.
 */
export function fovModeForAspect(aspect: number): 'vertical' | 'horizontal' {
  return aspect < 1 ? 'horizontal' : 'vertical';
}

/** Creates the 2D camera, standing at the warehouse entrance looking down the aisles. */
export function createCameraRig(scene: Scene, start: Partial<RigState> = {}): CameraRig {
  let state = createRig({ xM: 0, yM: 1.7, zM: -13, yawRad: 0, pitchRad: -0.12, ...start });
  let options: RigOptions = DEFAULT_RIG_OPTIONS;
  let glideSpeedMps = DEFAULT_RIG_OPTIONS.glideSpeedMps;
  const camera = new FreeCamera('flat-camera', new Vector3(state.xM, state.yM, state.zM), scene);
  camera.inputs.clear(); // input arrives as intents, not through Babylon's camera inputs
  camera.minZ = 0.05;
  camera.maxZ = 100;
  camera.fov = FOV_RAD;
  const sync = () => {
    camera.position.set(state.xM, state.yM, state.zM);
    // Babylon: positive rotation.x looks down; the rig's positive pitch looks up.
    camera.rotation.set(-state.pitchRad, state.yawRad, 0);
    // Zoom narrows the field of view (the viewer does not move).
    camera.fov = 2 * Math.atan(Math.tan(FOV_RAD / 2) / state.zoom);
  };
  sync();
  return {
    camera,
    get state() {
      return state;
    },
    apply(intents, dtS) {
      if (intents.length === 0 && !state.goal) return;
      for (const intent of intents) state = updateRig(state, intent, dtS, options);
      state = glideRig(state, dtS, options);
      sync();
    },
    canStand(x, z) {
      const b = options.bounds;
      return Number.isFinite(x + z) && x >= b.minX && x <= b.maxX && z >= b.minZ && z <= b.maxZ;
    },
    setReducedMotion(on) {
      glideSpeedMps = on ? Number.POSITIVE_INFINITY : DEFAULT_RIG_OPTIONS.glideSpeedMps;
      options = { ...options, glideSpeedMps };
    },
    place(start, bounds) {
      options = { ...DEFAULT_RIG_OPTIONS, glideSpeedMps, bounds };
      state = createRig({ yM: 1.7, ...start });
      sync();
    },
    fitAspect(aspect) {
      camera.fovMode = fovModeForAspect(aspect) === 'horizontal' ? Camera.FOVMODE_HORIZONTAL_FIXED : Camera.FOVMODE_VERTICAL_FIXED;
    },
  };
}
