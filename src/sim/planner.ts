/**
 * Collision-free path planning on the aisle grid: cooperative A* in space
 * and time. Each robot reserves the (cell, slot) pairs of its path and then
 * holds its final cell until it plans again; robots that plan later route
 * around both. Guarantees: no two robots in one cell in one slot, and no
 * two robots swapping cells head-on between slots.
 */

/** The grid the planner searches. */
export interface PlannerGrid {
  cols: number;
  rows: number;
  /** 1 where a cell can never be entered. */
  blocked: Uint8Array;
}

/** Who holds which cell when: shared by all robots of one simulation. */
export interface Reservations {
  readonly cellCount: number;
  /** key = slot * cellCount + cell → robot id. */
  readonly timed: Map<number, number>;
  /** Robot holding a cell from `holdFrom` on, indefinitely, or -1. */
  readonly holder: Int32Array;
  readonly holdFrom: Float64Array;
}

/** Creates empty reservations for a grid of `cellCount` cells. */
export function createReservations(cellCount: number): Reservations {
  return { cellCount, timed: new Map(), holder: new Int32Array(cellCount).fill(-1), holdFrom: new Float64Array(cellCount) };
}

const key = (r: Reservations, cell: number, slot: number) => slot * r.cellCount + cell;

/** Whether `robot` may be in `cell` during `slot`. */
export function isFree(r: Reservations, cell: number, slot: number, robot: number): boolean {
  const t = r.timed.get(key(r, cell, slot));
  if (t !== undefined && t !== robot) return false;
  const h = r.holder[cell] ?? -1;
  return h === -1 || h === robot || (r.holdFrom[cell] ?? 0) > slot;
}

/** Holds a cell for a robot from `slot` on. */
export function hold(r: Reservations, cell: number, slot: number, robot: number): void {
  r.holder[cell] = robot;
  r.holdFrom[cell] = slot;
}

/** Releases a robot's hold on a cell (if it has it). */
export function releaseHold(r: Reservations, cell: number, robot: number): void {
  if (r.holder[cell] === robot) r.holder[cell] = -1;
}

/** Reserves a path (cells per slot from `slot0`) and holds its last cell; returns the keys for `releasePath`. */
export function reservePath(r: Reservations, path: readonly number[], slot0: number, robot: number): number[] {
  const keys = path.map((cell, i) => key(r, cell, slot0 + i));
  for (const k of keys) r.timed.set(k, robot);
  const last = path.at(-1);
  if (last !== undefined) hold(r, last, slot0 + path.length - 1, robot);
  return keys;
}

/** Removes a robot's timed reservations. */
export function releasePath(r: Reservations, keys: readonly number[], robot: number): void {
  for (const k of keys) if (r.timed.get(k) === robot) r.timed.delete(k);
}

/** Search limits. */
export interface PlanOptions {
  /** Most states expanded before giving up (the robot waits and retries). @default 6000 */
  maxExpansions: number;
  /** Slots of reservations that may lie beyond the arrival, checked when ending at the goal. @default 400 */
  lookaheadSlots: number;
}

const DEFAULT_PLAN: PlanOptions = { maxExpansions: 6000, lookaheadSlots: 400 };
/** A search's budget: this many expansions, and this many more a step of its static distance (at most `maxExpansions`). */
const EXPANSIONS_BASE = 400;
const EXPANSIONS_PER_STEP = 30;

/** Swaps two entries of an array (both indices in range). */
function swapIn(xs: number[], a: number, b: number): void {
  const t = xs[a] ?? 0;
  xs[a] = xs[b] ?? 0;
  xs[b] = t;
}

/** A min-heap of states ordered by f, then by h (prefers states nearer the goal). */
class Heap {
  private f: number[] = [];
  private h: number[] = [];
  private id: number[] = [];
  get size() {
    return this.id.length;
  }
  push(f: number, h: number, id: number) {
    this.f.push(f);
    this.h.push(h);
    this.id.push(id);
    let i = this.id.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): number {
    const top = this.id[0] ?? -1;
    const last = this.id.length - 1;
    this.swap(0, last);
    this.f.pop();
    this.h.pop();
    this.id.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.id.length && this.less(l, m)) m = l;
      if (r < this.id.length && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
  private less(a: number, b: number) {
    const fa = this.f[a] ?? Infinity;
    const fb = this.f[b] ?? Infinity;
    return fa < fb || (fa === fb && (this.h[a] ?? Infinity) < (this.h[b] ?? Infinity));
  }
  private swap(a: number, b: number) {
    swapIn(this.f, a, b);
    swapIn(this.h, a, b);
    swapIn(this.id, a, b);
  }
}

/** Steps from every cell to a goal over the grid's open cells (4-connected), or -1 where it cannot be reached. */
const UNREACHABLE = 0xffff;
/** Distance fields by grid and goal, the most recent kept (a field is 2 bytes a cell: 13 KB for the large layout). */
const fields = new WeakMap<Uint8Array, Map<number, Uint16Array>>();
const FIELDS_KEPT = 256;

/**
 * The static distance to `goal` from every cell (breadth first over open cells; `UNREACHABLE` where none):
 * A*'s heuristic. Exact where no robot is in the way, so the search goes straight for the goal and only
 * explores around robots; cells that cannot reach the goal at all are never expanded.
 */
export function distanceField(grid: PlannerGrid, goal: number): Uint16Array {
  let byGoal = fields.get(grid.blocked);
  if (!byGoal) fields.set(grid.blocked, (byGoal = new Map<number, Uint16Array>()));
  const kept = byGoal.get(goal);
  if (kept) {
    // Most recently used last: the oldest is the first to go.
    byGoal.delete(goal);
    byGoal.set(goal, kept);
    return kept;
  }
  const { cols, rows, blocked } = grid;
  const n = cols * rows;
  const dist = new Uint16Array(n).fill(UNREACHABLE);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  dist[goal] = 0;
  queue[tail++] = goal;
  while (head < tail) {
    const cell = queue[head++] ?? 0;
    const d = (dist[cell] ?? 0) + 1;
    const c = cell % cols;
    for (const nb of [c > 0 ? cell - 1 : -1, c < cols - 1 ? cell + 1 : -1, cell - cols, cell + cols]) {
      if (nb < 0 || nb >= n || blocked[nb] || dist[nb] !== UNREACHABLE) continue;
      dist[nb] = d;
      queue[tail++] = nb;
    }
  }
  byGoal.set(goal, dist);
  if (byGoal.size > FIELDS_KEPT) byGoal.delete(byGoal.keys().next().value ?? goal);
  return dist;
}

/**
 * Plans `robot` from `start` at `slot0` to `goal`: the cells it occupies in
 * each slot from `slot0` (the first is `start`), or null when no path is
 * found within the limits. Moves are 4-connected or waiting in place.
 */
export function planPath(
  grid: PlannerGrid,
  res: Reservations,
  robot: number,
  start: number,
  slot0: number,
  goal: number,
  options: PlanOptions = DEFAULT_PLAN,
): number[] | null {
  const { cols, rows, blocked } = grid;
  const n = cols * rows;
  if (goal < 0 || goal >= n || blocked[goal]) return null;
  // A goal someone else holds can never be ended in: fail at once rather
  // than search the whole space-time volume to find that out.
  const goalHolder = res.holder[goal] ?? -1;
  if (goalHolder !== -1 && goalHolder !== robot) return null;
  const dist = distanceField(grid, goal);
  // A start inside a blocked cell (a robot at a station) steps out to its nearest open neighbour.
  const startC = start % cols;
  const startH = Math.min(
    dist[start] ?? UNREACHABLE,
    ...[startC > 0 ? start - 1 : -1, startC < cols - 1 ? start + 1 : -1, start - cols, start + cols].map((nb) =>
      nb >= 0 && nb < n ? (dist[nb] ?? UNREACHABLE) + 1 : UNREACHABLE,
    ),
  );
  if (startH >= UNREACHABLE) return null;
  const hOf = (cell: number) => (cell === start ? startH : (dist[cell] ?? UNREACHABLE));
  // State ids: index into parallel arrays (cell, slot, parent).
  const cellOf: number[] = [start];
  const slotOf: number[] = [slot0];
  const parent: number[] = [-1];
  const seen = new Set<number>([key(res, start, slot0)]);
  const open = new Heap();
  open.push(hOf(start), hOf(start), 0);
  const maxSlot = slot0 + hOf(start) * 3 + 60;
  let expansions = 0;
  // With an exact static heuristic a path around a few robots costs a few expansions a step: a search far
  // past that is stuck behind a jam, and gives up sooner (the robot waits and retries) than a fixed budget would.
  const budget = Math.min(options.maxExpansions, EXPANSIONS_BASE + EXPANSIONS_PER_STEP * startH);
  while (open.size > 0 && expansions++ < budget) {
    const s = open.pop();
    const cell = cellOf[s] ?? start;
    const slot = slotOf[s] ?? slot0;
    if (cell === goal && canStayForever(res, goal, slot, robot, options.lookaheadSlots)) {
      const path: number[] = [];
      for (let p = s; p !== -1; p = parent[p] ?? -1) path.push(cellOf[p] ?? start);
      return path.reverse();
    }
    if (slot >= maxSlot) continue;
    const c = cell % cols;
    const next = slot + 1;
    // Wait, left, right, up, down (no array per expansion: this loop is the simulation's hottest).
    for (let dir = 0; dir < 5; dir++) {
      const nb = dir === 0 ? cell : dir === 1 ? (c > 0 ? cell - 1 : -1) : dir === 2 ? (c < cols - 1 ? cell + 1 : -1) : dir === 3 ? cell - cols : cell + cols;
      // Seen first: the cheapest test that rules a state out.
      const k = key(res, nb, next);
      if (seen.has(k)) continue;
      // Open cells that can reach the goal (and the start itself, which a robot may stand in).
      if (nb < 0 || nb >= n || (blocked[nb] && nb !== start) || (nb !== start && dist[nb] === UNREACHABLE)) continue;
      if (!isFree(res, nb, next, robot)) continue;
      if (nb !== cell) {
        // No head-on swap: someone in nb now who will be in our cell next.
        const other = res.timed.get(key(res, nb, slot));
        if (other !== undefined && other !== robot && res.timed.get(key(res, cell, next)) === other) continue;
      }
      seen.add(k);
      const h = hOf(nb);
      cellOf.push(nb);
      slotOf.push(next);
      parent.push(s);
      open.push(next - slot0 + h, h, cellOf.length - 1);
    }
  }
  return null;
}

/** Whether the robot may stay in `cell` from `slot` on: nobody else has it reserved or held later. */
function canStayForever(res: Reservations, cell: number, slot: number, robot: number, lookahead: number): boolean {
  const h = res.holder[cell] ?? -1;
  if (h !== -1 && h !== robot) return false;
  for (let t = slot + 1; t <= slot + lookahead; t++) {
    const o = res.timed.get(key(res, cell, t));
    if (o !== undefined && o !== robot) return false;
  }
  return true;
}
