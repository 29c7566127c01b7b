/**
 * The Settings panel's "Layouts on this device" fields: each kept layout with
 * Show and Forget, and a way back to the standard layout. The app keeps the
 * list (`layout/kept.ts`); this shows it and reports what the person chose.
 */
import { el, subscribe, type Texts } from './dom';

/** What the fields show. */
export interface KeptView {
  layouts: ReadonlyArray<{ id: string; name: string; source: string }>;
  /** The one shown at the next start (null: the standard layout). */
  current: string | null;
}

export type KeptAction = { kind: 'show'; id: string } | { kind: 'forget'; id: string } | { kind: 'standard' };

export interface KeptFields {
  readonly fieldset: HTMLFieldSetElement;
  show(view: KeptView): void;
  onAction(handler: (a: KeptAction) => void): () => void;
}

export function createKeptFields(t: Texts): KeptFields {
  const handlers: Array<(a: KeptAction) => void> = [];
  const emit = (a: KeptAction) => {
    for (const h of handlers) h(a);
  };
  const list = el('ul', { className: 'kept' });
  t.text(list, (s) => s.kept.title, 'aria-label');
  const empty = t.text(el('p', { className: 'hint' }), (s) => s.kept.none);
  const standard = t.button((s) => s.kept.standard);
  standard.addEventListener('click', () => emit({ kind: 'standard' }));
  let view: KeptView = { layouts: [], current: null };
  t.live((s) => {
    empty.hidden = view.layouts.length > 0;
    list.replaceChildren(
      ...view.layouts.map((l) => {
        const showButton = el('button', { type: 'button', textContent: s.kept.show });
        showButton.setAttribute('aria-label', s.kept.showNamed(l.name));
        showButton.addEventListener('click', () => emit({ kind: 'show', id: l.id }));
        const forgetButton = el('button', { type: 'button', textContent: s.kept.forget });
        forgetButton.setAttribute('aria-label', s.kept.forgetNamed(l.name));
        forgetButton.addEventListener('click', () => emit({ kind: 'forget', id: l.id }));
        const label = el('span', { textContent: l.id === view.current ? s.kept.atStart(l.name) : l.name, title: l.source });
        return el('li', {}, [label, showButton, forgetButton]);
      }),
    );
  });
  const fieldset = el('fieldset', {}, [t.text(el('legend'), (s) => s.kept.title), list, empty, standard]);
  return {
    fieldset,
    show(v) {
      view = v;
      t.rerender();
    },
    onAction: (h) => subscribe(handlers, h),
  };
}
