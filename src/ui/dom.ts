/**
 * The shell's small DOM toolkit: element creation, handler lists, and texts
 * that follow the language (every text is a function of the strings, re-run
 * when they change, so nothing the person had open is lost).
 */
import type { Strings } from './strings';

/** Creates an element with properties and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Adds `handler` to `list`; returns what removes it. */
export function subscribe<H>(list: H[], handler: H): () => void {
  list.push(handler);
  return () => {
    const at = list.indexOf(handler);
    if (at >= 0) list.splice(at, 1);
  };
}

/** A button's click handler; returns what removes it. */
export const onClick =
  (b: HTMLButtonElement) =>
  (handler: () => void): (() => void) => {
    b.addEventListener('click', handler);
    return () => b.removeEventListener('click', handler);
  };

/** Texts bound to the current strings. */
export interface Texts {
  readonly strings: Strings;
  /** Sets `node`'s text (or attribute `attr`) to `f(strings)`, now and on every change. */
  text<T extends HTMLElement>(node: T, f: (s: Strings) => string, attr?: string): T;
  /** A button labelled `f(strings)`. */
  button(f: (s: Strings) => string, className?: string): HTMLButtonElement;
  /** Runs `apply` now and on every change (for texts that also depend on other state). */
  live(apply: (s: Strings) => void): void;
  /** Re-runs every text (the state they read changed). */
  rerender(): void;
  /** Switches language: every text is rewritten in place. */
  setStrings(next: Strings): void;
}

export function createTexts(initial: Strings): Texts {
  let s = initial;
  const applies: Array<() => void> = [];
  const live = (apply: (s: Strings) => void) => {
    const run = () => apply(s);
    applies.push(run);
    run();
  };
  const text = <T extends HTMLElement>(node: T, f: (s: Strings) => string, attr?: string): T => {
    live((t) => (attr ? node.setAttribute(attr, f(t)) : (node.textContent = f(t))));
    return node;
  };
  return {
    get strings() {
      return s;
    },
    text,
    button: (f, className = '') => text(el('button', { type: 'button', className }), f),
    live,
    rerender() {
      for (const apply of applies) apply();
    },
    setStrings(next) {
      s = next;
      for (const apply of applies) apply();
    },
  };
}
