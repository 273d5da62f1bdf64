import { formatHex } from '../../format/formatHex';
import type { HexRegion } from './HexRegion';

/** Bytes per row. */
export const ROW_BYTES = 16;

/** One row of the dump: a divider naming where the next bytes are, or up to 16 bytes. */
export type HexRow =
  | { kind: 'divider'; label: string; address: number | null }
  | {
      kind: 'bytes';
      /** Region offset of the row's first column (may lie before `first` when the row starts mid-line). */
      start: number;
      /** Address (or file offset) shown for the row's first column. */
      label: number;
      /** Whether `label` is a physical address (else an offset). */
      physical: boolean;
      /** The region offsets [first, end) this row holds. */
      first: number;
      end: number;
    };

/**
 * A block of rows: a divider and the bytes up to the next page boundary (or
 * the end of the segment). Memory rows align to 16-byte addresses, so a
 * block may start and end mid-row.
 */
interface Block {
  row: number;
  label: string;
  address: number | null;
  offset: number;
  length: number;
  /** Empty columns before the first byte (its address modulo 16). */
  lead: number;
  rows: number;
}

/**
 * The rows of a region, computed on demand (a region of 8 MiB has half a
 * million rows; only the visible ones are ever built). Each segment starts
 * with a divider naming it, and every page boundary inside a segment gets a
 * divider too, so page boundaries are marked wherever they fall.
 */
export class HexRowModel {
  readonly count: number;
  private readonly blocks: Block[] = [];

  constructor(region: HexRegion, pageSize: number) {
    let row = 0;
    for (const segment of region.segments) {
      let offset = segment.offset;
      const end = segment.offset + segment.length;
      let first = true;
      while (offset < end) {
        const address = segment.address === null ? null : segment.address + (offset - segment.offset);
        const toPageEnd = address === null ? end - offset : pageSize - (address % pageSize);
        const length = Math.min(end - offset, toPageEnd);
        const lead = address === null ? 0 : address % ROW_BYTES;
        const label = first ? segment.label : `page ${formatHex(address!)}`;
        const rows = 1 + Math.ceil((lead + length) / ROW_BYTES);
        this.blocks.push({ row, label, address, offset, length, lead, rows });
        row += rows;
        offset += length;
        first = false;
      }
    }
    this.count = row;
  }

  /** Row `index` (0 ≤ index < count). */
  row(index: number): HexRow {
    const block = this.blockAt(index);
    const within = index - block.row;
    if (within === 0) return { kind: 'divider', label: block.label, address: block.address };
    const start = block.offset - block.lead + (within - 1) * ROW_BYTES;
    const first = Math.max(start, block.offset);
    const end = Math.min(start + ROW_BYTES, block.offset + block.length);
    const physical = block.address !== null;
    return {
      kind: 'bytes',
      start,
      label: physical ? block.address! - block.lead + (within - 1) * ROW_BYTES : start,
      physical,
      first,
      end,
    };
  }

  /** Index of the row holding region offset `offset` (the last row when beyond the end). */
  rowOf(offset: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.blocks[mid].offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    const block = this.blocks[lo];
    if (!block) return 0;
    const within = Math.floor(
      (Math.min(offset, block.offset + block.length - 1) - block.offset + block.lead) / ROW_BYTES,
    );
    return block.row + 1 + Math.max(0, within);
  }

  private blockAt(index: number): Block {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.blocks[mid].row <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.blocks[lo];
  }
}

/** The physical address of region offset `offset`, or null (a file, or outside every segment). */
export function regionAddress(region: HexRegion, offset: number): number | null {
  const segment = region.segments.find(
    (candidate) => offset >= candidate.offset && offset < candidate.offset + candidate.length,
  );
  return segment && segment.address !== null ? segment.address + (offset - segment.offset) : null;
}

/** The region offset ranges [start, end) that hold physical bytes [start, end). */
export function regionRangesOf(region: HexRegion, start: number, end: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (const segment of region.segments) {
    if (segment.address === null) continue;
    const from = Math.max(start, segment.address);
    const to = Math.min(end, segment.address + segment.length);
    if (from < to) ranges.push([segment.offset + (from - segment.address), segment.offset + (to - segment.address)]);
  }
  return ranges;
}
