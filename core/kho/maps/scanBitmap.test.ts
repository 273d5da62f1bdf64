import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RangeAccumulator } from './RangeAccumulator';
import { scanBitmap } from './scanBitmap';

/** Ranges of set bits, one bit at a time: the reference for the word-at-a-time scan. */
function bitByBit(bitmap: Uint8Array, base: number, blockSize: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < bitmap.length * 8; i++) {
    if ((bitmap[i >> 3] & (1 << (i & 7))) === 0) continue;
    const start = base + i * blockSize;
    const last = out[out.length - 1];
    if (last && last.end === start) last.end = start + blockSize;
    else out.push({ start, end: start + blockSize });
  }
  return out;
}

/** Bitmaps with long runs of ones and zeros mixed with random bytes. */
const bitmapBytes = fc.array(fc.oneof(fc.constant(0), fc.constant(0xff), fc.integer({ min: 0, max: 255 })), {
  minLength: 64,
  maxLength: 64,
});

describe('scanBitmap', () => {
  it('finds exactly the set bits, as runs', () => {
    fc.assert(
      fc.property(bitmapBytes, fc.integer({ min: 0, max: 2 ** 30 }), (bytes, baseBlocks) => {
        const bitmap = Uint8Array.from(bytes);
        const acc = new RangeAccumulator();
        const scan = scanBitmap(bitmap, 512, baseBlocks * 4096, 4096, acc);
        const expected = bitByBit(bitmap, baseBlocks * 4096, 4096);
        expect(acc.finish().toArray()).toEqual(expected);
        expect(scan.blocks).toBe(bytes.reduce((n, b) => n + b.toString(2).replace(/0/g, '').length, 0));
        expect(scan.beyondLimit).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the bitmap in little-endian word order (bit i is byte i>>3, mask 1<<(i&7))', () => {
    const bitmap = new Uint8Array(8);
    bitmap[4] = 0x81; // bits 32 and 39
    const acc = new RangeAccumulator();
    scanBitmap(bitmap, 64, 0, 1, acc);
    expect(acc.finish().toArray()).toEqual([
      { start: 32, end: 33 },
      { start: 39, end: 40 },
    ]);
  });

  it('leaves out and counts blocks that would end above 2^53', () => {
    const bitmap = new Uint8Array(8).fill(0xff);
    const blockSize = 2 ** 40;
    const base = 2 ** 53 - 3 * blockSize;
    const acc = new RangeAccumulator();
    const scan = scanBitmap(bitmap, 64, base, blockSize, acc);
    expect(scan).toEqual({ blocks: 3, beyondLimit: 61 });
    expect(acc.finish().toArray()).toEqual([{ start: base, end: 2 ** 53 }]);
  });
});
