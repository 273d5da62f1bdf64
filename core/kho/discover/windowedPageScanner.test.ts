import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PhysRange } from '../../mem/PhysicalMemory';
import { SparseMemory } from '../../mem/SparseMemory';
import type { PageScanSettings } from './PageScan';
import { probePageStarts } from './probePageStarts';
import { scanWindows, windowedPageScanner } from './windowedPageScanner';

const PAGE = 4096;
const FDT = Uint8Array.of(0xd0, 0x0d, 0xfe, 0xed);
const ANCHOR = new TextEncoder().encode('KHOANCH1');

/** RAM ranges in 512-byte units (so they may start and end mid-page for a 4 KiB scan), with magics at some page starts. */
const imageArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 120 })), { minLength: 1, maxLength: 5 })
  .chain((gapsAndLengths) => {
    const ranges: PhysRange[] = [];
    let at = 0;
    for (const [gap, length] of gapsAndLengths) {
      at += gap * 512;
      ranges.push({ start: at, end: at + length * 512 });
      at += length * 512;
    }
    const pages = Math.ceil(at / PAGE);
    return fc.record({
      ranges: fc.constant(ranges),
      magics: fc.array(fc.tuple(fc.integer({ min: 0, max: pages }), fc.boolean()), { maxLength: 30 }),
      windowBytes: fc.integer({ min: 1, max: 40 }).map((n) => n * 2048),
      maxHits: fc.integer({ min: 1, max: 12 }),
    });
  });

function buildMemory(ranges: PhysRange[], magics: Array<[number, boolean]>): SparseMemory {
  const memory = new SparseMemory(512, ranges);
  for (const [page, anchor] of magics) {
    const bytes = anchor ? ANCHOR : FDT;
    if (memory.contains(page * PAGE, bytes.length)) memory.write(page * PAGE, bytes);
  }
  return memory;
}

const settingsFor = (maxHits: number): PageScanSettings => ({
  pageSize: PAGE,
  chunkBytes: 3 * PAGE,
  maxHits,
  readAhead: 2,
});

describe('scanWindows', () => {
  it('cuts the page starts into page-aligned windows of at most the given RAM (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(imageArbitrary, async ({ ranges, windowBytes }) => {
        const memory = buildMemory(ranges, []);
        const windows = await scanWindows(memory, PAGE, windowBytes);
        const size = Math.max(PAGE, windowBytes - (windowBytes % PAGE));
        let coveredEnd = -1;
        for (const window of windows) {
          expect(window.start).toBeGreaterThanOrEqual(coveredEnd);
          expect(window.start % PAGE).toBe(0);
          // RAM from each range's first page start on (what the scan reads).
          const ram = memory.ranges.reduce(
            (sum, r) =>
              sum + Math.max(0, Math.min(r.end, window.end) - Math.max(Math.ceil(r.start / PAGE) * PAGE, window.start)),
            0,
          );
          expect(ram).toBeLessThanOrEqual(size);
          coveredEnd = window.end;
        }
        // Every page start of the image lies in exactly one window.
        for (const range of memory.ranges) {
          for (let page = Math.ceil(range.start / PAGE) * PAGE; page < range.end; page += PAGE) {
            expect(windows.filter((w) => w.start <= page && page < w.end)).toHaveLength(1);
          }
        }
      }),
    );
  });
});

describe('windowedPageScanner', () => {
  it('gives what one whole scan gives, window by window (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(imageArbitrary, async ({ ranges, magics, windowBytes, maxHits }) => {
        const memory = buildMemory(ranges, magics);
        const whole = await probePageStarts(memory, settingsFor(maxHits));
        const windowsRun: PhysRange[] = [];
        const progress: number[] = [];
        const scanner = windowedPageScanner(windowBytes, (window, settings) => {
          windowsRun.push(window);
          expect(settings.within).toEqual(window);
          return probePageStarts(memory, settings);
        });
        const windowed = await scanner(memory, {
          ...settingsFor(maxHits),
          onProgress: (p) => progress.push(p.bytesScanned),
        });
        expect(windowed).toEqual(whole);
        expect(windowsRun).toEqual(await scanWindows(memory, PAGE, windowBytes));
        expect(progress).toEqual([...progress].sort((a, b) => a - b));
        if (whole.totalBytes > 0) expect(progress[progress.length - 1]).toBe(whole.totalBytes);
      }),
    );
  });

  it('stops between windows when cancelled', async () => {
    const memory = new SparseMemory(PAGE, [{ start: 0, end: 64 * PAGE }]);
    const controller = new AbortController();
    let windowsRun = 0;
    const scanner = windowedPageScanner(8 * PAGE, async (_window, settings) => {
      if (++windowsRun === 2) controller.abort(new Error('cancelled by the test'));
      return probePageStarts(memory, { ...settings, signal: undefined });
    });
    await expect(scanner(memory, { ...settingsFor(10), signal: controller.signal })).rejects.toThrow(
      'cancelled by the test',
    );
    expect(windowsRun).toBe(2);
  });

  it('passes on a window that fails', async () => {
    const memory = new SparseMemory(PAGE, [{ start: 0, end: 16 * PAGE }]);
    const scanner = windowedPageScanner(8 * PAGE, () => Promise.reject(new Error('the window worker stopped')));
    await expect(scanner(memory, settingsFor(10))).rejects.toThrow('the window worker stopped');
  });
});
