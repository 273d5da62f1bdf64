import type { ByteSource } from './ByteSource';
import { openDebugfsSet } from './containers/DebugfsSet';
import { detectContainer } from './containers/detectContainer';
import { openDtb } from './containers/DtbContainer';
import { openElfCore } from './containers/ElfContainer';
import { FlattenedSource } from './containers/FlattenedSource';
import { openKdump } from './containers/KdumpContainer';
import { openRaw } from './containers/RawContainer';
import { MemoryError } from './MemoryError';
import type { OpenedImage } from './OpenedImage';
import { resolveOpenOptions, type OpenImageOptions } from './OpenImageOptions';

/** Bytes read to recognise a container. */
const SNIFF_BYTES = 64;

/**
 * Opens what the user brought: one file (ELF core, kdump-compressed file,
 * makedumpfile flattened stream, lone DTB, else a raw dump), or several files
 * (a KHO debugfs set). The container is recognised from the content, never
 * the file name. Only `MemoryError` is thrown; nothing reads a whole image.
 */
export async function openImage(
  input: ByteSource | readonly ByteSource[],
  options: OpenImageOptions = {},
): Promise<OpenedImage> {
  try {
    const resolved = resolveOpenOptions(options);
    const sources = Array.isArray(input) ? (input as readonly ByteSource[]) : [input as ByteSource];
    if (sources.length === 0) throw new MemoryError('file', 0, 'image', 'no file given');
    if (sources.length > 1) return await openDebugfsSet(sources, resolved.limits);
    const source = sources[0];
    if (source.size === 0) throw new MemoryError('file', 0, source.name, 'the file is empty');
    if (resolved.container === 'raw') return openRaw(source, resolved);
    const kind = detectContainer(await source.read(0, SNIFF_BYTES));
    switch (kind) {
      case 'elf':
        return await openElfCore(source, source, false, resolved);
      case 'kdump':
        return await openKdump(source, source, false, resolved);
      case 'dtb':
        return await openDtb(source, resolved.limits);
      case 'raw':
        return openRaw(source, resolved);
      case 'flattened': {
        const content = await FlattenedSource.index(source, {
          maxRecords: resolved.limits.maxFlatRecords,
          readBytes: resolved.limits.cacheChunkBytes * 16,
        });
        const inner = detectContainer(await content.read(0, SNIFF_BYTES));
        if (inner === 'kdump') return await openKdump(source, content, true, resolved);
        if (inner === 'elf') return await openElfCore(source, content, true, resolved);
        throw new MemoryError(
          'file',
          0,
          'makedumpfile flattened stream',
          'the rebuilt file is neither a kdump-compressed file nor an ELF core',
        );
      }
    }
  } catch (error) {
    throw asMemoryError(error);
  }
}

/** Anything unexpected (a platform read failure) becomes a `MemoryError`, so callers handle one type. */
function asMemoryError(error: unknown): MemoryError {
  if (error instanceof MemoryError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new MemoryError('file', 0, 'image', `could not be read: ${reason}`);
}
