import type { ByteSource } from '../ByteSource';
import { MemoryError } from '../MemoryError';
import type { DtbImage } from '../OpenedImage';
import type { MemoryLimits } from '../OpenImageOptions';
import { readFully } from '../sources/readRange';

/**
 * Opens a lone DTB (FDT magic at offset 0): the whole file, bounded by
 * `maxBlobBytes`. Its header is not checked here: the FDT reader reports
 * problems with offsets (a debugfs `fdt` may legitimately be truncated).
 */
export async function openDtb(source: ByteSource, limits: MemoryLimits): Promise<DtbImage> {
  if (source.size > limits.maxBlobBytes) {
    throw new MemoryError(
      'file',
      0,
      'device tree blob',
      `${source.size} bytes exceed the ${limits.maxBlobBytes}-byte limit for a lone DTB`,
    );
  }
  return { kind: 'dtb', bytes: await readFully(source, 0, source.size, 'device tree blob'), source, warnings: [] };
}
