/**
 * The DOM shell: the entry screen, the 2D toolbar, the settings panel, the
 * update prompt, the in-VR bar and the fatal-error screen. Plain DOM built
 * from `strings.ts`; it only shows state and reports what the person did,
 * the app decides what that means. Switching language rewrites every text
 * in place, so nothing the person had open is lost.
 */
import type { TerminalProfile } from '../device/classify';
import type { Strings } from './strings';
import type { Card } from '../selection/describe';
import { LANGUAGES, QUALITY_MODES, SNAP_TURN_DEGREES, type Settings } from '../settings/settings';

/** What the shell shows. */
export type ShellView = 'entry' | 'exploring' | 'immersive';

/** How this browser offers installation. */
export type InstallOffer = 'none' | 'prompt' | 'ios-hint' | 'installed';

/** The shell's handles. */
export interface Shell {
  /** Shows what this device can do and enables the matching buttons. */
  showProfile(profile: TerminalProfile): void;
  /** Switches between the entry card, the 2D toolbar and the in-VR bar. */
  setView(view: ShellView): void;
  /** Shows a one-line status on the entry card (for example why VR failed). */
  setStatus(text: string): void;
  /** Replaces everything with a clear message; the page stays alive. */
  showFatal(title: string, body: string): void;
  /** Shows a selection card, or hides it with null. */
  showCard(card: Card | null): void;
  /** Called when the person closes the card. */
  onCardClosed(handler: () => void): void;
  /** Shows a problem or notice the person should read (an alert), with a title; null hides it. */
  showAlert(title: string | null, body?: string): void;
  /** Enables or disables the buttons that need the world (while it loads). */
  setBusy(busy: boolean): void;
  onLoadLayoutFile(handler: (file: File) => void): void;
  /** Rewrites every text in another language. */
  setStrings(strings: Strings): void;
  /** Shows the settings' current values. */
  reflectSettings(settings: Settings): void;
  /** Reports a change the person made in the settings panel. */
  onSettingsChange(handler: (change: (s: Settings) => Settings) => void): void;
  /** Shows how much offline storage is used (null: the browser does not say). */
  setStorage(info: { usedBytes: number; quotaBytes: number; persisted: boolean } | null): void;
  /** Shows or hides the Install button / the iOS hint. */
  setInstallOffer(offer: InstallOffer): void;
  onInstall(handler: () => void): void;
  /** Shows the update prompt, or the note that it waits for the end of the VR session. */
  showUpdate(state: 'hidden' | 'ready' | 'after-vr'): void;
  onUpdate(handler: () => void): void;
  /** Mouse look (desktop): the button that locks the pointer, and the crosshair while locked. */
  onMouseLook(handler: () => void): void;
  setPointerLocked(locked: boolean): void;
  /** The perf HUD toggle: shows whether it is on, and reports presses. */
  setHudPressed(on: boolean): void;
  onToggleHud(handler: () => void): void;
  onExplore(handler: () => void): void;
  onEnterVr(handler: () => void): void;
  /** Passthrough (immersive-ar): the table-top model. */
  onEnterAr(handler: () => void): void;
  onExitVr(handler: () => void): void;
  onMenu(handler: () => void): void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Replaces the page's content with a clear error message (an alert), hiding the canvas. */
export function renderFatal(root: HTMLElement, canvas: HTMLCanvasElement | null, title: string, body: string): void {
  const card = el('section', { className: 'card fatal' }, [el('h1', { textContent: title }), el('p', { textContent: body })]);
  card.setAttribute('role', 'alert');
  root.replaceChildren(card);
  if (canvas) canvas.hidden = true;
}

const MB = 1024 * 1024;

/** Builds the shell into `root` beside the canvas. */
export function createShell(root: HTMLElement, canvas: HTMLCanvasElement, initial: Strings): Shell {
  let s = initial;
  /** Every text that depends on the language, re-run by setStrings. */
  const texts: Array<() => void> = [];
  const text = <T extends HTMLElement>(node: T, f: (s: Strings) => string, attr?: string): T => {
    const apply = () => (attr ? node.setAttribute(attr, f(s)) : (node.textContent = f(s)));
    texts.push(apply);
    apply();
    return node;
  };
  const button = (f: (s: Strings) => string, className = '') => text(el('button', { type: 'button', className }), f);

  const status = el('p', { className: 'status' });
  status.setAttribute('role', 'status');
  let statusText: (s: Strings) => string = (t) => t.probing;
  texts.push(() => (status.textContent = statusText(s)));
  const enterVr = button((t) => t.enterVr, 'primary');
  enterVr.hidden = true;
  const enterAr = button((t) => t.enterAr);
  enterAr.hidden = true;
  const explore = button((t) => t.explore);
  explore.disabled = true;
  const entryTitle = text(el('h1', { id: 'entry-title' }), (t) => t.title);
  const fileInput = el('input', { type: 'file', accept: '.json,application/json', className: 'visually-hidden', tabIndex: -1 });
  fileInput.setAttribute('aria-hidden', 'true');
  const loadButtons = [0, 1].map(() => button((t) => t.loadLayout));
  for (const b of loadButtons) b.addEventListener('click', () => fileInput.click());
  const settingsButtons = [0, 1].map(() => button((t) => t.settings.open));
  for (const b of settingsButtons) b.setAttribute('aria-controls', 'settings');
  const entry = el('section', { className: 'card entry' }, [
    entryTitle,
    text(el('p', { className: 'lede' }), (t) => t.lede),
    status,
    el('div', { className: 'actions' }, [enterVr, enterAr, explore, loadButtons[0]!, settingsButtons[0]!, fileInput]),
  ]);
  entry.setAttribute('aria-labelledby', entryTitle.id);

  const menu = button((t) => t.menu);
  let terminal: TerminalProfile['terminal'] = 'desktop';
  const hint = text(el('p', { className: 'hint' }), (t) => t.hint[terminal]);
  const hudToggle = button((t) => t.perfHud);
  hudToggle.setAttribute('aria-pressed', 'false');
  const mouseLook = button((t) => t.mouseLook);
  mouseLook.hidden = true;
  const toolbar = el('nav', { className: 'toolbar', hidden: true }, [menu, loadButtons[1]!, settingsButtons[1]!, hudToggle, mouseLook, hint]);
  // The centre mark while the mouse looks around (pointer locked).
  const crosshair = el('div', { className: 'crosshair', hidden: true });
  crosshair.setAttribute('aria-hidden', 'true');
  text(toolbar, (t) => t.title, 'aria-label');

  const cardTitle = el('h2', { id: 'selection-title' });
  const cardList = el('ul');
  const cardClose = button((t) => t.close);
  const card = el('section', { className: 'card selection', hidden: true }, [cardTitle, cardList, cardClose]);
  card.setAttribute('aria-labelledby', cardTitle.id);
  card.setAttribute('aria-live', 'polite');
  const cardClosed: Array<() => void> = [];
  cardClose.addEventListener('click', () => {
    card.hidden = true;
    for (const h of cardClosed) h();
  });

  const alertTitle = el('h2', { id: 'alert-title' });
  const alertBody = el('p', { className: 'alert-body' });
  const alertDismiss = button((t) => t.dismiss);
  const alertBox = el('section', { className: 'card alert', hidden: true }, [alertTitle, alertBody, alertDismiss]);
  alertBox.setAttribute('role', 'alert');
  alertBox.setAttribute('aria-labelledby', alertTitle.id);
  alertDismiss.addEventListener('click', () => (alertBox.hidden = true));

  // The update prompt: a new service worker is waiting.
  const updateNow = button((t) => t.update.now, 'primary');
  const updateLater = button((t) => t.update.later);
  const updateTitle = text(el('h2', { id: 'update-title' }), (t) => t.update.title);
  const updateBody = el('p');
  let updateState: 'hidden' | 'ready' | 'after-vr' = 'hidden';
  texts.push(() => (updateBody.textContent = updateState === 'after-vr' ? s.update.afterVr : s.update.body));
  const updateBox = el('section', { className: 'card update', hidden: true }, [updateTitle, updateBody, el('div', { className: 'actions' }, [updateNow, updateLater])]);
  updateBox.setAttribute('role', 'alertdialog');
  updateBox.setAttribute('aria-labelledby', updateTitle.id);
  updateLater.addEventListener('click', () => (updateBox.hidden = true));

  const settingsPanel = buildSettings();

  const exitVr = button((t) => t.exitVr, 'primary');
  const xrBar = el('div', { className: 'toolbar xr', hidden: true }, [text(el('p'), (t) => t.inVr), exitVr]);

  const description = text(el('p', { id: 'scene-description', className: 'visually-hidden' }), (t) => t.canvasDescription);
  canvas.setAttribute('role', 'img');
  text(canvas, (t) => t.canvasLabel, 'aria-label');
  canvas.setAttribute('aria-describedby', description.id);

  const side = el('div', { className: 'side' }, [updateBox, alertBox, card]);
  root.querySelector('#splash')?.remove();
  root.append(description, side, settingsPanel.section, entry, toolbar, xrBar, crosshair);
  const fileHandlers: Array<(file: File) => void> = [];
  const emitFile = (file: File | undefined) => {
    if (file) for (const h of fileHandlers) h(file);
  };
  fileInput.addEventListener('change', () => {
    emitFile(fileInput.files?.[0]);
    fileInput.value = '';
  });
  // Dropping a layout file anywhere on the page loads it.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    emitFile(e.dataTransfer?.files?.[0]);
  });

  let opener: HTMLElement | null = null;
  const openSettings = (from: HTMLElement) => {
    opener = from;
    settingsPanel.section.hidden = false;
    for (const b of settingsButtons) b.setAttribute('aria-expanded', 'true');
    settingsPanel.first.focus();
  };
  const closeSettings = () => {
    settingsPanel.section.hidden = true;
    for (const b of settingsButtons) b.setAttribute('aria-expanded', 'false');
    opener?.focus({ preventScroll: true });
  };
  for (const b of settingsButtons) {
    b.setAttribute('aria-expanded', 'false');
    b.addEventListener('click', () => (settingsPanel.section.hidden ? openSettings(b) : closeSettings()));
  }
  settingsPanel.close.addEventListener('click', closeSettings);
  settingsPanel.section.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeSettings();
  });

  const on = (b: HTMLButtonElement) => (handler: () => void) => b.addEventListener('click', handler);

  /** The settings panel: every control reports a change as a function of the current settings. */
  function buildSettings() {
    const changeHandlers: Array<(change: (s: Settings) => Settings) => void> = [];
    const emit = (change: (x: Settings) => Settings) => {
      for (const h of changeHandlers) h(change);
    };
    let uid = 0;
    const labelled = <T extends HTMLInputElement | HTMLSelectElement>(control: T, label: (t: Strings) => string, row = 'row') => {
      control.id = `setting-${++uid}`;
      const l = text(el('label', { htmlFor: control.id }), label);
      return el('div', { className: row }, control instanceof HTMLInputElement ? [control, l] : [l, control]);
    };
    const select = <V extends string | number>(values: readonly V[], name: (t: Strings, v: V) => string) => {
      const sel = el('select');
      for (const v of values) sel.append(text(el('option', { value: String(v) }), (t) => name(t, v)));
      return sel;
    };
    const checkbox = () => el('input', { type: 'checkbox' });

    const language = select(LANGUAGES, (t, v) => t.settings.languages[v]);
    language.addEventListener('change', () => emit((x) => ({ ...x, language: language.value as Settings['language'] })));
    const quality = select(QUALITY_MODES, (t, v) => t.settings.qualities[v]);
    quality.addEventListener('change', () => emit((x) => ({ ...x, quality: quality.value as Settings['quality'] })));
    const hud = checkbox();
    hud.addEventListener('change', () => emit((x) => ({ ...x, hud: hud.checked })));
    const gyro = checkbox();
    gyro.addEventListener('change', () => emit((x) => ({ ...x, gyroLook: gyro.checked })));
    const snap = select(SNAP_TURN_DEGREES, (t, v) => t.settings.degrees(v));
    snap.addEventListener('change', () => emit((x) => ({ ...x, comfort: { ...x.comfort, snapTurnDeg: Number(snap.value) as Settings['comfort']['snapTurnDeg'] } })));
    const comfortFlags = (['smoothTurn', 'smoothMove', 'vignette', 'seated'] as const).map((key) => {
      const box = checkbox();
      box.addEventListener('change', () => emit((x) => ({ ...x, comfort: { ...x.comfort, [key]: box.checked } })));
      return { key, box };
    });
    const gyroRow = labelled(gyro, (t) => t.settings.gyro, 'row check');
    const storageLine = el('p', { className: 'storage' });
    const installButton = button((t) => t.install.button, 'primary');
    const installNote = el('p', { className: 'install-note' });
    const close = button((t) => t.close);
    const title = text(el('h2', { id: 'settings-title' }), (t) => t.settings.title);
    const fieldset = (legend: (t: Strings) => string, children: HTMLElement[]) => el('fieldset', {}, [text(el('legend'), legend), ...children]);
    const section = el('section', { id: 'settings', className: 'card settings', hidden: true }, [
      title,
      labelled(language, (t) => t.settings.language),
      labelled(quality, (t) => t.settings.quality),
      labelled(hud, (t) => t.settings.hud, 'row check'),
      gyroRow,
      fieldset((t) => t.settings.comfort, [
        labelled(snap, (t) => t.settings.snapTurn),
        ...comfortFlags.map(({ key, box }) => labelled(box, (t) => t.settings[key], 'row check')),
      ]),
      fieldset((t) => t.settings.storage, [storageLine]),
      el('div', { className: 'actions' }, [installButton, close]),
      installNote,
    ]);
    section.setAttribute('role', 'dialog');
    section.setAttribute('aria-labelledby', title.id);
    installButton.hidden = true;
    return {
      section,
      first: language,
      close,
      gyroRow,
      storageLine,
      installButton,
      installNote,
      onChange: (h: (change: (s: Settings) => Settings) => void) => changeHandlers.push(h),
      reflect(x: Settings) {
        language.value = x.language;
        quality.value = x.quality;
        hud.checked = x.hud;
        gyro.checked = x.gyroLook;
        snap.value = String(x.comfort.snapTurnDeg);
        for (const { key, box } of comfortFlags) box.checked = x.comfort[key];
      },
    };
  }

  let storage: Parameters<Shell['setStorage']>[0] = null;
  texts.push(() => {
    settingsPanel.storageLine.textContent = storage
      ? `${s.settings.storageUse((storage.usedBytes / MB).toFixed(1), (storage.quotaBytes / MB).toFixed(0))} ${storage.persisted ? s.settings.storagePersisted : s.settings.storageBestEffort}`
      : s.settings.storageUnknown;
  });
  let install: InstallOffer = 'none';
  texts.push(() => {
    settingsPanel.installButton.hidden = install !== 'prompt';
    settingsPanel.installNote.hidden = install !== 'ios-hint' && install !== 'installed';
    settingsPanel.installNote.textContent = install === 'installed' ? s.install.installed : s.install.iosHint;
  });
  const rerender = () => {
    for (const apply of texts) apply();
  };
  rerender();

  return {
    showProfile(profile) {
      statusText = (t) => t.capability[profile.xr];
      terminal = profile.terminal;
      rerender();
      enterVr.hidden = !profile.canEnterVr;
      enterAr.hidden = !profile.canEnterAr;
      explore.disabled = false;
      // Looking by turning the device only makes sense on a phone or tablet; mouse look on a desktop.
      settingsPanel.gyroRow.hidden = profile.terminal !== 'phone';
      mouseLook.hidden = profile.terminal !== 'desktop';
    },
    setView(view) {
      entry.hidden = view !== 'entry';
      toolbar.hidden = view !== 'exploring';
      xrBar.hidden = view !== 'immersive';
      if (view === 'immersive') settingsPanel.section.hidden = true;
      if (view === 'entry') (enterVr.hidden ? explore : enterVr).focus({ preventScroll: true });
      if (view === 'exploring') canvas.focus({ preventScroll: true });
    },
    setStatus(value) {
      statusText = () => value;
      status.textContent = value;
    },
    showFatal(title, body) {
      renderFatal(root, canvas, title, body);
    },
    showCard(content) {
      card.hidden = content === null;
      if (!content) return;
      cardTitle.textContent = content.title;
      cardList.replaceChildren(...content.lines.map((line) => el('li', { textContent: line })));
    },
    showAlert(title, body = '') {
      alertBox.hidden = title === null;
      alertTitle.textContent = title ?? '';
      alertBody.textContent = body;
    },
    setBusy(busy) {
      for (const b of [explore, ...loadButtons]) b.disabled = busy;
    },
    setStrings(next) {
      s = next;
      document.documentElement.lang = next.lang;
      rerender();
    },
    reflectSettings: (x) => settingsPanel.reflect(x),
    onSettingsChange: (h) => void settingsPanel.onChange(h),
    setStorage(info) {
      storage = info;
      rerender();
    },
    setInstallOffer(offer) {
      install = offer;
      rerender();
    },
    onInstall: on(settingsPanel.installButton),
    showUpdate(state) {
      updateState = state;
      updateBox.hidden = state === 'hidden';
      updateNow.hidden = state !== 'ready';
      rerender();
    },
    onUpdate: on(updateNow),
    setHudPressed(pressed) {
      hudToggle.setAttribute('aria-pressed', String(pressed));
    },
    onToggleHud: on(hudToggle),
    onMouseLook: on(mouseLook),
    setPointerLocked(locked) {
      crosshair.hidden = !locked;
      mouseLook.setAttribute('aria-pressed', String(locked));
    },
    onCardClosed(handler) {
      cardClosed.push(handler);
    },
    onLoadLayoutFile(handler) {
      fileHandlers.push(handler);
    },
    onExplore: on(explore),
    onEnterVr: on(enterVr),
    onEnterAr: on(enterAr),
    onExitVr: on(exitVr),
    onMenu: on(menu),
  };
}
