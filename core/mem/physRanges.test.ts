import { describe, expect, it } from 'vitest';
import { intersectRanges, mergeRanges, pageRanges, subtractRanges } from './physRanges';

describe('physRanges', () => {
  it('merges touching and overlapping ranges and drops empty ones', () => {
    expect(
      mergeRanges([
        { start: 10, end: 20 },
        { start: 0, end: 5 },
        { start: 20, end: 30 },
        { start: 7, end: 7 },
      ]),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 10, end: 30 },
    ]);
  });

  it('subtracts and intersects', () => {
    const a = [
      { start: 0, end: 100 },
      { start: 200, end: 300 },
    ];
    const b = [
      { start: 50, end: 250 },
      { start: 290, end: 400 },
    ];
    expect(subtractRanges(a, b)).toEqual([
      { start: 0, end: 50 },
      { start: 250, end: 290 },
    ]);
    expect(intersectRanges(a, b)).toEqual([
      { start: 50, end: 100 },
      { start: 200, end: 250 },
      { start: 290, end: 300 },
    ]);
  });

  it('rounds out to pages', () => {
    expect(pageRanges([{ start: 4097, end: 8193 }], 4096)).toEqual([{ start: 4096, end: 12288 }]);
    expect(pageRanges([{ start: 0, end: 4096 }], 4096)).toEqual([{ start: 0, end: 4096 }]);
  });

  it('handles 2^63-byte claims and 100,000 ranges in linear time', () => {
    const lie = [{ start: 0x1000, end: 2 ** 63 }];
    expect(intersectRanges(lie, [{ start: 0, end: 2 ** 30 }])).toEqual([{ start: 0x1000, end: 2 ** 30 }]);
    const many = Array.from({ length: 100_000 }, (_, i) => ({ start: i * 8192, end: i * 8192 + 4096 }));
    const started = performance.now();
    expect(subtractRanges(lie, many)).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
