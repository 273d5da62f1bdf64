import type { DecodeContext } from '../decode/DecodeContext';
import type { Fragment } from '../model/Fragment';
import type { PciDevice } from '../model/UserContent';
import { RawStructReader } from '../raw/RawStructReader';

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
  const header = new RawStructReader(fragment.bytes);
  fragment.content = { kind: 'raw', format: fragment.format, fields: header.fields };
  const location = { fragment: fragment.id };
  if (!header.has(0, PCI_SER_HEADER)) {
    ctx.diagnostics.error(
      'bad-size',
      `pci_ser is ${fragment.bytes.length} bytes; it needs ${PCI_SER_HEADER}`,
      location,
    );
    return;
  }
  const maxDevices = header.u32('max_nr_devices', 0);
  const count = header.u32('nr_devices', 4);
  const content = {
    user: 'pci' as const,
    handler: fragment.compatible ?? fragment.format,
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
  for (let i = 0; i < count; i++) {
    const device = reader.nested(i * PCI_DEV_SER, `devices[${i}]`);
    const bdf = device.u16('bdf', 4);
    const last = device.u16(fragment.format === 'pci-v1' ? 'padding' : 'refcount', 6);
    content.devices.push({
      domain: device.u32('domain', 0),
      bus: bdf >> 8,
      device: (bdf >> 3) & 0x1f,
      function: bdf & 7,
      refcount: fragment.format === 'pci-v1' ? null : last,
    });
  }
  ctx.claimPreserved(fragment.root, start, start + PCI_SER_HEADER + count * PCI_DEV_SER, 'pci_ser devices', {
    ...location,
    property: 'devices',
  });
}
