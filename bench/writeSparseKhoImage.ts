import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { placeRoot } from '../core/kho/discover/testing/khoTestImage';
import { SparseMemory } from '../core/mem/SparseMemory';

const MiB = 2 ** 20;
const PAGE = 4096;

/**
 * Writes a sparse raw image of `size` bytes (file byte 0 = physical 0) that
 * is all holes on disk except a kho-v4 root 8 MiB before the end, its radix
 * map and one child, so a scan has to cross the whole image first. Returns
 * the root's address.
 */
export function writeSparseKhoImage(path: string, size: number): number {
  const root = size - 8 * MiB;
  const memory = new SparseMemory(PAGE, [{ start: 0, end: size }]);
  placeRoot(memory, {
    address: root,
    compatible: 'kho-v4',
    map: 'radix-tree',
    mapPages: root + MiB,
    children: [{ name: 'kho_test', blob: root + 2 * MiB, property: 'preserved-data', blobSize: 240 }],
  });
  writeSparseMemoryFile(path, size, memory);
  return root;
}

/** Writes `memory` as a raw image file of `size` bytes (file byte 0 = physical 0): written pages only, holes elsewhere. */
export function writeSparseMemoryFile(path: string, size: number, memory: SparseMemory): void {
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, size);
    for (const page of memory.writtenPages())
      writeSync(fd, memory.readSync(page, memory.pageSize), 0, memory.pageSize, page);
  } finally {
    closeSync(fd);
  }
}
