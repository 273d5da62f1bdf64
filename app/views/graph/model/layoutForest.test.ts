import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutForest, type ForestInput } from './layoutForest';

const SPACING = { columnStep: 100, gap: 10 };
const WIDTH = 80;

/** A random forest: node i > 0 hangs under a random earlier node, or starts a new tree. */
const forests = fc
  .array(fc.record({ parentPick: fc.nat(), newRoot: fc.boolean(), height: fc.integer({ min: 5, max: 400 }) }), {
    minLength: 1,
    maxLength: 120,
  })
  .map((nodes) => {
    const children = new Map<string, string[]>();
    const roots: string[] = [];
    const heights = new Map<string, number>();
    nodes.forEach((node, i) => {
      const id = `n${i}`;
      heights.set(id, node.height);
      children.set(id, []);
      if (i === 0 || (node.newRoot && i % 7 === 0)) roots.push(id);
      else children.get(`n${node.parentPick % i}`)!.push(id);
    });
    const input: ForestInput = { roots, children: (id) => children.get(id) ?? [], height: (id) => heights.get(id)! };
    return input;
  });

describe('layoutForest', () => {
  it('never overlaps two boxes and keeps the gap inside a column', () => {
    fc.assert(
      fc.property(forests, (input) => {
        const layout = layoutForest(input, SPACING);
        const n = layout.ids.length;
        for (let a = 0; a < n; a++) {
          for (let b = a + 1; b < n; b++) {
            const xOverlap = layout.x[a] < layout.x[b] + WIDTH && layout.x[b] < layout.x[a] + WIDTH;
            if (!xOverlap) continue;
            const apart =
              layout.y[a] + layout.height[a] + SPACING.gap <= layout.y[b] + 1e-6 ||
              layout.y[b] + layout.height[b] + SPACING.gap <= layout.y[a] + 1e-6;
            if (!apart) return false;
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it('puts children one column right of their parent, in order, centred on the parent', () => {
    fc.assert(
      fc.property(forests, (input) => {
        const layout = layoutForest(input, SPACING);
        for (let i = 0; i < layout.ids.length; i++) {
          const children = input.children(layout.ids[i]).map((id) => layout.indexOf.get(id)!);
          if (children.length === 0) continue;
          if (children.some((c) => layout.x[c] !== layout.x[i] + SPACING.columnStep || layout.parent[c] !== i))
            return false;
          for (let k = 1; k < children.length; k++)
            if (layout.y[children[k]] <= layout.y[children[k - 1]]) return false;
          const first = children[0];
          const last = children[children.length - 1];
          const span = (layout.y[first] + layout.y[last] + layout.height[last]) / 2;
          if (Math.abs(layout.y[i] + layout.height[i] / 2 - span) > 1e-6) return false;
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic and lays out every node once, in pre-order', () => {
    fc.assert(
      fc.property(forests, (input) => {
        const one = layoutForest(input, SPACING);
        const two = layoutForest(input, SPACING);
        expect(two.ids).toEqual(one.ids);
        expect(Array.from(two.y)).toEqual(Array.from(one.y));
        expect(new Set(one.ids).size).toBe(one.ids.length);
        for (let i = 0; i < one.ids.length; i++) expect(one.parent[i]).toBeLessThan(i);
      }),
      { numRuns: 50 },
    );
  });

  it('packs a small subtree next to a deep neighbour instead of below all of it', () => {
    // a has one tall grandchild; b (a leaf) may sit right under a, level with that grandchild's column.
    const children: Record<string, string[]> = { r: ['a', 'b'], a: ['a1'], a1: ['a2'], a2: [], b: [] };
    const heights: Record<string, number> = { r: 20, a: 20, a1: 20, a2: 1000, b: 20 };
    const layout = layoutForest({ roots: ['r'], children: (id) => children[id], height: (id) => heights[id] }, SPACING);
    const y = (id: string) => layout.y[layout.indexOf.get(id)!];
    expect(y('b') - (y('a') + 20)).toBe(SPACING.gap);
  });

  it('handles a chain 20,000 deep without recursion', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `c${i}`);
    const layout = layoutForest(
      {
        roots: ['c0'],
        children: (id) => {
          const i = Number(id.slice(1)) + 1;
          return i < ids.length ? [ids[i]] : [];
        },
        height: () => 30,
      },
      SPACING,
    );
    expect(layout.maxDepth).toBe(19_999);
    expect(layout.y[19_999]).toBe(layout.y[0]);
  });
});
