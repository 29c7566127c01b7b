/**
 * The DOM shell: the entry screen, the small 2D toolbar, the in-VR bar and
 * the fatal-error screen. Plain DOM built from `strings.ts`; it only shows
 * state and reports clicks, the app decides what they do.
 */
import type { TerminalProfile } from '../device/classify';
import type { Strings } from './strings';

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

  const menu = el('button', { type: 'button', textContent: s.menu });
  const hint = el('p', { className: 'hint' });
  const toolbar = el('nav', { className: 'toolbar', hidden: true }, [menu, hint]);
  toolbar.setAttribute('aria-label', s.title);

  const exitVr = el('button', { type: 'button', textContent: s.exitVr, className: 'primary' });
  const xrBar = el('div', { className: 'toolbar xr', hidden: true }, [el('p', { textContent: s.inVr }), exitVr]);

  const description = el('p', { id: 'scene-description', className: 'visually-hidden', textContent: s.canvasDescription });
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', s.canvasLabel);
  canvas.setAttribute('aria-describedby', description.id);

  root.append(description, entry, toolbar, xrBar);

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
    onExplore: on(explore),
    onEnterVr: on(enterVr),
    onExitVr: on(exitVr),
    onMenu: on(menu),
  };
}
