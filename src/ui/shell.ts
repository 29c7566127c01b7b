/**
 * The DOM shell: the entry screen, the small 2D toolbar, the in-VR bar and
 * the fatal-error screen. Plain DOM built from `strings.ts`; it only shows
 * state and reports clicks, the app decides what they do.
 */
import type { TerminalProfile } from '../device/classify';
import type { Strings } from './strings';
import type { Card } from '../selection/describe';

/** What the shell shows. */
export type ShellView = 'entry' | 'exploring' | 'immersive';

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
  /** The perf HUD toggle: shows whether it is on, and reports presses. */
  setHudPressed(on: boolean): void;
  onToggleHud(handler: () => void): void;
  onExplore(handler: () => void): void;
  onEnterVr(handler: () => void): void;
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

/** Builds the shell into `root` beside the canvas. */
export function createShell(root: HTMLElement, canvas: HTMLCanvasElement, s: Strings): Shell {
  const status = el('p', { className: 'status', textContent: s.probing });
  status.setAttribute('role', 'status');
  const enterVr = el('button', { type: 'button', textContent: s.enterVr, hidden: true, className: 'primary' });
  const explore = el('button', { type: 'button', textContent: s.explore, disabled: true });
  const entry = el('section', { className: 'card entry' }, [
    el('h1', { textContent: s.title }),
    el('p', { className: 'lede', textContent: s.lede }),
    status,
    el('div', { className: 'actions' }, [enterVr, explore]),
  ]);
  entry.setAttribute('aria-labelledby', 'entry-title');
  entry.querySelector('h1')!.id = 'entry-title';

  const fileInput = el('input', { type: 'file', accept: '.json,application/json', className: 'visually-hidden', tabIndex: -1 });
  fileInput.setAttribute('aria-hidden', 'true');
  const loadButtons = [0, 1].map(() => el('button', { type: 'button', textContent: s.loadLayout }));
  for (const b of loadButtons) b.addEventListener('click', () => fileInput.click());
  entry.querySelector('.actions')!.append(loadButtons[0]!, fileInput);

  const menu = el('button', { type: 'button', textContent: s.menu });
  const hint = el('p', { className: 'hint' });
  const hudToggle = el('button', { type: 'button', textContent: s.perfHud });
  hudToggle.setAttribute('aria-pressed', 'false');
  const toolbar = el('nav', { className: 'toolbar', hidden: true }, [menu, loadButtons[1]!, hudToggle, hint]);
  toolbar.setAttribute('aria-label', s.title);

  const cardTitle = el('h2', { id: 'selection-title' });
  const cardList = el('ul');
  const cardClose = el('button', { type: 'button', textContent: s.close });
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
  const alertDismiss = el('button', { type: 'button', textContent: s.dismiss });
  const alertBox = el('section', { className: 'card alert', hidden: true }, [alertTitle, alertBody, alertDismiss]);
  alertBox.setAttribute('role', 'alert');
  alertBox.setAttribute('aria-labelledby', alertTitle.id);
  alertDismiss.addEventListener('click', () => (alertBox.hidden = true));

  const exitVr = el('button', { type: 'button', textContent: s.exitVr, className: 'primary' });
  const xrBar = el('div', { className: 'toolbar xr', hidden: true }, [el('p', { textContent: s.inVr }), exitVr]);

  const description = el('p', { id: 'scene-description', className: 'visually-hidden', textContent: s.canvasDescription });
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', s.canvasLabel);
  canvas.setAttribute('aria-describedby', description.id);

  const side = el('div', { className: 'side' }, [alertBox, card]);
  root.append(description, side, entry, toolbar, xrBar);
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

  const on = (button: HTMLButtonElement) => (handler: () => void) => button.addEventListener('click', handler);

  return {
    showProfile(profile) {
      status.textContent = s.capability[profile.xr];
      enterVr.hidden = !profile.canEnterVr;
      explore.disabled = false;
      hint.textContent = s.hint[profile.terminal];
    },
    setView(view) {
      entry.hidden = view !== 'entry';
      toolbar.hidden = view !== 'exploring';
      xrBar.hidden = view !== 'immersive';
      if (view === 'entry') (enterVr.hidden ? explore : enterVr).focus({ preventScroll: true });
      if (view === 'exploring') canvas.focus({ preventScroll: true });
    },
    setStatus(text) {
      status.textContent = text;
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
    setHudPressed(on) {
      hudToggle.setAttribute('aria-pressed', String(on));
    },
    onToggleHud: on(hudToggle),
    onCardClosed(handler) {
      cardClosed.push(handler);
    },
    onLoadLayoutFile(handler) {
      fileHandlers.push(handler);
    },
    onExplore: on(explore),
    onEnterVr: on(enterVr),
    onExitVr: on(exitVr),
    onMenu: on(menu),
  };
}
