import { describe, expect, it } from 'vitest';
import { SparseMemory } from './SparseMemory';
import { MemoryError } from './MemoryError';

describe('SparseMemory', () => {
  const mem = () =>
    new SparseMemory(4096, [
      { start: 0x40000000, end: 0x40010000 },
      { start: 0x1000, end: 0x3000 },
    ]);

  it('sorts ranges and reads unwritten pages as zero', async () => {
    const m = mem();
    expect(m.ranges.map((r) => r.start)).toEqual([0x1000, 0x40000000]);
    expect(await m.read(0x40000ff0, 32)).toEqual(new Uint8Array(32));
  });

  it('writes and reads across a page boundary', async () => {
    const m = mem();
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => i + 1);
    m.write(0x40000fd0, bytes);
    expect(await m.read(0x40000fd0, 100)).toEqual(bytes);
    expect(m.writtenPages()).toEqual([0x40000000, 0x40001000]);
  });

  it('rejects reads into holes with the address named', async () => {
    const m = mem();
    await expect(m.read(0x2ff0, 32)).rejects.toThrow(MemoryError);
    await expect(m.read(0x2ff0, 32)).rejects.toThrow(/0x2ff0/);
    expect(m.contains(0x1000, 0x2000)).toBe(true);
    expect(m.contains(0x1000, 0x2001)).toBe(false);
    expect(await m.pageState(0x2fff)).toBe('stored');
    expect(await m.pageState(0x3000)).toBe('hole');
  });

  it('rejects overlapping or unaligned ranges', () => {
    expect(
      () =>
        new SparseMemory(4096, [
          { start: 0, end: 0x2000 },
          { start: 0x1000, end: 0x3000 },
        ]),
    ).toThrow(/overlap/);
    expect(() => new SparseMemory(4096, [{ start: 0x10, end: 0x2000 }])).toThrow(/aligned/);
  });
});
