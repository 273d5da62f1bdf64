import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../bench/SeededRandom';
import { syntheticGraph } from '../views/graph/testing/syntheticGraph';
import { buildOutlineModel } from './buildOutlineModel';
import { defaultExpanded } from './defaultExpanded';
import { toggleRows } from './toggleRows';
import type { TreeShape } from './TreeShape';
import { type OutlineRow, visibleRows } from './visibleRows';

/** 0 (children 1, 2; 2 has child 3, 3 has child 5) and 4. */
const items: TreeShape[] = [
  { parent: -1, depth: 0, children: [1, 2] },
  { parent: 0, depth: 1, children: [] },
  { parent: 0, depth: 1, children: [3] },
  { parent: 2, depth: 2, children: [5] },
  { parent: -1, depth: 0, children: [] },
  { parent: 3, depth: 3, children: [] },
];

describe('toggleRows', () => {
  it('splices an expanded subtree in and cuts a collapsed one out, as a full walk would list them', () => {
    const before = visibleRows(items, [0, 4], new Set([0, 3]));
    const opened = toggleRows(before, items, new Set([0, 2, 3]), 2, true);
    expect(opened).toEqual(visibleRows(items, [0, 4], new Set([0, 2, 3])));
    expect(opened.map((row) => row.item)).toEqual([0, 1, 2, 3, 5, 4]);
    const closed = toggleRows(opened, items, new Set([2, 3]), 0, false);
    expect(closed).toEqual(visibleRows(items, [0, 4], new Set([2, 3])));
  });

  it('keeps the other rows as they were (same objects) and returns the lines unchanged for a hidden item', () => {
    const before = visibleRows(items, [0, 4], new Set([0]));
    const opened = toggleRows(before, items, new Set([0, 2]), 2, true);
    expect(opened[0]).toBe(before[0]);
    expect(opened[1]).toBe(before[1]);
    expect(opened[opened.length - 1]).toBe(before[before.length - 1]);
    expect(toggleRows(before, items, new Set([0, 3]), 3, true)).toBe(before);
  });

  it('agrees with a full walk over a run of random toggles on a 400-fragment outline', () => {
    const model = buildOutlineModel(syntheticGraph({ fragments: 400, seed: 3 }));
    const random = new SeededRandom(5);
    let expanded: ReadonlySet<number> = defaultExpanded(model.items);
    let rows: readonly OutlineRow[] = visibleRows(model.items, model.top, expanded);
    for (let step = 0; step < 200; step++) {
      // Mostly rows in sight, as a person clicks; sometimes any item, hidden or not.
      const item =
        random.next() < 0.7 ? rows[random.int(0, rows.length - 1)].item : random.int(0, model.items.length - 1);
      const open = !expanded.has(item);
      const next = new Set(expanded);
      if (open) next.add(item);
      else next.delete(item);
      rows = toggleRows(rows, model.items, next, item, open);
      expanded = next;
      expect(rows).toEqual(visibleRows(model.items, model.top, expanded));
    }
  });
});
