/**
 * Every file the app fetches at run time by a fixed path (rather than
 * through a bundled import, whose hashed URL Vite knows). The service
 * worker must precache each of them for the app to work offline; a unit
 * test over the generated service worker checks it.
 */
export const RUNTIME_ASSETS = {
  /** The robot model with its levels of detail (scripts/build-assets.mjs). */
  robotModel: 'models/robot.glb',
} as const;

/** The absolute URL of a runtime asset, relative to the page (the build uses relative URLs). */
export function runtimeAssetUrl(path: (typeof RUNTIME_ASSETS)[keyof typeof RUNTIME_ASSETS]): string {
  return new URL(path, document.baseURI).href;
}
