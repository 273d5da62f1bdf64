import { ADDRESS_LIMIT_NUMBER } from '../../bytes/address';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { floorLog2, readU64Number, u64Hex } from '../../bytes/bitMath';
import { hex } from '../../bytes/readers';
import { mapLimits, type MapDecodeOptions, type MapLimits } from './MapDecodeOptions';
import { ProblemLog } from './MapProblem';
import { MapPageReader } from './MapPageReader';
import { PreservedMemoryMap } from './PreservedMemoryMap';
import { levelShift, radixGeometry, type RadixGeometry } from './radixGeometry';
import { OrderedRangeAccumulator } from './OrderedRangeAccumulator';
import { reportRangesOutsideRam } from './reportRangesOutsideRam';
import { scanBitmap } from './scanBitmap';

/**
 * Decodes a `kho-v2`+ radix tree (kho-format.md §2.2) rooted at `root`.
 * Walks depth-first like the next kernel does; every page is read once (a
 * page reached twice is a cycle or a shared subtree and is reported), every
 * pointer is checked before it is followed, and leaves are scanned a word at
 * a time. Keys stay exact JS numbers: a valid key is below 2^(order0Log2+1) ≤
 * 2^53, and anything above is reported rather than decoded.
 */
export async function decodeRadixTree(
  memory: PhysicalMemory,
  root: number,
  options: MapDecodeOptions = {},
): Promise<PreservedMemoryMap> {
  const geometry = radixGeometry(options.pageSize ?? memory.pageSize, options.radixDepthFormula);
  const limits = mapLimits(options);
  const problems = new ProblemLog(limits.maxProblems);
  const walk = new RadixWalk(
    geometry,
    limits,
    problems,
    new MapPageReader(memory, geometry.pageSize, problems, options.signal, options.onProgress),
  );
  await walk.visit(root, geometry.depth - 1, 0, root);
  walk.reader.reportProgress();
  const { ranges, rangesByOrder } = walk.ranges.finish();
  reportRangesOutsideRam(ranges, memory.ranges, problems);
  return new PreservedMemoryMap({
    encoding: 'radix-tree',
    address: root,
    pageSize: geometry.pageSize,
    status: walk.stopped ? 'partial' : 'complete',
    details: {
      encoding: 'radix-tree',
      depth: geometry.depth,
      depthReason: geometry.depthReason,
      nodes: walk.nodes,
      leaves: walk.leaves,
    },
    metadataPages: walk.reader.metadataPages(),
    blocksPerOrder: walk.blocksPerOrder,
    ranges,
    rangesByOrder,
    problems: problems.problems,
    droppedProblems: problems.dropped,
  });
}

/** The state of one tree walk. */
class RadixWalk {
  readonly ranges = new OrderedRangeAccumulator();
  readonly blocksPerOrder: number[] = [];
  private readonly visited = new Set<number>();
  nodes = 0;
  leaves = 0;
  stopped = false;
  /** Key limit: a key at or above 2^(order0Log2 + 1) would have a negative order. */
  private readonly keyLimit: number;

  constructor(
    private readonly geometry: RadixGeometry,
    private readonly limits: MapLimits,
    private readonly problems: ProblemLog,
    readonly reader: MapPageReader,
  ) {
    this.keyLimit = 2 ** (geometry.order0Log2 + 1);
  }

  /** Reads the page at `address` as a node of `level` (0 = leaf) whose keys start with `keyPrefix`. */
  async visit(address: number, level: number, keyPrefix: number, referrer: number): Promise<void> {
    if (this.stopped) return;
    if (this.visited.has(address)) {
      this.problems.add(
        address,
        'radix node',
        `page ${hex(address)} is reached a second time (from ${hex(referrer)}): a cycle or a shared subtree; not read again`,
      );
      return;
    }
    if (this.visited.size >= this.limits.maxNodes) {
      this.problems.add(address, 'radix node', `more than ${this.limits.maxNodes} radix pages; the walk stopped here`);
      this.stopped = true;
      return;
    }
    this.visited.add(address);
    const { pageSize } = this.geometry;
    const structure = level === 0 ? 'radix leaf' : `radix node (level ${level})`;
    const page = await this.reader.read(address, pageSize, pageSize, structure, referrer);
    if (page === null) return;
    if (level === 0) {
      this.leaves++;
      this.readLeaf(page, address, keyPrefix);
      return;
    }
    this.nodes++;
    const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
    const step = 2 ** levelShift(this.geometry, level);
    for (let i = 0; i < pageSize / 8; i++) {
      if (view.getUint32(i * 8, true) === 0 && view.getUint32(i * 8 + 4, true) === 0) continue;
      const entry = address + i * 8;
      const child = readU64Number(view, i * 8);
      if (child === null) {
        this.problems.add(
          entry,
          structure,
          `entry ${i} holds ${u64Hex(view, i * 8)}, a pointer above 2^53; not followed`,
        );
        continue;
      }
      const childKey = keyPrefix + i * step;
      if (childKey >= this.keyLimit) {
        this.problems.add(
          entry,
          structure,
          `entry ${i} leads to keys above the order-0 bit (no valid order); not followed`,
        );
        continue;
      }
      await this.visit(child, level - 1, childKey, entry);
      if (this.stopped) return;
    }
  }

  /** Adds the blocks of one leaf: every bit is a key with the leaf's prefix. */
  private readLeaf(leaf: Uint8Array, address: number, keyPrefix: number): void {
    const { pageShift, order0Log2, bitmapLog2 } = this.geometry;
    const bits = 2 ** bitmapLog2;
    if (keyPrefix === 0) {
      this.readLowLeaf(leaf, address);
    } else {
      // The order bit is above the leaf bits, so every bit of this leaf has
      // the same order and the blocks are evenly spaced from one base.
      const msb = floorLog2(keyPrefix);
      const order = order0Log2 - msb;
      const blockSize = 2 ** (pageShift + order);
      const base = (keyPrefix - 2 ** msb) * blockSize;
      const scan = scanBitmap(leaf, bits, base, blockSize, this.ranges.forOrder(order));
      this.count(order, scan.blocks);
      if (scan.beyondLimit > 0) {
        this.problems.add(
          address,
          'radix leaf',
          `${scan.beyondLimit} order-${order} blocks lie above 2^53 and are not shown`,
        );
      }
    }
    if (this.reader.blocks > this.limits.maxBlocks) {
      this.problems.add(
        address,
        'radix leaf',
        `more than ${this.limits.maxBlocks} preserved blocks; the walk stopped after this leaf`,
      );
      this.stopped = true;
    }
  }

  /**
   * The leaf whose key prefix is 0 holds the order bit inside its own bits
   * (orders ≥ order0Log2 − bitmapLog2 + 1: absurdly large blocks), so each
   * set bit has its own order. Only one such leaf can exist; go bit by bit.
   */
  private readLowLeaf(leaf: Uint8Array, address: number): void {
    const { pageShift, order0Log2 } = this.geometry;
    for (let byte = 0; byte < leaf.length; byte++) {
      if (leaf[byte] === 0) continue;
      for (let b = 0; b < 8; b++) {
        if ((leaf[byte] & (1 << b)) === 0) continue;
        const key = byte * 8 + b;
        if (key === 0) {
          this.problems.add(
            address,
            'radix leaf',
            'bit 0 of the lowest leaf is key 0, which has no order bit; ignored',
          );
          continue;
        }
        const msb = floorLog2(key);
        const order = order0Log2 - msb;
        const blockSize = 2 ** (pageShift + order);
        const start = (key - 2 ** msb) * blockSize;
        if (start + blockSize > ADDRESS_LIMIT_NUMBER) {
          this.problems.add(address, 'radix leaf', `key ${hex(key)} is an order-${order} block above 2^53; not shown`);
          continue;
        }
        this.ranges.forOrder(order).add(start, start + blockSize);
        this.count(order, 1);
      }
    }
  }

  private count(order: number, blocks: number): void {
    if (blocks === 0) return;
    while (this.blocksPerOrder.length <= order) this.blocksPerOrder.push(0);
    this.blocksPerOrder[order] += blocks;
    this.reader.blocks += blocks;
  }
}
