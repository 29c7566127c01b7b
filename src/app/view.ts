/**
 * Changes of view: which controls listen, the canvas size, the table-top
 * placement, and the quality rung applied afresh for what is now shown.
 */
import { Matrix } from '@babylonjs/core/Maths/math.vector';
import { attachFlatControls } from '../flat/flat-controls';
import type { Placement } from '../world/placement';
import type { Ray } from '../input/intents';
import type { ShellView } from '../ui/shell';
import type { App } from './state';

/** A ray from the camera through a point of the canvas, in CSS px. */
export function rayAt(app: App, xPx: number, yPx: number): Ray {
  const camera = app.scene.activeCamera ?? app.rig.camera;
  // CSS pixels: Babylon converts them with the hardware scaling level (device ratio × the governor's resolution).
  const ray = app.scene.createPickingRay(xPx, yPx, Matrix.Identity(), camera);
  return { origin: [ray.origin.x, ray.origin.y, ray.origin.z], direction: [ray.direction.x, ray.direction.y, ray.direction.z] };
}

/** Shows a view; the 2D controls listen only while exploring. */
export function setView(app: App, next: ShellView): void {
  const { state } = app;
  state.view = next;
  if (next !== 'exploring') {
    state.controls?.detach();
    state.controls = null;
  } else if (!state.controls) {
    state.controls = attachFlatControls(app.canvas, {
      rayAt: (x, y) => rayAt(app, x, y),
      // The on-screen stick is for touch screens; keyboards walk with WASD.
      stickParent: state.profile.terminal === 'phone' || window.matchMedia('(pointer: coarse)').matches ? app.root : null,
      stickLabel: state.strings.joystick,
      onPointerLock: (locked) => app.shell.setPointerLocked(locked),
    });
    state.controls.setGyro(app.settings.current.gyroLook && state.gyroAllowed);
  }
  app.shell.setView(next);
}

/** Moves (or with null removes) the table-top model. */
export function setPlacement(app: App, next: Placement | null): void {
  app.state.placement = next;
  app.state.twin?.setPlacement(next);
}

/** Measures afresh (a new view) and applies the current rung where it acts now. */
export function reapplyQuality(app: App): void {
  if (!app.governed) return;
  app.quality.reset();
  app.quality.apply();
}

/** Fits the drawing buffer and the camera to the canvas's size. */
export function resize(app: App): void {
  app.engine.resize();
  app.rig.fitAspect(app.engine.getAspectRatio(app.rig.camera));
}
