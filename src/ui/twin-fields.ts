/**
 * The Settings panel's "The warehouse" fields: the congestion overlay (a
 * setting, kept) and the what-if (this visit's experiment: the order rate and
 * the robot count, within the layout's limits). The app applies a what-if
 * and the fields reflect what is in effect.
 */
import type { Settings } from '../settings/settings';
import { ORDER_RATES, type WhatIf } from '../sim/what-if';
import { el, subscribe, type Texts } from './dom';

/** What the what-if fields show: the what-if in effect and the layout's limits; `inRoom` turns them off. */
export interface WhatIfView {
  whatIf: WhatIf;
  min: number;
  max: number;
  /** The layout's own robot count. */
  own: number;
  inRoom: boolean;
}

export interface TwinFields {
  readonly fieldset: HTMLFieldSetElement;
  reflect(x: Settings): void;
  showWhatIf(view: WhatIfView): void;
  onWhatIf(handler: (w: WhatIf) => void): () => void;
}

export function createTwinFields(t: Texts, emit: (change: (x: Settings) => Settings) => void, id: () => string): TwinFields {
  const handlers: Array<(w: WhatIf) => void> = [];
  const row = (control: HTMLInputElement | HTMLSelectElement, label: (s: Texts['strings']) => string, check = false) => {
    control.id = id();
    const l = t.text(el('label', { htmlFor: control.id }), label);
    return el('div', { className: check ? 'row check' : 'row' }, check ? [control, l] : [l, control]);
  };
  const congestion = el('input', { type: 'checkbox' });
  congestion.addEventListener('change', () => emit((x) => ({ ...x, congestion: congestion.checked })));
  const rate = el('select');
  for (const r of ORDER_RATES) rate.append(t.text(el('option', { value: String(r) }), (s) => s.settings.orderRates(r)));
  const robots = el('input', { type: 'number', step: '1', inputMode: 'numeric' });
  const range = el('p', { className: 'hint' });
  let view: WhatIfView | null = null;
  const send = () => {
    if (!view) return;
    const n = Number(robots.value);
    // An empty or unreadable count keeps the one in effect; the app brings any number within the limits.
    const count = robots.value.trim() === '' || !Number.isFinite(n) ? view.whatIf.robots : n;
    for (const h of handlers) h({ orderRate: Number(rate.value), robots: count === view.own ? null : count });
  };
  rate.addEventListener('change', send);
  robots.addEventListener('change', send);
  t.live((s) => {
    range.textContent = !view ? '' : view.inRoom ? s.settings.whatIfInRoom : s.settings.robotsRange(view.min, view.max, view.own);
  });
  const fieldset = el('fieldset', {}, [
    t.text(el('legend'), (s) => s.settings.twin),
    row(congestion, (s) => s.settings.congestion, true),
    row(rate, (s) => s.settings.orderRate),
    row(robots, (s) => s.settings.robots),
    range,
  ]);
  return {
    fieldset,
    reflect(x) {
      congestion.checked = x.congestion;
    },
    showWhatIf(v) {
      view = v;
      rate.value = String(v.whatIf.orderRate);
      robots.min = String(v.min);
      robots.max = String(v.max);
      robots.value = String(v.whatIf.robots ?? v.own);
      rate.disabled = robots.disabled = v.inRoom;
      t.rerender();
    },
    onWhatIf: (h) => subscribe(handlers, h),
  };
}
