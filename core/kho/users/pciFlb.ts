import type { DecodeContext } from '../decode/DecodeContext';
import type { Fragment } from '../model/Fragment';
import type { PciDevice } from '../model/UserContent';
import { toAddress } from '../../bytes/address';
import { hex } from '../../bytes/readers';
import { openRawStruct } from '../raw/openRawStruct';
import { RawStructReader } from '../raw/RawStructReader';
import { readKhoBlockSet } from '../raw/readBlockSet';

/** Bytes of the `pci_ser` header (u32 max_nr_devices, u32 nr_devices) and of one `pci_dev_ser`. */
const PCI_SER_HEADER = 8;
const PCI_DEV_SER = 8;
/** Most devices read from one `pci_ser` (a 16-bit bdf per domain; far above any real machine). */
const MAX_DEVICES = 65536;

/**
 * Decodes the PCI FLB's `pci_ser` (mm tree include/linux/kho/abi/pci.h):
 * max_nr_devices, nr_devices, then `pci_dev_ser` {u32 domain, u16 bdf,
 * u16 refcount (`pci-v2`) or padding (`pci-v1`)} per device. The fragment
 * holds the header; the device array is read after it once its length is known.
 */
export async function decodePciFlb(ctx: DecodeContext, fragment: Fragment): Promise<void> {
  const header = openRawStruct(ctx, fragment, 'pci_ser', PCI_SER_HEADER);
  if (!header) return;
  const location = { fragment: fragment.id };
  const maxDevices = header.u32('max_nr_devices', 0);
  const count = header.u32('nr_devices', 4);
  const content = {
    user: 'pci' as const,
    handler: fragment.compatible ?? fragment.format,
    version: null,
    maxDevices,
    devices: [] as PciDevice[],
  };
  fragment.user = content;
  if (count > maxDevices || count > MAX_DEVICES) {
    ctx.diagnostics.error('bad-count', `pci_ser says ${count} devices but has room for ${maxDevices}`, {
      ...location,
      property: 'nr_devices',
      offset: 4,
    });
    return;
  }
  const start = fragment.location.kind === 'contiguous' ? fragment.location.address : null;
  if (start === null || count === 0) return;
  const bytes = await ctx.read(start + PCI_SER_HEADER, count * PCI_DEV_SER, 'pci_dev_ser array', {
    ...location,
    property: 'devices',
  });
  if (!bytes) return;
  const reader = new RawStructReader(bytes);
  for (let i = 0; i < count; i++)
    content.devices.push(readPciDevice(reader.nested(i * PCI_DEV_SER, `devices[${i}]`), fragment.format !== 'pci-v1'));
  ctx.claimPreserved(fragment.root, start, start + PCI_SER_HEADER + count * PCI_DEV_SER, 'pci_ser devices', {
    ...location,
    property: 'devices',
  });
}

/** Bytes of the `pci` FLB's `pci_ser`: u32 version, u32 nr_devices, u64 devices. */
const PCI_BLOCK_SER = 16;
/** `PCI_LUO_FLB_VERSION`: the `pci_ser` version whose layout this reads. */
const PCI_BLOCK_VERSION = 2;

/**
 * Decodes the `pci` FLB's `pci_ser` (include/linux/kho/abi/pci.h of the
 * PCI live update patches, docs/kho-formats.md): u32 version, u32
 * nr_devices, u64 physical address of the first KHO serialization block of
 * `pci_dev_ser` {u32 domain, u16 bdf, u16 refcount}. The blocks are read
 * like LUO's (readKhoBlockSet: bounded, claimed as preserved); a version
 * other than 2, or a device count the blocks do not hold, is said.
 */
export async function decodePciBlockFlb(ctx: DecodeContext, fragment: Fragment): Promise<void> {
  const reader = openRawStruct(ctx, fragment, 'pci_ser', PCI_BLOCK_SER);
  if (!reader) return;
  const location = { fragment: fragment.id };
  const version = reader.u32('version', 0);
  const count = reader.u32('nr_devices', 4);
  const first = reader.u64('devices', 8);
  const content = {
    user: 'pci' as const,
    handler: fragment.compatible ?? fragment.format,
    version,
    maxDevices: null,
    devices: [] as PciDevice[],
  };
  fragment.user = content;
  if (version !== PCI_BLOCK_VERSION)
    ctx.diagnostics.warning(
      'unknown-version',
      `pci_ser version ${version}; khoscope knows version ${PCI_BLOCK_VERSION}, whose layout it reads`,
      { ...location, property: 'version', offset: 0 },
    );
  const address = toAddress(first);
  if (address === null) {
    ctx.diagnostics.error('address-too-large', `pci_ser devices pointer ${hex(first)} is past 2^53`, {
      ...location,
      property: 'devices',
      offset: 8,
    });
    return;
  }
  if (address === 0) {
    if (count !== 0)
      ctx.diagnostics.error('count-mismatch', `pci_ser says ${count} devices but its devices pointer is 0`, {
        ...location,
        property: 'devices',
        offset: 8,
      });
    return;
  }
  const ref = { fragment: fragment.id, node: '', property: 'devices' };
  const entries = await readKhoBlockSet(ctx, ref, fragment.root, address, { name: 'pci_dev_ser', size: PCI_DEV_SER });
  content.devices = entries
    .slice(0, MAX_DEVICES)
    .map((bytes, i) => readPciDevice(new RawStructReader(bytes).nested(0, `devices[${i}]`), true));
  if (entries.length !== count)
    ctx.diagnostics.warning('count-mismatch', `pci_ser says ${count} devices; its blocks hold ${entries.length}`, {
      ...location,
      property: 'nr_devices',
      offset: 4,
    });
}

/** One `pci_dev_ser`: bdf split into bus, device and function; the last u16 is a refcount or padding. */
function readPciDevice(device: RawStructReader, hasRefcount: boolean): PciDevice {
  const bdf = device.u16('bdf', 4);
  const last = device.u16(hasRefcount ? 'refcount' : 'padding', 6);
  return {
    domain: device.u32('domain', 0),
    bus: bdf >> 8,
    device: (bdf >> 3) & 0x1f,
    function: bdf & 7,
    refcount: hasRefcount ? last : null,
  };
}
