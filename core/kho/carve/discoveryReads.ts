import { FDT_MAGIC } from '../../fdt/constants';
import type { PhysicalMemory, PhysRange } from '../../mem/PhysicalMemory';
import { subtractRanges } from '../../mem/physRanges';
import { storedPageStarts } from '../discover/storedPageStarts';
import { ANCHOR_MAGIC } from '../discover/anchorPageLayout';
import { inspectRootAt } from '../discover/inspectRootAt';
import { RootScanError } from '../discover/RootScanError';
import type { RootScanOptions } from '../discover/RootScanOptions';
import { readU32, startsWithAscii } from '../../bytes/readers';
import type { RangeAccumulator } from '../maps/RangeAccumulator';
import { RecordingMemory } from './RecordingMemory';

/** Bytes of the FDT header root discovery reads before the blob (`readFdtAt`). */
const FDT_HEADER_BYTES = 40;

/**
 * Adds to `kept` what root discovery reads to judge every page start the
 * carved image will show it. The scan probes each page start for the FDT
 * magic or `KHOANCH1`; a carved page whose kept bytes start with one is a hit
 * in the carved image as it was in the input, so the validation the scan
 * does for it (the blob; for a KHO root its child pointers and map; for an
 * anchor page its chain) is replayed and its reads are kept too, until no
 * new hit appears. `seeds` are hits to judge even when nothing else keeps
 * them (roots the input's discovery rejected: they are diagnostics of the
 * graph). Pages whose start is not kept read as zero in the carved image,
 * so they are no hits there and cost nothing.
 */
export async function addDiscoveryReads(
  memory: PhysicalMemory,
  kept: RangeAccumulator,
  seeds: readonly number[],
  options: RootScanOptions & { pageSize: number },
): Promise<void> {
  const judged = new Set<number>();
  let queue = [...seeds];
  // Where a kept page start could hold a magic, as of the last round: only
  // what a round adds is listed again (listing all of it every round made a
  // lie that keeps megabytes cost rounds x pages).
  let listed: PhysRange[] = [];
  while (queue.length > 0) {
    for (const address of queue) {
      judged.add(address);
      await judgeHit(memory, kept, address, options);
    }
    const starts = magicStarts(kept.finish().toArray());
    const added = await keptPageStarts(memory, subtractRanges(starts, listed), options.pageSize);
    queue = added.filter((address) => !judged.has(address));
    listed = starts;
  }
}

/**
 * The addresses whose next 4 bytes are all kept: where a kept page start can
 * hold a whole magic the scan looks for (4 bytes of FDT magic, 8 of
 * `KHOANCH1`; which one is checked against the input when the hit is judged).
 * Neither magic has a zero byte, so a start kept only in part can never look
 * like one in the carved image.
 */
function magicStarts(kept: readonly PhysRange[]): PhysRange[] {
  return kept.filter(({ start, end }) => end - start >= 4).map(({ start, end }) => ({ start, end: end - 3 }));
}

/**
 * The page starts inside `ranges` that the image stores, as the root scan
 * lists them (`storedPageStarts`). A page the image only declares (ELF
 * zero-fill, a page left out of a kdump) reads as zeros and cannot start
 * with a magic, so a lie that keeps gigabytes of such RAM costs nothing here.
 */
async function keptPageStarts(memory: PhysicalMemory, ranges: PhysRange[], pageSize: number): Promise<number[]> {
  const pages: number[] = [];
  for (const within of ranges) {
    for await (const { start, end } of storedPageStarts(memory, pageSize, within)) {
      for (let page = start; page < end; page += pageSize) pages.push(page);
    }
  }
  return pages;
}

/**
 * Replays root discovery's validation of the page at `address` through a
 * recording view and keeps what it read. An FDT whose compatible is not a
 * KHO root is only read by the scan (header and blob), never ranked, so only
 * those bytes are kept.
 */
async function judgeHit(
  memory: PhysicalMemory,
  kept: RangeAccumulator,
  address: number,
  options: RootScanOptions & { pageSize: number },
): Promise<void> {
  if (!memory.contains(address, 8)) return;
  const head = await memory.read(address, 8);
  const fdt = readU32(head, 0, 'be') === FDT_MAGIC;
  if (!fdt && !startsWithAscii(head, ANCHOR_MAGIC)) return;
  const trial = new RecordingMemory(memory, options.pageSize);
  let blobOnly: number | null = null;
  try {
    const candidate = await inspectRootAt(trial, address, options);
    if (fdt && candidate.version === null) blobOnly = Math.max(FDT_HEADER_BYTES, candidate.size);
  } catch (error) {
    if (!(error instanceof RootScanError)) throw error;
  }
  for (const { start, end } of trial.bytesRead().toArray()) {
    const from = blobOnly === null ? start : Math.max(start, address);
    const to = blobOnly === null ? end : Math.min(end, address + blobOnly);
    if (from < to) kept.add(from, to);
  }
}
