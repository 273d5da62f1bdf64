import { describe, expect, it } from 'vitest';
import { PageCache } from './PageCache';

const PS = 4096;

/** A fake memory whose reads resolve when told, and fail in [0xf000, 0x10000). */
function fakeMemory() {
  const reads: number[] = [];
  const waiting: (() => void)[] = [];
  const read = (address: number, length: number) => {
    reads.push(address);
    return new Promise<Uint8Array>((resolve, reject) => {
      waiting.push(() =>
        address >= 0xf000 && address < 0x10000
          ? reject(new Error('hole'))
          : resolve(new Uint8Array(length).fill(address >>> 12)),
      );
    });
  };
  const flush = async () => {
    while (waiting.length > 0) waiting.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { read, reads, flush };
}

describe('PageCache', () => {
  it('reads each page once, page-sized, and serves bytes when they arrive', async () => {
    const memory = fakeMemory();
    const cache = new PageCache(memory.read, PS);
    let arrivals = 0;
    cache.subscribe(() => arrivals++);
    expect(cache.byteAt(0x3005)).toBeUndefined();
    expect(cache.byteAt(0x3fff)).toBeUndefined();
    expect(memory.reads).toEqual([0x3000]);
    await memory.flush();
    expect(arrivals).toBe(1);
    expect(cache.byteAt(0x3005)).toBe(3);
    expect(memory.reads).toEqual([0x3000]);
  });

  it('remembers unreadable pages as null without asking again', async () => {
    const memory = fakeMemory();
    const cache = new PageCache(memory.read, PS);
    cache.byteAt(0xf010);
    await memory.flush();
    expect(cache.byteAt(0xf010)).toBeNull();
    expect(memory.reads).toEqual([0xf000]);
  });

  it('evicts the least recently used page beyond its size', async () => {
    const memory = fakeMemory();
    const cache = new PageCache(memory.read, PS, 2);
    cache.get(0x1000);
    cache.get(0x2000);
    await memory.flush();
    cache.get(0x1000);
    cache.get(0x3000);
    await memory.flush();
    expect(cache.get(0x1000)).toBeInstanceOf(Uint8Array);
    expect(cache.get(0x2000)).toBeUndefined();
    expect(memory.reads).toEqual([0x1000, 0x2000, 0x3000, 0x2000]);
  });

  it('stops telling a listener that unsubscribed', async () => {
    const memory = fakeMemory();
    const cache = new PageCache(memory.read, PS);
    let arrivals = 0;
    const unsubscribe = cache.subscribe(() => arrivals++);
    cache.get(0x1000);
    unsubscribe();
    await memory.flush();
    expect(arrivals).toBe(0);
    expect(cache.get(0x1000)).toBeInstanceOf(Uint8Array);
  });
});
