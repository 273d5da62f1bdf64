/**
 * What a known KHO user's data means, in named fields (kho-format.md §6).
 * Attached to the fragment the user registered; structures the user keeps
 * elsewhere (block sets, vmalloc areas) are side structures referenced by id.
 */
export type UserContent = MemblockContent | KhoTestContent | LuoContent | MemfdContent | KexecMetadataContent;

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

/** Live Update Orchestrator state (FDT `luo-v1` or raw `luo_ser` `luo-v5`). */
export interface LuoContent {
  user: 'luo';
  compatible: string;
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
}

/** One preserved file of a session. `dataLink` is the id of the link `data` became, when followed. */
export interface LuoFile {
  compatible: string;
  data: bigint;
  token: bigint;
  dataLink: string | null;
}

/** One File-Lifecycle-Bound object. */
export interface LuoFlb {
  name: string;
  data: bigint;
  count: bigint;
}

/** `memfd_luo_ser` (`memfd-v1`: 40 bytes; `memfd-v2`: 48 bytes with seals and flags). */
export interface MemfdContent {
  user: 'memfd';
  version: 1 | 2;
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
  /** bit 0 dirty, bit 1 uptodate. */
  flags: number;
  index: bigint;
}

/** `kexec-metadata` (73 packed bytes). */
export interface KexecMetadataContent {
  user: 'kexec-metadata';
  version: number;
  previousRelease: string;
  kexecCount: number;
}
