import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BytesSource } from '../sources/BytesSource';
import { CountingSource } from '../sources/CountingSource';
import { KdumpBitmap } from './KdumpBitmap';

const brute = (bitmap: Uint8Array, pfn: number) => {
  let n = 0;
  for (let i = 0; i < pfn; i++) n += (bitmap[i >> 3] >> (i & 7)) & 1;
  return n;
};

describe('KdumpBitmap', () => {
  it('rank, has and runs agree with a brute-force count (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 20_000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        async (bitmap, probes) => {
          const file = new Uint8Array(100 + bitmap.length);
          file.set(bitmap, 100);
          const bits = bitmap.length * 8 - (bitmap.length > 1 ? 3 : 0);
          const map = new KdumpBitmap(new BytesSource(file), 100, bits, 'test bitmap', 4096);
          for (const probe of probes) {
            const pfn = probe % bits;
            expect(await map.rank(pfn)).toBe(brute(bitmap, pfn));
            expect(await map.has(pfn)).toBe(((bitmap[pfn >> 3] >> (pfn & 7)) & 1) === 1);
          }
          const from = probes[0] % bits;
          const runs = await map.runs(from, bits, 1 << 20);
          const set = new Set<number>();
          for (const r of runs) for (let p = r.start; p < r.end; p++) set.add(p);
          for (let p = from; p < bits; p++) expect(set.has(p)).toBe(((bitmap[p >> 3] >> (p & 7)) & 1) === 1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ranks asked in address order, in small and large steps, agree with a brute-force count (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 12_000 }),
        fc.array(fc.integer({ min: 0, max: 40_000 }), { minLength: 1, maxLength: 30 }),
        async (bitmap, steps) => {
          const bits = bitmap.length * 8;
          const map = new KdumpBitmap(new BytesSource(bitmap), 0, bits, 'test bitmap', 4096);
          let pfn = 0;
          for (const step of steps) {
            pfn = (pfn + step) % bits;
            expect(await map.rank(pfn)).toBe(brute(bitmap, pfn));
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('ranks every page in address order by reading the bitmap about once, not a block per page', async () => {
    const bitmap = new Uint8Array(1 << 13).fill(0x5a);
    const counting = new CountingSource(new BytesSource(bitmap));
    const map = new KdumpBitmap(counting, 0, bitmap.length * 8, 'test bitmap', 4096);
    for (let pfn = 0; pfn < bitmap.length * 8; pfn += 1)
      expect(await map.rank(pfn)).toBe(Math.floor(pfn / 8) * 4 + brute(bitmap.subarray(pfn >> 3), pfn & 7));
    // Each rank reads the one or two bytes between it and the last: about 2 bytes a page, where a
    // count from the block start reads 2 KiB a page on average.
    expect(counting.bytesRead).toBeLessThanOrEqual(bitmap.length * 8 * 2 + 4096);
  });

  it('counts prefix blocks once: later ranks read only their own block', async () => {
    const bitmap = new Uint8Array(1 << 20).fill(0x55);
    const counting = new CountingSource(new BytesSource(bitmap));
    const map = new KdumpBitmap(counting, 0, bitmap.length * 8, 'test bitmap', 1 << 16);
    expect(await map.rank(bitmap.length * 8 - 1)).toBe(bitmap.length * 4);
    const first = counting.bytesRead;
    expect(first).toBeGreaterThanOrEqual(bitmap.length - 4096);
    for (const pfn of [5, 100_000, 4_000_000, 8_000_000]) expect(await map.rank(pfn)).toBe(Math.ceil(pfn / 2));
    expect(counting.bytesRead - first).toBeLessThanOrEqual(4 * 4096);
  });
});
