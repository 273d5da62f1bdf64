/**
 * Which kernel releases read each format and version string khoscope knows,
 * with the source of each fact. The same facts, in prose, are in
 * docs/kho-formats.md; keep the two in step. Release numbers of the early
 * rows are best estimates from commit dates (kho-format.md §0 says so too).
 *
 * A kernel reads exactly one root compatible and one version of each
 * sub-format (it checks the string for equality), so a format's readers are
 * one range of releases: `since` to `until` (null: still current in the
 * newest release catalogued, `NEWEST_CATALOGUED`), or none when it never
 * reached a release (`status` queued or proposed).
 */
export interface CatalogueEntry {
  /** The string as it appears in an image (`kho-v4`, `memfd-v2`), or khoscope's name for a layout without one. */
  id: string;
  kind: 'root' | 'root-part' | 'map' | 'blob' | 'luo' | 'handler' | 'feature' | 'debugfs';
  /** `released`: in a kernel release; `queued`: in the mm tree, not released; `proposed`: RFC or patch series only. */
  status: 'released' | 'queued' | 'proposed';
  /** First release that reads it (released only). */
  since: string | null;
  /** Last release that reads it; null while still current in NEWEST_CATALOGUED. */
  until: string | null;
  /** What it is, for people. */
  what: string;
  /** Where the facts come from (T: torvalds/linux, MM: linux-mm, ML: mailing list, fixture: a real image). */
  source: string;
  /**
   * A queued or proposed format that would take this one's place (its
   * catalogue id), so a release after NEWEST_CATALOGUED may read that instead.
   */
  successor?: string;
}

/** Something known about a release after NEWEST_CATALOGUED, and whether a kernel source confirmed it. */
export interface ReleaseNote {
  release: string;
  text: string;
  confirmed: boolean;
  source: string;
}

/** What is known (or only claimed) about releases newer than NEWEST_CATALOGUED. */
const RELEASE_NOTES: readonly ReleaseNote[] = [
  {
    release: '7.4',
    text: '7.4-rc1 renames debugfs kho/out scratch_phys/scratch_len to bootmem_phys/bootmem_len (debugfs only: it does not change what the next kernel reads)',
    confirmed: false,
    source: 'issue 15 of this project; not found in any kernel tree that could be searched',
  },
];

/** The releases khoscope has facts about, oldest first. */
export const RELEASES = ['6.16', '6.17', '6.18', '6.19', '7.0', '7.1', '7.2', '7.3', '7.4'] as const;
/** Newest release whose formats khoscope knows in full; for later ones an open range says nothing. */
export const NEWEST_CATALOGUED = '7.3';

const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'kho-v1',
    kind: 'root',
    status: 'released',
    since: '6.16',
    until: '7.0',
    what: 'root FDT with `fdt` child pointers and a chunk-list map',
    source: 'T:kernel/kexec_handover.c@00c010e1; kho-format.md §0 rows 1-5',
  },
  {
    id: 'kho-v2',
    kind: 'root',
    status: 'proposed',
    since: null,
    until: null,
    what: 'radix-tree map and `preserved-data`, before `blob-size`; only on 7.1 development snapshots',
    source: 'T:include/linux/kho/abi/kexec_handover.h@3f2ad900 ("Make KHO Stateless" v9); kho-format.md §0 row 6',
  },
  {
    id: 'kho-v3',
    kind: 'root',
    status: 'released',
    since: '7.1',
    until: '7.1',
    what: 'adds `blob-size`; children may be raw blobs',
    source: 'docs.kernel.org core-api/kho/abi; T:kernel/liveupdate/kexec_handover_debugfs.c@062dd306',
  },
  {
    id: 'kho-v4',
    kind: 'root',
    status: 'released',
    since: '7.2',
    until: null,
    what: 'KHO serialization blocks (`kho_block_header_ser`)',
    source: 'ML "[PATCH v7 07/13] kho: add support for linked-block serialization" 2026-06-03; fixture linux-7.3.4',
    successor: 'kho-v4;block-v1;radix-v1;vmalloc-v1',
  },
  {
    id: 'kho-v4;block-v1;radix-v1;vmalloc-v1',
    kind: 'root',
    status: 'proposed',
    since: null,
    until: null,
    what: 'composite root compatible: the base version, then one part per sub-format, alphabetical',
    source:
      'ML "[RFC v1 6/9] kho: introduce compatibility helpers" 2026-06-04; MM:include/linux/kho/abi/compat.h@8c8e7930',
  },
  {
    id: 'radix-v1',
    kind: 'root-part',
    status: 'proposed',
    since: null,
    until: null,
    what: 'composite root compatible part: the radix-tree map',
    source:
      'ML "[RFC v1 6/9] kho: introduce compatibility helpers" 2026-06-04; MM:include/linux/kho/abi/compat.h@8c8e7930',
  },
  {
    id: 'vmalloc-v1',
    kind: 'root-part',
    status: 'proposed',
    since: null,
    until: null,
    what: 'composite root compatible part: `kho_vmalloc` areas',
    source: 'same RFC as radix-v1',
  },
  {
    id: 'block-v1',
    kind: 'root-part',
    status: 'proposed',
    since: null,
    until: null,
    what: 'composite root compatible part: serialization blocks',
    source: 'same RFC as radix-v1',
  },
  {
    id: 'chunk-list',
    kind: 'map',
    status: 'released',
    since: '6.16',
    until: '7.0',
    what: 'preserved-memory map as a linked list of bitmap chunks (512-byte bitmaps to 6.17, page-sized from 6.18)',
    source: 'T:kernel/kexec_handover.c@00c010e1; T:kernel/liveupdate/kexec_handover.c@dd03dd60',
  },
  {
    id: 'radix-tree',
    kind: 'map',
    status: 'released',
    since: '7.1',
    until: null,
    what: 'preserved-memory map as a radix tree of bitmaps',
    source: 'T:include/linux/kho/abi/kexec_handover.h@3f2ad900; fixture linux-7.3.4',
  },
  {
    id: 'memblock-v1',
    kind: 'blob',
    status: 'released',
    since: '6.16',
    until: null,
    what: 'memblock reserve_mem regions (`reserve-mem-v1` subnodes)',
    source: 'T:Documentation/core-api/kho/bindings/memblock; fixture linux-7.3.4',
  },
  {
    id: 'kho-test-v1',
    kind: 'blob',
    status: 'released',
    since: '6.17',
    until: null,
    what: 'lib/test_kho.c test tree',
    source: 'T:lib/test_kho.c@136114e0; fixture linux-7.3.4',
  },
  {
    id: 'kexec-metadata-v1',
    kind: 'blob',
    status: 'released',
    since: '7.1',
    until: null,
    what: 'kexec-metadata version 1 (previous release, kexec count)',
    source: 'T:include/linux/kho/abi/kexec_metadata.h@40735a68; fixture linux-7.3.4',
  },
  {
    id: 'luo-v1',
    kind: 'luo',
    status: 'released',
    since: '6.19',
    until: '7.1',
    what: 'LUO as an FDT (`luo-session-v2` sessions, from 7.0 `luo-flb-v1`)',
    source: 'kho-format.md §0 rows 4-5, §6.3',
  },
  {
    id: 'luo-v5',
    kind: 'luo',
    status: 'released',
    since: '7.2',
    until: null,
    what: 'raw 32-byte `luo_ser` with block-set sessions and files',
    source: 'git.tavy.me atom feed include/linux/kho?h=v7.2-rc1; fixture linux-7.3.4',
    successor: 'luo-features',
  },
  {
    id: 'luo-features',
    kind: 'luo',
    status: 'queued',
    since: null,
    until: null,
    what: '152-byte `luo_ser` opening with `luo_feature_hdr` (feature bits instead of a version string)',
    source: 'MM:include/linux/kho/abi/luo.h@fb2257f1',
  },
  {
    id: 'memfd-v1',
    kind: 'handler',
    status: 'released',
    since: '6.19',
    until: null,
    what: '40-byte `memfd_luo_ser`; last release reading it not known',
    source: 'T:include/linux/kho/abi/memfd.h@ac2d8102',
  },
  {
    id: 'memfd-v2',
    kind: 'handler',
    status: 'released',
    since: '7.3',
    until: null,
    what: '48-byte `memfd_luo_ser` with seals and flags; first release not known, 7.3 seen',
    source: 'fixture linux-7.3.4 (at-kexec); kho-format.md §6.4, §11',
    successor: 'memfd',
  },
  {
    id: 'memfd',
    kind: 'handler',
    status: 'queued',
    since: null,
    until: null,
    what: '176-byte `memfd_luo_ser` opening with a feature header',
    source: 'MM:include/linux/kho/abi/memfd.h@c30cc99c',
  },
  {
    id: 'guest_memfd_luo_v1',
    kind: 'handler',
    status: 'queued',
    since: null,
    until: null,
    what: 'KVM guest_memfd file (UPTODATE in folio flag bit 0)',
    source: 'MM:include/linux/kho/abi/kvm.h@bd568219',
  },
  {
    id: 'kvm_vm_luo_v1',
    kind: 'handler',
    status: 'queued',
    since: null,
    until: null,
    what: 'KVM VM file',
    source: 'MM:include/linux/kho/abi/kvm.h@bd568219',
  },
  {
    id: 'vfio-pci-v1',
    kind: 'handler',
    status: 'proposed',
    since: null,
    until: null,
    what: 'vfio-pci device file',
    source: 'ML vfio-pci live update patches, 2026 (VFIO_PCI_LUO_FH_COMPATIBLE)',
  },
  {
    id: 'pci-v1',
    kind: 'handler',
    status: 'queued',
    since: null,
    until: null,
    what: 'PCI FLB, `pci_dev_ser` with padding',
    source: 'MM:include/linux/kho/abi/pci.h@8333de2e',
  },
  {
    id: 'pci-v2',
    kind: 'handler',
    status: 'queued',
    since: null,
    until: null,
    what: 'PCI FLB, `pci_dev_ser` with refcount',
    source: 'MM:include/linux/kho/abi/pci.h@3bb8a42d',
  },
  {
    id: 'pci',
    kind: 'handler',
    status: 'proposed',
    since: null,
    until: null,
    what: 'PCI FLB named without a suffix; `pci_ser` carries its own u32 version (2), nr_devices and the first KHO block of `pci_dev_ser`',
    source:
      'analogdevicesinc/linux:include/linux/kho/abi/pci.h@39f8a23b (PCI_LUO_FLB_VERSION 2); dmatlack/linux has version 1',
  },
  {
    id: 'iommu-v1',
    kind: 'handler',
    status: 'proposed',
    since: null,
    until: null,
    what: 'IOMMU FLB (`iommu_lu_flb_ser`: lists of IOMMUs, domains and devices)',
    source: 'samikhawaja/linux:include/linux/kho/abi/iommu.h@ef754267 (IOMMU_LUO_FLB_COMPATIBLE)',
  },
  {
    id: 'hugetlb-v1',
    kind: 'handler',
    status: 'proposed',
    since: null,
    until: null,
    what: 'HugeTLB FLB (`hugetlb_ser`: preserved pages per hstate)',
    source: 'prati0100/linux:include/linux/kho/abi/hugetlb.h@18ae0a38 (HUGETLB_FLB_COMPATIBLE)',
  },
  {
    id: 'scratch_phys',
    kind: 'debugfs',
    status: 'released',
    since: '6.16',
    until: '7.3',
    what: 'debugfs kho/out/scratch_phys and scratch_len',
    source: 'T:kernel/liveupdate/kexec_handover_debugfs.c@062dd306; fixture linux-7.3.4',
    successor: 'bootmem_phys',
  },
  {
    id: 'bootmem_phys',
    kind: 'debugfs',
    status: 'released',
    since: '7.4',
    until: null,
    what: 'debugfs kho/out/bootmem_phys and bootmem_len ("scratch" renamed "bootmem")',
    source: 'issue 15 of this project (Linux 7.4-rc1); not confirmed in kernel source here',
  },
];

/** Feature bits khoscope knows, by the header they belong to (`luo:NUMBER`, `memfd:SEALS`). */
const FEATURE_SOURCE = 'MM:include/linux/kho/abi/luo.h@fb2257f1, memfd.h@c30cc99c';

/** The catalogue entry for a string found in an image, or null when khoscope has no facts about it. */
export function catalogueEntry(id: string): CatalogueEntry | null {
  const entry = CATALOGUE.find((e) => e.id === id);
  if (entry) return entry;
  if (/^(luo|memfd):[A-Z]+$/.test(id)) {
    return {
      id,
      kind: 'feature',
      status: 'queued',
      since: null,
      until: null,
      what: 'feature bit of a feature header',
      source: FEATURE_SOURCE,
    };
  }
  return null;
}

/** What is known about `release`, when it is newer than NEWEST_CATALOGUED. */
export function releaseNotes(release: string): readonly ReleaseNote[] {
  return RELEASE_NOTES.filter((note) => note.release === release);
}

/** Every entry (for docs and tests). */
export function catalogueEntries(): readonly CatalogueEntry[] {
  return CATALOGUE;
}
