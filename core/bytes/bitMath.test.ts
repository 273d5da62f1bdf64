import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { floorLog2, popcount32, readU64Number, trailingZeros, u64Hex } from './bitMath';

describe('bitMath', () => {
  it('floorLog2 is exact next to powers of two where Math.log2 rounds', () => {
    expect(floorLog2(2 ** 53 - 1)).toBe(52);
    expect(floorLog2(2 ** 52)).toBe(52);
    expect(floorLog2(2 ** 32 - 1)).toBe(31);
    expect(floorLog2(2 ** 32)).toBe(32);
    expect(floorLog2(1)).toBe(0);
  });

  it('trailingZeros and floorLog2 agree with BigInt for any safe integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const big = BigInt(n);
        expect(floorLog2(n)).toBe(big.toString(2).length - 1);
        const bits = big.toString(2);
        expect(trailingZeros(n)).toBe(bits.length - 1 - bits.lastIndexOf('1'));
      }),
      { numRuns: 500 },
    );
  });

  it('popcount32 counts bits of unsigned words', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(0x80000001)).toBe(2);
  });

  it('readU64Number refuses values of 2^53 and above', () => {
    const view = new DataView(new ArrayBuffer(16));
    view.setBigUint64(0, 2n ** 53n - 1n, true);
    view.setBigUint64(8, 2n ** 53n, true);
    expect(readU64Number(view, 0)).toBe(2 ** 53 - 1);
    expect(readU64Number(view, 8)).toBeNull();
    expect(u64Hex(view, 8)).toBe('0x20000000000000');
  });
});
