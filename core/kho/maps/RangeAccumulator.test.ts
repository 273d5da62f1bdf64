import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RangeAccumulator } from './RangeAccumulator';

/** Union by marking unit cells: obviously right for small coordinates. */
function cellUnion(ranges: [number, number][]): { start: number; end: number }[] {
  const cells = new Set<number>();
  for (const [s, e] of ranges) for (let x = s; x < e; x++) cells.add(x);
  const out: { start: number; end: number }[] = [];
  for (const x of [...cells].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.end === x) last.end = x + 1;
    else out.push({ start: x, end: x + 1 });
  }
  return out;
}

const range = fc
  .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 40 }))
  .map(([s, n]): [number, number] => [s, s + n]);

describe('RangeAccumulator', () => {
  it('merges ranges given in any order into their union', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 60 }), (ranges) => {
        const acc = new RangeAccumulator();
        for (const [s, e] of ranges) acc.add(s, e);
        expect(acc.finish().toArray()).toEqual(cellUnion(ranges));
      }),
      { numRuns: 300 },
    );
  });

  it('merges ascending input, touching ranges included, and grows past its first buffer', () => {
    const acc = new RangeAccumulator();
    for (let i = 0; i < 5000; i++) acc.add(i * 10, i * 10 + (i % 2 === 0 ? 10 : 5));
    const ranges = acc.finish();
    expect(ranges.count).toBe(2500);
    expect(ranges.toArray()[0]).toEqual({ start: 0, end: 15 });
    expect(ranges.totalBytes).toBe(2500 * 15);
  });

  it('answers isPreserved at range edges', () => {
    const acc = new RangeAccumulator();
    acc.add(100, 200);
    acc.add(0, 10);
    const ranges = acc.finish();
    expect([0, 9, 10, 99, 100, 199, 200].map((a) => ranges.isPreserved(a))).toEqual([
      true,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
  });
});
