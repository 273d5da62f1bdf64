import type { PhysRange } from '../../../core/mem';

/** A stretch of the address axis mapped linearly onto [x0, x1). */
export interface ScalePiece {
  start: number;
  end: number;
  x0: number;
  x1: number;
  /** `ram`: in the image; `outside`: not RAM but something the graph knows is there; `hole`: neither. */
  kind: 'ram' | 'outside' | 'hole';
  /** A hole (or outside range) drawn narrower than its true size would be. */
  compressed: boolean;
}

/** How the axis is shared out. */
export interface ScaleOptions {
  width: number;
  /** A hole gets at most this share of the bytes shown (the rest of it is squeezed out). */
  holeShare: number;
  /** A range outside RAM gets at most this share: it matters, but RAM is what the map is about. */
  outsideShare: number;
  /** No RAM or outside piece is narrower than this (a 256 KiB window beside 64 GiB stays visible). */
  minPiecePx: number;
  /** No hole is narrower than this (room for its label). */
  minHolePx: number;
}

export const DEFAULT_SCALE_OPTIONS: ScaleOptions = {
  width: 1000,
  holeShare: 0.04,
  outsideShare: 0.06,
  minPiecePx: 28,
  minHolePx: 18,
};

/**
 * A piecewise-linear address axis: RAM ranges (and ranges outside RAM that
 * the graph points into) at their true relative size, the holes between them
 * squeezed to a small share each, so 3 GiB of nothing between two RAM ranges
 * does not push everything else into a few pixels. Linear inside each piece,
 * so zooming in stays exact; monotonic overall, so it inverts.
 */
export class AddressScale {
  readonly width: number;

  constructor(readonly pieces: readonly ScalePiece[]) {
    this.width = pieces.length > 0 ? pieces[pieces.length - 1].x1 : 0;
  }

  /** First and last address of the axis. */
  get domain(): [number, number] {
    return this.pieces.length > 0 ? [this.pieces[0].start, this.pieces[this.pieces.length - 1].end] : [0, 0];
  }

  /** The x of an address (clamped to the axis). */
  toX(address: number): number {
    const piece = this.pieceAt(
      address,
      (p) => p.start,
      (p) => p.end,
    );
    if (!piece) return 0;
    const clamped = Math.min(Math.max(address, piece.start), piece.end);
    return piece.x0 + ((clamped - piece.start) / (piece.end - piece.start)) * (piece.x1 - piece.x0);
  }

  /** The address at x (clamped to the axis). */
  toAddress(x: number): number {
    const piece = this.pieceAt(
      x,
      (p) => p.x0,
      (p) => p.x1,
    );
    if (!piece) return 0;
    const clamped = Math.min(Math.max(x, piece.x0), piece.x1);
    return piece.start + ((clamped - piece.x0) / (piece.x1 - piece.x0)) * (piece.end - piece.start);
  }

  /** The piece holding `address` (the nearest one at either end). */
  pieceOf(address: number): ScalePiece | undefined {
    return this.pieceAt(
      address,
      (p) => p.start,
      (p) => p.end,
    );
  }

  /** Pixels per byte of the densest RAM or outside piece (how far zooming in must go to see one page). */
  get sparsestPxPerByte(): number {
    let min = Infinity;
    for (const piece of this.pieces)
      if (piece.kind !== 'hole') min = Math.min(min, (piece.x1 - piece.x0) / (piece.end - piece.start));
    return Number.isFinite(min) ? min : 1;
  }

  private pieceAt(
    value: number,
    low: (piece: ScalePiece) => number,
    high: (piece: ScalePiece) => number,
  ): ScalePiece | undefined {
    const pieces = this.pieces;
    if (pieces.length === 0) return undefined;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (high(pieces[mid]) <= value) lo = mid + 1;
      else hi = mid;
    }
    return value < low(pieces[lo]) && lo > 0 ? pieces[lo - 1] : pieces[lo];
  }
}

/**
 * The scale for RAM ranges plus the ranges of things outside RAM (`extra`:
 * fragments, pointer targets, preserved ranges the map lists past RAM).
 */
export function buildAddressScale(
  ram: readonly PhysRange[],
  extra: readonly PhysRange[],
  options: ScaleOptions = DEFAULT_SCALE_OPTIONS,
): AddressScale {
  const shown = mergeShown(ram, extra);
  if (shown.length === 0) return new AddressScale([]);
  const stretches: { start: number; end: number; kind: ScalePiece['kind'] }[] = [];
  shown.forEach((range, i) => {
    const previous = shown[i - 1];
    if (previous && range.start > previous.end) stretches.push({ start: previous.end, end: range.start, kind: 'hole' });
    stretches.push(range);
  });
  const shownBytes = shown.reduce((sum, range) => sum + (range.end - range.start), 0);
  const share: Record<ScalePiece['kind'], number> = { hole: options.holeShare, outside: options.outsideShare, ram: 1 };
  const weights = stretches.map((stretch) => Math.min(stretch.end - stretch.start, share[stretch.kind] * shownBytes));
  const minimums = stretches.map((stretch) => (stretch.kind === 'hole' ? options.minHolePx : options.minPiecePx));
  const widths = shareOut(weights, minimums, options.width);
  let x = 0;
  const pieces = stretches.map((stretch, i): ScalePiece => {
    const piece = {
      ...stretch,
      x0: x,
      x1: x + widths[i],
      compressed: stretch.kind !== 'ram' && weights[i] < stretch.end - stretch.start,
    };
    x += widths[i];
    return piece;
  });
  return new AddressScale(pieces);
}

/** RAM and the parts of `extra` not in RAM, sorted and merged (outside ranges merge with each other, not with RAM). */
function mergeShown(
  ram: readonly PhysRange[],
  extra: readonly PhysRange[],
): { start: number; end: number; kind: 'ram' | 'outside' }[] {
  const sortedRam = [...ram].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const outside: PhysRange[] = [];
  for (const range of extra) {
    // Cut the range around every RAM range it overlaps.
    let start = range.start;
    for (const r of sortedRam) {
      if (r.end <= start || r.start >= range.end) continue;
      if (r.start > start) outside.push({ start, end: r.start });
      start = Math.max(start, r.end);
    }
    if (start < range.end) outside.push({ start, end: range.end });
  }
  outside.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; kind: 'ram' | 'outside' }[] = [];
  for (const range of outside) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range, kind: 'outside' });
  }
  return [...merged, ...sortedRam.map((r) => ({ start: r.start, end: r.end, kind: 'ram' as const }))].sort(
    (a, b) => a.start - b.start,
  );
}

/**
 * Splits `total` pixels in proportion to `weights`, no share below its
 * minimum: shares that would fall below are fixed at the minimum and the
 * rest re-shared, until none falls below (at most one pass per share).
 */
function shareOut(weights: readonly number[], minimums: readonly number[], total: number): number[] {
  const fixed = new Array<boolean>(weights.length).fill(false);
  const widths = new Array<number>(weights.length).fill(0);
  for (let pass = 0; pass <= weights.length; pass++) {
    let free = total;
    let weight = 0;
    weights.forEach((w, i) => {
      if (fixed[i]) free -= minimums[i];
      else weight += w;
    });
    let changed = false;
    weights.forEach((w, i) => {
      if (fixed[i]) {
        widths[i] = minimums[i];
        return;
      }
      widths[i] = weight > 0 ? (Math.max(0, free) * w) / weight : 0;
      if (widths[i] < minimums[i]) {
        fixed[i] = true;
        changed = true;
      }
    });
    if (!changed) break;
  }
  return widths;
}
