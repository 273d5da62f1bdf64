import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOverlaps } from './resolveOverlaps';

describe('resolveOverlaps', () => {
  it('keeps disjoint intervals as they are, sorted, merging touching pieces of one owner only', () => {
    const { pieces, overlaps } = resolveOverlaps([30, 0, 10], [40, 10, 20], (i) => i);
    expect(pieces).toEqual([
      { start: 0, end: 10, owner: 1 },
      { start: 10, end: 20, owner: 2 },
      { start: 30, end: 40, owner: 0 },
    ]);
    expect(overlaps).toEqual([]);
  });

  it('gives each point to the winning interval (brute-force check, fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 })), { maxLength: 12 }),
        (spans) => {
          const starts = spans.map(([s]) => s);
          const ends = spans.map(([s, n]) => s + n);
          const priority = (i: number) => (i * 7) % 5;
          const { pieces, overlaps } = resolveOverlaps(starts, ends, priority);
          let anyOverlap = false;
          for (let x = 0; x < 81; x++) {
            const covering = spans.map((_, i) => i).filter((i) => starts[i] <= x && x < ends[i]);
            if (covering.length > 1) anyOverlap = true;
            const best = covering.sort((a, b) => priority(a) - priority(b) || starts[a] - starts[b])[0];
            const piece = pieces.find((p) => p.start <= x && x < p.end);
            if (best === undefined) expect(piece).toBeUndefined();
            else expect(priority(piece!.owner)).toBe(priority(best));
          }
          expect(overlaps.length > 0).toBe(anyOverlap);
          for (let k = 1; k < pieces.length; k++) expect(pieces[k].start).toBeGreaterThanOrEqual(pieces[k - 1].end);
        },
      ),
      { numRuns: 300 },
    );
  });
});
