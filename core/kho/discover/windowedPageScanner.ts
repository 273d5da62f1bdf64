import type { PhysicalMemory, PhysRange } from '../../mem/PhysicalMemory';
import { emptyPageScan, type PageScan, type PageScanner, type PageScanSettings } from './PageScan';
import { pageStartSpans, storedPageStarts } from './storedPageStarts';

/**
 * Runs the page scan of one window: must give what `probePageStarts` gives
 * for the same memory with `settings.within` set to `window`.
 */
export type WindowScan = (window: PhysRange, settings: PageScanSettings) => Promise<PageScan>;

/**
 * Cuts the page starts of `memory` (inside `within`, when given) into
 * windows holding at most `windowBytes` of stored RAM each, in address
 * order. Every cut falls on a page boundary, so no page start is split
 * between two windows; a window may stretch over holes and over RAM the
 * image does not store (`storedPageStarts`), which are never read, so a
 * header declaring 2^48 bytes of zero-fill gives one window, not 2^18.
 */
export async function scanWindows(
  memory: PhysicalMemory,
  pageSize: number,
  windowBytes: number,
  within?: PhysRange,
  signal?: AbortSignal,
): Promise<PhysRange[]> {
  const size = Math.max(pageSize, windowBytes - (windowBytes % pageSize));
  const windows: PhysRange[] = [];
  let current: PhysRange | null = null;
  let filled = 0;
  for await (const run of storedPageStarts(memory, pageSize, within, signal)) {
    for (let at = run.start; at < run.end; ) {
      if (current === null) {
        current = { start: at, end: at };
        filled = 0;
      }
      const take = Math.min(run.end - at, size - filled);
      at += take;
      current.end = at;
      // A run's page-start part begins on a page boundary; counting its
      // last partial page as whole keeps every later cut on a boundary too.
      filled += Math.ceil(take / pageSize) * pageSize;
      if (filled >= size) {
        windows.push(current);
        current = null;
      }
    }
  }
  if (current !== null) windows.push(current);
  return windows;
}

/**
 * A page scanner that scans `windowBytes` of RAM at a time through
 * `runWindow` and merges the parts into the one result a whole scan gives
 * (hits in address order, the `maxHits` cap over all of them, progress over
 * the whole image). The explorer runs each window in a fresh worker, so the
 * read buffers a browser hands out per chunk are freed with that worker
 * instead of piling up for a whole multi-GiB scan.
 */
export function windowedPageScanner(windowBytes: number, runWindow: WindowScan): PageScanner {
  return async (memory, settings) => {
    const { signal, onProgress, maxHits, pageSize } = settings;
    signal?.throwIfAborted();
    const windows = await scanWindows(memory, pageSize, windowBytes, settings.within, signal);
    const totalBytes = pageStartSpans(memory, pageSize, settings.within).reduce(
      (sum, span) => sum + (span.end - span.start),
      0,
    );
    const merged = emptyPageScan(totalBytes);
    for (const window of windows) {
      signal?.throwIfAborted();
      const before = merged.bytesScanned;
      const reportWindow =
        onProgress &&
        ((progress: { bytesScanned: number }) =>
          onProgress({ bytesScanned: before + progress.bytesScanned, totalBytes }));
      const part = await runWindow(window, { ...settings, within: window, onProgress: reportWindow });
      mergePageScan(merged, part, maxHits);
      onProgress?.({ bytesScanned: merged.bytesScanned, totalBytes });
    }
    if (merged.bytesScanned < totalBytes) {
      // RAM outside every window holds no stored page start: skipped unread.
      merged.bytesSkipped += totalBytes - merged.bytesScanned;
      merged.bytesScanned = totalBytes;
      onProgress?.({ bytesScanned: totalBytes, totalBytes });
    }
    return merged;
  };
}

/** Adds a later window's scan to `merged`, keeping at most `maxHits` hits. */
function mergePageScan(merged: PageScan, part: PageScan, maxHits: number): void {
  for (const hit of part.hits) {
    if (merged.hits.length < maxHits) merged.hits.push(hit);
    else if (merged.hitsDropped++ === 0) merged.firstDroppedAt = hit.address;
  }
  if (part.hitsDropped > 0) {
    merged.hitsDropped += part.hitsDropped;
    merged.firstDroppedAt ??= part.firstDroppedAt;
  }
  merged.problems.push(...part.problems);
  merged.bytesScanned += part.bytesScanned;
  merged.bytesSkipped += part.bytesSkipped;
}
