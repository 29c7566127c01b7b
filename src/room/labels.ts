/**
 * The avatars' name labels, pure: what a label says, and which cell of the
 * shared label texture each participant keeps. A participant keeps its cell
 * while it stays, so a label is painted again only when its words change.
 */

/** What a participant's label says: its name and its terminal's measured rendering rate. */
export function labelText(name: string, renderHz: number): string {
  return renderHz > 0 ? `${name} · ${Math.round(renderHz)} Hz` : name;
}

/**
 * Gives each of `ids` a cell in `0..capacity-1`, keeping the cells of those
 * already placed and freeing those of the others (in place). Returns the ids
 * that got a new cell. Ids beyond the capacity get none.
 */
export function assignCells(cells: Map<string, number>, ids: readonly string[], capacity: number): string[] {
  const live = new Set(ids);
  for (const id of [...cells.keys()]) if (!live.has(id)) cells.delete(id);
  const used = new Set(cells.values());
  const placed: string[] = [];
  let next = 0;
  for (const id of ids) {
    if (cells.has(id)) continue;
    while (used.has(next)) next++;
    if (next >= capacity) break;
    cells.set(id, next);
    used.add(next);
    placed.push(id);
  }
  return placed;
}
