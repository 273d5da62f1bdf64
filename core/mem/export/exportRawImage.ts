import { MemoryError } from '../MemoryError';
import type { RawImage } from '../OpenedImage';
import type { ExportFile } from './ExportPlan';
import { fileBaseName } from './fileBaseName';
import { overlayChanges, placement, type PageChange } from './pageChanges';

/**
 * Exports a raw image with changed pages: same size, changed bytes laid over
 * the original. A raw file cannot grow holes or new ranges, so a page outside
 * (or across the end of) the file is refused.
 */
export function exportRawImage(image: RawImage, changes: readonly PageChange[]): ExportFile {
  const { source, base, pageSize } = image;
  for (const change of changes) {
    if (placement(image.memory.ranges, change.address, change.address + pageSize) !== 'inside') {
      throw new MemoryError(
        'physical',
        change.address,
        'raw export',
        `changed page lies outside the raw image [0x${base.toString(16)}, 0x${(base + source.size).toString(16)}); export as ELF to add memory (container: 'elf')`,
      );
    }
  }
  const parts = overlayChanges(base, source.size, changes, (address, length) => [
    { kind: 'source', source, offset: address - base, length },
  ]);
  return { path: fileBaseName(source.name), size: source.size, parts };
}
