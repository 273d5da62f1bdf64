import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { processTreeUsage } from '../../e2e/support/processTree';
import { writeSparseKhoImage } from '../writeSparseKhoImage';
import { dropAndTimeFirstCard, openStartPage } from './dropAndTimeFirstCard';

/** What opening a huge, mostly-hole image costs the browser. */
export interface SparseImageFigures {
  /** Milliseconds from the drop to the first graph card. */
  openMs: number;
  /** Largest growth of the resident memory of all Chromium processes over the start page, in bytes. */
  rssGrowthBytes: number;
  /** Largest growth of the page's JS heap (main thread, CDP JSHeapUsedSize), in bytes. */
  heapGrowthBytes: number;
}

const SAMPLE_EVERY_MS = 200;

/**
 * Writes a sparse raw image of `size` bytes (holes except one KHO root 8 MiB
 * before the end) under the OS temp folder, drops it on the explorer and
 * samples the browser's memory every 200 ms until the graph shows. The
 * image is deleted afterwards.
 */
export async function sparseImageFigures(
  page: Page,
  appUrl: string,
  size: number,
  timeoutMs: number,
): Promise<SparseImageFigures> {
  const folder = mkdtempSync(join(tmpdir(), 'khoscope-bench-sparse-'));
  const path = join(folder, 'sparse.raw');
  const cdp = await page.context().newCDPSession(page);
  try {
    writeSparseKhoImage(path, size);
    await cdp.send('Performance.enable');
    const heapUsed = async (): Promise<number> =>
      (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    await openStartPage(page, appUrl);
    const baseRss = processTreeUsage().rssBytes;
    const baseHeap = await heapUsed();
    let peakRss = baseRss;
    let peakHeap = baseHeap;
    const sample = async (): Promise<void> => {
      peakRss = Math.max(peakRss, processTreeUsage().rssBytes);
      peakHeap = Math.max(peakHeap, await heapUsed());
    };
    const sampler = setInterval(() => void sample().catch(() => undefined), SAMPLE_EVERY_MS);
    let openMs: number;
    try {
      openMs = await dropAndTimeFirstCard(page, path, timeoutMs);
    } finally {
      clearInterval(sampler);
    }
    await sample();
    return { openMs, rssGrowthBytes: peakRss - baseRss, heapGrowthBytes: peakHeap - baseHeap };
  } finally {
    await cdp.detach().catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
}
