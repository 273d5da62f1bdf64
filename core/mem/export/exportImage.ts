import { MemoryError } from '../MemoryError';
import type { OpenedImage } from '../OpenedImage';
import { defaultMemoryLimits } from '../OpenImageOptions';
import { exportDebugfsSet, exportDtb } from './exportBlobSet';
import { exportElfImage } from './exportElfImage';
import { exportMemoryAsElf } from './exportMemoryAsElf';
import type { ExportChanges, ExportPlan } from './ExportPlan';
import { exportRawImage } from './exportRawImage';
import { sortedPageChanges } from './pageChanges';

/** Options of `exportImage`. */
export interface ExportOptions {
  /** `same` (default): ELF stays ELF, raw stays raw; kdump always becomes ELF. `elf`: write an ELF core from a raw image too. */
  container?: 'same' | 'elf';
  /** Bound on the runs of dumped pages a kdump may produce (default: the open limit's `maxRanges`). */
  maxRuns?: number;
}

/**
 * Plans the export of an opened image with changes: the same container with
 * changed pages (ELF, raw), kdump as ELF, a debugfs set as files, a DTB as
 * itself. The plan references unchanged bytes lazily; write it with
 * `writeExportPlan` (Node) or `exportFileToBlob` (browser).
 */
export async function exportImage(
  image: OpenedImage,
  changes: ExportChanges,
  options: ExportOptions = {},
): Promise<ExportPlan> {
  if (image.kind !== 'memory') {
    if (changes.pages && changes.pages.size > 0)
      throw new MemoryError('physical', 0, 'export', `a ${image.kind} image has no physical memory to change pages in`);
    const blobs = changes.blobs ?? new Map<string, Uint8Array>();
    return image.kind === 'debugfs'
      ? { container: 'debugfs', files: exportDebugfsSet(image, blobs) }
      : { container: 'dtb', files: [exportDtb(image, blobs)] };
  }
  if (changes.blobs && changes.blobs.size > 0)
    throw new MemoryError('file', 0, 'export', 'a memory image has no blob files: change pages instead');
  const pages = sortedPageChanges(changes.pages, image.pageSize);
  const maxRuns = options.maxRuns ?? defaultMemoryLimits.maxRanges;
  if (image.container === 'elf') return { container: 'elf', files: [exportElfImage(image, pages)] };
  if (image.container === 'raw' && options.container !== 'elf')
    return { container: 'raw', files: [exportRawImage(image, pages)] };
  return { container: 'elf', files: [await exportMemoryAsElf(image, pages, maxRuns)] };
}
