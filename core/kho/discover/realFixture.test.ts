import { describe, expect, it } from 'vitest';
import { decodeRadixTree } from '../maps/decodeRadixTree';
import { openImage } from '../../mem/openImage';
import { NodeFileSource } from '../../mem/sources/NodeFileSource';
import { findKhoRoots } from './findKhoRoots';
import { linuxFixturesPresent, unpackedLinuxFixture } from '../../mem/testing/NodeSharedFixtures';

const present = linuxFixturesPresent(
  'core/kho/discover/realFixture.test.ts (root discovery on the real Linux 7.3 image)',
);

describe.runIf(present)('root discovery on the Linux 7.3 pre-kexec image', () => {
  it('finds the kho-v4 root at 0x23a000 and decodes its radix map', async () => {
    const source = await NodeFileSource.open(await unpackedLinuxFixture('pre-kexec.elf'));
    try {
      const image = await openImage(source);
      if (image.kind !== 'memory') throw new Error(`expected a memory image, got ${image.kind}`);
      const result = await findKhoRoots(image.memory);
      expect(result.candidates[0]).toMatchObject({
        address: 0x23a000,
        compatible: 'kho-v4',
        how: 'page-scan',
        size: 405,
        mapAddress: 0x239000,
      });
      expect(result.problems).toEqual([]);

      const map = await decodeRadixTree(image.memory, 0x239000);
      expect(map.problems).toEqual([]);
      expect(map.details).toMatchObject({ depth: 6 });
      expect(map.blockCount).toBe(45);
      expect(map.ranges.totalBytes).toBe(14_753_792);
      for (const page of [0x23a000, 0x1847000, 0x1844000, 0x528000, 0x242000]) expect(map.isPreserved(page)).toBe(true);
    } finally {
      await source.close();
    }
  });
});
