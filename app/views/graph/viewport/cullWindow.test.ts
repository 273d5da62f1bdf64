import { describe, expect, it } from 'vitest';
import { cullWindow } from './cullWindow';

const view = { x0: 0, y0: 0, x1: 100, y1: 100 };

describe('cullWindow', () => {
  it('starts with the view plus half its size on every side', () => {
    expect(cullWindow(null, view, false)).toEqual({ x0: -50, y0: -50, x1: 150, y1: 150 });
  });

  it('keeps the same window (nothing to re-render) while it covers the view', () => {
    const window = cullWindow(null, view, false);
    expect(cullWindow(window, { x0: 40, y0: -40, x1: 140, y1: 60 }, false)).toBe(window);
  });

  it('moves the window once the view leaves it, or when the level of detail changes', () => {
    const window = cullWindow(null, view, false);
    expect(cullWindow(window, { x0: 60, y0: 0, x1: 160, y1: 100 }, false)).toEqual({
      x0: 10,
      y0: -50,
      x1: 210,
      y1: 150,
    });
    expect(cullWindow(window, view, true)).not.toBe(window);
  });

  it('shrinks a window far larger than the view (after zooming in)', () => {
    const window = cullWindow(null, { x0: 0, y0: 0, x1: 1000, y1: 1000 }, false);
    expect(cullWindow(window, { x0: 0, y0: 0, x1: 100, y1: 100 }, false)).toEqual({
      x0: -50,
      y0: -50,
      x1: 150,
      y1: 150,
    });
    expect(cullWindow(window, { x0: 0, y0: 0, x1: 500, y1: 500 }, false)).toBe(window);
  });
});
