/**
 * What a known KHO user's data means, in named fields (kho-format.md §6).
 * Attached to the fragment the user registered; structures the user keeps
 * elsewhere (block sets, vmalloc areas) are side structures referenced by id.
 */
export type UserContent =
  | MemblockContent
  | KhoTestContent
  | LuoContent
  | MemfdContent
  | GuestMemfdContent
  | PciContent
  | KexecMetadataContent;

/** `memblock-v1`: one `reserve-mem-v1` range per subnode. */
export interface MemblockContent {
  user: 'memblock';
  ranges: ReserveMemRange[];
}

/** One `reserve_mem=` region. `start` is null when the u64 is not a usable address. */
export interface ReserveMemRange {
  name: string;
  node: string;
  start: number | null;
  size: bigint;
}

/** `kho-test-v1` (lib/test_kho.c). */
export interface KhoTestContent {
  user: 'kho-test';
  magic: number | null;
  nrFolios: number | null;
  csum: number | null;
  /** 6.17 writes the folio list inline as u64s; later kernels put it in a vmalloc area. */
  folioStorage: 'u64-array' | 'vmalloc' | null;
  vmallocArea: string | null;
  folios: TestFolio[];
}

/** One test folio: `phys | order` split apart. */
export interface TestFolio {
  address: number;
  order: number;
}

/**
 * Live Update Orchestrator state: FDT `luo-v1`, raw `luo_ser` `luo-v5`, or the
 * 152-byte `luo_ser` that opens with a feature header (`compatible` is then
 * `luo-features`, khoscope's name for it: the struct carries no string).
 */
export interface LuoContent {
  user: 'luo';
  compatible: string;
  /** The feature header of a feature-bit `luo_ser`; null for the versioned layouts. */
  features: FeatureHeader | null;
  liveupdateNumber: bigint | null;
  /** Phys of the session store (0 = sessions not serialized yet), or null when absent. */
  sessionsAddress: number | null;
  flbsAddress: number | null;
  sessions: LuoSession[];
  flbs: LuoFlb[];
}

/** One LUO session and its files. */
export interface LuoSession {
  name: string;
  filesAddress: number | null;
  fileCount: bigint;
  files: LuoFile[];
  /** systemd's mapping, read from token 0 of a session named `systemd` (users/luo/systemdSession.ts). */
  systemd?: SystemdMapping;
}

/** One preserved file of a session. `dataLink` is the id of the link `data` became, when followed. */
export interface LuoFile {
  compatible: string;
  data: bigint;
  token: bigint;
  dataLink: string | null;
  /** In systemd's session: the unit and fd name its mapping gives this token (`mapping` for token 0 itself). */
  owner?: SystemdFdOwner;
}

/**
 * The JSON systemd (v261+) keeps in token 0 of its LUO session `systemd`, a
 * sealed memfd: which unit's fd store each other token belongs to.
 */
export interface SystemdMapping {
  /** The mapping's `version`; null for the unversioned early form (cgroup path → entries). */
  version: number | null;
  /** `state.kexecsCount`, when present. */
  kexecsCount: number | null;
  /** Id of the memfd fragment it was read from. */
  fragment: string;
  entries: SystemdFdEntry[];
}

/** One fd store entry of systemd's mapping. */
export interface SystemdFdEntry {
  /** The unit (versioned form) or cgroup path (early form) the fd belongs to. */
  unit: string;
  /** The fd's name in that unit's fd store (`FDNAME=`). */
  name: string;
  /** `fd` (preserved in this session under `token`) or `luo_session` (a session of its own, `sessionName`). */
  type: string;
  token: bigint | null;
  sessionName: string | null;
}

/** Whose a file of systemd's session is. */
export interface SystemdFdOwner {
  unit: string;
  name: string;
}

/** One File-Lifecycle-Bound object. `dataLink` is the id of the link `data` became, when followed. */
export interface LuoFlb {
  name: string;
  data: bigint;
  count: bigint;
  dataLink: string | null;
}

/** A `luo_feature_hdr`: the three masks and each bit set in any of them. */
export interface FeatureHeader {
  supported: bigint;
  required: bigint;
  active: bigint;
  bits: FeatureBit[];
  /** Required bits khoscope has no name for. */
  unknownRequired: bigint;
}

/** One feature bit set in a feature header; `name` null when khoscope does not know it. */
export interface FeatureBit {
  bit: number;
  name: string | null;
  supported: boolean;
  required: boolean;
  active: boolean;
}

/**
 * `memfd_luo_ser` (`memfd-v1`: 40 bytes; `memfd-v2`: 48 bytes with seals and
 * flags; `memfd`: a feature header and then the v2 fields, 176 bytes).
 */
export interface MemfdContent {
  user: 'memfd';
  /** The LUO handler compatible that chose the layout. */
  handler: string;
  version: 1 | 2;
  features: FeatureHeader | null;
  pos: bigint;
  size: bigint;
  seals: number | null;
  flags: number | null;
  nrFolios: bigint;
  vmallocArea: string | null;
  folios: MemfdFolio[];
}

/** One `memfd_luo_folio_ser`. */
export interface MemfdFolio {
  pfn: number;
  /** pfn × page size, or null when that is 2^53 or more. */
  address: number | null;
  /** The record's 12 flag bits (memfd: bit 0 dirty, bit 1 uptodate; guest_memfd: bit 0 uptodate). */
  flags: number;
  /** The flag bits by name for the handler that wrote them (`bit 5` when unknown). */
  state: string[];
  index: bigint;
}

/** `guest_memfd_luo_ser` (`guest_memfd_luo_v1`, 48 bytes); folio records as memfd's, UPTODATE in bit 0. */
export interface GuestMemfdContent {
  user: 'guest-memfd';
  handler: string;
  size: bigint;
  flags: bigint;
  /** `flags` by name (MMAP, INIT_SHARED). */
  flagNames: string[];
  nrFolios: bigint;
  vmToken: bigint;
  vmallocArea: string | null;
  folios: MemfdFolio[];
}

/** `pci_ser` of the PCI FLB: the devices preserved across the update. */
export interface PciContent {
  user: 'pci';
  handler: string;
  /** `pci_ser.version` of the `pci` FLB; null for `pci-v1`/`pci-v2`, whose version is in the name. */
  version: number | null;
  /** Device slots (`max_nr_devices`); null for the `pci` FLB, whose devices are in KHO blocks. */
  maxDevices: number | null;
  devices: PciDevice[];
}

/** One `pci_dev_ser`; `refcount` is null for `pci-v1`, whose last u16 is padding. */
export interface PciDevice {
  domain: number;
  bus: number;
  device: number;
  function: number;
  refcount: number | null;
}

/** `kexec-metadata` (73 packed bytes). */
export interface KexecMetadataContent {
  user: 'kexec-metadata';
  version: number;
  previousRelease: string;
  kexecCount: number;
}
