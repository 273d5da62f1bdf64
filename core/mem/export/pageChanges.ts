import { MemoryError } from '../MemoryError';
import type { PhysRange } from '../PhysicalMemory';
import { firstRangeEndingAfter } from '../physRanges';
import type { ExportPart } from './ExportPlan';
import { PartList } from './ExportPlan';

/** One changed page. */
export interface PageChange {
  address: number;
  bytes: Uint8Array;
}

/** Checks every change (aligned safe address, exactly one page of bytes) and sorts them by address. */
export function sortedPageChanges(pages: ReadonlyMap<number, Uint8Array> | undefined, pageSize: number): PageChange[] {
  const changes: PageChange[] = [];
  for (const [address, bytes] of pages ?? []) {
    if (!Number.isSafeInteger(address) || address < 0 || address % pageSize !== 0) {
      throw new MemoryError(
        'physical',
        Number.isSafeInteger(address) && address >= 0 ? address : 0,
        'export',
        `changed page address ${address} is not a multiple of the ${pageSize}-byte page size`,
      );
    }
    if (bytes.length !== pageSize) {
      throw new MemoryError(
        'physical',
        address,
        'export',
        `changed page holds ${bytes.length} bytes, expected ${pageSize}`,
      );
    }
    changes.push({ address, bytes });
  }
  return changes.sort((a, b) => a.address - b.address);
}

/** How a page relates to a set of sorted disjoint ranges. */
export type PagePlacement = 'inside' | 'outside' | 'straddles';

/** Whether [start, end) lies inside one range, outside all, or across an edge. */
export function placement(ranges: readonly PhysRange[], start: number, end: number): PagePlacement {
  const r = ranges[firstRangeEndingAfter(ranges, start)];
  if (!r || r.start >= end) return 'outside';
  return r.start <= start && end <= r.end ? 'inside' : 'straddles';
}

/**
 * Parts for physical bytes [start, start + length): the base content from
 * `base(address, length)` (slices of the original file, zeros or memory),
 * with the bytes of every change that intersects the span laid over it.
 * `changes` must be sorted.
 */
export function overlayChanges(
  start: number,
  length: number,
  changes: readonly PageChange[],
  base: (address: number, length: number) => ExportPart[],
): ExportPart[] {
  const out = new PartList();
  const end = start + length;
  let at = start;
  for (const change of changesWithin(changes, start, end)) {
    const from = Math.max(start, change.address);
    const to = Math.min(end, change.address + change.bytes.length);
    if (from > at) out.pushAll(base(at, from - at));
    out.push({ kind: 'bytes', bytes: change.bytes.subarray(from - change.address, to - change.address) });
    at = to;
  }
  if (at < end) out.pushAll(base(at, end - at));
  return out.parts;
}

/** The sorted changes that intersect [start, end), found by binary search. */
export function changesWithin(changes: readonly PageChange[], start: number, end: number): PageChange[] {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (changes[mid].address + changes[mid].bytes.length <= start) lo = mid + 1;
    else hi = mid;
  }
  const found: PageChange[] = [];
  for (let k = lo; k < changes.length && changes[k].address < end; k++) found.push(changes[k]);
  return found;
}

/** Groups sorted page changes into runs of adjacent pages [start, end). */
export function adjacentRuns(
  changes: readonly PageChange[],
): Array<{ start: number; end: number; changes: PageChange[] }> {
  const runs: Array<{ start: number; end: number; changes: PageChange[] }> = [];
  for (const change of changes) {
    const last = runs[runs.length - 1];
    const end = change.address + change.bytes.length;
    if (last && last.end === change.address) {
      last.end = end;
      last.changes.push(change);
    } else {
      runs.push({ start: change.address, end, changes: [change] });
    }
  }
  return runs;
}
