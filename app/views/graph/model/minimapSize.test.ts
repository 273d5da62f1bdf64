import { describe, expect, it } from 'vitest';
import { MINIMAP_MAX, minimapSize } from './minimapSize';

describe('minimapSize', () => {
  it('is full size on a roomy pane', () => {
    expect(minimapSize(1200, 800)).toEqual(MINIMAP_MAX);
  });

  it('scales down with a narrow or short pane, keeping its shape and at most 22% of the pane', () => {
    const narrow = minimapSize(520, 560)!;
    expect(narrow.width).toBe(114);
    expect(narrow.width).toBeLessThanOrEqual(520 * 0.22);
    expect(narrow.height / narrow.width).toBeCloseTo(0.65, 1);
    const short = minimapSize(1200, 500)!;
    expect(short.height).toBeLessThanOrEqual(500 * 0.22);
  });

  it('is left out where even the smallest would cover too much', () => {
    expect(minimapSize(400, 800)).toBeNull();
    expect(minimapSize(0, 0)).toBeNull();
  });
});
