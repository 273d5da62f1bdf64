import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KhoImageBuilder } from '../../core/build/KhoImageBuilder';
import { placeKhoRoot } from '../../core/build/placeKhoRoot';
import { memblockFdt } from '../../app/testing/mainlineImage';

/** Size of the sparse raw image: 4 GiB, far more than the page may ever hold. */
export const BIG_IMAGE_BYTES = 4 * 1024 ** 3;
/** Where its one KHO root is: 1 MiB before the end, so the scan has to cross everything first. */
export const BIG_IMAGE_ROOT = BIG_IMAGE_BYTES - 0x10_0000;

/**
 * Writes a 4 GiB raw memory dump (file byte 0 = physical 0) that is all
 * holes on disk except the pages of one kho-v4 root near the end, its
 * memblock child and their radix map. Returns its path.
 */
export function writeBigSparseImage(): string {
  const builder = new KhoImageBuilder({ ram: [{ start: BIG_IMAGE_ROOT - 0x10_0000, end: BIG_IMAGE_BYTES }] });
  placeKhoRoot(builder, {
    address: BIG_IMAGE_ROOT,
    compatible: 'kho-v4',
    map: 'radix-tree',
    children: [{ name: 'memblock', address: BIG_IMAGE_ROOT + 0x8000, blob: memblockFdt() }],
  });
  const path = join(tmpdir(), `khoscope-e2e-big-${process.pid}.raw`);
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, BIG_IMAGE_BYTES);
    for (const page of builder.memory.writtenPages())
      writeSync(fd, builder.memory.readSync(page, builder.pageSize), 0, builder.pageSize, page);
  } finally {
    closeSync(fd);
  }
  return path;
}
