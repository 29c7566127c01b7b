/**
 * Paces rendering below the display rate: the quality ladder's "30 Hz" rung
 * renders every other animation frame of a 60 Hz display, and any target
 * rate on any display renders at that rate on average. Pure; the render loop
 * asks it once per animation frame. XR sessions are paced by the headset
 * (the session's frame rate), not here.
 */
import { frameBudgetMsAt } from './budgets';

/** The pacer's state: plain data. */
export interface FramePacer {
  /** The last animation frame's time, in ms (NaN before the first). */
  lastMs: number;
  /** Time owed to the next render, in ms: grows by each display frame, falls by each render. */
  debtMs: number;
  /** Smoothed display frame interval, in ms. */
  displayMs: number;
}

/** A pacer that renders the first frame it sees. */
export function createFramePacer(): FramePacer {
  return { lastMs: Number.NaN, debtMs: 0, displayMs: 1000 / 60 };
}

/**
 * One animation frame at `nowMs`: whether to render it for `targetHz`.
 * A render is due once the time owed reaches the target interval less half
 * a display frame (the nearest display frame wins), and the remainder is
 * carried, so a 60 Hz target on a 144 Hz display alternates two and three
 * display frames. A long pause renders at once and forgets the debt.
 */
export function shouldRender(p: FramePacer, nowMs: number, targetHz: number): boolean {
  const dt = nowMs - p.lastMs;
  p.lastMs = nowMs;
  if (!(dt > 0) || !Number.isFinite(dt) || !(targetHz > 0)) {
    p.debtMs = 0;
    return true;
  }
  const intervalMs = frameBudgetMsAt(targetHz);
  // A gap longer than two intervals is a stall or a pause, not a display frame.
  if (dt > 2 * intervalMs) {
    p.debtMs = 0;
    return true;
  }
  p.displayMs += (dt - p.displayMs) * 0.1;
  p.debtMs += dt;
  if (p.debtMs < intervalMs - p.displayMs / 2) return false;
  p.debtMs = Math.max(-intervalMs / 2, Math.min(intervalMs / 2, p.debtMs - intervalMs));
  return true;
}
