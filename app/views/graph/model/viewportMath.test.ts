import { describe, expect, it } from 'vitest';
import { expandRect, fitTransform, levelOfDetail, revealTransform, visibleWorld } from './viewportMath';

describe('viewport maths', () => {
  it('turns a zoom transform into the world rectangle on screen, and picks the level of detail', () => {
    expect(visibleWorld({ x: 100, y: -50, k: 2 }, 800, 600)).toEqual({ x0: -50, y0: 25, x1: 350, y1: 325 });
    expect(expandRect({ x0: 0, y0: 0, x1: 100, y1: 10 }, 0.5)).toEqual({ x0: -50, y0: -5, x1: 150, y1: 15 });
    expect([1, 0.5, 0.3, 0.2, 0.05].map(levelOfDetail)).toEqual(['detail', 'detail', 'compact', 'compact', 'overview']);
  });

  it('fits bounds into a viewport, centred, never above the largest zoom', () => {
    const fitted = fitTransform({ x0: 0, y0: -100, x1: 1000, y1: 100 }, 600, 400, 50, 1);
    expect(fitted.k).toBe(0.5);
    expect(visibleWorld(fitted, 600, 400)).toEqual({ x0: -100, y0: -400, x1: 1100, y1: 400 });
    expect(fitTransform({ x0: 0, y0: 0, x1: 10, y1: 10 }, 600, 400, 0, 1).k).toBe(1);
  });

  it('reveals a target: nothing when already readable in view, else centred at a readable zoom', () => {
    const here = { x: 0, y: 0, k: 1 };
    expect(revealTransform({ x0: 10, y0: 10, x1: 100, y1: 100 }, here, 800, 600, 0.8)).toBeNull();
    const moved = revealTransform({ x0: 2000, y0: 3000, x1: 2300, y1: 3100 }, here, 800, 600, 0.8)!;
    expect(moved.k).toBe(1);
    const view = visibleWorld(moved, 800, 600);
    expect((view.x0 + view.x1) / 2).toBeCloseTo(2150);
    expect((view.y0 + view.y1) / 2).toBeCloseTo(3050);
    const zoomedOut = revealTransform({ x0: 10, y0: 10, x1: 100, y1: 100 }, { x: 0, y: 0, k: 0.1 }, 800, 600, 0.8)!;
    expect(zoomedOut.k).toBe(0.8);
    // A card taller than the view is shown from its top.
    const tall = revealTransform({ x0: 0, y0: 5000, x1: 300, y1: 9000 }, here, 800, 600, 0.8)!;
    expect(visibleWorld(tall, 800, 600).y0).toBeCloseTo(5000 - 600 * 0.05);
  });
});
