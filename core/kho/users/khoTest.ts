import { hex, readU64 } from '../../bytes/readers';
import { toAddress } from '../../bytes/address';
import type { DecodeContext } from '../decode/DecodeContext';
import { propertyOf, type FdtContent } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';
import type { KhoTestContent, TestFolio } from '../model/UserContent';
import {
  KHO_VMALLOC_SIZE,
  parseVmallocDescriptor,
  readVmallocArea,
  vmallocDescriptorValue,
} from '../raw/readVmallocArea';
import { u32Property } from './fdtProperties';

/** `KHO_TEST_MAGIC` ("KHO!"). */
export const KHO_TEST_MAGIC = 0x4b484f21;

/**
 * Decodes the `kho-test-v1` FDT of lib/test_kho.c: u32 `magic`, node `data`
 * with u32 `nr_folios`, `folios_info` and u32 `csum`. `folios_info` is the
 * folio list itself in 6.17 (nr_folios u64s of `phys | order`) and a 16-byte
 * `struct kho_vmalloc` holding that list later; the length tells them apart.
 */
export async function decodeKhoTest(ctx: DecodeContext, fragment: Fragment, fdt: FdtContent): Promise<void> {
  const content: KhoTestContent = {
    user: 'kho-test',
    magic: null,
    nrFolios: null,
    csum: null,
    folioStorage: null,
    vmallocArea: null,
    folios: [],
  };
  fragment.user = content;
  content.magic = u32Property(ctx, fragment, fdt.root, 'magic');
  if (content.magic !== null && content.magic !== KHO_TEST_MAGIC) {
    ctx.diagnostics.error('bad-magic', `kho_test magic is ${hex(content.magic)}, expected ${hex(KHO_TEST_MAGIC)}`, {
      fragment: fragment.id,
      node: '/',
      property: 'magic',
    });
  }
  const data = fdt.root.children.find((child) => child.name === 'data');
  if (!data) {
    ctx.diagnostics.warning('missing-node', 'kho_test has no /data node', { fragment: fragment.id, node: '/' });
    return;
  }
  content.nrFolios = u32Property(ctx, fragment, data, 'nr_folios');
  content.csum = u32Property(ctx, fragment, data, 'csum');
  const info = propertyOf(data, 'folios_info');
  if (!info || content.nrFolios === null) return;
  const location = { fragment: fragment.id, node: data.path, property: 'folios_info' };
  const arrayBytes = content.nrFolios * 8;
  let list: Uint8Array | null = null;
  if (info.raw.length === KHO_VMALLOC_SIZE && arrayBytes !== KHO_VMALLOC_SIZE) {
    content.folioStorage = 'vmalloc';
    const owner = { fragment: fragment.id, node: data.path, property: 'folios_info' };
    const descriptor = parseVmallocDescriptor(info.raw, 0);
    info.value = vmallocDescriptorValue(descriptor);
    const { area, data: bytes } = await readVmallocArea(ctx, owner, fragment.root, descriptor, arrayBytes);
    content.vmallocArea = area.id;
    list = bytes;
  } else if (info.raw.length === arrayBytes) {
    content.folioStorage = 'u64-array';
    list = info.raw;
  } else {
    ctx.diagnostics.error(
      'bad-property-length',
      `folios_info is ${info.raw.length} bytes: neither a 16-byte kho_vmalloc nor ${content.nrFolios} u64s`,
      location,
    );
  }
  if (list) content.folios = parseTestFolios(ctx, fragment, list, content.nrFolios);
}

/** Splits each u64 `phys | order` (phys is page-aligned, so the order sits in the low bits). */
function parseTestFolios(ctx: DecodeContext, fragment: Fragment, list: Uint8Array, count: number): TestFolio[] {
  const folios: TestFolio[] = [];
  const pageMask = BigInt(ctx.pageSize - 1);
  for (let i = 0; i < count && i < ctx.limits.maxEntries; i++) {
    const word = readU64(list, i * 8, 'le');
    const address = toAddress(word & ~pageMask);
    const order = Number(word & pageMask);
    const location = { fragment: fragment.id, node: '/data', property: `folios_info[${i}]` };
    if (address === null || order > 40) {
      ctx.diagnostics.error('bad-pointer', `test folio ${i} (${hex(word)}) is not a plausible phys | order`, location);
      continue;
    }
    folios.push({ address, order });
    const end = address + ctx.pageSize * 2 ** order;
    if (Number.isSafeInteger(end))
      ctx.claimPreserved(
        fragment.root,
        address,
        end,
        `kho_test folio ${i}`,
        { ...location, address },
        { kind: 'folio', order, consequence: 'kho_restore_folio() will not find it and kho_test will fail to restore' },
      );
  }
  return folios;
}
