import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MapError } from './MapError';
import { splitEachIntoBlocks, splitIntoBlocks } from './splitIntoBlocks';

describe('splitIntoBlocks', () => {
  it('splits greedily into naturally aligned power-of-two blocks', () => {
    // pfns 3..13: 3 (order 0), 4-7 (order 2), 8-11 (order 2), 12 (order 0)
    expect(splitIntoBlocks(3 * 4096, 13 * 4096, 4096)).toEqual([
      { address: 3 * 4096, order: 0 },
      { address: 4 * 4096, order: 2 },
      { address: 8 * 4096, order: 2 },
      { address: 12 * 4096, order: 0 },
    ]);
    expect(splitIntoBlocks(0, 5 * 4096, 4096)).toEqual([
      { address: 0, order: 2 },
      { address: 4 * 4096, order: 0 },
    ]);
    expect(splitIntoBlocks(0x1000, 0x1000, 4096)).toEqual([]);
  });

  it('covers the range exactly with aligned blocks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 36 }), fc.integer({ min: 0, max: 5000 }), (startPfn, pages) => {
        const blocks = splitIntoBlocks(startPfn * 16384, (startPfn + pages) * 16384, 16384);
        let at = startPfn * 16384;
        for (const b of blocks) {
          expect(b.address).toBe(at);
          expect(b.address % (16384 * 2 ** b.order)).toBe(0);
          at += 16384 * 2 ** b.order;
        }
        expect(at).toBe((startPfn + pages) * 16384);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects unaligned ranges', () => {
    expect(() => splitIntoBlocks(100, 4096, 4096)).toThrow(MapError);
  });
});

describe('splitEachIntoBlocks', () => {
  it('keeps touching allocations apart and skips pages an earlier one covered', () => {
    const page = 4096;
    // A one-page blob at pfn 4, a one-page blob at pfn 5, and a four-page folio at pfns 8..11 that a
    // later, overlapping range (pfns 10..13) partly repeats: merged, pfns 4..5 would be one order-1 block.
    expect(
      splitEachIntoBlocks(
        [
          { start: 4 * page, end: 4 * page + 240 },
          { start: 5 * page, end: 6 * page },
          { start: 8 * page, end: 12 * page },
          { start: 10 * page, end: 14 * page },
        ],
        page,
      ),
    ).toEqual([
      { address: 4 * page, order: 0 },
      { address: 5 * page, order: 0 },
      { address: 8 * page, order: 2 },
      { address: 12 * page, order: 1 },
    ]);
  });
});
