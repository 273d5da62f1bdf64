import { storedRunsOf, type PhysicalMemory, type PhysRange } from '../../mem/PhysicalMemory';

/** A run of page starts the image stores, and how far through the RAM spans it ends. */
export interface StoredSpan extends PhysRange {
  /** Bytes of all page-start spans (see `pageStartSpans`) before `end`: progress. */
  doneAtEnd: number;
}

/**
 * Each RAM range from its first page start on, cut to `within` (ranges too
 * short to hold a page start are left out).
 */
export function pageStartSpans(memory: PhysicalMemory, pageSize: number, within?: PhysRange): PhysRange[] {
  const spans: PhysRange[] = [];
  for (const range of memory.ranges) {
    const start = Math.ceil(Math.max(range.start, within?.start ?? 0) / pageSize) * pageSize;
    const end = Math.min(range.end, within?.end ?? Infinity);
    if (start < end) spans.push({ start, end });
  }
  return spans;
}

/**
 * The page starts of `memory` (inside `within`) that can begin with a magic:
 * the stored parts of each page-start span, from their first page start on.
 * A page whose first bytes are zero-fill or excluded reads as zeros and can
 * hold neither an FDT nor an anchor page, so it is never read.
 */
export async function* storedPageStarts(
  memory: PhysicalMemory,
  pageSize: number,
  within?: PhysRange,
  signal?: AbortSignal,
): AsyncGenerator<StoredSpan> {
  let before = 0;
  for (const span of pageStartSpans(memory, pageSize, within)) {
    for await (const run of storedRunsOf(memory, span, signal)) {
      const start = Math.ceil(run.start / pageSize) * pageSize;
      if (start < run.end) yield { start, end: run.end, doneAtEnd: before + (run.end - span.start) };
    }
    before += span.end - span.start;
  }
}
