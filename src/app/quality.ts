/**
 * Applies the quality governor: one budget row for this device, its ladder,
 * and the governor fed by every frame. When the level changes, the rung is
 * applied where it acts, on every terminal:
 * - render resolution: the canvas in 2D, the views' viewport scale in XR;
 * - frame rate: the render loop's pacing in 2D, the session's rate in XR;
 * - fixed foveation: the XR layer;
 * - LOD bias and costly effects: the twin.
 */
import type { Engine } from '@babylonjs/core/Engines/engine';
import { BUDGETS, type Budget, type DeviceClass } from '../budget/budgets';
import { createGovernor, createLadder, homeLevel, rungOf, updateGovernor, type GovernorState, type QualityStep } from '../budget/governor';
import type { QualityMode } from '../settings/settings';
import type { FrameStats } from '../budget/frame-stats';
import { MAX_DEVICE_RATIO } from '../world/create-engine';

/** Where a rung's settings take effect. */
export interface QualityTargets {
  /** The XR session, while one runs. */
  xr(): { setFoveation(level: number | null): void; setTargetHz(hz: number): void; setResolutionScale(scale: number): void } | null;
  /** The twin, once loaded. */
  twin(): { setLodBias(bias: number): void; setEffects(on: boolean): void } | null;
}

/** The running quality controller. */
export interface QualityController {
  readonly deviceClass: DeviceClass;
  readonly budget: Budget;
  readonly step: QualityStep;
  readonly level: number;
  /** Feeds one frame, once it is recorded in the frame ring `frames`. */
  onFrame(frames: FrameStats, nowMs: number): void;
  /** Re-applies the current rung (after entering XR or loading a layout). */
  apply(): void;
  /** Starts measuring afresh (the view changed). */
  reset(): void;
  /** The number of rungs on this device's ladder (the floor is the last). */
  readonly rungs: number;
  /** The rung the governor starts on: full quality at the row's own rate (a boost rate, if any, is above it). */
  readonly home: number;
  /** 'auto' lets the governor move; 'high' pins full quality at the row's rate and 'saver' the floor. */
  setMode(mode: QualityMode): void;
  /** Holds one rung (clamped to the ladder) whatever the frames say, or with null returns to the mode. */
  pin(level: number | null): void;
}

/** Creates the controller for a device class. */
export function createQualityController(engine: Engine, deviceClass: DeviceClass, targets: QualityTargets): QualityController {
  const budget = BUDGETS[deviceClass];
  const ladder = createLadder(budget);
  let governor: GovernorState = createGovernor(ladder);
  let mode: QualityMode = 'auto';
  let pinned: number | null = null;
  // Full resolution: the capped device-pixel ratio; a rung's resolution scale multiplies on top.
  const baseScaling = 1 / Math.min(window.devicePixelRatio || 1, MAX_DEVICE_RATIO);
  const apply = () => {
    const step = rungOf(ladder, governor.level);
    const xr = targets.xr();
    // In XR the layer's framebuffer is sized by the session; foveation and
    // frame rate act there instead of the canvas resolution.
    if (xr) {
      xr.setFoveation(step.foveation);
      xr.setTargetHz(step.targetHz);
      xr.setResolutionScale(step.resolutionScale);
    } else {
      const scaling = baseScaling / step.resolutionScale;
      if (engine.getHardwareScalingLevel() !== scaling) engine.setHardwareScalingLevel(scaling);
    }
    targets.twin()?.setLodBias(step.lodBias);
    targets.twin()?.setEffects(step.effects);
  };
  return {
    deviceClass,
    budget,
    get step() {
      return rungOf(ladder, governor.level);
    },
    get level() {
      return governor.level;
    },
    rungs: ladder.length,
    home: homeLevel(ladder),
    onFrame(frames, nowMs) {
      if (mode === 'auto' && pinned === null && updateGovernor(governor, ladder, frames, nowMs) !== null) apply();
    },
    apply,
    reset() {
      governor = { ...createGovernor(ladder), level: governor.level };
    },
    setMode(next) {
      mode = next;
      pinned = null;
      const level = next === 'high' ? homeLevel(ladder) : next === 'saver' ? ladder.length - 1 : governor.level;
      governor = { ...createGovernor(ladder), level };
      apply();
    },
    pin(level) {
      pinned = level === null ? null : Math.max(0, Math.min(ladder.length - 1, Math.round(level)));
      if (pinned === null) {
        this.setMode(mode);
        return;
      }
      governor = { ...createGovernor(ladder), level: pinned };
      apply();
    },
  };
}
