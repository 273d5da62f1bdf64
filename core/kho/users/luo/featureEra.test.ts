import { describe, expect, it } from 'vitest';
import type { KhoImageBuilder } from '../../../build/KhoImageBuilder';
import {
  encodeFeatureHeader,
  encodeFileEntry,
  encodeFlbEntry,
  encodeFlbHeader,
  encodeGuestMemfdSer,
  encodeKhoBlock,
  encodeLuoFeatureSer,
  encodeMemfdFolio,
  encodeMemfdSer,
  encodePciBlockSer,
  encodePciDevSer,
  encodePciSer,
  encodeSessionEntry,
  encodeVmallocChunk,
} from '../../../build/rawStructs';
import { concatBytes } from '../../../bytes/encoders';
import type { KhoGraph } from '../../model/KhoGraph';
import { decodeLuoImage, LUO_AT, LUO_TEST_PAGE } from './testing/luoTestImage';

const PS = LUO_TEST_PAGE;
const at = LUO_AT;

interface Options {
  luoFeatures?: Uint8Array;
  files?: Uint8Array[];
  preserveOpaque?: boolean;
  /** The PCI FLB: `pci-v2` (the default) or the unversioned `pci`, whose devices are in a KHO block. */
  pciFlb?: 'pci-v2' | 'pci';
  /** `pci` FLB: the pci_ser version and device count written. */
  pciSer?: { version: number; nrDevices: number };
}

/** A kho-v4 root whose LUO child is the 152-byte feature-bit luo_ser, with a memfd, a guest_memfd and a PCI FLB. */
function featureEra(options: Options = {}): Promise<KhoGraph> {
  const luo = encodeLuoFeatureSer({
    features: options.luoFeatures,
    liveupdateNum: 3,
    sessionsPa: at.sessions,
    flbsPa: at.flbs,
  });
  return decodeLuoImage(luo, (builder) => placeFeatureEra(builder, options));
}

/** The sessions, files, memfd, guest_memfd, opaque data and PCI FLB the feature-era LUO points at. */
function placeFeatureEra(builder: KhoImageBuilder, options: Options): void {
  const files = options.files ?? [
    encodeFileEntry('memfd', at.memfd, 7n),
    encodeFileEntry('guest_memfd_luo_v1', at.gmem, 8n),
    encodeFileEntry('vfio-pci-v1', at.opaque, 9n),
  ];
  builder.placeBytes(at.sessions, encodeKhoBlock(PS, 0, [encodeSessionEntry('vm1', at.files, files.length)]), true);
  builder.placeBytes(at.files, encodeKhoBlock(PS, 0, files), true);
  const memfdFeatures = encodeFeatureHeader({ supported: 3, required: 3, active: 3 });
  const folios = { first: BigInt(at.chunk), totalPages: 1, flags: 1, order: 0 };
  builder.placeBytes(
    at.memfd,
    encodeMemfdSer({ version: 2, features: memfdFeatures, pos: 0n, size: 0x2000n, seals: 8, nrFolios: 2, folios }),
    true,
  );
  builder.placeBytes(at.chunk, encodeVmallocChunk(PS, 0, [at.records]), true);
  builder.placeBytes(at.records, concatBytes(encodeMemfdFolio(0x200, 2, 0), encodeMemfdFolio(0x201, 1, 1)), true);
  // Each memfd folio is its own order-0 entry, as kho_preserve_folio writes it.
  for (let i = 0; i < 2; i++) builder.preserve(0x20_0000 + i * PS, PS);
  const gfolios = { first: BigInt(at.gchunk), totalPages: 1, flags: 1, order: 0 };
  builder.placeBytes(
    at.gmem,
    encodeGuestMemfdSer({ size: 0x1000n, flags: 3n, nrFolios: 1, vmToken: 0x42n, folios: gfolios }),
    true,
  );
  builder.placeBytes(at.gchunk, encodeVmallocChunk(PS, 0, [at.grecords]), true);
  builder.placeBytes(at.grecords, encodeMemfdFolio(0x300, 1, 0), true);
  builder.preserve(0x30_0000, PS);
  builder.placeBytes(at.opaque, new Uint8Array([1, 2, 3, 4]), options.preserveOpaque ?? true);
  const devices = [
    { domain: 0, bdf: 0x0818, refcount: 1 },
    { domain: 1, bdf: 0x0100, refcount: 0 },
  ];
  const flb = options.pciFlb ?? 'pci-v2';
  if (flb === 'pci') {
    const { version, nrDevices } = options.pciSer ?? { version: 2, nrDevices: 2 };
    builder.placeBytes(at.pci, encodePciBlockSer(version, nrDevices, at.pciDevices), true);
    builder.placeBytes(at.pciDevices, encodeKhoBlock(PS, 0, devices.map(encodePciDevSer)), true);
  } else builder.placeBytes(at.pci, encodePciSer(4, devices), true);
  builder.placeBytes(at.flbs, encodeFlbHeader(1, [encodeFlbEntry(flb, BigInt(at.pci), 1n)]), true);
}

const user = (graph: KhoGraph, id: string) => graph.fragments.find((f) => f.id === id)?.user;

describe('LUO feature bits and the handler registry', () => {
  it('reads the 152-byte luo_ser: feature bits by name, then its sessions and FLBs (no bad-magic)', async () => {
    const graph = await featureEra();
    expect(graph.diagnostics.map((d) => [d.severity, d.code, d.location.property])).toEqual([
      ['info', 'unknown-file-handler', 'sessions[0].files[2].data'],
    ]);
    const luo = graph.fragments.find((f) => f.id === '0x10000')!;
    expect(luo).toMatchObject({ format: 'luo-ser', size: 152 });
    expect(luo.user).toMatchObject({
      user: 'luo',
      compatible: 'luo-features',
      liveupdateNumber: 3n,
      features: {
        supported: 7n,
        required: 7n,
        active: 7n,
        unknownRequired: 0n,
        bits: [
          { bit: 0, name: 'NUMBER', supported: true, required: true, active: true },
          { bit: 1, name: 'SESSIONS', supported: true, required: true, active: true },
          { bit: 2, name: 'FLBS', supported: true, required: true, active: true },
        ],
      },
      sessions: [{ name: 'vm1', files: [{ compatible: 'memfd' }, { compatible: 'guest_memfd_luo_v1' }, {}] }],
    });
  });

  it('decodes memfd "memfd" (feature header + v2 fields, 176 bytes) with UPTODATE in bit 1', async () => {
    const graph = await featureEra();
    const memfd = graph.fragments.find((f) => f.id === '0x13000')!;
    expect(memfd).toMatchObject({ format: 'memfd-features', compatible: 'memfd', size: 176 });
    expect(memfd.user).toMatchObject({
      user: 'memfd',
      handler: 'memfd',
      seals: 8,
      size: 0x2000n,
      nrFolios: 2n,
      features: { bits: [{ name: 'SEALS' }, { name: 'FOLIOS' }] },
      folios: [
        { pfn: 0x200, state: ['uptodate'] },
        { pfn: 0x201, state: ['dirty'] },
      ],
    });
  });

  it('decodes guest_memfd with UPTODATE in bit 0 and its file flags by name', async () => {
    const graph = await featureEra();
    expect(user(graph, '0x17000')).toMatchObject({
      user: 'guest-memfd',
      handler: 'guest_memfd_luo_v1',
      flagNames: ['mmap', 'init-shared'],
      vmToken: 0x42n,
      folios: [{ pfn: 0x300, address: 0x30_0000, state: ['uptodate'] }],
    });
  });

  it('follows the PCI FLB to its pci_ser and reads each device', async () => {
    const graph = await featureEra();
    expect(graph.links.find((l) => l.from.property === 'flbs[0].data')).toMatchObject({
      scheme: 'luo-flb-data',
      to: '0x1a000',
    });
    expect(user(graph, '0x1a000')).toEqual({
      user: 'pci',
      handler: 'pci-v2',
      version: null,
      maxDevices: 4,
      devices: [
        { domain: 0, bus: 8, device: 3, function: 0, refcount: 1 },
        { domain: 1, bus: 1, device: 0, function: 0, refcount: 0 },
      ],
    });
  });

  it('follows the unversioned pci FLB to its pci_ser and reads the devices from its KHO block', async () => {
    const graph = await featureEra({ pciFlb: 'pci' });
    expect(user(graph, '0x1a000')).toEqual({
      user: 'pci',
      handler: 'pci',
      version: 2,
      maxDevices: null,
      devices: [
        { domain: 0, bus: 8, device: 3, function: 0, refcount: 1 },
        { domain: 1, bus: 1, device: 0, function: 0, refcount: 0 },
      ],
    });
    expect(graph.blockSets.find((set) => set.entry === 'pci_dev_ser')).toMatchObject({
      blocks: [{ address: 0x1c000, count: 2 }],
    });
    expect(graph.diagnostics.filter((d) => d.location.fragment === '0x1a000')).toEqual([]);
    const odd = await featureEra({ pciFlb: 'pci', pciSer: { version: 3, nrDevices: 5 } });
    expect(odd.diagnostics.filter((d) => d.location.fragment === '0x1a000').map((d) => [d.code, d.message])).toEqual([
      ['unknown-version', 'pci_ser version 3; khoscope knows version 2, whose layout it reads'],
      ['count-mismatch', 'pci_ser says 5 devices; its blocks hold 2'],
    ]);
  });

  it('shows a handler without a known layout raw, still following data and checking its page against the map', async () => {
    const graph = await featureEra({ preserveOpaque: false });
    const raw = graph.fragments.find((f) => f.id === '0x1b000')!;
    expect(raw).toMatchObject({ format: 'handler-data', compatible: 'vfio-pci-v1', size: PS });
    expect(raw.bytes.subarray(0, 4)).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(graph.diagnostics.map((d) => [d.severity, d.code, d.location.fragment ?? d.location.property])).toEqual([
      ['info', 'unknown-file-handler', '0x10000'],
      ['warning', 'not-preserved', '0x1b000'],
    ]);
  });

  it('flags required feature bits it does not know', async () => {
    const graph = await featureEra({
      luoFeatures: encodeFeatureHeader({ supported: 0x1007, required: 0x1007, active: 0x1007 }),
    });
    const warning = graph.diagnostics.find((d) => d.code === 'unknown-required-feature')!;
    expect(warning).toMatchObject({ severity: 'warning', location: { fragment: '0x10000', property: 'features.req' } });
    expect(warning.message).toContain('bit 12');
    expect(user(graph, '0x10000')).toMatchObject({
      features: { unknownRequired: 0x1000n, bits: [{}, {}, {}, { bit: 12, name: null, required: true }] },
    });
  });
});
