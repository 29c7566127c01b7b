/**
 * The settings dialog: every control reports a change as a function of the
 * current settings; the app applies it and the panel reflects the result.
 * Also shows storage use and the install offer.
 */
import { LANGUAGES, QUALITY_MODES, SNAP_TURN_DEGREES, type Settings } from '../settings/settings';
import { el, onClick, subscribe, type Texts } from './dom';
import type { Strings } from './strings';
import { createTwinFields, type TwinFields } from './twin-fields';
import { createKeptFields, type KeptFields } from './kept-fields';

/** How this browser offers installation. */
export type InstallOffer = 'none' | 'prompt' | 'ios-hint' | 'installed';

/** Storage use, as the browser reports it. */
export type StorageInfo = { usedBytes: number; quotaBytes: number; persisted: boolean } | null;

const MB = 1024 * 1024;
const COMFORT_FLAGS = ['smoothTurn', 'smoothMove', 'vignette', 'seated', 'leftHanded'] as const;

/** The panel's element and handles. */
export interface SettingsPanel {
  readonly section: HTMLElement;
  /** Opens it from `opener` (focus goes to the first control, and back to `opener` on close). */
  open(opener: HTMLElement): void;
  /** Closes it; focus returns to the opener unless `returnFocus` is false (the view changed). */
  close(returnFocus?: boolean): void;
  readonly isOpen: boolean;
  onChange: (handler: (change: (s: Settings) => Settings) => void) => () => void;
  reflect(x: Settings): void;
  /** The gyro row shows on phones only. */
  showGyro(on: boolean): void;
  setStorage: (info: StorageInfo) => void;
  setInstallOffer: (offer: InstallOffer) => void;
  onInstall: (handler: () => void) => () => void;
  /** Called when the panel opens or closes. */
  onToggle(handler: (open: boolean) => void): void;
  /** The warehouse's fields: the congestion overlay and the what-if. */
  readonly twin: Pick<TwinFields, 'showWhatIf' | 'onWhatIf'>;
  /** The layouts kept on this device. */
  readonly kept: Pick<KeptFields, 'show' | 'onAction'>;
}

/** The storage line and the install offer: what this device keeps, and how it installs Chasm. */
function createDeviceFields(t: Texts) {
  const storageLine = el('p', { className: 'storage' });
  const installButton = t.button((s) => s.install.button, 'primary');
  const installNote = el('p', { className: 'install-note' });
  let storage: StorageInfo = null;
  t.live((s) => {
    storageLine.textContent = storage
      ? `${s.settings.storageUse((storage.usedBytes / MB).toFixed(1), (storage.quotaBytes / MB).toFixed(0))} ${storage.persisted ? s.settings.storagePersisted : s.settings.storageBestEffort}`
      : s.settings.storageUnknown;
  });
  let install: InstallOffer = 'none';
  t.live((s) => {
    installButton.hidden = install !== 'prompt';
    installNote.hidden = install !== 'ios-hint' && install !== 'installed';
    installNote.textContent = install === 'installed' ? s.install.installed : s.install.iosHint;
  });
  return {
    storageLine,
    installButton,
    installNote,
    setStorage: (info: StorageInfo) => {
      storage = info;
      t.rerender();
    },
    setInstallOffer: (offer: InstallOffer) => {
      install = offer;
      t.rerender();
    },
  };
}

export function createSettingsPanel(t: Texts): SettingsPanel {
  const changeHandlers: Array<(change: (s: Settings) => Settings) => void> = [];
  const emit = (change: (x: Settings) => Settings) => {
    for (const h of changeHandlers) h(change);
  };
  let uid = 0;
  const labelled = (control: HTMLInputElement | HTMLSelectElement, label: (s: Strings) => string, row = 'row') => {
    control.id = `setting-${++uid}`;
    const l = t.text(el('label', { htmlFor: control.id }), label);
    return el('div', { className: row }, control instanceof HTMLInputElement ? [control, l] : [l, control]);
  };
  const select = <V extends string | number>(values: readonly V[], name: (s: Strings, v: V) => string) => {
    const sel = el('select');
    for (const v of values) sel.append(t.text(el('option', { value: String(v) }), (s) => name(s, v)));
    return sel;
  };
  const checkbox = () => el('input', { type: 'checkbox' });

  const language = select(LANGUAGES, (s, v) => s.settings.languages[v]);
  language.addEventListener('change', () => emit((x) => ({ ...x, language: language.value as Settings['language'] })));
  const quality = select(QUALITY_MODES, (s, v) => s.settings.qualities[v]);
  quality.addEventListener('change', () => emit((x) => ({ ...x, quality: quality.value as Settings['quality'] })));
  const hud = checkbox();
  hud.addEventListener('change', () => emit((x) => ({ ...x, hud: hud.checked })));
  const gyro = checkbox();
  gyro.addEventListener('change', () => emit((x) => ({ ...x, gyroLook: gyro.checked })));
  const snap = select(SNAP_TURN_DEGREES, (s, v) => s.settings.degrees(v));
  snap.addEventListener('change', () =>
    emit((x) => ({ ...x, comfort: { ...x.comfort, snapTurnDeg: Number(snap.value) as Settings['comfort']['snapTurnDeg'] } })),
  );
  const comfortFlags = COMFORT_FLAGS.map((key) => {
    const box = checkbox();
    box.addEventListener('change', () => emit((x) => ({ ...x, comfort: { ...x.comfort, [key]: box.checked } })));
    return { key, box };
  });
  const gyroRow = labelled(gyro, (s) => s.settings.gyro, 'row check');
  const twin = createTwinFields(t, emit, () => `setting-${++uid}`);
  const kept = createKeptFields(t);
  const device = createDeviceFields(t);
  const close = t.button((s) => s.close);
  const title = t.text(el('h2', { id: 'settings-title' }), (s) => s.settings.title);
  const fieldset = (legend: (s: Strings) => string, children: HTMLElement[]) => el('fieldset', {}, [t.text(el('legend'), legend), ...children]);
  const section = el('section', { id: 'settings', className: 'card settings', hidden: true }, [
    title,
    labelled(language, (s) => s.settings.language),
    labelled(quality, (s) => s.settings.quality),
    labelled(hud, (s) => s.settings.hud, 'row check'),
    gyroRow,
    fieldset(
      (s) => s.settings.comfort,
      [labelled(snap, (s) => s.settings.snapTurn), ...comfortFlags.map(({ key, box }) => labelled(box, (s) => s.settings[key], 'row check'))],
    ),
    twin.fieldset,
    kept.fieldset,
    fieldset((s) => s.settings.storage, [device.storageLine]),
    el('div', { className: 'actions' }, [device.installButton, close]),
    device.installNote,
  ]);
  section.setAttribute('role', 'dialog');
  section.setAttribute('aria-labelledby', title.id);

  let opener: HTMLElement | null = null;
  const toggled: Array<(open: boolean) => void> = [];
  const panel: SettingsPanel = {
    section,
    open(from) {
      opener = from;
      section.hidden = false;
      for (const h of toggled) h(true);
      language.focus();
    },
    close(returnFocus = true) {
      section.hidden = true;
      for (const h of toggled) h(false);
      if (returnFocus) opener?.focus({ preventScroll: true });
    },
    get isOpen() {
      return !section.hidden;
    },
    onChange: (h) => subscribe(changeHandlers, h),
    reflect(x) {
      language.value = x.language;
      quality.value = x.quality;
      hud.checked = x.hud;
      gyro.checked = x.gyroLook;
      snap.value = String(x.comfort.snapTurnDeg);
      for (const { key, box } of comfortFlags) box.checked = x.comfort[key];
      twin.reflect(x);
    },
    showGyro(on) {
      gyroRow.hidden = !on;
    },
    setStorage: device.setStorage,
    setInstallOffer: device.setInstallOffer,
    onInstall: onClick(device.installButton),
    onToggle(handler) {
      toggled.push(handler);
    },
    twin,
    kept,
  };
  close.addEventListener('click', () => panel.close());
  section.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') panel.close();
  });
  return panel;
}
