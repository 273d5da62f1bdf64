import { elfIdentityOf } from '../../mem/export/elfIdentityOf';
import { encodeElfNotes, type ElfNoteSpec } from '../../mem/export/elfNoteEncoding';
import { PartList, type ExportFile } from '../../mem/export/ExportPlan';
import { mergeRuns } from '../../mem/export/mergeRuns';
import { writeMemoryElfCore } from '../../mem/export/writeMemoryElfCore';
import type { MemoryImage } from '../../mem/OpenedImage';
import type { PhysRange } from '../../mem/PhysicalMemory';
import type { PreservedRanges } from '../maps/PreservedRanges';

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
  const identity = elfIdentityOf(image);
  const runs = keptPageRuns(kept, pageSize);
  const { parts, size } = writeMemoryElfCore({
    ...identity,
    notes: [{ kind: 'bytes', bytes: encodeElfNotes(notes, identity.littleEndian) }],
    ranges: image.memory.ranges.map((range) => ({
      range,
      stored: runs.flatMap((run) =>
        run.end <= range.start || run.start >= range.end
          ? []
          : [{ start: Math.max(run.start, range.start), end: Math.min(run.end, range.end) }],
      ),
      bytes: (start, length) => {
        const parts = new PartList();
        for (const span of keptSpans(kept, start, start + length)) {
          parts.push(
            span.kept
              ? { kind: 'memory', memory: image.memory, address: span.start, length: span.end - span.start }
              : { kind: 'zeros', length: span.end - span.start },
          );
        }
        return parts.parts;
      },
    })),
  });
  return { path: 'carved.elf', size, parts };
}

/** The kept bytes rounded out to whole pages, adjacent pages merged into runs. */
function keptPageRuns(kept: PreservedRanges, pageSize: number): PhysRange[] {
  return mergeRuns(
    kept.toArray().map(({ start, end }) => ({
      start: start - (start % pageSize),
      end: Math.ceil(end / pageSize) * pageSize,
    })),
  );
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
