import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../testing/syntheticGraph';
import { buildGraphScene } from './buildGraphScene';
import { CARD, COLUMN_STEP, LAYOUT } from './cardGeometry';
import { CardIndex, type Rect } from './CardIndex';
import { layoutForest, type ForestLayout } from './layoutForest';
import { visibleWorld } from './viewportMath';

function sceneLayout(fragments: number): ForestLayout {
  const scene = buildGraphScene(syntheticGraph({ fragments, seed: 7 }));
  return layoutForest(
    { roots: scene.roots, children: (id) => scene.byId.get(id)!.children, height: (id) => scene.byId.get(id)!.height },
    { columnStep: COLUMN_STEP, gap: LAYOUT.gap },
  );
}

function bruteForce(layout: ForestLayout, rect: Rect): number[] {
  const hits: number[] = [];
  for (let i = 0; i < layout.ids.length; i++) {
    const inside =
      layout.x[i] <= rect.x1 &&
      layout.x[i] + CARD.width >= rect.x0 &&
      layout.y[i] <= rect.y1 &&
      layout.y[i] + layout.height[i] >= rect.y0;
    if (inside) hits.push(i);
  }
  return hits;
}

describe('viewport culling', () => {
  const layout = sceneLayout(600);
  const index = new CardIndex(layout, CARD.width, COLUMN_STEP);
  const worldWidth = (layout.maxDepth + 1) * COLUMN_STEP;

  it('finds exactly the cards that touch a rectangle', () => {
    const rects = fc
      .record({
        x: fc.double({ min: -500, max: worldWidth, noNaN: true }),
        y: fc.double({ min: layout.minY - 500, max: layout.maxY, noNaN: true }),
        w: fc.double({ min: 0, max: 4000, noNaN: true }),
        h: fc.double({ min: 0, max: 4000, noNaN: true }),
      })
      .map(({ x, y, w, h }) => ({ x0: x, y0: y, x1: x + w, y1: y + h }));
    fc.assert(
      fc.property(rects, (rect) => {
        expect(index.query(rect).sort((a, b) => a - b)).toEqual(bruteForce(layout, rect));
      }),
      { numRuns: 200 },
    );
  });

  it('hit-tests a point inside a card and misses the gaps between columns', () => {
    const i = layout.ids.length - 1;
    expect(index.at(layout.x[i] + 5, layout.y[i] + 5)).toBe(i);
    expect(index.at(layout.x[i] + CARD.width + LAYOUT.columnGap / 2, layout.y[i] + 5)).toBe(-1);
  });

  // How fast this is built is a bench goal (npm run bench -- graph-layout), not a timed test.
  it('builds and lays out 10,000 fragments, with only a screenful of cards in view', () => {
    const big = sceneLayout(10_000);
    const bigIndex = new CardIndex(big, CARD.width, COLUMN_STEP);
    expect(big.ids.length).toBeGreaterThanOrEqual(10_000);
    const root = 0;
    const view = visibleWorld({ x: 40 - big.x[root], y: 400 - big.y[root], k: 1 }, 1600, 900);
    const inView = bigIndex.query(view);
    expect(inView.length).toBeGreaterThan(0);
    expect(inView.length).toBeLessThan(100);
  });
});
