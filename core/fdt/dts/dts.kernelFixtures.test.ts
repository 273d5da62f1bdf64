import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFdt } from '../readFdt';
import { parseDts } from './parseDts';
import { printDts } from './printDts';

// Real blobs written by Linux 7.3.4's KHO and dtc's DTS of each: the kernel's
// truth files, committed beside the carved images (fixtures/linux-7.3/README.md).

const TRUTH = join(__dirname, '../../../fixtures/linux-7.3/truth');
const BLOBS: [string, string][] = [
  ['debugfs/kho/out/sub_fdts/memblock', 'dts/memblock.dts'],
  ['debugfs/kho/out/sub_fdts/kho_test', 'dts/kho_test.dts'],
  ['root-fdt-full.dtb', 'dts/root.dts'],
];

describe('DTS of the Linux 7.3 KHO blobs', () => {
  for (const [blobPath, dtsPath] of BLOBS) {
    it(`${blobPath}: prints dtc's text and parses it back to the same tree`, () => {
      const document = readFdt(new Uint8Array(readFileSync(join(TRUTH, blobPath)))).toDocument();
      const dtcText = readFileSync(join(TRUTH, dtsPath), 'latin1');
      expect(printDts(document)).toBe(dtcText);
      const parsed = parseDts(dtcText);
      expect(parsed.root).toEqual(document.root);
      expect(parsed.memoryReservations).toEqual(document.memoryReservations);
    });
  }
});
