/**
 * Root discovery throughput and memory on multi-GiB images: a sparse raw
 * image (holes read as zeros, so it costs no disk) with a KHO root near its
 * end is scanned with `findKhoRoots` through `openImage`, and a plain
 * sequential read of the same file (same 4 MiB reads, one reused buffer) is
 * timed in the same run, interleaved with the scans, for comparison. Discovery
 * runs with its default read-ahead and, to show what overlapping reads adds,
 * with one read at a time. Peak RSS during the scan shows whether memory
 * stays flat as the image grows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openImage } from '../core/mem/openImage';
import { findKhoRoots } from '../core/kho/discover';
import { scanLimits } from '../core/kho/discover/RootScanOptions';
import { NodeFileSource } from '../core/mem/sources/NodeFileSource';
import { type BenchResult, judge } from './BenchResult';
import { writeSparseKhoImage } from './writeSparseKhoImage';

const GiB = 2 ** 30;
const MiB = 2 ** 20;
const PAGE = 4096;
const READ_BYTES = 4 * MiB;
const GOAL_RATIO = 0.8;
const REPEATS = 5;
/** findKhoRoots' default `readAhead`. */
const DEFAULT_READ_AHEAD = scanLimits({}, PAGE).readAhead;

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

/** What one timed discovery gave. */
interface ScanRun {
  ms: number;
  /** Highest process RSS seen during the scan. */
  peakRss: number;
  /** That peak minus the RSS when the scan started. */
  rssGrowth: number;
  best: number | undefined;
}

/**
 * Opens the image and runs root discovery once; `openImage` and
 * `findKhoRoots` are timed (opening the file handle is not, as for the plain
 * read). RSS is sampled after every chunk.
 */
async function scanOnce(path: string, readAhead: number): Promise<ScanRun> {
  const source = await NodeFileSource.open(path);
  try {
    const before = process.memoryUsage.rss();
    let peak = before;
    const started = performance.now();
    const image = await openImage(source, { container: 'raw' });
    if (image.kind !== 'memory') throw new Error('raw image did not open as memory');
    const result = await findKhoRoots(image.memory, {
      readAhead,
      onProgress: () => (peak = Math.max(peak, process.memoryUsage.rss())),
    });
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ms, peakRss: peak, rssGrowth: peak - before, best: result.candidates[0]?.address };
  } finally {
    await source.close();
  }
}

const mbPerSecond = (bytes: number, ms: number) => Math.round(bytes / 1e6 / (ms / 1000));
const megabytes = (bytes: number) => Math.round(bytes / 1e5) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Timings of one image: plain reads and both scan variants, interleaved so they see the same machine state. */
interface SizeTimings {
  readMs: number[];
  scanMs: number[];
  scanNoOverlapMs: number[];
  peakRss: number;
  rssGrowth: number;
  /** One-minute load average before and after the timed runs: other work on the machine skews both sides. */
  load: [number, number];
}

/** Runs the plain read and discovery (default read-ahead, and read-ahead 1) `REPEATS` times on one image. */
async function timeImage(path: string, root: number, label: string): Promise<SizeTimings> {
  // The first read of a fresh sparse file fills the page cache with zero
  // pages, which takes far longer than any later read: do it untimed.
  await plainRead(path);
  const timings: SizeTimings = {
    readMs: [],
    scanMs: [],
    scanNoOverlapMs: [],
    peakRss: 0,
    rssGrowth: 0,
    load: [loadavg()[0], 0],
  };
  for (let i = 0; i < REPEATS; i++) {
    timings.readMs.push(await plainRead(path));
    for (const readAhead of [DEFAULT_READ_AHEAD, 1]) {
      const scan = await scanOnce(path, readAhead);
      if (scan.best !== root)
        throw new Error(
          `${label}: best candidate 0x${scan.best?.toString(16)}, expected the root at 0x${root.toString(16)}`,
        );
      (readAhead === 1 ? timings.scanNoOverlapMs : timings.scanMs).push(scan.ms);
      timings.peakRss = Math.max(timings.peakRss, scan.peakRss);
      timings.rssGrowth = Math.max(timings.rssGrowth, scan.rssGrowth);
    }
  }
  timings.load[1] = loadavg()[0];
  return timings;
}

/** Plain read vs root discovery on 1, 4 and 16 GiB images: best and median of `REPEATS` runs each. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'khoscope-scan-bench-'));
  try {
    for (const gib of [1, 4, 16]) {
      const size = gib * GiB;
      const path = join(dir, `image-${gib}g.raw`);
      const root = writeSparseKhoImage(path, size);
      const label = `${gib} GiB sparse raw image`;
      const t = await timeImage(path, root, label);
      rmSync(path);
      const readBest = Math.min(...t.readMs);
      const ratio = readBest / Math.min(...t.scanMs);
      const ratioMedian = median(t.readMs) / median(t.scanMs);
      const noOverlap = readBest / Math.min(...t.scanNoOverlapMs);
      const of = `best of ${REPEATS}`;
      results.push({
        name: `${gib} GiB: plain sequential read`,
        value: mbPerSecond(size, readBest),
        unit: 'MB/s',
        notes: `${label}; ${READ_BYTES / MiB} MiB reads into one reused buffer, one at a time; ${of}, median ${mbPerSecond(size, median(t.readMs))}`,
      });
      results.push({
        name: `${gib} GiB: root discovery`,
        value: mbPerSecond(size, Math.min(...t.scanMs)),
        unit: 'MB/s',
        notes: `${label}; openImage + findKhoRoots (4 MiB chunks, read-ahead ${DEFAULT_READ_AHEAD}), root found 8 MiB before the end; ${of}, median ${mbPerSecond(size, median(t.scanMs))}`,
      });
      results.push({
        name: `${gib} GiB: discovery / plain read`,
        value: Math.round(ratioMedian * 100) / 100,
        unit: 'x',
        goal: judge(`median over median >= ${GOAL_RATIO}x`, ratioMedian >= GOAL_RATIO),
        notes: `median over median (runs interleaved); best over best ${ratio.toFixed(2)}x; 1-min load average ${t.load.map((l) => l.toFixed(1)).join(' -> ')} on ${cpus().length} CPUs`,
      });
      results.push({
        name: `${gib} GiB: discovery with read-ahead 1 / plain read`,
        value: Math.round(noOverlap * 100) / 100,
        unit: 'x',
        notes: 'one chunk read at a time, like the plain read: shows what the overlap of reads adds',
      });
      results.push({
        name: `${gib} GiB: peak RSS during discovery`,
        value: megabytes(t.peakRss),
        unit: 'MB',
        goal: gib === 16 ? judge('< 200 MB', t.peakRss < 200e6) : undefined,
        notes: 'whole process (node + tsx + bench), sampled after every chunk',
      });
      results.push({
        name: `${gib} GiB: peak RSS growth during discovery`,
        value: megabytes(t.rssGrowth),
        unit: 'MB',
        notes: 'that peak minus the RSS when the scan started: what the scan itself holds',
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
