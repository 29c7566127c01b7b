/**
 * The find card (the toolbar's Find, or the / key): type a medicine's name
 * or SKU, a bin's code or a robot's number; the results are buttons (Tab
 * reaches them, Enter chooses). A medicine chosen can be stepped through
 * bin by bin. A card, not a toolbar field, so a phone's toolbar stays small.
 */
import { el, subscribe, type Texts } from './dom';

/** One result, worded by the app. */
export interface FindResult {
  label: string;
}

export function createFindBox(t: Texts) {
  const input = el('input', { type: 'search', id: 'find-input', autocomplete: 'off', spellcheck: false });
  t.text(input, (s) => s.find.placeholder, 'placeholder');
  const label = t.text(el('label', { htmlFor: input.id, className: 'visually-hidden' }), (s) => s.find.label);
  const results = el('ul', { className: 'find-results', hidden: true });
  t.text(results, (s) => s.find.results, 'aria-label');
  const status = el('p', { className: 'visually-hidden' });
  status.setAttribute('role', 'status');
  const stepText = el('span');
  const previous = t.button((s) => s.find.previous);
  const next = t.button((s) => s.find.next);
  const stepper = el('div', { className: 'find-step', hidden: true }, [previous, stepText, next]);
  const form = el('form', { className: 'find' }, [label, input, results, stepper, status]);
  form.setAttribute('role', 'search');
  const close = t.button((s) => s.close);
  const title = t.text(el('h2', { id: 'find-title' }), (s) => s.find.label);
  const section = el('section', { className: 'card find-card', hidden: true }, [title, form, el('div', { className: 'actions' }, [close])]);
  section.setAttribute('aria-labelledby', title.id);
  close.addEventListener('click', () => {
    section.hidden = true;
  });
  const queries: Array<(text: string) => void> = [];
  const chosen: Array<(index: number) => void> = [];
  const steps: Array<(delta: number) => void> = [];
  form.addEventListener('submit', (e) => {
    // Enter in the box chooses the first result.
    e.preventDefault();
    if (!results.hidden && results.firstElementChild) for (const h of chosen) h(0);
  });
  input.addEventListener('input', () => {
    for (const h of queries) h(input.value);
  });
  previous.addEventListener('click', () => {
    for (const h of steps) h(-1);
  });
  next.addEventListener('click', () => {
    for (const h of steps) h(1);
  });
  return {
    section,
    /** Opens the card (or closes it) with the field focused. */
    toggle() {
      section.hidden = !section.hidden;
      if (!section.hidden) input.focus();
    },
    /** Shows the results of the text typed (none: says so; null: hides the list). */
    showResults(items: readonly FindResult[] | null) {
      results.hidden = items === null;
      results.replaceChildren(
        ...(items ?? []).map((item, i) => {
          const b = el('button', { type: 'button', textContent: item.label });
          b.addEventListener('click', () => {
            for (const h of chosen) h(i);
          });
          return el('li', {}, [b]);
        }),
      );
      status.textContent = items === null ? '' : items.length === 0 ? t.strings.find.none : t.strings.find.found(items.length);
    },
    /** Shows "bin i of n" with Previous and Next, or hides them with null. */
    showStep(step: { at: number; of: number } | null) {
      stepper.hidden = step === null;
      if (step) stepText.textContent = t.strings.find.step(step.at + 1, step.of);
    },
    onQuery: (handler: (text: string) => void) => subscribe(queries, handler),
    onChoose: (handler: (index: number) => void) => subscribe(chosen, handler),
    onStep: (handler: (delta: number) => void) => subscribe(steps, handler),
  };
}
