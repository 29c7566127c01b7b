/**
 * Keeps the settings in `localStorage` under one key. Storage can be
 * missing (privacy modes), throw on access (blocked third-party storage) or
 * be full (quota): every case keeps the settings in memory for this visit
 * and reports one problem (as data; `ui/strings.ts` words it), never an exception.
 */
import { parseSettings, resolveLanguage, type Settings, type SettingsProblem } from './settings';

export const SETTINGS_KEY = 'chasm.settings';

/** The minimal storage surface used (so tests can pass a fake). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Settings held in memory and written through to storage. */
export interface SettingsStore {
  readonly current: Settings;
  /** Problems found while loading (corrupt or foreign values, unavailable storage). */
  readonly loadProblems: readonly SettingsProblem[];
  /** Replaces the settings; returns the problem when they could not be saved (they still apply). */
  update(change: (s: Settings) => Settings): SettingsProblem | null;
  /** Called after every update; returns what stops it. */
  onChange(handler: (s: Settings) => void): () => void;
}

/** Opens the store; `storage` null means "no storage here". */
export function openSettingsStore(storage: KeyValueStorage | null): SettingsStore {
  let raw: string | null = null;
  const loadProblems: SettingsProblem[] = [];
  if (storage) {
    try {
      raw = storage.getItem(SETTINGS_KEY);
    } catch {
      loadProblems.push({ kind: 'storage-unavailable' });
      storage = null;
    }
  }
  const parsed = parseSettings(raw);
  loadProblems.push(...parsed.problems);
  let current = parsed.settings;
  const handlers: Array<(s: Settings) => void> = [];
  return {
    get current() {
      return current;
    },
    loadProblems,
    update(change) {
      current = change(structuredClone(current));
      for (const h of handlers) h(current);
      if (!storage) return null;
      try {
        storage.setItem(SETTINGS_KEY, JSON.stringify(current));
        return null;
      } catch (error) {
        // Firefox names it differently; old Safari's name is the standard one.
        const quota = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
        return quota ? { kind: 'storage-full' } : { kind: 'not-saved' };
      }
    },
    onChange(handler) {
      handlers.push(handler);
      return () => {
        const at = handlers.indexOf(handler);
        if (at >= 0) handlers.splice(at, 1);
      };
    },
  };
}

/** `window.localStorage`, or null where touching it throws. */
export function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The UI language for `settings`: its own choice, or the browser's languages on 'auto'. */
export function browserLanguage(settings: Settings): ReturnType<typeof resolveLanguage> {
  // Some WebViews report no languages, only the one.
  return resolveLanguage(settings.language, navigator.languages.length ? navigator.languages : [navigator.language]);
}
