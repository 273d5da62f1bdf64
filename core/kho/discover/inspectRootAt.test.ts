import { describe, expect, it } from 'vitest';
import { SparseMemory } from '../../mem/SparseMemory';
import { inspectRootAt } from './inspectRootAt';
import { RootScanError } from './RootScanError';
import { anchorPage, fdtBlob, placeRoot, placeSpreadFdt } from './testing/khoTestImage';

function image(): SparseMemory {
  return new SparseMemory(4096, [{ start: 0, end: 0x1000000 }]);
}

describe('inspectRootAt', () => {
  it('validates a given root FDT and ranks it', async () => {
    const memory = image();
    placeRoot(memory, { address: 0x23a000, compatible: 'kho-v4', map: 'radix-tree', mapPages: 0x300000 });
    const root = await inspectRootAt(memory, 0x23a000);
    expect(root).toMatchObject({
      address: 0x23a000,
      how: 'given',
      compatible: 'kho-v4',
      rank: 70,
      mapAddress: 0x300000,
    });
  });

  it('returns a given FDT that is no KHO root, ranked down and saying why', async () => {
    const memory = image();
    memory.write(0x10000, fdtBlob('linux,dummy-virt'));
    const root = await inspectRootAt(memory, 0x10000);
    expect(root.version).toBeNull();
    expect(root.reasons[0]).toEqual({ points: -40, text: 'compatible "linux,dummy-virt" is not a KHO root (kho-vN)' });
  });

  it('follows a given anchor head and warns about extra pages', async () => {
    const memory = image();
    const pages = [0x100000, 0x105000];
    const size = placeSpreadFdt(memory, 'kho-v1', pages);
    memory.write(0x90000, anchorPage(4096, 0, size, [...pages, 0x107000]));
    const root = await inspectRootAt(memory, 0x90000);
    expect(root).toMatchObject({ how: 'given', anchorPages: [0x90000], fdtPages: pages });
    expect(root.reasons).toContainEqual({ points: -5, text: `the chain lists 3 pages; fdt_size ${size} needs only 2` });
  });

  it('throws RootScanError when nothing usable is there', async () => {
    const memory = image();
    await expect(inspectRootAt(memory, 0x5000)).rejects.toThrow(RootScanError);
    await expect(inspectRootAt(memory, 0x5000)).rejects.toThrow('no valid FDT header');
    await expect(inspectRootAt(memory, 0x2000000)).rejects.toThrow("outside the image's RAM");
    memory.write(0x90000, anchorPage(4096, 0x90000, 100, [0x100000]));
    await expect(inspectRootAt(memory, 0x90000)).rejects.toThrow('the chain has a cycle');
  });
});
