import type { PhysicalMemory } from '../../../core/mem';
import { type PageScanner, windowedPageScanner, type WindowScan } from '../../../core/kho';

/**
 * RAM scanned per window worker. In a trial reading 8 GiB through 1 GiB
 * workers, Chromium peaked 150–180 MiB above its start (the chunk buffers
 * one worker leaves before it is ended); bigger windows would let that
 * grow, smaller ones pay more for starting workers and reopening the image.
 */
export const SCAN_WINDOW_BYTES = 2 ** 30;

/**
 * How to scan `memory`: in this worker (undefined: `findKhoRoots`' default)
 * when its RAM fits one window or no window scan is available, else window
 * by window through `scanWindow`.
 */
export function pageScannerFor(
  memory: PhysicalMemory,
  scanWindow: WindowScan | undefined,
  windowBytes = SCAN_WINDOW_BYTES,
): PageScanner | undefined {
  if (!scanWindow) return undefined;
  const ram = memory.ranges.reduce((sum, range) => sum + (range.end - range.start), 0);
  return ram > windowBytes ? windowedPageScanner(windowBytes, scanWindow) : undefined;
}
