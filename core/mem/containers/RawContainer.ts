import type { ByteSource } from '../ByteSource';
import type { RawImage } from '../OpenedImage';
import type { ResolvedOpenOptions } from '../OpenImageOptions';
import { CachedSource } from '../sources/CachedSource';
import { RawMemory } from './RawMemory';

/** Opens a flat dump: byte 0 of the file is physical address `options.base`. */
export function openRaw(source: ByteSource, options: ResolvedOpenOptions): RawImage {
  const cached = new CachedSource(source, {
    chunkBytes: options.limits.cacheChunkBytes,
    maxBytes: options.limits.cacheBytes,
  });
  const memory = new RawMemory(cached, options.base, options.pageSize);
  return {
    kind: 'memory',
    container: 'raw',
    source,
    base: options.base,
    memory,
    notes: { hasQemuNote: false, entries: [] },
    pageSize: options.pageSize,
    warnings: [],
  };
}
