import { PT_LOAD, PT_NOTE } from '../../mem/containers/ElfCoreHeader';
import { writeElfCore, type ElfSegmentOut } from '../../mem/export/ElfCoreWriter';
import { encodeElfNotes, type ElfNoteSpec } from '../../mem/export/elfNoteEncoding';
import { PartList, type ExportFile } from '../../mem/export/ExportPlan';
import { elfMachineFor } from '../../mem/export/machineNumbers';
import type { MemoryImage } from '../../mem/OpenedImage';
import type { PhysRange } from '../../mem/PhysicalMemory';
import type { PreservedRanges } from '../maps/PreservedRanges';

const PF_RWX = 7;

/**
 * Lays out the carved ELF64 core: one `PT_NOTE` with `notes`, then every RAM
 * range of the input as `PT_LOAD` segments (`p_paddr` = physical address,
 * `p_vaddr` 0). Each run of adjacent kept pages is stored; the bytes of those
 * pages that were not kept are stored as zeros, and the pages between runs
 * are the zero-fill tail (`p_memsz` beyond `p_filesz`) of the segment
 * before, so the carved image has the input's RAM ranges while holding
 * only the kept bytes. Same RAM ranges means every "is it in the image"
 * question (dangling pointers, map ranges outside RAM, root ranking)
 * answers as it did for the input. Page bytes are read from the input
 * while writing. Byte order and `e_machine` follow the input (little-endian
 * and EM_NONE for a raw dump).
 */
export function carvedElfFile(
  image: MemoryImage,
  kept: PreservedRanges,
  pageSize: number,
  notes: readonly ElfNoteSpec[],
): ExportFile {
  const { littleEndian, machine } = elfIdentity(image);
  const note = encodeElfNotes(notes, littleEndian);
  const segments: ElfSegmentOut[] = [
    {
      type: PT_NOTE,
      flags: 0,
      vaddr: 0n,
      paddr: 0n,
      memsz: BigInt(note.length),
      align: 0n,
      filesz: note.length,
      parts: [{ kind: 'bytes', bytes: note }],
    },
  ];
  const runs = keptPageRuns(kept, pageSize);
  for (const range of image.memory.ranges) {
    const stored = runs.flatMap((run) =>
      run.end <= range.start || run.start >= range.end
        ? []
        : [{ start: Math.max(run.start, range.start), end: Math.min(run.end, range.end) }],
    );
    for (const piece of rangePieces(range, stored)) {
      const parts = new PartList();
      for (const span of keptSpans(kept, piece.start, piece.storedEnd)) {
        parts.push(
          span.kept
            ? { kind: 'memory', memory: image.memory, address: span.start, length: span.end - span.start }
            : { kind: 'zeros', length: span.end - span.start },
        );
      }
      segments.push({
        type: PT_LOAD,
        flags: PF_RWX,
        vaddr: 0n,
        paddr: BigInt(piece.start),
        memsz: BigInt(piece.end - piece.start),
        align: 0n,
        filesz: parts.size,
        parts: parts.parts,
      });
    }
  }
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
  return { path: 'carved.elf', size, parts };
}

/** Byte order and machine of the input, so tools that check `e_machine` see the right one. */
function elfIdentity(image: MemoryImage): { littleEndian: boolean; machine: number } {
  if (image.container === 'elf') return { littleEndian: image.elf.littleEndian, machine: image.elf.machine };
  if (image.container === 'kdump')
    return { littleEndian: image.kdump.littleEndian, machine: elfMachineFor(image.kdump.machine) };
  return { littleEndian: true, machine: 0 };
}

/** The kept bytes rounded out to whole pages, adjacent pages merged into runs. */
function keptPageRuns(kept: PreservedRanges, pageSize: number): PhysRange[] {
  const runs: PhysRange[] = [];
  for (const { start, end } of kept.toArray()) {
    const from = start - (start % pageSize);
    const to = Math.ceil(end / pageSize) * pageSize;
    const last = runs[runs.length - 1];
    if (last && from <= last.end) last.end = Math.max(last.end, to);
    else runs.push({ start: from, end: to });
  }
  return runs;
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

/** [start, end) cut into the stretches that were kept and those that were not. */
function keptSpans(kept: PreservedRanges, start: number, end: number): { start: number; end: number; kept: boolean }[] {
  const spans: { start: number; end: number; kept: boolean }[] = [];
  let at = start;
  for (let i = firstEndingAfter(kept, start); i < kept.count && kept.start(i) < end; i++) {
    const from = Math.max(kept.start(i), start);
    const to = Math.min(kept.end(i), end);
    if (from > at) spans.push({ start: at, end: from, kept: false });
    spans.push({ start: from, end: to, kept: true });
    at = to;
  }
  if (at < end) spans.push({ start: at, end, kept: false });
  return spans;
}

/** Index of the first kept range that ends after `address` (binary search). */
function firstEndingAfter(kept: PreservedRanges, address: number): number {
  let lo = 0;
  let hi = kept.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (kept.end(mid) <= address) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
