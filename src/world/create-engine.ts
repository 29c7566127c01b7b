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
 * (capped) device pixels from the start: sizing the canvas reallocates its
 * drawing buffer, about 0.1 s each time on a phone, so it is sized once.
 * Throws `WebGLUnavailableError` when there is no WebGL.
 */
export function createEngine(canvas: HTMLCanvasElement, resolutionScale = 1): Engine {
  try {
    return new Engine(
      canvas,
      true,
      {
        stencil: false,
        preserveDrawingBuffer: false,
        powerPreference: 'high-performance',
        limitDeviceRatio: Math.min(window.devicePixelRatio || 1, MAX_DEVICE_RATIO) * resolutionScale,
        doNotHandleContextLost: false,
      },
      true,
    );
  } catch (error) {
    // Babylon throws "WebGL not supported" when the browser hands out no context.
    throw new WebGLUnavailableError(error instanceof Error ? error.message : String(error));
  }
}
