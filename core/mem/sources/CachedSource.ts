import type { ByteSource } from '../ByteSource';
import { MemoryError } from '../MemoryError';
import { LruCache } from './LruCache';
import { clampRead, readSourceInto } from './readRange';

/** Sizes for a `CachedSource`. */
export interface CacheOptions {
  /** Bytes per cached chunk (aligned to multiples of itself in the file). */
  chunkBytes: number;
  /** Upper bound on the bytes held by the cache. */
  maxBytes: number;
}

/**
 * A page cache in front of a source: small reads (headers, page descriptors,
 * bitmap words, compressed pages) are served from aligned chunks kept in an
 * LRU bounded in bytes. Large reads bypass the cache so it is not flushed by
 * one bulk copy (and `readInto` hands them straight to the wrapped source's
 * `readInto`, so a bulk pass into a recycled buffer makes no copy here).
 * Concurrent reads of one chunk share one underlying read.
 */
export class CachedSource implements ByteSource {
  private readonly chunks: LruCache<number, Promise<Uint8Array>>;
  private readonly chunkBytes: number;

  constructor(
    private readonly inner: ByteSource,
    options: CacheOptions,
  ) {
    this.chunkBytes = options.chunkBytes;
    this.chunks = new LruCache(options.maxBytes);
  }

  get name(): string {
    return this.inner.name;
  }

  get size(): number {
    return this.inner.size;
  }

  /** Bytes [offset, offset + length), clamped to the end of the source. The result may share the cache's memory: treat it as read-only. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const [start, end] = clampRead(this.name, this.size, offset, length);
    if (end - start > 2 * this.chunkBytes) return this.readInner(start, end - start);
    const first = Math.floor(start / this.chunkBytes);
    const last = Math.floor((end - 1) / this.chunkBytes);
    if (end === start) return new Uint8Array(0);
    if (first === last) {
      const chunk = await this.chunk(first);
      const base = first * this.chunkBytes;
      return chunk.subarray(start - base, end - base);
    }
    const out = new Uint8Array(end - start);
    for (let index = first; index <= last; index++) {
      const chunk = await this.chunk(index);
      const base = index * this.chunkBytes;
      const from = Math.max(start, base);
      const to = Math.min(end, base + chunk.length);
      out.set(chunk.subarray(from - base, to - base), from - start);
      // A short chunk means the file ended early: return only what exists.
      if (to < Math.min(end, base + this.chunkBytes)) return out.subarray(0, to - start);
    }
    return out;
  }

  /**
   * Bytes [offset, offset + target.length), clamped to the end of the source,
   * written into `target`; resolves to the count. Large reads go straight to
   * the wrapped source; small ones are copied out of the cached chunks.
   */
  async readInto(offset: number, target: Uint8Array): Promise<number> {
    const [start, end] = clampRead(this.name, this.size, offset, target.length);
    if (end - start > 2 * this.chunkBytes)
      return this.guarded(start, end - start, () => readSourceInto(this.inner, start, target));
    const bytes = await this.read(start, end - start);
    target.set(bytes);
    return bytes.length;
  }

  private chunk(index: number): Promise<Uint8Array> {
    const cached = this.chunks.get(index);
    if (cached) return cached;
    const base = index * this.chunkBytes;
    const length = Math.min(this.chunkBytes, this.size - base);
    const reading = this.readInner(base, length);
    this.chunks.set(index, reading, length);
    // A failed read must not stay cached: the next caller retries.
    reading.catch(() => this.chunks.delete(index));
    return reading;
  }

  private readInner(offset: number, length: number): Promise<Uint8Array> {
    return this.guarded(offset, length, () => this.inner.read(offset, length));
  }

  /** Runs a read of the wrapped source; platform failures (I/O errors) become `MemoryError`s. */
  private async guarded<T>(offset: number, length: number, reading: () => Promise<T>): Promise<T> {
    try {
      return await reading();
    } catch (error) {
      if (error instanceof MemoryError) throw error;
      throw new MemoryError(
        'file',
        offset,
        `file ${this.name}`,
        `read of ${length} bytes failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
