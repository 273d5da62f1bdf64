/**
 * Root discovery throughput and memory on multi-GiB images: a sparse raw
 * image (holes read as zeros, so it costs no disk) with a KHO root near its
 * end is scanned with `findKhoRoots` through `openImage`, and a plain
 * sequential read of the same file is timed in the same run for comparison.
 * Peak RSS growth during the scan shows whether memory stays flat as the
 * image grows.
 */
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openImage } from '../core/mem/openImage';
import { findKhoRoots } from '../core/mem/scan';
import { placeRoot } from '../core/mem/scan/testing/khoTestImage';
import { NodeFileSource } from '../core/mem/sources/NodeFileSource';
import { SparseMemory } from '../core/mem/SparseMemory';
import type { BenchResult } from './BenchResult';

const GiB = 2 ** 30;
const MiB = 2 ** 20;
const PAGE = 4096;
const READ_BYTES = 4 * MiB;
const GOAL_RATIO = 0.8;

/** Writes a sparse raw image of `size` bytes with a kho-v4 root and its radix map 8 MiB before the end. */
function createImage(path: string, size: number): number {
  const root = size - 8 * MiB;
  const memory = new SparseMemory(PAGE, [{ start: 0, end: size }]);
  placeRoot(memory, { address: root, compatible: 'kho-v4', map: 'radix-tree', mapPages: root + MiB, children: [{ name: 'kho_test', blob: root + 2 * MiB, property: 'preserved-data', blobSize: 240 }] });
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, size);
    for (const page of memory.writtenPages()) writeSync(fd, memory.readSync(page, PAGE), 0, PAGE, page);
  } finally {
    closeSync(fd);
  }
  return root;
}

/** Reads the whole file front to back into one reused buffer; returns milliseconds. */
async function plainRead(path: string): Promise<number> {
  const handle = await open(path, 'r');
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  const started = performance.now();
  try {
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return performance.now() - started;
}

/** Scans the image once; returns milliseconds, the peak RSS growth in bytes and the best candidate's address. */
async function scanOnce(path: string): Promise<{ ms: number; rssGrowth: number; best: number | undefined }> {
  const source = await NodeFileSource.open(path);
  try {
    const image = await openImage(source, { container: 'raw' });
    if (image.kind !== 'memory') throw new Error('raw image did not open as memory');
    const before = process.memoryUsage().rss;
    let peak = before;
    const started = performance.now();
    const result = await findKhoRoots(image.memory, { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
    const ms = performance.now() - started;
    return { ms, rssGrowth: Math.max(peak, process.memoryUsage().rss) - before, best: result.candidates[0]?.address };
  } finally {
    await source.close();
  }
}

const mbPerSecond = (bytes: number, ms: number) => Math.round(bytes / 1e6 / (ms / 1000));

/** Plain read vs root discovery on 1, 4 and 16 GiB images, best of two runs each. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'khoscope-scan-bench-'));
  try {
    for (const gib of [1, 4, 16]) {
      const size = gib * GiB;
      const path = join(dir, `image-${gib}g.raw`);
      const root = createImage(path, size);
      // The first read of a fresh sparse file fills the page cache with zero
      // pages, which takes far longer than any later read: do it untimed.
      await plainRead(path);
      let readMs = Infinity;
      let scanMs = Infinity;
      let rssGrowth = 0;
      for (let i = 0; i < 3; i++) {
        readMs = Math.min(readMs, await plainRead(path));
        const scan = await scanOnce(path);
        if (scan.best !== root) throw new Error(`${gib} GiB: best candidate 0x${scan.best?.toString(16)}, expected the root at 0x${root.toString(16)}`);
        scanMs = Math.min(scanMs, scan.ms);
        rssGrowth = Math.max(rssGrowth, scan.rssGrowth);
      }
      rmSync(path);
      const ratio = readMs / scanMs;
      const label = `${gib} GiB sparse raw image`;
      results.push({ name: `${gib} GiB: plain sequential read`, value: mbPerSecond(size, readMs), unit: 'MB/s', notes: `${label}; ${READ_BYTES / MiB} MiB reads into one reused buffer; best of 3` });
      results.push({ name: `${gib} GiB: root discovery`, value: mbPerSecond(size, scanMs), unit: 'MB/s', notes: `${label}; openImage + findKhoRoots, root found 8 MiB before the end; best of 3` });
      results.push({ name: `${gib} GiB: discovery / plain read`, value: Math.round(ratio * 100) / 100, unit: 'x', notes: `goal >= ${GOAL_RATIO}x: ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'}` });
      results.push({ name: `${gib} GiB: peak RSS growth during discovery`, value: Math.round(rssGrowth / 1e5) / 10, unit: 'MB', notes: 'process RSS sampled after every chunk, minus RSS at the start of the scan; goal < 200 MB at 16 GiB' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
