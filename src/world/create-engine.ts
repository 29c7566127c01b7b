/**
 * Creates the Babylon engine, or says clearly that WebGL is unavailable.
 */
import { Engine } from '@babylonjs/core/Engines/engine';

/** Thrown when the browser gives no WebGL context (disabled, blocklisted, or lost at start). */
export class WebGLUnavailableError extends Error {
  override name = 'WebGLUnavailableError';
}

/** Creates a WebGL engine on the canvas; throws `WebGLUnavailableError` when there is no WebGL. */
export function createEngine(canvas: HTMLCanvasElement): Engine {
  try {
    return new Engine(
      canvas,
      true,
      {
        stencil: false,
        preserveDrawingBuffer: false,
        powerPreference: 'high-performance',
        // Phones report device-pixel ratios of 3 and more; past 2 the extra
        // pixels cost fill rate that no one can see at arm's length.
        limitDeviceRatio: 2,
        doNotHandleContextLost: false,
      },
      true,
    );
  } catch (error) {
    // Babylon throws "WebGL not supported" when the browser hands out no context.
    throw new WebGLUnavailableError(error instanceof Error ? error.message : String(error));
  }
}
