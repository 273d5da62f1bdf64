import { MemoryError } from '../MemoryError';
import type { KdumpImage, RawImage } from '../OpenedImage';
import type { PhysRange } from '../PhysicalMemory';
import { encodeElfNotes } from './elfNoteEncoding';
import { partLength, type ExportFile, type ExportPart } from './ExportPlan';
import { writeElfCore, type ElfSegmentOut } from './ElfCoreWriter';
import { fileBaseName } from './fileBaseName';
import { elfMachineFor } from './machineNumbers';
import { newPageSegments } from './newPageSegments';
import { adjacentRuns, changesWithin, overlayChanges, placement, type PageChange } from './pageChanges';

const PT_LOAD = 1;
const PT_NOTE = 4;
const PF_RWX = 7;

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

  const segments: ElfSegmentOut[] = [];
  for (const part of await noteParts(image)) {
    const length = partLength(part);
    segments.push({
      type: PT_NOTE,
      flags: 0,
      vaddr: 0n,
      paddr: 0n,
      memsz: BigInt(length),
      align: 0n,
      filesz: length,
      parts: [part],
    });
  }

  for (const range of memory.ranges) {
    const touching = changesWithin(changes, range.start, range.end);
    const stored = mergeRuns([...(await storedRuns(image, range, maxRuns)), ...adjacentRuns(touching)]);
    for (const piece of segmentPieces(range, stored)) {
      const length = piece.storedEnd - piece.start;
      const parts = overlayChanges(piece.start, length, touching, (address, n): ExportPart[] => [
        { kind: 'memory', memory, address, length: n },
      ]);
      segments.push({
        type: PT_LOAD,
        flags: PF_RWX,
        vaddr: 0n,
        paddr: BigInt(piece.start),
        memsz: BigInt(piece.end - piece.start),
        align: 0n,
        filesz: length,
        parts,
      });
    }
  }
  segments.push(...newPageSegments(fresh, pageSize, PF_RWX));

  const littleEndian = image.container === 'kdump' ? image.kdump.littleEndian : true;
  const machine = image.container === 'kdump' ? elfMachineFor(image.kdump.machine) : 0;
  const { parts, size } = writeElfCore({
    elfClass: 64,
    littleEndian,
    osAbi: 0,
    abiVersion: 0,
    machine,
    flags: 0,
    entry: 0n,
    segments,
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

/** Sorts and merges overlapping or touching runs. */
function mergeRuns(runs: PhysRange[]): PhysRange[] {
  const merged: PhysRange[] = [];
  for (const run of [...runs].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && run.start <= last.end) last.end = Math.max(last.end, run.end);
    else merged.push({ start: run.start, end: run.end });
  }
  return merged;
}

/** Splits a RAM range into segments [start, storedEnd) stored + [storedEnd, end) zero-fill. */
function segmentPieces(
  range: PhysRange,
  stored: PhysRange[],
): Array<{ start: number; storedEnd: number; end: number }> {
  const pieces: Array<{ start: number; storedEnd: number; end: number }> = [];
  if (stored.length === 0 || stored[0].start > range.start) {
    pieces.push({ start: range.start, storedEnd: range.start, end: stored[0]?.start ?? range.end });
  }
  stored.forEach((run, i) =>
    pieces.push({ start: run.start, storedEnd: run.end, end: stored[i + 1]?.start ?? range.end }),
  );
  return pieces;
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
