import { describe, expect, it } from 'vitest';
import { layoutForest } from './layoutForest';
import { neighbourhoodRect, READABLE_ZOOM, readableFit } from './readableFit';

/** root → a, b; a → c: three columns of 100-wide cards, 40 high, columns 150 apart. */
const layout = layoutForest(
  {
    roots: ['root'],
    children: (id) => ({ root: ['a', 'b'], a: ['c'] })[id] ?? [],
    height: () => 40,
  },
  { columnStep: 150, gap: 10 },
);
const bounds = { x0: 0, y0: layout.minY, x1: 2 * 150 + 100, y1: layout.maxY };
const at = (id: string) => layout.indexOf.get(id)!;

describe('readableFit', () => {
  it('fits the whole graph when it is readable that way (never past 1)', () => {
    const view = readableFit(layout, bounds, at('a'), 100, 2000, 1000);
    expect(view.k).toBe(1);
  });

  it('falls back to the selection with its parent and children, readable', () => {
    // Too narrow for the 400 px graph, wide enough for b's neighbourhood (root and b: 250 px plus padding).
    const near = neighbourhoodRect(layout, at('b'), 100);
    expect(near.x1 - near.x0).toBe(250);
    const view = readableFit(layout, bounds, at('b'), 100, 320, 1000);
    expect(view.k).toBeGreaterThanOrEqual(READABLE_ZOOM);
    // Both b and its parent are inside the view.
    expect(view.x + near.x0 * view.k).toBeGreaterThanOrEqual(0);
    expect(view.x + near.x1 * view.k).toBeLessThanOrEqual(320);
  });

  it('shows the card readable near the left edge when not even its neighbourhood fits, its children to the right', () => {
    const view = readableFit(layout, bounds, at('a'), 100, 200, 1000);
    expect(view.k).toBe(READABLE_ZOOM);
    // 24 px of padding and 60 px for the edges arriving from its parent.
    expect(view.x + layout.x[at('a')] * view.k).toBe(84);
    // A root has no parent: only the padding.
    const root = readableFit(layout, bounds, at('root'), 100, 200, 1000);
    expect(root.x + layout.x[at('root')] * root.k).toBe(24);
    // Vertically centred on the card.
    expect(view.y + (layout.y[at('a')] + 20) * view.k).toBe(500);
  });
});
