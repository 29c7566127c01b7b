import { describe, expect, it } from 'vitest';
import { assignCells, labelText } from '../../src/room/labels';

describe('avatar labels', () => {
  it('say the name and the measured rate, rounded; the name alone before any is measured', () => {
    expect(labelText('Ana', 71.6)).toBe('Ana · 72 Hz');
    expect(labelText('Ana', 0)).toBe('Ana');
  });
  it('keep each participant in its cell while it stays, and reuse the cells of those who left', () => {
    const cells = new Map<string, number>();
    expect(assignCells(cells, ['a', 'b', 'c'], 4)).toEqual(['a', 'b', 'c']);
    expect([...cells]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    // b leaves, d and e arrive: a and c keep theirs, d takes b's, e the next free one.
    expect(assignCells(cells, ['c', 'a', 'd', 'e'], 4)).toEqual(['d', 'e']);
    expect(cells.get('a')).toBe(0);
    expect(cells.get('c')).toBe(2);
    expect(cells.get('d')).toBe(1);
    expect(cells.get('e')).toBe(3);
    expect(cells.has('b')).toBe(false);
  });
  it('give no cell beyond the capacity', () => {
    const cells = new Map<string, number>();
    expect(assignCells(cells, ['a', 'b', 'c'], 2)).toEqual(['a', 'b']);
    expect(cells.has('c')).toBe(false);
    expect(assignCells(cells, ['a', 'b', 'c'], 2)).toEqual([]);
  });
});
