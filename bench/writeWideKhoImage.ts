import { placeRoot } from '../core/kho/discover/testing/khoTestImage';
import { SparseMemory } from '../core/mem/SparseMemory';
import { writeSparseMemoryFile } from './writeSparseKhoImage';

const MiB = 2 ** 20;
const PAGE = 4096;
/** More than a child's share of the root FDT (BEGIN_NODE, a name up to 12 bytes padded, one u64 property, END_NODE). */
const ROOT_BYTES_PER_CHILD_BOUND = 64;
/** Where the root goes. */
export const WIDE_ROOT = MiB;

/**
 * Writes a sparse raw image (file byte 0 = physical 0) holding a kho-v4 root
 * at 1 MiB with `children` direct children, each pointing by
 * `preserved-data` at a small FDT of its own on its own page from 16 MiB on,
 * and a radix map preserving them all: `children` fragments and links below
 * a root with that many children. Returns the image's size.
 */
export function writeWideKhoImage(path: string, children: number): number {
  const firstBlob = 16 * MiB;
  // The root FDT takes about 40 bytes per child (user<n> with its preserved-data): 4 MB at
  // 100k children, so the map goes well above it, below the blobs.
  const mapPages = 12 * MiB;
  if (WIDE_ROOT + children * ROOT_BYTES_PER_CHILD_BOUND > mapPages) {
    throw new RangeError(`${children} children: the root FDT could reach the map pages at ${mapPages}`);
  }
  const size = firstBlob + children * PAGE + MiB;
  const memory = new SparseMemory(PAGE, [{ start: 0, end: size }]);
  placeRoot(memory, {
    address: WIDE_ROOT,
    compatible: 'kho-v4',
    map: 'radix-tree',
    mapPages,
    children: Array.from({ length: children }, (_, i) => ({
      name: `user${i}`,
      blob: firstBlob + i * PAGE,
      property: 'preserved-data' as const,
    })),
  });
  writeSparseMemoryFile(path, size, memory);
  return size;
}
