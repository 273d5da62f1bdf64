import { describe, expect, it } from 'vitest';
import { ChunkBuffers } from './ChunkBuffers';

describe('ChunkBuffers', () => {
  it('makes nothing until a slot is first needed, then exactly what the chunk needs', () => {
    const buffers = new ChunkBuffers(4, 1 << 20);
    expect(buffers.allocations).toBe(0);
    const bytes = buffers.take(2, 4096);
    expect(bytes.length).toBe(4096);
    expect(bytes.buffer.byteLength).toBe(4096);
    expect(buffers.allocations).toBe(1);
  });

  it('reuses a slot for chunks no longer than its buffer', () => {
    const buffers = new ChunkBuffers(2, 1 << 20);
    const first = buffers.take(0, 8192);
    const second = buffers.take(0, 4096);
    expect(second.buffer).toBe(first.buffer);
    expect(second.length).toBe(4096);
    expect(buffers.allocations).toBe(1);
  });

  it('grows by at least doubling, never past chunkBytes', () => {
    const chunkBytes = 64 * 4096;
    const buffers = new ChunkBuffers(1, chunkBytes);
    // Chunks one page longer each time: 64 sizes, but only a few buffers.
    for (let pages = 1; pages <= 64; pages++) expect(buffers.take(0, pages * 4096).length).toBe(pages * 4096);
    expect(buffers.allocations).toBe(7); // 1, 2, 4, 8, 16, 32, 64 pages
    expect(buffers.take(0, chunkBytes).buffer.byteLength).toBe(chunkBytes);
  });

  it('keeps each slot apart', () => {
    const buffers = new ChunkBuffers(2, 1 << 16);
    expect(buffers.take(0, 100).buffer).not.toBe(buffers.take(1, 100).buffer);
  });

  it('refuses a chunk longer than chunkBytes', () => {
    expect(() => new ChunkBuffers(1, 4096).take(0, 4097)).toThrow(RangeError);
  });
});
