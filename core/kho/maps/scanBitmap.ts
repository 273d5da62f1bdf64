import { ADDRESS_LIMIT_NUMBER as ADDRESS_LIMIT } from '../../bytes/address';
import { popcount32, trailingZeros32 } from '../../bytes/bitMath';
import type { RangeSink } from './RangeSink';

/** What one bitmap contributed. */
export interface BitmapScan {
  /** Set bits whose blocks were added. */
  blocks: number;
  /** Set bits whose blocks would end above 2^53 (not added; the caller reports them). */
  beyondLimit: number;
}

/**
 * Adds the blocks of one preserved-memory bitmap to `ranges`: bit `i` set
 * means [base + i·blockSize, base + (i+1)·blockSize) is preserved. Bits are in
 * Linux bitmap order (little-endian words), read 32 at a time: zero words are
 * skipped, full words become one range, and other words are split into runs
 * of ones with clz32 arithmetic, so the cost follows the number of runs, not
 * the number of bits. `bitCount` must be a multiple of 32.
 */
export function scanBitmap(
  bitmap: Uint8Array,
  bitCount: number,
  base: number,
  blockSize: number,
  ranges: RangeSink,
): BitmapScan {
  const view = new DataView(bitmap.buffer, bitmap.byteOffset, bitmap.byteLength);
  const wordBytes = 32 * blockSize;
  // Bits at or past `safeBits` would describe blocks that end above 2^53.
  const safeBits = base >= ADDRESS_LIMIT ? 0 : Math.min(bitCount, Math.floor((ADDRESS_LIMIT - base) / blockSize));
  let blocks = 0;
  let beyondLimit = 0;
  const words = bitCount >>> 5;
  for (let w = 0; w < words; w++) {
    let word = view.getUint32(w * 4, true);
    if (word === 0) continue;
    const firstBit = w * 32;
    if (firstBit + 32 > safeBits) {
      const keep = Math.max(0, safeBits - firstBit);
      const keptMask = keep === 0 ? 0 : 0xffffffff >>> (32 - keep);
      beyondLimit += popcount32((word & ~keptMask) >>> 0);
      word = (word & keptMask) >>> 0;
      if (word === 0) continue;
    }
    const wordBase = base + w * wordBytes;
    if (word === 0xffffffff) {
      ranges.add(wordBase, wordBase + wordBytes);
      blocks += 32;
      continue;
    }
    while (word !== 0) {
      const low = trailingZeros32(word);
      // Ones now sit at the bottom of `shifted`; the run length is the count
      // of trailing ones, i.e. the trailing zeros of its complement (never 0
      // here, because a full word was handled above).
      const shifted = word >>> low;
      const run = trailingZeros32(~shifted);
      ranges.add(wordBase + low * blockSize, wordBase + (low + run) * blockSize);
      blocks += run;
      const cleared = low + run;
      word = cleared >= 32 ? 0 : ((word >>> cleared) << cleared) >>> 0;
    }
  }
  return { blocks, beyondLimit };
}
