/**
 * The card shown for a selected target: a title and a few lines, from the
 * simulation's plain state, in the person's language. The same text on
 * every terminal.
 */
import { CELL_M, cellCentre } from '../layout/geometry';
import { currentKpis, robotCellAt, slotOfTick, type Robot, type Simulation } from '../sim/simulation';
import type { Target } from './pick';
import { binCode } from './search';
import { skuName } from '../layout/schema';
import type { CardStrings } from '../ui/strings';

/** A card's content. */
export interface Card {
  title: string;
  lines: string[];
}

/** Whether two cards say the same words. */
export const sameCard = (a: Card, b: Card): boolean => a.title === b.title && a.lines.length === b.lines.length && a.lines.every((l, i) => l === b.lines[i]);

/** A bin's short name, e.g. "R3-E-U2-L1-S3" (`binCode`), or a dash for none. */
export function binName(sim: Simulation, index: number): string {
  return binCode(sim.geometry, index) ?? '—';
}

/** The bin of the order line a robot works on now (the last one once all are picked). */
const currentLine = (o: NonNullable<Robot['order']>): number => o.lines[Math.min(o.picked, o.lines.length - 1)] ?? -1;

function task(sim: Simulation, r: Robot, t: CardStrings): string {
  const o = r.order;
  const line = o ? t.orderLine(o.id, Math.min(o.picked + 1, o.lines.length), o.lines.length) : '';
  const bin = o ? sim.geometry.bins[currentLine(o)] : undefined;
  const entry = bin ? sim.geometry.layout.skus[bin.sku] : undefined;
  const sku = entry ? skuName(entry, t.lang) : '';
  switch (r.state) {
    case 'idle':
      return r.battery < 1 ? t.states.charging : t.states.idle;
    case 'to-bin':
      return t.states['to-bin'](sku, line);
    case 'picking':
      return t.states.picking(sku, line);
    case 'to-station':
      return t.states['to-station'](o?.id ?? 0);
    case 'dropping':
      return t.states.dropping(o?.id ?? 0);
    case 'to-home':
      return t.states['to-home'];
    case 'waiting':
      return t.states.waiting;
  }
}

/** The card for a target, in the language of `t`. */
export function describeTarget(sim: Simulation, target: Target, t: CardStrings): Card {
  switch (target.kind) {
    case 'robot': {
      const r = sim.robots[target.id];
      if (!r) return { title: t.robot(target.id + 1), lines: [] };
      const slot = slotOfTick(sim, sim.tick);
      const remaining = Math.max(0, r.pathSlot0 + r.path.length - 1 - slot);
      const goal =
        (r.state === 'to-bin' || r.state === 'picking') && r.order
          ? t.goalBin(binName(sim, currentLine(r.order)))
          : r.state === 'to-station'
            ? t.packing
            : t.home;
      const here = cellCentre(sim.geometry, robotCellAt(r, slot));
      const at = r.state === 'idle' ? t.atHome : r.state === 'picking' ? t.atGoal(goal) : r.state === 'dropping' ? t.atGoal(t.packing) : t.stopped;
      return {
        title: t.robot(r.id + 1),
        lines: [
          t.task(task(sim, r, t)),
          remaining > 0 ? t.routeTo((remaining * CELL_M).toFixed(1), goal) : t.routeAt(at, here.xM.toFixed(1), here.zM.toFixed(1)),
          t.battery(Math.round(r.battery * 100)),
        ],
      };
    }
    case 'bin': {
      const b = sim.geometry.bins[target.index];
      const sku = b && sim.geometry.layout.skus[b.sku];
      if (!sku) return { title: t.bin(binName(sim, target.index)), lines: [] };
      const waiting = sim.queue.filter((o) => o.lines.includes(target.index)).length;
      return {
        title: t.bin(binName(sim, target.index)),
        lines: [t.stock(sim.geometry.layout.itemsPerBin, skuName(sku, t.lang)), t.sku(sku.id), t.queued(waiting)],
      };
    }
    case 'board': {
      const k = currentKpis(sim);
      const h = sim.history;
      const [first, last] = [h[0], h.at(-1)];
      return {
        title: t.board,
        lines: [
          t.ordersPerHour(Math.round(k.ordersPerHour)),
          t.fulfilment(Math.round(k.meanFulfilmentS)),
          t.utilisation(Math.round(k.utilisation * 100)),
          t.backlog(k.backlog, sim.completedOrders),
          first && last && h.length > 1 ? t.trend(Math.round(first.ordersPerHour), Math.round(last.ordersPerHour), h.length) : t.collecting,
        ],
      };
    }
    case 'floor':
      return { title: t.floor, lines: [t.floorAt(target.xM.toFixed(1), target.zM.toFixed(1))] };
  }
}
