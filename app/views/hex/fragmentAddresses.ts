import type { Fragment } from '../../../core/kho';

/** A physically contiguous piece of a fragment: bytes [offset, offset + end − start) of it live at [start, end). */
export interface FragmentPiece {
  start: number;
  end: number;
  fragment: string;
  offset: number;
}

/** The pieces of a fragment's bytes in physical memory (one per page of a page list, none for a file). */
export function fragmentPieces(fragment: Fragment): FragmentPiece[] {
  const location = fragment.location;
  const length = fragment.bytes.length;
  switch (location.kind) {
    case 'contiguous':
      return length > 0
        ? [{ start: location.address, end: location.address + length, fragment: fragment.id, offset: 0 }]
        : [];
    case 'pages':
      return location.pages
        .map((page, i) => ({
          start: page,
          end: page + Math.min(location.pageSize, length - i * location.pageSize),
          fragment: fragment.id,
          offset: i * location.pageSize,
        }))
        .filter((piece) => piece.end > piece.start);
    case 'file':
      return [];
  }
}

/** Physical ranges holding fragment bytes [start, end). */
export function physicalRangesOf(fragment: Fragment, start: number, end: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (const piece of fragmentPieces(fragment)) {
    const from = Math.max(start, piece.offset);
    const to = Math.min(end, piece.offset + (piece.end - piece.start));
    if (from < to) ranges.push([piece.start + (from - piece.offset), piece.start + (to - piece.offset)]);
  }
  return ranges;
}

/**
 * Finds which fragment (and which byte of it) a physical address holds, for
 * clicks in a memory region. Where fragments overlap (a diagnosed problem)
 * the piece starting first wins.
 */
export class FragmentAddressIndex {
  private readonly pieces: FragmentPiece[];
  /** reach[i]: the largest end among pieces 0..i, so a backward scan knows when to stop. */
  private readonly reach: Float64Array;

  constructor(fragments: readonly Fragment[]) {
    this.pieces = fragments.flatMap(fragmentPieces).sort((a, b) => a.start - b.start || a.end - b.end);
    this.reach = new Float64Array(this.pieces.length);
    this.pieces.forEach((piece, i) => (this.reach[i] = Math.max(piece.end, i > 0 ? this.reach[i - 1] : 0)));
  }

  /** The fragment and offset at `address`, or null. */
  at(address: number): { fragment: string; offset: number } | null {
    // Last piece starting at or before the address, then back while earlier pieces may still reach it.
    let lo = 0;
    let hi = this.pieces.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pieces[mid].start <= address) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let hit: FragmentPiece | undefined;
    for (let i = last; i >= 0 && this.reach[i] > address; i--) if (address < this.pieces[i].end) hit = this.pieces[i];
    return hit ? { fragment: hit.fragment, offset: hit.offset + (address - hit.start) } : null;
  }
}
