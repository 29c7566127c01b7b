/**
 * Creates the Babylon engine, or says clearly that WebGL is unavailable.
 */
import { Engine } from '@babylonjs/core/Engines/engine';

/** Thrown when the browser gives no WebGL context (disabled, blocklisted, or lost at start). */
export class WebGLUnavailableError extends Error {
  override name = 'WebGLUnavailableError';
}

/**
 * Device pixels drawn per CSS pixel, at most. Phones report ratios of 3 and
 * more; past 2 the extra pixels cost fill rate that no one can see at arm's length.
 */
export const MAX_DEVICE_RATIO = 2;

/**
 * Creates a WebGL engine on the canvas, drawing `resolutionScale` of the
 * (capped) device pixels from the start. Resizing a canvas that has a context
 * reallocates its drawing buffer and waits twice for the GPU (about 0.15 s on
 * a throttled phone), so the canvas is given the size Babylon will ask for
 * before the context exists, and the engine finds nothing to resize.
 * Throws `WebGLUnavailableError` when there is no WebGL.
 */
export function createEngine(canvas: HTMLCanvasElement, resolutionScale = 1): Engine {
  const dpr = window.devicePixelRatio || 1;
  const limitDeviceRatio = Math.min(dpr, MAX_DEVICE_RATIO) * resolutionScale;
  // Babylon's own arithmetic (AbstractEngine.resize): CSS size / hardware scaling level, truncated.
  const level = 1 / Math.min(limitDeviceRatio, dpr);
  if (canvas.clientWidth > 0 && canvas.clientHeight > 0) {
    canvas.width = (canvas.clientWidth / level) | 0;
    canvas.height = (canvas.clientHeight / level) | 0;
  }
  try {
    return new Engine(
      canvas,
      true,
      {
        stencil: false,
        preserveDrawingBuffer: false,
        powerPreference: 'high-performance',
        limitDeviceRatio,
        doNotHandleContextLost: false,
        // Babylon puts the canvas first in the tab order (1) when the pointer moves over it; keys reach the world
        // from anywhere on the page, so the canvas stays out of it and Tab starts at the entry card's buttons.
        canvasTabIndex: -1,
      },
      true,
    );
  } catch (error) {
    // Babylon throws "WebGL not supported" when the browser hands out no context.
    throw new WebGLUnavailableError(error instanceof Error ? error.message : String(error));
  }
}
