/**
 * The card shown for a selected target: a title and a few lines, from the
 * simulation's plain state. The same text on every terminal.
 */
import { CELL_M, cellCentre } from '../layout/geometry';
import { currentKpis, robotCellAt, slotOfTick, type Robot, type Simulation } from '../sim/simulation';
import type { Target } from './pick';

/** A card's content. */
export interface Card {
  title: string;
  lines: string[];
}

const SIDE = { '-1': 'west', '1': 'east' } as const;

/** A bin's short name, e.g. "R3-E-U2-L1-S3". */
export function binName(sim: Simulation, index: number): string {
  const b = sim.geometry.bins[index]!;
  return `R${b.row + 1}-${SIDE[b.side][0]!.toUpperCase()}-U${b.unit + 1}-L${b.level + 1}-S${b.slot + 1}`;
}

function task(sim: Simulation, r: Robot): string {
  const o = r.order;
  const line = o ? `order #${o.id}, line ${Math.min(o.picked + 1, o.lines.length)} of ${o.lines.length}` : '';
  const sku = o ? sim.geometry.layout.skus[sim.geometry.bins[o.lines[Math.min(o.picked, o.lines.length - 1)]!]!.sku]!.name : '';
  switch (r.state) {
    case 'idle':
      return r.battery < 1 ? 'Charging at home' : 'Idle at home, ready';
    case 'to-bin':
      return `Driving to pick ${sku} (${line})`;
    case 'picking':
      return `Picking ${sku} (${line})`;
    case 'to-station':
      return `Carrying order #${o?.id} to packing`;
    case 'dropping':
      return `Handing over order #${o?.id} at packing`;
    case 'to-home':
      return 'Returning home';
    case 'waiting':
      return 'Waiting for a clear path';
  }
}

/** The card for a target. */
export function describeTarget(sim: Simulation, target: Target): Card {
  switch (target.kind) {
    case 'robot': {
      const r = sim.robots[target.id]!;
      const slot = slotOfTick(sim, sim.tick);
      const remaining = Math.max(0, r.pathSlot0 + r.path.length - 1 - slot);
      const goal =
        (r.state === 'to-bin' || r.state === 'picking') && r.order
          ? `bin ${binName(sim, r.order.lines[Math.min(r.order.picked, r.order.lines.length - 1)]!)}`
          : r.state === 'to-station'
            ? 'packing'
            : 'home';
      const here = cellCentre(sim.geometry, robotCellAt(r, slot));
      const at = r.state === 'idle' ? 'at home, on its charging pad' : r.state === 'picking' ? `at ${goal}` : r.state === 'dropping' ? 'at packing' : 'stopped';
      return {
        title: `Robot ${r.id + 1}`,
        lines: [
          `Task: ${task(sim, r)}`,
          remaining > 0 ? `Route: ${(remaining * CELL_M).toFixed(1)} m to ${goal}` : `Route: ${at} (x ${here.xM.toFixed(1)} m, z ${here.zM.toFixed(1)} m)`,
          `Battery: ${Math.round(r.battery * 100)} %`,
        ],
      };
    }
    case 'bin': {
      const b = sim.geometry.bins[target.index]!;
      const sku = sim.geometry.layout.skus[b.sku]!;
      const waiting = sim.queue.filter((o) => o.lines.includes(target.index)).length;
      return {
        title: `Bin ${binName(sim, target.index)}`,
        lines: [`Stock: ${sim.geometry.layout.itemsPerBin} × ${sku.name}`, `SKU: ${sku.id}`, `Queued orders needing it: ${waiting}`],
      };
    }
    case 'board': {
      const k = currentKpis(sim);
      const h = sim.history;
      const trend = h.length > 1 ? `${Math.round(h[0]!.ordersPerHour)} → ${Math.round(h[h.length - 1]!.ordersPerHour)} orders/h over ${h.length} min` : 'Collecting: one point per simulated minute';
      return {
        title: 'Order board',
        lines: [
          `Orders per hour: ${Math.round(k.ordersPerHour)}`,
          `Mean fulfilment: ${Math.round(k.meanFulfilmentS)} s`,
          `Robot utilisation: ${Math.round(k.utilisation * 100)} %`,
          `Backlog: ${k.backlog} · completed: ${sim.completedOrders}`,
          `Trend: ${trend}`,
        ],
      };
    }
    case 'floor':
      return { title: 'Floor', lines: [`x ${target.xM.toFixed(1)} m, z ${target.zM.toFixed(1)} m`] };
  }
}
