import type { ExportFile } from '../../mem/export/ExportPlan';
import type { MemoryImage } from '../../mem/OpenedImage';
import type { PhysRange } from '../../mem/PhysicalMemory';
import { intersectRanges, pageRanges, subtractRanges } from '../../mem/physRanges';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import type { KhoDecodeOptions } from '../decode/KhoDecodeOptions';
import { RangeAccumulator } from '../maps/RangeAccumulator';
import type { PreservedRanges } from '../maps/PreservedRanges';
import type { KhoGraph } from '../model/KhoGraph';
import { CarveError } from './CarveError';
import { carvedElfFile } from './carvedElfFile';
import { carveNotes } from './carveNotes';
import { DEFAULT_MAX_DATA_BYTES, type CarveOptions } from './CarveOptions';
import { addDiscoveryReads } from './discoveryReads';
import { RecordingMemory } from './RecordingMemory';
import { structuralPages } from './structuralPages';

/** A carve, ready to write. */
export interface CarvedImage {
  /** The input's graph: what the carved image decodes to (with the same options). */
  graph: KhoGraph;
  /** Every byte copied from the input, as merged physical ranges. */
  kept: PreservedRanges;
  /** Pages the carved image stores (kept bytes rounded out to pages). */
  pages: number;
  /** Bytes of preserved data kept with `includeData` that the decode did not read. */
  dataBytes: number;
  /**
   * Pages in RAM the graph names that the recorded decode did not read, as
   * page-aligned ranges (kept whole; empty unless a decoder bypassed the
   * recording or a structure claims more than the decoders read).
   */
  missedByRecording: PhysRange[];
  /** The ELF core to write (`writeExportFile`, `exportChunks`); its pages are read from the input while it is written, so write it before closing the input. */
  file: ExportFile;
}

/**
 * Carves a memory image down to what its KHO graph uses: the graph is
 * decoded (or taken from `options.graph`), then decoded again through a recording view of the memory, so
 * every byte any decoder reads (roots, blobs, page lists, anchor and map
 * pages, LUO and memfd structures, vmalloc chunks and the records in them)
 * is kept, and nothing else. When the roots were discovered, what discovery
 * reads to find and rank them again is kept too (`addDiscoveryReads`). The
 * preserved data itself (reserve-mem regions, memfd content) is never read
 * by the decoders and so stays out unless `includeData` asks for it. The
 * result is an ELF64 core with the input's RAM ranges (see
 * `carvedElfFile`) that decodes to the same graph.
 */
export async function carveImage(image: MemoryImage, options: CarveOptions = {}): Promise<CarvedImage> {
  const decodeOptions: KhoDecodeOptions = {
    roots: options.roots,
    pageSize: options.pageSize,
    limits: options.limits,
    map: options.map,
  };
  const graph =
    options.graph ??
    (await decodeKhoGraph(image, { ...decodeOptions, scan: options.scan, onProgress: options.onProgress }));
  const pageSize = graph.source.pageSize;
  const roots = graph.roots.flatMap((root) => (root.address === null ? [] : [root.address]));
  if (!graph.roots.some((root) => root.fragment !== null))
    throw new CarveError('no KHO root could be decoded in the image: there is nothing to carve');

  const recording = new RecordingMemory(image.memory, pageSize);
  await decodeKhoGraph(recording, { ...decodeOptions, pageSize, roots });
  const read = recording.bytesRead();
  const kept = new RangeAccumulator();
  for (const { start, end } of read.toArray()) kept.add(start, end);
  // Only pages in RAM: a lying extent (a blob-size of 2^63) names pages no image holds.
  const missedByRecording = subtractRanges(
    intersectRanges(structuralPages(graph, pageSize), image.memory.ranges),
    pageRanges(read.toArray(), pageSize),
  );
  for (const { start, end } of missedByRecording) kept.add(start, end);
  if (!options.roots)
    await addDiscoveryReads(image.memory, kept, [...roots, ...rejectedRoots(graph)], { pageSize, map: options.map });
  const dataBytes = options.includeData
    ? addPreservedData(graph, image, kept, options.maxDataBytes ?? DEFAULT_MAX_DATA_BYTES)
    : 0;

  const keptRanges = kept.finish();
  const notes = carveNotes({
    pageSize,
    osRelease: image.notes.osRelease,
    roots,
    includeData: options.includeData === true,
    kernel: graph.kernel,
  });
  const file = carvedElfFile(image, keptRanges, pageSize, notes);
  return { graph, kept: keptRanges, pages: countPages(keptRanges, pageSize), dataBytes, missedByRecording, file };
}

/** Addresses of the candidates discovery rejected: the graph reports them, so the carved image must show them again. */
function rejectedRoots(graph: KhoGraph): number[] {
  return graph.diagnostics.flatMap((d) =>
    (d.code === 'rejected-root' || d.code === 'anchor-chain') && d.location.address !== undefined
      ? [d.location.address]
      : [],
  );
}

/**
 * Keeps every page the roots' maps preserve that lies in RAM, refusing more
 * than `limit` bytes beyond what is kept already. Returns the bytes added.
 */
function addPreservedData(graph: KhoGraph, image: MemoryImage, kept: RangeAccumulator, limit: number): number {
  const before = kept.finish();
  const data = new RangeAccumulator();
  for (const root of graph.roots) {
    for (const range of root.map?.ranges.toArray() ?? []) {
      for (const ram of image.memory.ranges) {
        const start = Math.max(range.start, ram.start);
        const end = Math.min(range.end, ram.end);
        if (start < end) data.add(start, end);
      }
    }
  }
  const ranges = data.finish();
  const added = ranges.totalBytes - overlapBytes(ranges, before);
  if (added > limit)
    throw new CarveError(
      `the preserved data is ${added} bytes, more than the limit of ${limit} bytes: raise the limit or carve without the data`,
    );
  for (const { start, end } of ranges.toArray()) kept.add(start, end);
  return added;
}

/** Bytes that lie in both sets of ranges. */
function overlapBytes(a: PreservedRanges, b: PreservedRanges): number {
  let total = 0;
  for (let i = 0, j = 0; i < a.count && j < b.count; ) {
    total += Math.max(0, Math.min(a.end(i), b.end(j)) - Math.max(a.start(i), b.start(j)));
    if (a.end(i) < b.end(j)) i++;
    else j++;
  }
  return total;
}

/** Pages touched by the ranges (counted from ranges: never a list of pages). */
function countPages(ranges: PreservedRanges, pageSize: number): number {
  return pageRanges(ranges.toArray(), pageSize).reduce((n, { start, end }) => n + (end - start) / pageSize, 0);
}
