import { describe, expect, it } from 'vitest';
import { clipEdge, edgePath, type PlacedEdge } from './placeEdges';
import type { GraphEdge } from './GraphScene';

const edge: GraphEdge = { id: 'l', from: 'a', row: 0, to: 'b', kind: 'tree', label: '', orderTag: null, title: '' };

function placed(sx: number, sy: number, tx: number, ty: number): PlacedEdge {
  return {
    edge,
    sx,
    sy,
    tx,
    ty,
    box: { x0: Math.min(sx, tx - 60), y0: Math.min(sy, ty), x1: Math.max(tx, sx + 60), y1: Math.max(sy, ty) },
  };
}

function coordinates(d: string): number[][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
}

describe('clipEdge', () => {
  it('keeps an edge inside the window whole, as the curve', () => {
    const short = placed(300, 10, 490, 80);
    expect(clipEdge(short, { x0: 0, y0: 0, x1: 1000, y1: 1000 })).toEqual({ d: edgePath(short), reachesTarget: true });
  });

  it('cuts a very long edge to the window, so drawing it costs what the window shows', () => {
    const long = placed(300, 0, 490, 400_000);
    const window = { x0: 0, y0: 190_000, x1: 1000, y1: 191_000 };
    const clipped = clipEdge(long, window);
    const points = coordinates(clipped.d);
    expect(points.length).toBeGreaterThan(1);
    expect(points.length).toBeLessThan(50);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(window.x0 - 0.1);
      expect(x).toBeLessThanOrEqual(window.x1 + 0.1);
      expect(y).toBeGreaterThanOrEqual(window.y0 - 0.1);
      expect(y).toBeLessThanOrEqual(window.y1 + 0.1);
    }
    expect(clipped.reachesTarget).toBe(false);
    expect(clipEdge(long, { x0: 0, y0: 399_500, x1: 1000, y1: 400_500 }).reachesTarget).toBe(true);
    expect(clipEdge(long, { x0: 5000, y0: 0, x1: 6000, y1: 1000 }).d).toBe('');
  });
});
