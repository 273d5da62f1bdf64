import { placeRoot } from '../core/kho/discover/testing/khoTestImage';
import { SparseMemory } from '../core/mem/SparseMemory';
import { writeSparseMemoryFile } from './writeSparseKhoImage';

const MiB = 2 ** 20;
const PAGE = 4096;
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
  const size = firstBlob + children * PAGE + MiB;
  const memory = new SparseMemory(PAGE, [{ start: 0, end: size }]);
  placeRoot(memory, {
    address: WIDE_ROOT,
    compatible: 'kho-v4',
    map: 'radix-tree',
    mapPages: 4 * MiB,
    children: Array.from({ length: children }, (_, i) => ({
      name: `user${i}`,
      blob: firstBlob + i * PAGE,
      property: 'preserved-data' as const,
    })),
  });
  writeSparseMemoryFile(path, size, memory);
  return size;
}
