/**
 * A pack to take in a test: a bin at chest height in the standard layout, its front pack, and a view
 * link that stands the viewer in the aisle looking straight at that pack (paused, so no robot drives
 * between). From the app's own pure geometry, as the stock draws it.
 */
import { readFileSync } from 'node:fs';
import { createGeometry } from '../../src/layout/geometry';
import type { Layout } from '../../src/layout/schema';
import { skuName } from '../../src/layout/schema';
import { packPlace, type PackPlace } from '../../src/layout/stock';
import { standpointFor } from '../../src/selection/search';

/** The 2D view's eye height, in metres (src/flat/camera-rig.ts). */
const EYE_M = 1.7;

export interface PackInView {
  bin: number;
  n: number;
  pack: PackPlace;
  /** Where the viewer stands (m) and faces (rad), looking at the pack. */
  stand: { xM: number; zM: number; yawRad: number };
  /** A view link (hash) to that standpoint, looking at the pack's centre, paused. */
  hash: string;
  /** The medicine's name in English and in Chinese. */
  name: { en: string; zh: string };
}

export function packInView(): PackInView {
  const layout = JSON.parse(readFileSync('assets/layouts/default.json', 'utf8')) as Layout;
  const g = createGeometry(layout);
  const bin = g.bins.findIndex((b) => b.row === 1 && b.unit === 1 && b.level === 2 && b.slot === 1 && b.side === -1);
  const n = 0;
  const pack = packPlace(g, bin, n)!;
  const s = standpointFor(g, { kind: 'bin', index: bin })!;
  const yawRad = Math.atan2(pack.x - s.xM, pack.z - s.zM);
  const pitchRad = Math.atan2(pack.y - EYE_M, Math.hypot(pack.x - s.xM, pack.z - s.zM));
  const deg = (rad: number) => ((rad * 180) / Math.PI).toFixed(2);
  const sku = layout.skus[g.bins[bin]!.sku]!;
  return {
    bin,
    n,
    pack,
    stand: { xM: s.xM, zM: s.zM, yawRad },
    hash: `#at=${s.xM.toFixed(3)},${s.zM.toFixed(3)},${deg(yawRad)},${deg(pitchRad)}&paused`,
    name: { en: skuName(sku, 'en'), zh: skuName(sku, 'zh-CN') },
  };
}

/** The angle between two orientations (unit quaternions), in degrees. */
export function quatAngleDeg(a: readonly number[], b: readonly number[]): number {
  const dot = Math.abs(a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0));
  return (2 * Math.acos(Math.min(1, dot)) * 180) / Math.PI;
}
