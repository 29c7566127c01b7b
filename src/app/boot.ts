/**
 * The first part of start-up, in the page's first chunk: it paints the shell
 * and creates the WebGL engine while the rest of the app (the scene, the
 * twin, input, panels: most of the code) is still downloading. On a phone
 * network that is half a second of work done in the wait, and the entry
 * card shows about a second sooner.
 */
import { watchDownloads } from '../diagnostics/downloaded';
import type { Engine } from '@babylonjs/core/Engines/engine';
import { classifyTerminal, type TerminalProfile } from '../device/classify';
import { readDeviceSignals, readImmediateSignals } from '../device/probe';
import { classifyDeviceClass } from '../budget/device-class';
import { BUDGETS } from '../budget/budgets';
import { createEngine, WebGLUnavailableError } from '../world/create-engine';
import { createShell, type Shell } from '../ui/shell';
import { stringsFor, type Strings } from '../ui/strings';
import { browserLanguage, browserStorage, openSettingsStore, type SettingsStore } from '../settings/store';

/** What the app starts from. */
export interface Booted {
  root: HTMLElement;
  canvas: HTMLCanvasElement;
  shell: Shell;
  settings: SettingsStore;
  strings: Strings;
  reducedMotion: boolean;
  /** The terminal from the signals at hand (the XR capability probe refines it). */
  profile: TerminalProfile;
  engine: Engine;
}

/** Paints the shell, creates the engine and hands over to the app once its code is here; a missing WebGL ends in a clear message. */
export async function boot(root: HTMLElement, canvas: HTMLCanvasElement): Promise<void> {
  // Start-up phases as User Timing marks: they show in the perf traces and in `performance.getEntriesByType('mark')`.
  performance.mark('chasm:start');
  watchDownloads();
  const app = import('./app');
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const settings = openSettingsStore(browserStorage());
  const strings = stringsFor(browserLanguage(settings.current));
  const shell = createShell(root, canvas, strings);
  shell.setStrings(strings);
  shell.reflectSettings(settings.current);
  shell.setBusy(true);
  shell.setStatus(strings.loadingWorld);
  const profile = classifyTerminal(readImmediateSignals());
  let engine: Engine;
  try {
    // The canvas starts at the top rung's resolution for the device class that the signals at
    // hand suggest (the GPU's name, known once there is a context, rarely changes it): sized once.
    engine = createEngine(canvas, BUDGETS[classifyDeviceClass(readDeviceSignals(profile.terminal, null))].resolutionScale.max);
  } catch (error) {
    if (!(error instanceof WebGLUnavailableError)) throw error;
    shell.showFatal(strings.fatal.webglTitle, strings.fatal.webglBody);
    return;
  }
  performance.mark('chasm:engine');
  const { startApp } = await app;
  performance.mark('chasm:app');
  startApp({ root, canvas, shell, settings, strings, reducedMotion, profile, engine });
}
