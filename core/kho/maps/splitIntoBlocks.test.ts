import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MapError } from './MapError';
import { splitIntoBlocks } from './splitIntoBlocks';

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
