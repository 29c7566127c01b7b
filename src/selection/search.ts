/**
 * Find: a medicine by name or SKU, a bin by its code, or a robot by its
 * number, from what the person types, tolerant of case, accents, spacing,
 * punctuation and one slip of the finger in a word. Pure: the twin's plain
 * data in, ranked results out.
 */
import { skuName } from '../layout/schema';
import { canStandAt, cellCentre, type WarehouseGeometry } from '../layout/geometry';

/** One thing found. A medicine lists every bin that holds it, to step through. */
export type Found =
  { kind: 'medicine'; sku: number; name: string; id: string; bins: number[] } | { kind: 'bin'; index: number; code: string } | { kind: 'robot'; id: number };

/** Lower case, without accents, with every run of other characters one space. */
export function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `a` and `b` are at most one edit apart (a letter added, dropped, changed, or two swapped). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    return swapped || a.slice(i + 1) === b.slice(i + 1);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

/**
 * How well the query's words match a text's words, 0 (not at all) to 1: every query word must
 * begin a word of the text, or (from four letters on) be one slip from one of its beginnings.
 */
export function matchScore(query: string, text: string): number {
  const q = normalise(query).split(' ').filter(Boolean);
  const words = normalise(text).split(' ').filter(Boolean);
  if (q.length === 0 || words.length === 0) return 0;
  let score = 0;
  for (const part of q) {
    let best = 0;
    for (const w of words) {
      if (w === part) best = Math.max(best, 1);
      else if (w.startsWith(part)) best = Math.max(best, 0.8);
      else if (part.length >= 4 && withinOneEdit(part, w.slice(0, part.length))) best = Math.max(best, 0.5);
      else if (part.length >= 4 && withinOneEdit(part, w)) best = Math.max(best, 0.5);
    }
    if (best === 0) return 0;
    score += best;
  }
  return score / q.length;
}

/** A bin's code, e.g. "R3-E-U2-L1-S3": row, side (West or East), unit, level, slot. */
export function binCode(g: WarehouseGeometry, index: number): string | null {
  const b = g.bins[index];
  return b ? `R${b.row + 1}-${b.side < 0 ? 'W' : 'E'}-U${b.unit + 1}-L${b.level + 1}-S${b.slot + 1}` : null;
}

/** Words a robot's number may come after (English and Chinese). */
const ROBOT_WORDS = /^(?:robot|bot|r|#|机器人)?\s*#?\s*(\d{1,4})$/u;
/** A bin code, loosely: dashes and spaces optional, any case. */
const BIN_CODE = /^r\s*-?\s*(\d{1,3})\s*-?\s*([we])\s*-?\s*u\s*-?\s*(\d{1,3})\s*-?\s*l\s*-?\s*(\d{1,2})\s*-?\s*s\s*-?\s*(\d{1,2})$/;

/** What `query` finds in the twin, best first, at most `limit`. */
export function search(query: string, g: WarehouseGeometry, robotCount: number, lang = 'en', limit = 8): Found[] {
  const raw = query.trim();
  if (raw.length === 0) return [];
  const out: Array<{ found: Found; score: number }> = [];
  // A robot by its number.
  const robot = ROBOT_WORDS.exec(raw.toLowerCase());
  const n = robot?.[1] ? Number(robot[1]) : NaN;
  if (n >= 1 && n <= robotCount) out.push({ found: { kind: 'robot', id: n - 1 }, score: 2 });
  // A bin by its code.
  const code = BIN_CODE.exec(raw.toLowerCase());
  if (code) {
    const [row, side, unit, level, slot] = [Number(code[1]) - 1, code[2] === 'w' ? -1 : 1, Number(code[3]) - 1, Number(code[4]) - 1, Number(code[5]) - 1];
    const index = g.bins.findIndex((b) => b.row === row && b.side === side && b.unit === unit && b.level === level && b.slot === slot);
    const found = binCode(g, index);
    if (found) out.push({ found: { kind: 'bin', index, code: found }, score: 2 });
  }
  // A medicine by its name or SKU id.
  g.layout.skus.forEach((sku, i) => {
    // Any of its names finds it: a Chinese name in the English UI too.
    const score = Math.max(matchScore(raw, sku.id.replace(/[-_]/g, ' ')), ...[sku.name, ...Object.values(sku.names ?? {})].map((n) => matchScore(raw, n)));
    if (score === 0) return;
    const bins: number[] = [];
    g.bins.forEach((b, index) => {
      if (b.sku === i) bins.push(index);
    });
    out.push({ found: { kind: 'medicine', sku: i, name: skuName(sku, lang), id: sku.id, bins }, score });
  });
  return out
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((r) => r.found);
}

/** Where to stand to look at what was found: a walkable floor point and the heading that faces it. */
export interface Standpoint {
  xM: number;
  zM: number;
  /** Heading, yaw 0 along +z. */
  yawRad: number;
  /** What is looked at: its height and its distance along the floor, in metres (for the pitch from any eye height). */
  targetYM: number;
  distanceM: number;
}

/** Distances from a robot to try standing at, in metres, and headings around it. */
const ROBOT_DISTANCES_M = [1.5, 2.5, 3.5];
/** The height a robot is looked at, in metres (its body's middle). */
const ROBOT_LOOK_AT_M = 0.7;
const AROUND = 12;

/**
 * A standpoint facing a bin (in the aisle it is picked from) or a robot (a metre and a half from it,
 * wherever the floor is walkable), or null when there is no such spot.
 */
export function standpointFor(g: WarehouseGeometry, target: { kind: 'bin'; index: number } | { kind: 'robot'; xM: number; zM: number }): Standpoint | null {
  const facing = (x: number, z: number, tx: number, ty: number, tz: number): Standpoint => ({
    xM: x,
    zM: z,
    yawRad: Math.atan2(tx - x, tz - z),
    targetYM: ty,
    distanceM: Math.hypot(tx - x, tz - z),
  });
  if (target.kind === 'bin') {
    const b = g.bins[target.index];
    if (!b) return null;
    const at = cellCentre(g, b.pickCell);
    const y = b.yM + g.layout.racks.levelHeightM / 2;
    // As far back across the aisle as the floor allows (the whole shelf in view), else where the robots stand.
    for (const back of [1.1, 0.8, 0.5, 0.2, 0]) {
      const x = at.xM + b.side * back;
      if (canStandAt(g, x, at.zM)) return facing(x, at.zM, b.xM, y, b.zM);
    }
    return null;
  }
  for (const d of ROBOT_DISTANCES_M) {
    for (let i = 0; i < AROUND; i++) {
      const a = (i / AROUND) * 2 * Math.PI;
      const x = target.xM + Math.sin(a) * d;
      const z = target.zM - Math.cos(a) * d;
      if (canStandAt(g, x, z)) return facing(x, z, target.xM, ROBOT_LOOK_AT_M, target.zM);
    }
  }
  return null;
}
