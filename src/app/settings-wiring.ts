/**
 * Settings in effect: a change is saved (or said why not), and each part
 * that depends on it follows: language, HUD, quality mode, motion sensors.
 */
import type { Settings } from '../settings/settings';
import { browserLanguage } from '../settings/store';
import { stringsFor } from '../ui/strings';
import { cardFor } from './selects';
import { hudModel, stats } from './readouts';
import { clampWhatIf } from '../sim/what-if';
import { showLayout, showWhatIfFields } from './world-loading';
import type { App, Disposer } from './state';

/** Changes the settings; a change that could not be saved still applies, and the person is told. */
export function changeSettings(app: App, change: (x: Settings) => Settings): void {
  const problem = app.settings.update(change);
  const s = app.state.strings;
  if (problem) app.shell.showAlert(s.settings.notSaved, s.settings.problem(problem));
}

/** HUD refreshes per second: plenty for people, and off the per-frame path. */
const HUD_HZ = 4;

/** The settings step: every change reaches what it changes; the HUD refreshes while shown. */
export function wireSettings(app: App): Disposer {
  const { settings, shell, hud, state, quality } = app;
  const showHud = (on: boolean) => {
    hud.setVisible(on);
    shell.setHudPressed(on);
  };
  showHud(app.options.hud || settings.current.hud);
  let qualityMode = settings.current.quality;
  const unsubscribe = settings.onChange((x) => {
    shell.reflectSettings(x);
    const next = stringsFor(browserLanguage(x));
    if (next !== state.strings) setStrings(app, next);
    showHud(x.hud);
    // Only a change of mode re-pins the governor (other settings must not reset its measuring).
    if (app.governed && x.quality !== qualityMode) quality.setMode((qualityMode = x.quality));
    state.controls?.setGyro(x.gyroLook && state.gyroAllowed);
    state.twin?.setCongestionShown(x.congestion);
  });
  if (app.governed) quality.setMode(qualityMode);
  if (settings.loadProblems.length) shell.showAlert(state.strings.settings.notSaved, settings.loadProblems.map(state.strings.settings.problem).join('\n'));
  const offShell = [
    shell.onWhatIf((w) => {
      const twin = state.twin;
      if (!twin || state.room) return;
      const next = clampWhatIf(twin.layout, w);
      if (next.orderRate !== twin.whatIf.orderRate || next.robots !== twin.whatIf.robots) {
        // Built after any layout load under way; the fields then show what is in effect.
        state.loading = state.loading.then(() => {
          if (state.twin === twin) showLayout(app, twin.layout, state.twinSource, { whatIf: next, keepView: true });
        });
      }
      void state.loading.then(() => showWhatIfFields(app));
    }),
    shell.onToggleHud(() => changeSettings(app, (x) => ({ ...x, hud: !hud.visible }))),
    shell.onSettingsChange((change) => {
      const before = settings.current;
      changeSettings(app, change);
      // iOS asks before sharing motion sensors, and only in answer to a tap: this change is one.
      if (settings.current.gyroLook && !before.gyroLook && !state.gyroAllowed) void requestGyro(app);
    }),
  ];
  const timer = window.setInterval(() => {
    if (!hud.visible) return;
    const now = stats(app);
    hud.update(now, hudModel(app, now));
  }, 1000 / HUD_HZ);
  return () => {
    window.clearInterval(timer);
    unsubscribe();
    for (const off of offShell) off();
  };
}

/** Speaks the person's language everywhere: the page, the HUD, the world, an open card. */
function setStrings(app: App, next: App['state']['strings']): void {
  const { state, shell } = app;
  state.strings = next;
  shell.setStrings(next);
  app.hud.setStrings(next);
  state.twin?.setStrings(next.world);
  shell.showProfile(state.profile);
  // An open card is re-told in the new language.
  const card = state.selection && cardFor(app, state.selection.target, next);
  if (state.selection && card) {
    state.selection = { ...state.selection, card };
    shell.showCard(card);
  }
}

/** Asks for motion sensors (iOS), in answer to the person's tap. */
async function requestGyro(app: App): Promise<void> {
  const { state } = app;
  const ask = (DeviceOrientationEvent as unknown as { requestPermission?: () => Promise<string> }).requestPermission;
  state.gyroAllowed = (await ask?.().catch(() => 'denied')) === 'granted';
  if (!state.gyroAllowed) app.shell.showAlert(state.strings.notice, state.strings.settings.gyroDenied);
  state.controls?.setGyro(app.settings.current.gyroLook && state.gyroAllowed);
}
