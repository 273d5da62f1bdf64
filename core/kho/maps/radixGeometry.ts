import { hex } from '../../bytes/readers';
import { checkKhoPageSize } from './checkKhoPageSize';
import { MapError } from './MapError';
import type { RadixDepthFormula } from './MapDecodeOptions';

/**
 * The shape of a `kho-v2`+ radix tree for one page size (kho-format.md §2.2):
 * every node is one page of u64 child pointers, every leaf one page of bits,
 * and a block's key is its order bit above its shifted address.
 */
export interface RadixGeometry {
  pageSize: number;
  /** S = log2(page size). */
  pageShift: number;
  /** KHO_ORDER_0_LOG2 = 64 − S: the key bit that marks order 0. */
  order0Log2: number;
  /** log2 of the entries per node (page size / 8). */
  tableLog2: number;
  /** log2 of the bits per leaf (page size · 8). */
  bitmapLog2: number;
  /** Levels including the leaf level; the root is level depth − 1, leaves are level 0. */
  depth: number;
  /** Why this depth, in plain words. */
  depthReason: string;
}

/**
 * Geometry for a page size (a power of two from 4 KiB to 64 KiB). The
 * `fixed` depth formula is the default; `original` reproduces trees written
 * before the depth fix (one level fewer on 16 KiB pages).
 */
export function radixGeometry(pageSize: number, formula: RadixDepthFormula = 'fixed'): RadixGeometry {
  const pageShift = checkKhoPageSize(pageSize, 'radix tree');
  const order0Log2 = 64 - pageShift;
  const tableLog2 = pageShift - 3;
  const bitmapLog2 = pageShift + 3;
  const span = order0Log2 - bitmapLog2;
  const fixedDepth = Math.ceil((span + 1) / tableLog2) + 1;
  const originalDepth = Math.ceil(span / tableLog2) + 1;
  const depth = formula === 'fixed' ? fixedDepth : originalDepth;
  const kib = `${pageSize / 1024} KiB pages`;
  const depthReason =
    fixedDepth === originalDepth
      ? `${depth} levels for ${kib} (both kernel depth formulas agree)`
      : formula === 'fixed'
        ? `${depth} levels for ${kib} (fixed KHO_TREE_MAX_DEPTH formula; trees from kernels before the fix have ${originalDepth})`
        : `${depth} levels for ${kib} (original KHO_TREE_MAX_DEPTH formula, as chosen; current kernels use ${fixedDepth})`;
  return { pageSize, pageShift, order0Log2, tableLog2, bitmapLog2, depth, depthReason };
}

/** Lowest key bit indexed by a node at `level` (1 … depth − 1). */
export function levelShift(geometry: RadixGeometry, level: number): number {
  return (level - 1) * geometry.tableLog2 + geometry.bitmapLog2;
}

/**
 * The radix key of a block: (1 << (order0Log2 − order)) | (address >> (S + order)).
 * Always below 2^53 for addresses below 2^53, so it is an exact number.
 */
export function radixKey(geometry: RadixGeometry, address: number, order: number): number {
  const blockSize = geometry.pageSize * 2 ** order;
  if (
    !Number.isInteger(order) ||
    order < 0 ||
    order > geometry.order0Log2 ||
    address % blockSize !== 0 ||
    !Number.isSafeInteger(address + blockSize)
  ) {
    throw new MapError(
      address,
      'radix key',
      `order ${order} block at ${hex(address)} is not aligned to its size or not below 2^53`,
    );
  }
  return 2 ** (geometry.order0Log2 - order) + address / blockSize;
}
