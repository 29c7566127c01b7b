/**
 * The shell step: the page's buttons call the app, and the PWA layer (loaded
 * after the first frame) offers updates, install and offline VR.
 */
import type { Pwa } from '../pwa/pwa';
import { loadFile } from './world-loading';
import { enterVr } from './xr-entry';
import { setView } from './view';
import type { App, Disposer } from './state';

/** The buttons of the entry card, the toolbar and the card. */
export function wireShell(app: App): Disposer {
  const { shell, state } = app;
  const offs = [
    shell.onExplore(() => setView(app, 'exploring')),
    shell.onMenu(() => setView(app, 'entry')),
    shell.onMouseLook(() => state.controls?.lockPointer()),
    shell.onEnterVr(() => void enterVr(app, 'immersive-vr')),
    shell.onEnterAr(() => void enterVr(app, 'immersive-ar')),
    shell.onExitVr(() => void state.immersive?.exit()),
    shell.onLoadLayoutFile((file) => loadFile(app, file)),
    // Closing the card ends the selection, and its highlight.
    shell.onCardClosed(() => {
      state.selection = null;
      state.twin?.setHighlight(null);
    }),
  ];
  setView(app, 'entry');
  return () => {
    for (const off of offs) off();
    state.controls?.detach();
    state.controls = null;
  };
}

/**
 * The PWA step: the offline and install layer loads once the world is ready, so it never
 * delays it. (The dev server has no service worker: `npm start` serves the production build.)
 */
export function wirePwa(app: App, ready: Promise<void>): Disposer {
  const { shell, state } = app;
  let pwa: Pwa | null = null;
  const offs = [
    shell.onUpdate(() => {
      if (state.immersive) {
        shell.showUpdate('after-vr');
        return;
      }
      shell.showUpdate('hidden');
      pwa?.applyUpdate();
    }),
    shell.onInstall(() => void pwa?.install()),
  ];
  if (import.meta.env.PROD) {
    void ready
      .then(() => import('../pwa/pwa'))
      .then(({ startPwa }) => {
        if (state.stopped) return;
        pwa = startPwa(new URL('sw.js', document.baseURI).href, {
          updateWaiting() {
            state.updateWaiting = true;
            // Never during an immersive session: offered when it ends.
            if (!state.immersive) shell.showUpdate('ready');
          },
          installOffer: (offer) => shell.setInstallOffer(offer),
          storage: (info) => shell.setStorage(info),
        });
        // Offline VR on devices that can enter it; phones never fetch the headset code.
        if (state.profile.canEnterVr) {
          pwa.cacheHeadset().catch((error: unknown) => console.warn('Chasm: the headset files were not cached for offline use.', error));
        }
      });
  }
  return () => {
    for (const off of offs) off();
    pwa?.dispose();
  };
}
