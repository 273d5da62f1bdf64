import { describe, expect, it } from 'vitest';
import { ancestorIds } from './ancestorIds';
import type { TreeShape } from './TreeShape';
import { visibleRows } from './visibleRows';

/** Two top-level items: 0 (children 1, 2; 2 has child 3) and 4. */
const items: TreeShape[] = [
  { parent: -1, depth: 0, children: [1, 2] },
  { parent: 0, depth: 1, children: [] },
  { parent: 0, depth: 1, children: [3] },
  { parent: 2, depth: 2, children: [] },
  { parent: -1, depth: 0, children: [] },
];

describe('visibleRows', () => {
  it('lists every top-level item and the children of expanded ones, depth first', () => {
    expect(visibleRows(items, [0, 4], new Set([0, 2])).map((row) => row.item)).toEqual([0, 1, 2, 3, 4]);
    expect(visibleRows(items, [0, 4], new Set([2])).map((row) => row.item)).toEqual([0, 4]);
  });

  it('never marks a leaf as expanded', () => {
    expect(visibleRows(items, [0, 4], new Set([0, 1, 4]))[1]).toEqual({
      item: 1,
      depth: 1,
      hasChildren: false,
      expanded: false,
    });
  });

  it('handles trees deeper than the call stack', () => {
    const deep: TreeShape[] = Array.from({ length: 50_000 }, (_, id) => ({
      parent: id - 1,
      depth: id,
      children: id + 1 < 50_000 ? [id + 1] : [],
    }));
    const all = new Set(deep.map((_, id) => id));
    expect(visibleRows(deep, [0], all)).toHaveLength(deep.length);
    expect(ancestorIds(deep, 49_999)).toHaveLength(49_999);
  });

  it('lists ancestors top first', () => {
    expect(ancestorIds(items, 3)).toEqual([0, 2]);
    expect(ancestorIds(items, 4)).toEqual([]);
  });
});
