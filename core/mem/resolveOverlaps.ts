/** One piece of the disjoint cover produced by `resolveOverlaps`. */
export interface OwnedPiece {
  start: number;
  end: number;
  /** Index of the input interval that provides this piece. */
  owner: number;
}

/** Result of `resolveOverlaps`. */
export interface ResolvedIntervals {
  /** Disjoint pieces sorted by start; touching pieces of one owner are merged. */
  pieces: OwnedPiece[];
  /** Pairs of input indices found overlapping (at most `maxReported`), for warnings and errors. */
  overlaps: Array<[number, number]>;
}

/**
 * Turns possibly overlapping intervals (ELF segments, flattened-stream
 * records) into a disjoint cover where each point belongs to the covering
 * interval that `wins` (lower `priority` wins). Empty intervals are ignored.
 * O(n log n): a sweep over sorted starts with a heap of open intervals.
 */
export function resolveOverlaps(
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  priority: (index: number) => number,
  maxReported = 16,
): ResolvedIntervals {
  const order: number[] = [];
  for (let i = 0; i < starts.length; i++) if (ends[i] > starts[i]) order.push(i);
  order.sort((a, b) => starts[a] - starts[b] || priority(a) - priority(b));

  const overlaps: Array<[number, number]> = [];
  let furthest = -1;
  let furthestOwner = -1;
  for (const i of order) {
    if (starts[i] < furthest && overlaps.length < maxReported) overlaps.push([furthestOwner, i]);
    if (ends[i] > furthest) {
      furthest = ends[i];
      furthestOwner = i;
    }
  }
  if (overlaps.length === 0) {
    return { pieces: mergeTouching(order.map((i) => ({ start: starts[i], end: ends[i], owner: i }))), overlaps };
  }
  return { pieces: mergeTouching(sweep(order, starts, ends, priority)), overlaps };
}

function sweep(
  order: number[],
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  priority: (index: number) => number,
): OwnedPiece[] {
  const points = new Set<number>();
  for (const i of order) {
    points.add(starts[i]);
    points.add(ends[i]);
  }
  const boundaries = [...points].sort((a, b) => a - b);
  const heap = new MinHeap((a, b) => priority(a) - priority(b));
  const pieces: OwnedPiece[] = [];
  let next = 0;
  for (let k = 0; k + 1 < boundaries.length; k++) {
    const at = boundaries[k];
    while (next < order.length && starts[order[next]] <= at) heap.push(order[next++]);
    // Lazy deletion: intervals that ended before this point leave when they reach the top.
    while (heap.size > 0 && ends[heap.peek()] <= at) heap.pop();
    if (heap.size > 0) pieces.push({ start: at, end: boundaries[k + 1], owner: heap.peek() });
  }
  return pieces;
}

function mergeTouching(pieces: OwnedPiece[]): OwnedPiece[] {
  const out: OwnedPiece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && last.owner === p.owner && last.end === p.start) last.end = p.end;
    else out.push(p);
  }
  return out;
}

/** A binary min-heap of interval indices. */
class MinHeap {
  private readonly items: number[] = [];

  constructor(private readonly compare: (a: number, b: number) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): number {
    return this.items[0];
  }

  push(value: number): void {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as number;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.compare(items[left], items[smallest]) < 0) smallest = left;
        if (right < items.length && this.compare(items[right], items[smallest]) < 0) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest], items[i]];
        i = smallest;
      }
    }
    return top;
  }
}
