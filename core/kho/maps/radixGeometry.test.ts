import { describe, expect, it } from 'vitest';
import { MapError } from './MapError';
import { levelShift, radixGeometry, radixKey } from './radixGeometry';

describe('radixGeometry', () => {
  it('has the depths of kho-format.md §2.2 for both formulas', () => {
    expect([4096, 16384, 65536].map((ps) => radixGeometry(ps).depth)).toEqual([6, 5, 4]);
    expect([4096, 16384, 65536].map((ps) => radixGeometry(ps, 'original').depth)).toEqual([6, 4, 4]);
    expect(radixGeometry(16384).depthReason).toMatch(/before the fix have 4/);
  });

  it('reproduces the worked example: 4 KiB, order 0, pa 0x1000_0000', () => {
    const g = radixGeometry(4096);
    const key = radixKey(g, 0x1000_0000, 0);
    expect(BigInt(key)).toBe(0x0010_0000_0001_0000n);
    const indexAt = (level: number) => Math.floor(key / 2 ** levelShift(g, level)) % 2 ** g.tableLog2;
    expect(indexAt(5)).toBe(2);
    expect([indexAt(4), indexAt(3), indexAt(2)]).toEqual([0, 0, 0]);
    expect(indexAt(1)).toBe(2);
    expect(key % 2 ** g.bitmapLog2).toBe(0);
  });

  it('puts the order bit at 64 − S − order', () => {
    const g = radixGeometry(65536);
    expect(radixKey(g, 0, 0)).toBe(2 ** 48);
    expect(radixKey(g, 0, 3)).toBe(2 ** 45);
    expect(radixKey(g, 65536 * 8 * 5, 3)).toBe(2 ** 45 + 5);
  });

  it('rejects odd page sizes and misaligned blocks', () => {
    expect(() => radixGeometry(8192 + 4096)).toThrow(MapError);
    expect(() => radixGeometry(2048)).toThrow(MapError);
    expect(() => radixKey(radixGeometry(4096), 0x1000, 1)).toThrow(MapError);
  });
});
