import type { TourSource } from '../tours/Tour';

/** One plain-words explanation of a KHO structure, with where it is defined. */
export interface AboutTopic {
  /** What it is about: `preserved-data`, `a reserve-mem-v1 node`. */
  title: string;
  /** Two or three plain sentences: what it is for. */
  text: string;
  source: TourSource;
}

const TREE = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/';
const KHO_ABI = {
  label: 'include/linux/kho/abi/kexec_handover.h',
  url: `${TREE}include/linux/kho/abi/kexec_handover.h`,
};
const KHO_DOC = {
  label: 'Documentation/core-api/kho/concepts.rst',
  url: `${TREE}Documentation/core-api/kho/concepts.rst`,
};
const LUO_ABI = { label: 'include/linux/kho/abi/luo.h', url: `${TREE}include/linux/kho/abi/luo.h` };
const MEMFD_ABI = { label: 'include/linux/kho/abi/memfd.h', url: `${TREE}include/linux/kho/abi/memfd.h` };
const MEMBLOCK = { label: 'mm/memblock.c (reserve_mem)', url: `${TREE}mm/memblock.c` };
const TEST_KHO = { label: 'lib/test_kho.c', url: `${TREE}lib/test_kho.c` };
const SEED = { label: 'seed design: the recursive-FDT draft (March 2025 KHO discussion)' };

/** Explanations of properties and raw fields, by name. */
export const PROPERTY_TOPICS: Readonly<Record<string, AboutTopic>> = {
  'preserved-data': {
    title: 'preserved-data',
    text: 'The physical address of one KHO user’s blob, as a little-endian u64 (kho-v2 and later). The next kernel hands the blob to the user that registered this child name, so the user can restore its state.',
    source: KHO_ABI,
  },
  'blob-size': {
    title: 'blob-size',
    text: 'How many bytes the blob at preserved-data holds (kho-v3 and later). A blob need not be an FDT any more — LUO’s is a raw struct — so its size cannot come from an FDT header.',
    source: KHO_ABI,
  },
  fdt: {
    title: 'fdt',
    text: 'The kho-v1 pointer (Linux 6.16 to 7.0): the physical address of a child’s sub-FDT, a little-endian u64. The sub-FDT’s own header says how long it is.',
    source: KHO_ABI,
  },
  'preserved-memory-map': {
    title: 'preserved-memory-map',
    text: 'Where the map of preserved memory starts: a chunk list of per-order bitmaps in kho-v1, the root page of a radix tree from kho-v2 on. The next kernel keeps exactly the blocks the map names and may reuse every other page.',
    source: KHO_ABI,
  },
  'kho,recursive-fdt': {
    title: 'kho,recursive-fdt',
    text: 'The seed design’s link to a child fragment: a list of physical page addresses, read in list order and joined into one FDT. The pages need not be contiguous; the list is big-endian in the seed, little-endian in mainline style.',
    source: SEED,
  },
  compatible: {
    title: 'compatible',
    text: 'Names the format of what this node or blob holds, with a version (kho-v4, memblock-v1, luo-v5). A reader must refuse a version it does not know rather than guess.',
    source: KHO_DOC,
  },
  start: {
    title: 'start (reserve-mem)',
    text: 'The physical start of a reserve_mem region, a little-endian u64. The next kernel reserves the same range again so the data in it survives.',
    source: MEMBLOCK,
  },
  size: {
    title: 'size (reserve-mem)',
    text: 'The length in bytes of a reserve_mem region, a little-endian u64.',
    source: MEMBLOCK,
  },
  sessions_pa: {
    title: 'sessions_pa',
    text: 'Where LUO’s session records start: the first block of a block set of luo_session_ser entries. It is 0 until LUO serializes its sessions on the way into kexec.',
    source: LUO_ABI,
  },
  flbs_pa: {
    title: 'flbs_pa',
    text: 'Where LUO’s file-lifecycle-bound (FLB) objects are listed: a header page followed by luo_flb_ser entries.',
    source: LUO_ABI,
  },
  liveupdate_num: {
    title: 'liveupdate_num',
    text: 'How many live updates this chain of kernels has been through.',
    source: LUO_ABI,
  },
  magic: {
    title: 'magic (kho_test)',
    text: 'The test module’s check value, 0x4b484f21 ("KHO!"). A different value means the state is not what the test module wrote.',
    source: TEST_KHO,
  },
  folios_info: {
    title: 'folios_info',
    text: 'A struct kho_vmalloc: where the test module’s folio list lies, as a vmalloc area preserved piece by piece (its chunk pages list the physical pieces).',
    source: KHO_ABI,
  },
  nr_folios: {
    title: 'nr_folios',
    text: 'How many folios the record lists. Each folio is a block of 2^order pages kept with its own order, so the next kernel can rebuild it at its size.',
    source: MEMFD_ABI,
  },
};

const LUO_TOPIC: AboutTopic = {
  title: 'LUO (struct luo_ser)',
  text: 'The Live Update Orchestrator’s state: sessions of preserved files (a memfd, a VFIO device) that user space asked to keep across the kexec.',
  source: LUO_ABI,
};

/** Explanations of nodes and fragments, by their compatible (or raw format, as the decoder names it). */
export const COMPATIBLE_TOPICS: Readonly<Record<string, AboutTopic>> = {
  'luo-v5': LUO_TOPIC,
  'luo-ser': LUO_TOPIC,
  'reserve-mem-v1': {
    title: 'a reserve-mem-v1 node',
    text: 'One memory region reserved with the reserve_mem= boot parameter, handed over by memblock: its start and size. The next kernel reserves the same range before anything else can use it, so what a driver kept there survives the kexec.',
    source: MEMBLOCK,
  },
  'memblock-v1': {
    title: 'memblock’s blob',
    text: 'memblock lists the reserve_mem regions it hands over, one subnode each. It is the simplest KHO user: no preserved pages beyond its own blob.',
    source: MEMBLOCK,
  },
  'kho-test-v1': {
    title: 'kho_test’s blob',
    text: 'The KHO test module preserves a set of folios of mixed orders and records them, with a checksum, so the next kernel can check every byte came through.',
    source: TEST_KHO,
  },
  'memfd-v2': {
    title: 'a preserved memfd',
    text: 'memfd_luo_ser: the size, position and seals of a memfd and the list of its folios, so the next kernel can rebuild the file with the same pages.',
    source: MEMFD_ABI,
  },
  'kexec-metadata': {
    title: 'kexec-metadata',
    text: 'KHO’s own record of the previous kernel: its release and how many kexecs happened since the cold boot.',
    source: KHO_ABI,
  },
};

/** Roots, by their compatible prefix. */
export const ROOT_TOPIC: AboutTopic = {
  title: 'the KHO root',
  text: 'The top-level FDT the next kernel is given at kexec. It holds the address of the preserved-memory map and one child per KHO user; each child points to that user’s blob.',
  source: KHO_DOC,
};

/** The memory map's order lanes. */
export const ORDER_LANE_TOPIC: AboutTopic = {
  title: 'order lanes',
  text: 'Each lane of the memory map shows the preserved blocks of one order: a block of order n is 2^n contiguous pages (order 0 is one page). The kernel preserves each folio as one block of its own order, so the lanes show how the memory was allocated, not only which pages survive.',
  source: KHO_ABI,
};

/** A link of any scheme. */
export const LINK_TOPIC: AboutTopic = {
  title: 'a link',
  text: 'A pointer from a node (or raw field) of one fragment to another fragment, by physical address. Following every link from the root reaches every blob the next kernel will be handed.',
  source: KHO_DOC,
};
