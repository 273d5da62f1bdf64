import { MemoryError } from '../MemoryError';
import type { KdumpImage, RawImage } from '../OpenedImage';
import type { PhysRange } from '../PhysicalMemory';
import { encodeElfNotes } from './elfNoteEncoding';
import { elfIdentityOf } from './elfIdentityOf';
import type { ExportFile, ExportPart } from './ExportPlan';
import { fileBaseName } from './fileBaseName';
import { mergeRuns } from './mergeRuns';
import { newPageSegments } from './newPageSegments';
import { adjacentRuns, changesWithin, overlayChanges, placement, type PageChange } from './pageChanges';
import { PF_RWX, writeMemoryElfCore, type RamRangeOut } from './writeMemoryElfCore';

/**
 * Exports a kdump (or raw) image as an ELF64 core in the image's byte order.
 * Each RAM range becomes `PT_LOAD` segments: stored pages (dumped, or
 * changed) are written, and a run of excluded pages becomes the zero-fill
 * tail (`p_memsz` beyond `p_filesz`) of the segment before it, so page states
 * survive the round trip. Page data is decoded lazily while writing. Notes:
 * the kdump's ELF notes, plus a VMCOREINFO note when they lack one.
 */
export async function exportMemoryAsElf(
  image: KdumpImage | RawImage,
  changes: readonly PageChange[],
  maxRuns: number,
): Promise<ExportFile> {
  const { memory, pageSize } = image;
  const fresh: PageChange[] = [];
  for (const change of changes) {
    const where = placement(memory.ranges, change.address, change.address + pageSize);
    if (where === 'straddles')
      throw new MemoryError('physical', change.address, 'ELF export', 'changed page straddles the edge of a RAM range');
    if (where === 'outside') fresh.push(change);
  }

  const ranges: RamRangeOut[] = [];
  for (const range of memory.ranges) {
    const touching = changesWithin(changes, range.start, range.end);
    ranges.push({
      range,
      stored: mergeRuns([...(await storedRuns(image, range, maxRuns)), ...adjacentRuns(touching)]),
      bytes: (start, length) =>
        overlayChanges(start, length, touching, (address, n): ExportPart[] => [
          { kind: 'memory', memory, address, length: n },
        ]),
    });
  }
  const { parts, size } = writeMemoryElfCore({
    ...elfIdentityOf(image),
    notes: await noteParts(image),
    ranges,
    extra: newPageSegments(fresh, pageSize, PF_RWX),
  });
  return { path: `${fileBaseName(image.source.name)}.elf`, size, parts };
}

/** Physical runs whose bytes the image stores: kdump dumped pages, or the whole range of a raw image. */
async function storedRuns(image: KdumpImage | RawImage, range: PhysRange, maxRuns: number): Promise<PhysRange[]> {
  if (image.container === 'raw') return [range];
  const size = image.pageSize;
  const runs = await image.memory.dumpedRuns(range.start / size, range.end / size, maxRuns);
  return runs.map((r) => ({ start: r.start * size, end: r.end * size }));
}

/**
 * One part per PT_NOTE segment: the kdump's ELF notes, and a VMCOREINFO note
 * when only the sub-header holds it (a segment of its own, so the notes'
 * alignment cannot be disturbed).
 */
async function noteParts(image: KdumpImage | RawImage): Promise<ExportPart[]> {
  if (image.container === 'raw') return [];
  const parts: ExportPart[] = [];
  const { notes, vmcoreinfo, littleEndian } = image.kdump;
  if (notes) parts.push({ kind: 'source', source: image.content, offset: notes.offset, length: notes.size });
  const hasNote = image.notes.entries.some((e) => e.name === 'VMCOREINFO');
  if (vmcoreinfo && !hasNote) {
    const desc = await image.content.read(vmcoreinfo.offset, vmcoreinfo.size);
    parts.push({ kind: 'bytes', bytes: encodeElfNotes([{ name: 'VMCOREINFO', type: 0, desc }], littleEndian) });
  }
  return parts;
}
