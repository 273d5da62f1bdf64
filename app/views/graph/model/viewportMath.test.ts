import { describe, expect, it } from 'vitest';
import { expandRect, fitTransform, levelOfDetail, resizedTransform, visibleWorld } from './viewportMath';

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

  it('keeps the centre of the view where it was when the pane changes size', () => {
    const before = { x: 100, y: -50, k: 2 };
    const after = resizedTransform(before, { width: 1000, height: 600 }, { width: 600, height: 700 });
    const centre = (t: typeof before, w: number, h: number) => {
      const v = visibleWorld(t, w, h);
      return [(v.x0 + v.x1) / 2, (v.y0 + v.y1) / 2];
    };
    expect(centre(after, 600, 700)).toEqual(centre(before, 1000, 600));
    expect(after.k).toBe(2);
  });
});
