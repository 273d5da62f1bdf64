import type { VmallocDescriptor } from '../kho/raw/readVmallocArea';
import { charArray, concatBytes, u32, u64, u64List } from '../bytes/encoders';

/**
 * Encoders for the packed structs of kho-format.md (§2.3, §2.4, §6) (the seed's
 * KHOANCH1 anchor page is encoded beside its layout), all little-endian, for building images. Each
 * is the exact inverse of the matching decoder's layout.
 */

/** `struct kho_vmalloc` (16 bytes). */
export function encodeVmallocDescriptor(descriptor: VmallocDescriptor): Uint8Array {
  const bytes = new Uint8Array(16);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, descriptor.first, true);
  view.setUint32(8, descriptor.totalPages, true);
  view.setUint16(12, descriptor.flags, true);
  view.setUint16(14, descriptor.order, true);
  return bytes;
}

/** A `kho_vmalloc_chunk` page: next, then the piece addresses (0-terminated by the zeroed rest). */
export function encodeVmallocChunk(pageSize: number, next: number, pieces: readonly number[]): Uint8Array {
  return page(pageSize, concatBytes(u64(next), u64List(pieces)));
}

/** A KHO serialization block: `{next, count}` header, then the packed entries. */
export function encodeKhoBlock(
  pageSize: number,
  next: number,
  entries: readonly Uint8Array[],
  count = entries.length,
): Uint8Array {
  return page(pageSize, concatBytes(u64(next), u64(count), ...entries));
}

/** `struct luo_ser` (32 bytes). */
export function encodeLuoSer(fields: {
  compatible?: string;
  liveupdateNum: bigint | number;
  sessionsPa: number;
  flbsPa: number;
}): Uint8Array {
  return concatBytes(
    charArray(fields.compatible ?? 'luo-v5', 8),
    u64(fields.liveupdateNum),
    u64(fields.sessionsPa),
    u64(fields.flbsPa),
  );
}

/** `struct luo_feature_hdr` (128 bytes): supp, req, active, 13 reserved u64s. */
export function encodeFeatureHeader(fields: {
  supported: bigint | number;
  required?: bigint | number;
  active?: bigint | number;
}): Uint8Array {
  const bytes = new Uint8Array(128);
  bytes.set(concatBytes(u64(fields.supported), u64(fields.required ?? 0), u64(fields.active ?? fields.supported)));
  return bytes;
}

/** The feature-bit `struct luo_ser` (152 bytes): a feature header, then liveupdate_num, sessions_pa, flbs_pa. */
export function encodeLuoFeatureSer(fields: {
  features?: Uint8Array;
  liveupdateNum: bigint | number;
  sessionsPa: number;
  flbsPa: number;
}): Uint8Array {
  return concatBytes(
    fields.features ?? encodeFeatureHeader({ supported: 7, required: 7, active: 7 }),
    u64(fields.liveupdateNum),
    u64(fields.sessionsPa),
    u64(fields.flbsPa),
  );
}

/** `struct guest_memfd_luo_ser` (48 bytes). */
export function encodeGuestMemfdSer(fields: {
  size: bigint;
  flags: bigint;
  nrFolios: number;
  vmToken: bigint;
  folios: VmallocDescriptor;
}): Uint8Array {
  return concatBytes(
    u64(fields.size),
    u64(fields.flags),
    u64(fields.nrFolios),
    u64(fields.vmToken),
    encodeVmallocDescriptor(fields.folios),
  );
}

/** One `struct pci_dev_ser`: u32 domain, u16 bdf, u16 refcount (8 bytes). */
export function encodePciDevSer(device: { domain: number; bdf: number; refcount: number }): Uint8Array {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, device.domain, true);
  view.setUint16(4, device.bdf, true);
  view.setUint16(6, device.refcount, true);
  return bytes;
}

/** `struct pci_ser` of `pci-v1`/`pci-v2`: max_nr_devices, nr_devices, then one `pci_dev_ser` per device. */
export function encodePciSer(
  maxDevices: number,
  devices: readonly { domain: number; bdf: number; refcount: number }[],
): Uint8Array {
  return concatBytes(u32(maxDevices), u32(devices.length), ...devices.map(encodePciDevSer));
}

/** `struct pci_ser` of the `pci` FLB: u32 version, u32 nr_devices, u64 phys of the first KHO block of `pci_dev_ser`. */
export function encodePciBlockSer(version: number, nrDevices: number, devices: number): Uint8Array {
  return concatBytes(u32(version), u32(nrDevices), u64(devices));
}

/** `struct luo_session_ser` (80 bytes). */
export function encodeSessionEntry(name: string, files: number, count: number): Uint8Array {
  return concatBytes(charArray(name, 64), u64(files), u64(count));
}

/** `struct luo_file_ser` (64 bytes). */
export function encodeFileEntry(compatible: string, data: number | bigint, token: bigint): Uint8Array {
  return concatBytes(charArray(compatible, 48), u64(data), u64(token));
}

/** `struct luo_flb_ser` (64 bytes). */
export function encodeFlbEntry(name: string, data: bigint, count: bigint): Uint8Array {
  return concatBytes(charArray(name, 48), u64(data), u64(count));
}

/** `struct luo_flb_header_ser` followed by its entries. */
export function encodeFlbHeader(pageCount: number, entries: readonly Uint8Array[]): Uint8Array {
  return concatBytes(u64(pageCount), u64(entries.length), ...entries);
}

/**
 * `struct memfd_luo_ser` (v1: 40 bytes; v2: 48 bytes with seals and flags;
 * with `features`, that header and then the v2 fields: 176 bytes).
 */
export function encodeMemfdSer(fields: {
  version: 1 | 2;
  features?: Uint8Array;
  pos: bigint;
  size: bigint;
  seals?: number;
  flags?: number;
  nrFolios: number;
  folios: VmallocDescriptor;
}): Uint8Array {
  const v2 = fields.version === 2 || fields.features ? [u32(fields.seals ?? 0), u32(fields.flags ?? 0)] : [];
  return concatBytes(
    fields.features ?? new Uint8Array(0),
    u64(fields.pos),
    u64(fields.size),
    ...v2,
    u64(fields.nrFolios),
    encodeVmallocDescriptor(fields.folios),
  );
}

/** One `memfd_luo_folio_ser`: pfn in bits 0–51, flags in 52–63, then the file index. */
export function encodeMemfdFolio(pfn: number, flags: number, index: number): Uint8Array {
  return concatBytes(u64((BigInt(flags) << 52n) | BigInt(pfn)), u64(index));
}

/** The `kexec-metadata` blob (73 bytes). */
export function encodeKexecMetadata(fields: {
  version?: number;
  previousRelease: string;
  kexecCount: number;
}): Uint8Array {
  return concatBytes(u32(fields.version ?? 1), charArray(fields.previousRelease, 65), u32(fields.kexecCount));
}

/** `content` at the start of a zeroed page. */
function page(pageSize: number, content: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(pageSize);
  bytes.set(content.subarray(0, pageSize));
  return bytes;
}
