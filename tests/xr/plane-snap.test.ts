import { describe, expect, it } from 'vitest';
import { distanceToPolygon, EDGE_M, insetPolygon, insidePolygon, snapToTable, type TablePlane } from '../../src/xr/plane-snap';

/** The captured meeting room's table (IWER SEM): 1.24 × 2.15 m, its top 0.73 m up, centred at x 0.07, z 1.57 (scene z). */
const table: TablePlane = {
  y: 0.73,
  outline: [
    [-0.55, 0.5],
    [0.69, 0.5],
    [0.69, 2.64],
    [-0.55, 2.64],
  ],
};
/** A turned square table, 1 m a side, its corners on the axes. */
const diamond: TablePlane = {
  y: 0.75,
  outline: [
    [0, -0.707],
    [0.707, 0],
    [0, 0.707],
    [-0.707, 0],
  ],
};

describe('passthrough: the ring snaps onto table-height planes', () => {
  it('keeps a hit on the table where it is, at the plane\u2019s own height', () => {
    expect(snapToTable({ x: 0.1, y: 0.742, z: 1.5 }, [table])).toEqual({ x: 0.1, y: 0.73, z: 1.5, snapped: true });
  });
  it('moves a hit near the edge, or on the floor just beside it, inside the edge', () => {
    const near = snapToTable({ x: 0.66, y: 0.73, z: 1.5 }, [table]);
    expect(near.x).toBeCloseTo(0.69 - EDGE_M);
    const beside = snapToTable({ x: 0.85, y: 0.04, z: 0.55 }, [table]);
    expect(beside).toMatchObject({ y: 0.73, snapped: true });
    expect(beside.x).toBeCloseTo(0.69 - EDGE_M);
    expect(beside.z).toBeCloseTo(0.5 + EDGE_M);
    // A turned table: inside its inset outline, a edge's length of margin in from the nearest edge.
    const turned = snapToTable({ x: 0.6, y: 0, z: 0 }, [diamond]);
    expect(turned.snapped).toBe(true);
    expect(distanceToPolygon([turned.x, turned.z], diamond.outline)).toBe(0);
    expect(turned.x).toBeCloseTo(0.707 - EDGE_M * Math.SQRT2, 3);
  });
  it('leaves alone a hit far from any table, on something standing on it, or a plane at floor or ceiling height', () => {
    expect(snapToTable({ x: 2, y: 0.04, z: 1.5 }, [table]).snapped).toBe(false);
    expect(snapToTable({ x: 0.1, y: 1.2, z: 1.5 }, [table]).snapped).toBe(false);
    expect(snapToTable({ x: 0.1, y: 0.05, z: 1.5 }, [{ ...table, y: 0.04 }]).snapped).toBe(false);
    expect(snapToTable({ x: 0.1, y: 2.5, z: 1.5 }, [{ ...table, y: 2.89 }]).snapped).toBe(false);
    expect(snapToTable({ x: 0.1, y: 0.7, z: 1.5 }, [{ y: 0.73, outline: [[0, 0]] }]).snapped).toBe(false);
  });
  it('puts a hit on a table too small to keep the margin at its centre', () => {
    const stool: TablePlane = {
      y: 0.6,
      outline: [
        [0, 0],
        [0.15, 0],
        [0.15, 0.15],
        [0, 0.15],
      ],
    };
    expect(insetPolygon(stool.outline, EDGE_M)).toBeNull();
    const got = snapToTable({ x: 0.02, y: 0.6, z: 0.02 }, [stool]);
    expect([got.x, got.z]).toEqual([0.075, 0.075]);
  });
  it('tells inside from outside', () => {
    expect(insidePolygon([0, 1], table.outline)).toBe(true);
    expect(insidePolygon([0, 0], table.outline)).toBe(false);
    expect(distanceToPolygon([0.79, 1], table.outline)).toBeCloseTo(0.1);
  });
});
