import { describe, expect, it } from 'vitest';
import { createGeometry } from '../../src/layout/geometry';
import { createReservations, distanceField, hold, planPath, reservePath } from '../../src/sim/planner';
import { loadLayout } from './support';

const open = (cols: number, rows: number) => ({ cols, rows, blocked: new Uint8Array(cols * rows) });

describe('distanceField: the search’s heuristic', () => {
  it('is the number of steps around walls to the goal, and unreachable behind them', () => {
    // 5 × 3 with a wall down column 2 but for its bottom cell; cell 4 (top right) closed in by walls.
    //  0  1 [2]  3  4
    //  5  6 [7] [8][9]
    // 10 11 12 13 14
    const blocked = new Uint8Array(15);
    for (const c of [2, 7, 8, 9]) blocked[c] = 1;
    blocked[3] = 1;
    const d = distanceField({ cols: 5, rows: 3, blocked }, 0);
    expect(d[1]).toBe(1);
    // Down and round the wall's foot: 0 → 5 → 10 → 11 → 12 → 13 → 14.
    expect(d[14]).toBe(6);
    expect(d[12]).toBe(4);
    expect(d[4]).toBe(0xffff);
    expect(d[2]).toBe(0xffff);
  });
  it('is kept for the next search to the same goal', () => {
    const grid = open(4, 4);
    expect(distanceField(grid, 5)).toBe(distanceField(grid, 5));
  });
});

describe('planPath', () => {
  it('finds a shortest path on an empty grid', () => {
    const grid = open(5, 5);
    const path = planPath(grid, createReservations(25), 0, 0, 0, 24)!;
    expect(path[0]).toBe(0);
    expect(path[path.length - 1]).toBe(24);
    expect(path.length).toBe(9); // 8 moves
  });

  it('waits or detours rather than enter a cell someone holds', () => {
    const grid = open(3, 1); // a corridor: 0 1 2
    const res = createReservations(3);
    hold(res, 1, 0, 7);
    expect(planPath(grid, res, 0, 0, 0, 2)).toBeNull();
  });

  it('passes through a cell before its holder arrives, not after', () => {
    const grid = open(3, 1);
    const res = createReservations(3);
    hold(res, 1, 5, 7); // robot 7 arrives in cell 1 at slot 5
    expect(planPath(grid, res, 0, 0, 0, 2)).toEqual([0, 1, 2]);
  });

  it('never swaps head-on with a robot coming the other way', () => {
    const grid = open(4, 2);
    const res = createReservations(8);
    // Robot 1 drives 3 → 0 along the top row.
    reservePath(res, [3, 2, 1, 0], 0, 1);
    const path = planPath(grid, res, 0, 0, 0, 3)!;
    expect(path).not.toBeNull();
    for (let t = 0; t + 1 < path.length; t++) {
      const other = [3, 2, 1, 0][Math.min(3, t)]!;
      const otherNext = [3, 2, 1, 0][Math.min(3, t + 1)]!;
      expect(path[t]).not.toBe(other);
      expect(path[t] === otherNext && path[t + 1] === other).toBe(false);
    }
  });

  it('does not end where another robot will pass later', () => {
    const grid = open(3, 2);
    const res = createReservations(6);
    reservePath(res, [5, 4, 3, 3, 3, 0], 0, 9); // robot 9 crosses cell 0 only at slot 5
    const path = planPath(grid, res, 0, 1, 0, 0);
    expect(path === null || path.length - 1 > 5).toBe(true);
  });

  it('reaches every bin of the default warehouse from a robot home', () => {
    const g = createGeometry(loadLayout('default'));
    const grid = { cols: g.cols, rows: g.gridRows, blocked: g.blocked };
    const pickCells = [...new Set(g.bins.map((b) => b.pickCell))];
    expect(pickCells.every((c) => c >= 0 && g.blocked[c] === 0)).toBe(true);
    const unreachable = pickCells.filter(
      (c) => planPath(grid, createReservations(g.cols * g.gridRows), 0, g.homes[0]!, 0, c, { maxExpansions: 50_000, lookaheadSlots: 10 }) === null,
    );
    expect(unreachable).toEqual([]);
  });
});
