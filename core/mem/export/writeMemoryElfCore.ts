import { PT_LOAD, PT_NOTE } from '../containers/ElfCoreHeader';
import type { PhysRange } from '../PhysicalMemory';
import { writeElfCore, type ElfSegmentOut } from './ElfCoreWriter';
import { partLength, type ExportPart } from './ExportPlan';

/** `p_flags` of every segment a memory core stores: read, write, execute, as QEMU and makedumpfile write them. */
export const PF_RWX = 7;

/** One RAM range of a memory ELF core. */
export interface RamRangeOut {
  range: PhysRange;
  /** Sorted, disjoint runs inside `range` whose bytes the file stores; the rest of the range reads as zeros. */
  stored: readonly PhysRange[];
  /** The file bytes of stored physical bytes [address, address + length) (called only with length > 0). */
  bytes(address: number, length: number): ExportPart[];
}

/** A whole ELF64 core of physical memory (`ET_CORE`, no virtual addresses). */
export interface MemoryElfCoreOut {
  littleEndian: boolean;
  /** `e_machine` (0, EM_NONE, when not known). */
  machine: number;
  /** One `PT_NOTE` segment per part, in order, before the memory. */
  notes: readonly ExportPart[];
  ranges: readonly RamRangeOut[];
  /** Place each stored run's data at a file offset that is a multiple of this (QEMU's page alignment); none by default. */
  alignData?: number;
  /** Segments written after the RAM ranges (pages outside every range). */
  extra?: readonly ElfSegmentOut[];
}

/**
 * Lays out an ELF64 core of physical memory, the one layout every memory
 * core khoscope writes shares (built images, carved images, kdump and raw
 * exported as ELF): the notes, then each RAM range as `PT_LOAD` segments
 * with `p_paddr` the physical address and `p_vaddr` 0. Each stored run is
 * a segment's file bytes, and the gap up to the next run is that
 * segment's zero-fill tail (`p_memsz` beyond `p_filesz`); a range that
 * does not begin with a stored run begins with a segment that stores
 * nothing. So the file keeps the input's RAM ranges, and which pages are
 * stored, while holding only the stored bytes.
 */
export function writeMemoryElfCore(spec: MemoryElfCoreOut): { parts: ExportPart[]; size: number } {
  const segments: ElfSegmentOut[] = spec.notes.map((part) => {
    const length = partLength(part);
    return {
      type: PT_NOTE,
      flags: 0,
      vaddr: 0n,
      paddr: 0n,
      memsz: BigInt(length),
      align: 0n,
      filesz: length,
      parts: [part],
    };
  });
  for (const { range, stored, bytes } of spec.ranges) {
    for (const piece of rangePieces(range, stored)) {
      const length = piece.storedEnd - piece.start;
      segments.push({
        type: PT_LOAD,
        flags: PF_RWX,
        vaddr: 0n,
        paddr: BigInt(piece.start),
        memsz: BigInt(piece.end - piece.start),
        align: 0n,
        filesz: length,
        parts: length > 0 ? bytes(piece.start, length) : [],
        ...(spec.alignData ? { placeAt: { modulus: spec.alignData, remainder: 0 } } : {}),
      });
    }
  }
  segments.push(...(spec.extra ?? []));
  return writeElfCore({
    elfClass: 64,
    littleEndian: spec.littleEndian,
    osAbi: 0,
    abiVersion: 0,
    machine: spec.machine,
    flags: 0,
    entry: 0n,
    segments,
  });
}

/**
 * A RAM range as segments: [start, storedEnd) stored, [storedEnd, end)
 * zero-fill. A range that does not begin with a stored run starts with a
 * segment that stores nothing.
 */
function rangePieces(
  range: PhysRange,
  stored: readonly PhysRange[],
): { start: number; storedEnd: number; end: number }[] {
  const pieces: { start: number; storedEnd: number; end: number }[] = [];
  if (stored.length === 0 || stored[0].start > range.start)
    pieces.push({ start: range.start, storedEnd: range.start, end: stored[0]?.start ?? range.end });
  stored.forEach((run, i) =>
    pieces.push({ start: run.start, storedEnd: run.end, end: stored[i + 1]?.start ?? range.end }),
  );
  return pieces;
}
