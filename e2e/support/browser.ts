/** The project's Chromium and its flags (one source, shared with the scripts). */
export { CHROMIUM_ARGS, chromiumExecutable, chromiumLaunchOptions } from '../../scripts/chromium.mjs';
