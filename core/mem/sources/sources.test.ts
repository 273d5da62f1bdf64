import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryError } from '../MemoryError';
import { BlobSource } from './BlobSource';
import { BytesSource } from './BytesSource';
import { CachedSource } from './CachedSource';
import { CountingSource } from './CountingSource';
import { LruCache } from './LruCache';
import { NodeFileSource } from './NodeFileSource';
import { readFully, readFullyInto, readSourceInto } from './readRange';

const data = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31 + 7) & 0xff);

describe('byte sources', () => {
  it('BytesSource, BlobSource and NodeFileSource agree, clamping at the end', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khoscope-src-'));
    try {
      await writeFile(join(dir, 'f.bin'), data);
      const file = await NodeFileSource.open(join(dir, 'f.bin'));
      const sources = [new BytesSource(data, 'b'), new BlobSource(new Blob([data]), 'blob'), file];
      for (const s of sources) {
        expect(s.size).toBe(10_000);
        expect(await s.read(100, 50)).toEqual(data.subarray(100, 150));
        expect(await s.read(9_990, 100)).toEqual(data.subarray(9_990));
        expect((await s.read(20_000, 10)).length).toBe(0);
        await expect(s.read(-1, 4)).rejects.toThrow(MemoryError);
        await expect(s.read(1.5, 4)).rejects.toThrow(/not a non-negative integer/);
      }
      await file.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('BlobSource takes the File name', () => {
    expect(new BlobSource(new File([data], 'dump.elf')).name).toBe('dump.elf');
  });

  it('readFully names the structure when the file is too short', async () => {
    await expect(readFully(new BytesSource(data, 'x'), 9_990, 20, 'kdump header')).rejects.toThrow(
      /kdump header at file offset 0x2706: needs 20 bytes/,
    );
  });
});

/** A target full of a marker, so bytes a read did not write stand out. */
const dirty = (length: number) => new Uint8Array(length).fill(0xa5);

describe('readInto', () => {
  it('every source writes the same bytes as read() into the target, clamps at the end and leaves the rest alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khoscope-src-'));
    try {
      await writeFile(join(dir, 'f.bin'), data);
      const file = await NodeFileSource.open(join(dir, 'f.bin'));
      const plain = {
        name: 'plain',
        size: data.length,
        read: (o: number, l: number) => new BytesSource(data).read(o, l),
      };
      const sources = [
        new BytesSource(data, 'b'),
        new BlobSource(new Blob([data]), 'blob'),
        file,
        new CountingSource(new BytesSource(data)),
        new CachedSource(new BytesSource(data), { chunkBytes: 1024, maxBytes: 4096 }),
        plain,
      ];
      for (const s of sources) {
        for (const [offset, length] of [
          [0, 10_000],
          [100, 50],
          [1000, 100],
          [0, 5000],
          [4095, 3000],
        ]) {
          const target = dirty(length);
          expect(await readSourceInto(s, offset, target), `${s.name} count`).toBe(length);
          expect(target, `${s.name} [${offset}, +${length})`).toEqual(await s.read(offset, length));
        }
        const tail = dirty(100);
        expect(await readSourceInto(s, 9_990, tail)).toBe(10);
        expect(tail.subarray(0, 10)).toEqual(data.subarray(9_990));
        expect(tail.subarray(10)).toEqual(dirty(90));
        expect(await readSourceInto(s, 20_000, dirty(4))).toBe(0);
        await expect(readSourceInto(s, -1, dirty(4))).rejects.toThrow(MemoryError);
        await expect(readSourceInto(s, 1.5, dirty(4))).rejects.toThrow(/not a non-negative integer/);
      }
      await file.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('CachedSource hands large reads to the wrapped readInto without caching them', async () => {
    const counting = new CountingSource(new BytesSource(data));
    const cached = new CachedSource(counting, { chunkBytes: 1024, maxBytes: 4096 });
    const target = dirty(5000);
    expect(await cached.readInto(100, target)).toBe(5000);
    expect(target).toEqual(data.subarray(100, 5100));
    expect(counting.reads).toBe(1);
    expect(counting.bytesRead).toBe(5000);
  });

  it('CachedSource turns platform failures of readInto into MemoryError', async () => {
    const failing = {
      name: 'failing',
      size: 100_000,
      read: async () => new Uint8Array(0),
      readInto: () => Promise.reject(new Error('EIO')),
    };
    const cached = new CachedSource(failing, { chunkBytes: 64, maxBytes: 1024 });
    await expect(cached.readInto(0, new Uint8Array(1000))).rejects.toThrow(
      /file failing at file offset 0x0: read of 1000 bytes failed: EIO/,
    );
  });

  it('readFullyInto names the structure when the file is too short', async () => {
    await expect(readFullyInto(new BytesSource(data, 'x'), 9_990, new Uint8Array(20), 'kdump header')).rejects.toThrow(
      /kdump header at file offset 0x2706: needs 20 bytes/,
    );
    const lying = {
      name: 'lying',
      size: 10_000,
      read: async (o: number, l: number) => data.subarray(o, o + Math.min(l, 3)),
    };
    await expect(readFullyInto(lying, 0, new Uint8Array(8), 'ELF header')).rejects.toThrow(
      /ELF header at file offset 0x0: read 3 of 8 bytes from lying/,
    );
  });
});

describe('CachedSource', () => {
  it('serves reads across chunk edges from aligned chunks, and bypasses large reads', async () => {
    const counting = new CountingSource(new BytesSource(data));
    const cached = new CachedSource(counting, { chunkBytes: 1024, maxBytes: 4096 });
    expect(await cached.read(1000, 100)).toEqual(data.subarray(1000, 1100));
    expect(counting.reads).toBe(2);
    expect(await cached.read(1010, 20)).toEqual(data.subarray(1010, 1030));
    expect(counting.reads).toBe(2);
    expect(await cached.read(9_900, 500)).toEqual(data.subarray(9_900));
    expect(await cached.read(0, 5000)).toEqual(data.subarray(0, 5000));
    expect(counting.bytesRead).toBe(2048 + 784 + 5000);
  });

  it('stays within its byte bound', async () => {
    const counting = new CountingSource(new BytesSource(data));
    const cached = new CachedSource(counting, { chunkBytes: 1024, maxBytes: 2048 });
    for (const at of [0, 1024, 2048, 0]) await cached.read(at, 10);
    // The chunk at 0 was evicted by the third one, so it is read again.
    expect(counting.reads).toBe(4);
  });

  it('turns platform read failures into MemoryError and retries later', async () => {
    let fail = true;
    const flaky = {
      name: 'flaky',
      size: 100,
      read: async (o: number, l: number) => (fail ? Promise.reject(new Error('EIO')) : data.subarray(o, o + l)),
    };
    const cached = new CachedSource(flaky, { chunkBytes: 64, maxBytes: 1024 });
    await expect(cached.read(0, 4)).rejects.toThrow(/read of 64 bytes failed: EIO/);
    fail = false;
    expect(await cached.read(0, 4)).toEqual(data.subarray(0, 4));
  });
});

describe('LruCache', () => {
  it('evicts least recently used entries by cost', () => {
    const lru = new LruCache<string, number>(3);
    lru.set('a', 1, 1);
    lru.set('b', 2, 1);
    lru.set('c', 3, 1);
    expect(lru.get('a')).toBe(1);
    lru.set('d', 4, 1);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.cost).toBe(3);
  });
});
