import {
  encodeKexecMetadata,
  encodeLuoSer,
  fdtDocument,
  fdtNode,
  type KhoChildSpec,
  KhoImageBuilder,
  placeKhoRoot,
} from '../../core/build';
import { cstring, u64 } from '../../core/bytes';
import type { FdtDocument } from '../../core/fdt';
import type { SparseMemory } from '../../core/mem';

/**
 * A mainline-style KHO image for tests (unit and e2e), modelled on the real
 * 7.3 fixture: a kho-v4 root at 0x23a000 with a radix map, whose children
 * are memblock (FDT), LUO (raw luo_ser) and kexec-metadata (raw), plus a
 * `broken` child whose blob was never written (a dangling pointer).
 */

/** Where things are in the mainline image. */
export const MAINLINE = {
  root: 0x23a000,
  memblock: 0x1847000,
  luo: 0x1844000,
  kexecMetadata: 0x242000,
  /** `broken`'s preserved-data points here: the end of RAM, so it dangles (its empty blob writes nothing there). */
  dangling: 0x200_0000,
} as const;

const RAM = [{ start: 0x10_0000, end: 0x200_0000 }];

/** A memblock-v1 FDT with the reserve_mem regions of the real fixture (LE u64s). */
export function memblockFdt(): FdtDocument {
  const range = (name: string, start: number, size: number) =>
    fdtNode(name, [
      ['compatible', cstring('reserve-mem-v1')],
      ['start', u64(start)],
      ['size', u64(size)],
    ]);
  return fdtDocument(
    [['compatible', cstring('memblock-v1')]],
    [range('demo1', 0x1f00_0000, 0x40_0000), range('demo2', 0x1ee0_0000, 0x20_0000)],
  );
}

function placeMainlineRoot(builder: KhoImageBuilder, address: number, withBroken: boolean): void {
  const children: KhoChildSpec[] = [
    { name: 'memblock', address: MAINLINE.memblock, blob: memblockFdt() },
    { name: 'LUO', address: MAINLINE.luo, blob: encodeLuoSer({ liveupdateNum: 1, sessionsPa: 0, flbsPa: 0 }) },
    {
      name: 'kexec-metadata',
      address: MAINLINE.kexecMetadata,
      blob: encodeKexecMetadata({ previousRelease: '7.3.4', kexecCount: 1 }),
    },
  ];
  // A child whose blob was never written: its page is not in the ELF, so the pointer dangles.
  if (withBroken)
    children.push({
      name: 'broken',
      address: MAINLINE.dangling,
      blob: new Uint8Array(0),
      blobSize: 64,
      preserve: false,
    });
  placeKhoRoot(builder, { address, compatible: 'kho-v4', map: 'radix-tree', children });
}

/** The mainline-style image: kho-v4 root at 0x23a000 → memblock, LUO, kexec-metadata, and a dangling `broken`. */
export function mainlineMemory(): SparseMemory {
  const builder = new KhoImageBuilder({ ram: RAM });
  placeMainlineRoot(builder, MAINLINE.root, true);
  return builder.memory;
}

/** Two kho-v4 roots (0x23a000 and 0x400000, the second without children or map): root discovery finds both. */
export function twoRootsMemory(): SparseMemory {
  const builder = new KhoImageBuilder({ ram: RAM });
  placeMainlineRoot(builder, MAINLINE.root, false);
  placeKhoRoot(builder, { address: 0x40_0000, compatible: 'kho-v4', map: 'zero', children: [] });
  return builder.memory;
}
