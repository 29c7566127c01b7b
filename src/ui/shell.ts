/**
 * The DOM shell: the entry screen, the 2D toolbar, the selection card, the
 * alerts, the settings panel, the update prompt, the in-VR bar and the
 * fatal-error screen. Plain DOM built from `strings.ts`; it only shows state
 * and reports what the person did, the app decides what that means.
 * Switching language rewrites every text in place, so nothing the person had
 * open is lost. Each part below builds its own elements and answers its own
 * share of the `Shell` interface; `createShell` puts them on the page.
 */
import type { WhatIf } from '../sim/what-if';
import type { WhatIfView } from './twin-fields';
import type { KeptAction, KeptView } from './kept-fields';
import type { TerminalProfile } from '../device/classify';
import type { Strings } from './strings';

import type { Settings } from '../settings/settings';
import { createTexts, el, onClick, subscribe, type Texts } from './dom';
import { createSettingsPanel, type InstallOffer, type SettingsPanel, type StorageInfo } from './settings-panel';
import { createTimeCard, type TimeView } from './time-card';
import { createFindBox, type FindResult } from './find-box';
import type { Speed } from '../sim/clock';
import { createShareCard, type ShareView } from './share-card';

export type { InstallOffer } from './settings-panel';
export type { ShareView } from './share-card';

/** What the shell shows. */
export type ShellView = 'entry' | 'exploring' | 'immersive';

/** A card the shell shows (a selection's: `selection/describe.ts` makes them): a title and lines. */
export interface Card {
  title: string;
  lines: readonly string[];
}

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
  onCardClosed(handler: () => void): () => void;
  /** Shows a problem or notice the person should read (an alert), with a title; null hides it. */
  showAlert(title: string | null, body?: string): void;
  /** Enables or disables the buttons that need the world (while it loads). */
  setBusy(busy: boolean): void;
  onLoadLayoutFile(handler: (file: File) => void): () => void;
  /** Rewrites every text in another language. */
  setStrings(strings: Strings): void;
  /** Shows the settings' current values. */
  reflectSettings(settings: Settings): void;
  /** Reports a change the person made in the settings panel. */
  onSettingsChange(handler: (change: (s: Settings) => Settings) => void): () => void;
  /** Shows the what-if in effect and the layout's limits in the settings panel. */
  showWhatIf(view: WhatIfView): void;
  /** Reports a what-if the person chose (not yet brought within the layout's limits). */
  onWhatIf(handler: (w: WhatIf) => void): () => void;
  /** Lists the layouts kept on this device in the settings panel. */
  showKept(view: KeptView): void;
  /** Reports Show, Forget or the standard layout, chosen in that list. */
  onKeptAction(handler: (a: KeptAction) => void): () => void;
  /** Shows how much offline storage is used (null: the browser does not say). */
  setStorage(info: StorageInfo): void;
  /** Shows or hides the Install button / the iOS hint. */
  setInstallOffer(offer: InstallOffer): void;
  onInstall(handler: () => void): () => void;
  /** Shows the update prompt, or the note that it waits for the end of the VR session. */
  showUpdate(state: 'hidden' | 'ready' | 'after-vr'): void;
  onUpdate(handler: () => void): () => void;
  /** Mouse look (desktop): the button that locks the pointer, and the crosshair while locked. */
  onMouseLook(handler: () => void): () => void;
  setPointerLocked(locked: boolean): void;
  /** The perf HUD toggle: shows whether it is on, and reports presses. */
  setHudPressed(on: boolean): void;
  onToggleHud(handler: () => void): () => void;
  onExplore(handler: () => void): () => void;
  onEnterVr(handler: () => void): () => void;
  /** Passthrough (immersive-ar): the table-top model. */
  onEnterAr(handler: () => void): () => void;
  onExitVr(handler: () => void): () => void;
  onMenu(handler: () => void): () => void;
  /** Share: the person asks for the room's link (a room is made if there is none). */
  onShare(handler: () => void): () => void;
  /** Shows the share card (the room's link and QR code, and how the room is doing), or hides it with null. */
  showShare(view: ShareView | null): void;
  onLeaveRoom(handler: () => void): () => void;
  /** The person closed the share card. */
  onShareClosed(handler: () => void): () => void;
  /** Follow a participant's view (its id), or stop with null. */
  onFollow(handler: (id: string | null) => void): () => void;
  /** Time (the toolbar's button): the person asks for the time card. */
  onTime(handler: () => void): () => void;
  /** Shows the time card (the simulated clock, pause, speed and reset), or hides it with null. */
  showTime(view: TimeView | null): void;
  /** Whether the time card is shown. */
  readonly timeShown: boolean;
  onPause(handler: () => void): () => void;
  onSpeed(handler: (speed: Speed) => void): () => void;
  onResetTime(handler: () => void): () => void;
  /** Find: the text typed, the results shown (null hides them), a result chosen, and the bins of a medicine stepped through. */
  onFind(handler: (text: string) => void): () => void;
  showFound(results: readonly FindResult[] | null): void;
  onChooseFound(handler: (index: number) => void): () => void;
  showFindStep(step: { at: number; of: number } | null): void;
  onFindStep(handler: (delta: number) => void): () => void;
  /** Link to this view (the toolbar's button): copy or share the address, which follows the view. */
  onCopyView(handler: () => void): () => void;
  /** Says `text` to assistive technology, politely (a visually hidden live region). */
  announce(text: string): void;
}

/** Replaces the page's content with a clear error message (an alert), hiding the canvas. */
export function renderFatal(root: HTMLElement, canvas: HTMLCanvasElement | null, title: string, body: string): void {
  const card = el('section', { className: 'card fatal' }, [el('h1', { textContent: title }), el('p', { textContent: body })]);
  card.setAttribute('role', 'alert');
  root.replaceChildren(card);
  if (canvas) canvas.hidden = true;
}

/** A layout file chosen with a button or dropped anywhere on the page. */
function createFilePicker() {
  const input = el('input', { type: 'file', accept: '.json,application/json', className: 'visually-hidden', tabIndex: -1 });
  input.setAttribute('aria-hidden', 'true');
  const handlers: Array<(file: File) => void> = [];
  const emit = (file: File | undefined) => {
    if (file) for (const h of handlers) h(file);
  };
  input.addEventListener('change', () => {
    emit(input.files?.[0]);
    input.value = '';
  });
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    emit(e.dataTransfer?.files[0]);
  });
  return { input, open: () => input.click(), onFile: (h: (file: File) => void) => subscribe(handlers, h) };
}

/** The entry card: what this device can do, and the ways in. */
function createEntry(t: Texts, load: HTMLButtonElement, settings: HTMLButtonElement, share: HTMLButtonElement, fileInput: HTMLInputElement) {
  const status = el('p', { className: 'status' });
  status.setAttribute('role', 'status');
  let statusText: (s: Strings) => string = (s) => s.probing;
  t.live((s) => (status.textContent = statusText(s)));
  const enterVr = t.button((s) => s.enterVr, 'primary');
  enterVr.hidden = true;
  const enterAr = t.button((s) => s.enterAr);
  enterAr.hidden = true;
  const explore = t.button((s) => s.explore);
  explore.disabled = true;
  const title = t.text(el('h1', { id: 'entry-title' }), (s) => s.title);
  const section = el('section', { className: 'card entry' }, [
    title,
    t.text(el('p', { className: 'lede' }), (s) => s.lede),
    status,
    el('div', { className: 'actions' }, [enterVr, enterAr, explore, share, load, settings, fileInput]),
  ]);
  section.setAttribute('aria-labelledby', title.id);
  return {
    section,
    explore,
    showProfile(profile: TerminalProfile) {
      statusText = (s) => s.capability[profile.xr];
      enterVr.hidden = !profile.canEnterVr;
      enterAr.hidden = !profile.canEnterAr;
      explore.disabled = false;
    },
    focus: () => (enterVr.hidden ? explore : enterVr).focus({ preventScroll: true }),
    setStatus: (value: string) => {
      statusText = () => value;
      status.textContent = value;
    },
    onExplore: onClick(explore),
    onEnterVr: onClick(enterVr),
    onEnterAr: onClick(enterAr),
  };
}

/** The 2D toolbar while exploring, and the crosshair of mouse look. */
function createToolbar(t: Texts, load: HTMLButtonElement, settings: HTMLButtonElement, share: HTMLButtonElement) {
  const menu = t.button((s) => s.menu);
  const find = t.button((s) => s.find.label);
  const time = t.button((s) => s.time.button);
  // A short label, named in full for assistive technology (the name starts with what is seen).
  const copyView = t.button((s) => s.viewLink.short);
  t.text(copyView, (s) => s.viewLink.copy, 'aria-label');
  let terminal: TerminalProfile['terminal'] = 'desktop';
  const hint = t.text(el('p', { className: 'hint' }), (s) => s.hint[terminal]);
  const hudToggle = t.button((s) => s.perfHud);
  hudToggle.setAttribute('aria-pressed', 'false');
  const mouseLook = t.button((s) => s.mouseLook);
  mouseLook.hidden = true;
  const toolbar = el('nav', { className: 'toolbar', hidden: true }, [find, menu, time, share, copyView, load, settings, hudToggle, mouseLook, hint]);
  t.text(toolbar, (s) => s.title, 'aria-label');
  // The centre mark while the mouse looks around (pointer locked).
  const crosshair = el('div', { className: 'crosshair', hidden: true });
  crosshair.setAttribute('aria-hidden', 'true');
  return {
    toolbar,
    crosshair,
    showProfile(profile: TerminalProfile) {
      terminal = profile.terminal;
      // Mouse look on a desktop; phones look by dragging or turning.
      mouseLook.hidden = profile.terminal !== 'desktop';
    },
    setHudPressed: (pressed: boolean) => hudToggle.setAttribute('aria-pressed', String(pressed)),
    onToggleHud: onClick(hudToggle),
    onMouseLook: onClick(mouseLook),
    setPointerLocked: (locked: boolean) => {
      crosshair.hidden = !locked;
      mouseLook.setAttribute('aria-pressed', String(locked));
    },
    onMenu: onClick(menu),
    onTime: onClick(time),
    onCopyView: onClick(copyView),
    onFind: onClick(find),
  };
}

/** The side column: the update prompt, alerts and the selection card. */
function createSide(t: Texts) {
  const cardTitle = el('h2', { id: 'selection-title' });
  const cardList = el('ul');
  const cardClose = t.button((s) => s.close);
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
  const alertDismiss = t.button((s) => s.dismiss);
  const alertBox = el('section', { className: 'card alert', hidden: true }, [alertTitle, alertBody, alertDismiss]);
  alertBox.setAttribute('role', 'alert');
  alertBox.setAttribute('aria-labelledby', alertTitle.id);
  alertDismiss.addEventListener('click', () => (alertBox.hidden = true));

  // The update prompt: a new service worker is waiting.
  const updateNow = t.button((s) => s.update.now, 'primary');
  const updateLater = t.button((s) => s.update.later);
  const updateTitle = t.text(el('h2', { id: 'update-title' }), (s) => s.update.title);
  const updateBody = el('p');
  let updateState: 'hidden' | 'ready' | 'after-vr' = 'hidden';
  t.live((s) => (updateBody.textContent = updateState === 'after-vr' ? s.update.afterVr : s.update.body));
  const updateBox = el('section', { className: 'card update', hidden: true }, [
    updateTitle,
    updateBody,
    el('div', { className: 'actions' }, [updateNow, updateLater]),
  ]);
  updateBox.setAttribute('role', 'alertdialog');
  updateBox.setAttribute('aria-labelledby', updateTitle.id);
  updateLater.addEventListener('click', () => (updateBox.hidden = true));

  return {
    side: el('div', { className: 'side' }, [updateBox, alertBox, card]),
    showCard(content: Card | null) {
      card.hidden = content === null;
      if (!content) return;
      cardTitle.textContent = content.title;
      cardList.replaceChildren(...content.lines.map((line) => el('li', { textContent: line })));
    },
    onCardClosed: (handler: () => void) => subscribe(cardClosed, handler),
    showAlert(title: string | null, body = '') {
      alertBox.hidden = title === null;
      alertTitle.textContent = title ?? '';
      alertBody.textContent = body;
    },
    showUpdate(state: 'hidden' | 'ready' | 'after-vr') {
      updateState = state;
      updateBox.hidden = state === 'hidden';
      updateNow.hidden = state !== 'ready';
      t.rerender();
    },
    onUpdate: onClick(updateNow),
  };
}

/** The two Settings buttons (entry card and toolbar) open and close the one panel. */
function settingsButtons(t: Texts, panel: SettingsPanel): HTMLButtonElement[] {
  const buttons = [0, 1].map(() => t.button((s) => s.settings.open));
  for (const b of buttons) {
    b.setAttribute('aria-controls', 'settings');
    b.setAttribute('aria-expanded', 'false');
    b.addEventListener('click', () => (panel.isOpen ? panel.close() : panel.open(b)));
  }
  panel.onToggle((open) => {
    for (const b of buttons) b.setAttribute('aria-expanded', String(open));
  });
  return buttons;
}

/** The canvas for screen readers: its label and description, and a polite live region for the world's news. */
function describeCanvas(t: Texts, canvas: HTMLCanvasElement) {
  const description = t.text(el('p', { id: 'scene-description', className: 'visually-hidden' }), (s) => s.canvasDescription);
  // The world's news for screen readers (the order board's figures), polite and throttled by the app.
  const news = el('p', { id: 'world-news', className: 'visually-hidden' });
  // A live region without the status role: the entry card's line stays the page's one status.
  news.setAttribute('aria-live', 'polite');
  news.setAttribute('aria-atomic', 'true');
  canvas.setAttribute('role', 'img');
  t.text(canvas, (s) => s.canvasLabel, 'aria-label');
  canvas.setAttribute('aria-describedby', description.id);
  return { description, news };
}

/**
 * The side cards stop above the bottom bar shown (the toolbar, whose height changes as it wraps, or in VR
 * the Exit VR bar), scrolling if they must.
 */
function keepAboveBars(side: HTMLElement, bars: readonly HTMLElement[]): void {
  const observer = new ResizeObserver(() => side.style.setProperty('--toolbar-h', `${Math.max(...bars.map((b) => (b.hidden ? 0 : b.offsetHeight)))}px`));
  for (const bar of bars) observer.observe(bar);
}

/** Builds the shell into `root` beside the canvas. */
export function createShell(root: HTMLElement, canvas: HTMLCanvasElement, initial: Strings): Shell {
  const t = createTexts(initial);
  const files = createFilePicker();
  const [loadEntry, loadToolbar] = [0, 1].map(() => t.button((s) => s.loadLayout));
  const settings = createSettingsPanel(t);
  const [settingsEntry, settingsToolbar] = settingsButtons(t, settings);
  if (!loadEntry || !loadToolbar || !settingsEntry || !settingsToolbar) throw new Error('the shell builds two of each button');
  for (const b of [loadEntry, loadToolbar]) b.addEventListener('click', files.open);
  const [shareEntry, shareToolbar] = [0, 1].map(() => t.button((s) => s.share.button));
  if (!shareEntry || !shareToolbar) throw new Error('the shell builds two Share buttons');
  const entry = createEntry(t, loadEntry, settingsEntry, shareEntry, files.input);
  const find = createFindBox(t);
  const toolbar = createToolbar(t, loadToolbar, settingsToolbar, shareToolbar);
  toolbar.onFind(() => find.toggle());
  // "/" opens Find, as on many sites, unless the person is typing.
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
    if (e.key === '/' && !typing && !toolbar.toolbar.hidden) {
      e.preventDefault();
      if (find.section.hidden) find.toggle();
    }
  });
  const { side, ...sideApi } = createSide(t);
  const share = createShareCard(t);
  const time = createTimeCard(t);
  side.prepend(share.section, time.section, find.section);
  const exitVr = t.button((s) => s.exitVr, 'primary');
  const xrBar = el('div', { className: 'toolbar xr', hidden: true }, [t.text(el('p'), (s) => s.inVr), exitVr]);

  const { description, news } = describeCanvas(t, canvas);
  root.querySelector('#splash')?.remove();
  root.append(description, news, side, settings.section, entry.section, toolbar.toolbar, xrBar, toolbar.crosshair);
  keepAboveBars(side, [toolbar.toolbar, xrBar]);

  return {
    ...sideApi,
    showProfile(profile) {
      entry.showProfile(profile);
      toolbar.showProfile(profile);
      // Looking by turning the device only makes sense on a phone or tablet.
      settings.showGyro(profile.terminal === 'phone');
      t.rerender();
    },
    setView(view) {
      entry.section.hidden = view !== 'entry';
      toolbar.toolbar.hidden = view !== 'exploring';
      xrBar.hidden = view !== 'immersive';
      if (view === 'immersive' && settings.isOpen) settings.close(false);
      if (view === 'entry') entry.focus();
      if (view === 'exploring') canvas.focus({ preventScroll: true });
    },
    setStatus: entry.setStatus,
    showFatal: (title, body) => renderFatal(root, canvas, title, body),
    setBusy(busy) {
      for (const b of [entry.explore, loadEntry, loadToolbar]) b.disabled = busy;
    },
    setStrings(next) {
      document.documentElement.lang = next.lang;
      t.setStrings(next);
    },
    reflectSettings: (x: Settings) => settings.reflect(x),
    onSettingsChange: settings.onChange,
    showWhatIf: (v) => settings.twin.showWhatIf(v),
    onWhatIf: (h) => settings.twin.onWhatIf(h),
    showKept: (v) => settings.kept.show(v),
    onKeptAction: (h) => settings.kept.onAction(h),
    setStorage: settings.setStorage,
    setInstallOffer: settings.setInstallOffer,
    onInstall: settings.onInstall,
    setHudPressed: toolbar.setHudPressed,
    onToggleHud: toolbar.onToggleHud,
    onMouseLook: toolbar.onMouseLook,
    setPointerLocked: toolbar.setPointerLocked,
    onLoadLayoutFile: files.onFile,
    onExplore: entry.onExplore,
    onEnterVr: entry.onEnterVr,
    onEnterAr: entry.onEnterAr,
    onExitVr: onClick(exitVr),
    onMenu: toolbar.onMenu,
    onShare(handler) {
      const offs = [onClick(shareEntry)(handler), onClick(shareToolbar)(handler)];
      return () => {
        for (const off of offs) off();
      };
    },
    showShare: (view) => share.showShare(view),
    onLeaveRoom: share.onLeaveRoom,
    onShareClosed: share.onShareClosed,
    onFollow: share.onFollow,
    onTime: toolbar.onTime,
    showTime: (view) => time.showTime(view),
    get timeShown() {
      return time.open;
    },
    onPause: time.onPause,
    onSpeed: time.onSpeed,
    onResetTime: time.onReset,
    onFind: find.onQuery,
    showFound: (results) => find.showResults(results),
    onChooseFound: find.onChoose,
    showFindStep: (step) => find.showStep(step),
    onFindStep: find.onStep,
    onCopyView: toolbar.onCopyView,
    announce(text) {
      if (news.textContent !== text) news.textContent = text;
    },
  };
}
