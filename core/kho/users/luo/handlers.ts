/**
 * LUO handlers by the `compatible` they write into `luo_file_ser` (file
 * handlers) or `luo_flb_ser.name` (File-Lifecycle-Bound objects), and how
 * khoscope reads the struct their `data` points at. The facts and their
 * sources are in docs/kho-formats.md. A compatible not listed here, or
 * listed without a layout, still has its `data` followed when it is an
 * address in the image: the bytes are shown raw and their page is checked
 * against the map like any fragment's.
 */
export interface LuoHandler {
  compatible: string;
  kind: 'file' | 'flb';
  /** What the object is, for people. */
  title: string;
  /** Fragment format `data` decodes as; null when the layout is not known (shown raw). */
  format: string | null;
  /** Bytes of the struct `data` points at (its fixed part). */
  size: number;
}

const HANDLERS: readonly LuoHandler[] = [
  { compatible: 'memfd-v1', kind: 'file', title: 'memfd', format: 'memfd-v1', size: 40 },
  { compatible: 'memfd-v2', kind: 'file', title: 'memfd', format: 'memfd-v2', size: 48 },
  // Feature-bit era (mm tree): the version string gave way to a 128-byte feature header.
  { compatible: 'memfd', kind: 'file', title: 'memfd', format: 'memfd-features', size: 176 },
  { compatible: 'guest_memfd_luo_v1', kind: 'file', title: 'KVM guest_memfd', format: 'guest-memfd-v1', size: 48 },
  { compatible: 'kvm_vm_luo_v1', kind: 'file', title: 'KVM VM', format: null, size: 32 },
  { compatible: 'vfio-pci-v1', kind: 'file', title: 'vfio-pci device', format: null, size: 0 },
  { compatible: 'pci-v1', kind: 'flb', title: 'PCI devices', format: 'pci-v1', size: 8 },
  { compatible: 'pci-v2', kind: 'flb', title: 'PCI devices', format: 'pci-v2', size: 8 },
  // Name without a suffix: its pci_ser carries a u32 version (2), nr_devices and the first KHO block of
  // pci_dev_ser (16 bytes), a layout unlike pci-v2's (docs/kho-formats.md).
  { compatible: 'pci', kind: 'flb', title: 'PCI devices', format: 'pci-block', size: 16 },
  // Proposed FLBs (developer trees): known by name, shown raw.
  { compatible: 'iommu-v1', kind: 'flb', title: 'IOMMU state', format: null, size: 48 },
  { compatible: 'hugetlb-v1', kind: 'flb', title: 'HugeTLB pages per hstate', format: null, size: 37 },
];

/** The handler registered for `compatible` of this kind, or null. */
export function luoHandlerFor(kind: LuoHandler['kind'], compatible: string): LuoHandler | null {
  return HANDLERS.find((handler) => handler.kind === kind && handler.compatible === compatible) ?? null;
}

/** Every handler khoscope knows (for the compatibility catalogue and docs). */
export function knownLuoHandlers(): readonly LuoHandler[] {
  return HANDLERS;
}
