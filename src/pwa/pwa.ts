/**
 * The installable, offline side of Chasm, loaded after the first frame so
 * none of it delays the world: the service worker (workbox-window), the
 * update prompt's plumbing, the install prompt and storage persistence.
 */
import { Workbox } from 'workbox-window';
import type { InstallOffer } from '../ui/shell';

/** What the app hears from the PWA layer. */
export interface PwaEvents {
  /** A new version is installed and waiting for the person's yes. */
  updateWaiting(): void;
  /** The install offer changed (the browser offered, or the app got installed). */
  installOffer(offer: InstallOffer): void;
  /** Storage use changed (after install or persistence was granted). */
  storage(info: { usedBytes: number; quotaBytes: number; persisted: boolean } | null): void;
}

/** The PWA layer's handles. */
export interface Pwa {
  /** Activates the waiting version; this tab reloads once when it takes over. Other tabs keep running. */
  applyUpdate(): void;
  /** Shows the browser's install prompt. */
  install(): Promise<void>;
  /** Measures storage again. */
  refreshStorage(): Promise<void>;
  /**
   * Caches the headset group for offline VR (call only where VR is
   * possible: phones never download it). Resolves to the number of files.
   */
  cacheHeadset(): Promise<number>;
  /** Stops listening (the app stopped); the service worker stays registered, as the page's. */
  dispose(): void;
}

/** The `beforeinstallprompt` event (Chromium only; not in the DOM typings). */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const standalone = () => window.matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
/** iOS and iPadOS Safari install only through Share → Add to Home Screen. */
const isIos = () => /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);

/** `navigator.storage` is missing outside secure contexts and in some WebViews, whatever the DOM typings say. */
type MaybeStorage = { estimate?: () => Promise<StorageEstimate>; persisted?: () => Promise<boolean>; persist?: () => Promise<boolean> };
const storageManager = (): MaybeStorage | undefined => (navigator as { storage?: MaybeStorage }).storage;

async function measureStorage(): Promise<{ usedBytes: number; quotaBytes: number; persisted: boolean } | null> {
  const storage = storageManager();
  if (!storage?.estimate) return null;
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(false)]);
  return { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persisted };
}

/** Starts the PWA layer; `swUrl` is the service worker beside the page. */
export function startPwa(swUrl: string, events: PwaEvents): Pwa {
  let deferred: InstallPromptEvent | null = null;
  let wb: Workbox | null = null;
  let accepted = false;
  const refreshStorage = async () => events.storage(await measureStorage().catch(() => null));
  const listeners = new AbortController();
  const opts = { signal: listeners.signal };

  window.addEventListener(
    'beforeinstallprompt',
    (e) => {
      // Keep the browser's mini-infobar away; the settings panel offers Install instead.
      e.preventDefault();
      deferred = e as InstallPromptEvent;
      events.installOffer('prompt');
    },
    opts,
  );
  window.addEventListener(
    'appinstalled',
    () => {
      deferred = null;
      events.installOffer('installed');
      // Installed: ask the browser to keep the offline copy even when space runs low.
      void storageManager()?.persist?.().then(refreshStorage, refreshStorage);
    },
    opts,
  );
  events.installOffer(standalone() ? 'installed' : isIos() ? 'ios-hint' : 'none');
  if (standalone()) void storageManager()?.persist?.();

  if ('serviceWorker' in navigator) {
    wb = new Workbox(swUrl, { scope: './' });
    const waiting = () => events.updateWaiting();
    // Only the tab where the person said yes reloads; others keep running their version.
    const controlling = () => {
      if (!accepted) return;
      accepted = false;
      window.location.reload();
    };
    wb.addEventListener('waiting', waiting);
    wb.addEventListener('controlling', controlling);
    listeners.signal.addEventListener('abort', () => {
      wb?.removeEventListener('waiting', waiting);
      wb?.removeEventListener('controlling', controlling);
    });
    wb.register()
      .then(() => refreshStorage())
      .catch((error: unknown) => console.warn('Chasm: the service worker was not registered; the app works, but not offline.', error));
  }

  return {
    applyUpdate() {
      if (!wb) return;
      accepted = true;
      wb.messageSkipWaiting();
    },
    async install() {
      if (!deferred) return;
      const prompt = deferred;
      deferred = null;
      await prompt.prompt();
      const { outcome } = await prompt.userChoice;
      if (outcome === 'dismissed') events.installOffer('none');
    },
    refreshStorage,
    async cacheHeadset() {
      if (!wb) return 0;
      await wb.active;
      const reply = (await wb.messageSW({ type: 'chasm:cache-headset' })) as { ok: boolean; count?: number; error?: string };
      if (!reply.ok) throw new Error(reply.error ?? 'the service worker could not cache the headset files');
      void refreshStorage();
      return reply.count ?? 0;
    },
    dispose: () => listeners.abort(),
  };
}
