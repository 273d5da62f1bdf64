import { KhoImageBuilder } from '../../../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../../../build/placeKhoRoot';
import { decodeKhoGraph } from '../../../decode/decodeKhoGraph';
import type { KhoGraph } from '../../../model/KhoGraph';

/** Page size of the LUO test images. */
export const LUO_TEST_PAGE = 4096;

/** Where the LUO test images place each structure (RAM is [0, 16 MiB)). */
export const LUO_AT = {
  root: 0x1000,
  luo: 0x10000,
  sessions: 0x11000,
  files: 0x12000,
  memfd: 0x13000,
  chunk: 0x14000,
  records: 0x15000,
  flbs: 0x16000,
  gmem: 0x17000,
  gchunk: 0x18000,
  grecords: 0x19000,
  pci: 0x1a000,
  opaque: 0x1b000,
  pciDevices: 0x1c000,
} as const;

/** The KHO root of a LUO test image: kho-v4 with a radix tree (the default), or kho-v1 with a chunk list. */
export interface LuoRoot {
  compatible: 'kho-v4' | 'kho-v1';
  map: 'radix-tree' | 'chunk-list';
}

/**
 * Decodes a test image whose root (at LUO_AT.root) has one child, `LUO`, at
 * LUO_AT.luo holding `luoBlob`; `place` puts what the blob points at
 * (sessions, files, FLBs, handler data) into the image first.
 */
export function decodeLuoImage(
  luoBlob: Uint8Array,
  place: (builder: KhoImageBuilder) => void = () => undefined,
  root: LuoRoot = { compatible: 'kho-v4', map: 'radix-tree' },
): Promise<KhoGraph> {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x100_0000 }] });
  place(builder);
  placeKhoRoot(builder, {
    address: LUO_AT.root,
    ...root,
    children: [{ name: 'LUO', address: LUO_AT.luo, blob: luoBlob }],
  });
  return decodeKhoGraph(builder.memory, { roots: [LUO_AT.root] });
}
