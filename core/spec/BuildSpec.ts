import type { FdtDocument } from '../fdt/FdtDocument';
import type { ByteOrder } from '../bytes/ByteOrder';

/**
 * A declarative description of a KHO image (docs/build-spec.md): RAM,
 * fragments (FDTs from DTS files or inline trees, raw structs given by
 * their fields), the roots and the links between fragments, and optional
 * placement hints. `parseBuildSpec` turns the JSON into this form, with
 * every number checked and every hex string read.
 */
export interface BuildSpec {
  pageSize: number;
  container: 'raw' | 'elf';
  /** Kernel machine name for the ELF header (`x86_64`, `aarch64`, ...). */
  machine: string;
  /** VMCOREINFO `OSRELEASE` of an ELF image; null writes no VMCOREINFO note. */
  osRelease: string | null;
  ram: { start: number; end: number }[];
  fragments: Map<string, FragmentSpec>;
  roots: RootSpec[];
  links: LinkSpec[];
  /** Extra ranges to mark preserved in a root's map (reserve_mem regions, say). */
  preserve: { root: string; start: number; end: number }[];
  /** Bytes to place as they are (the content of preserved regions). */
  data: { at: number; bytes: Uint8Array }[];
  /** Bytes laid over the finished image, last of all: the way to break a demo on purpose. */
  patches: { at: number; bytes: Uint8Array; why: string }[];
}

/** Where a fragment goes when the builder should not choose. */
export interface Placement {
  /** Contiguous: first byte. */
  at?: number;
  /** On a page list (draft targets, anchored roots): the pages in order. */
  pages?: number[];
}

/** One fragment. */
export type FragmentSpec = (FdtFragmentSpec | KexecMetadataSpec | LuoSerSpec | MemfdSpec | KhoTestSpec | RawBytesSpec) &
  Placement & {
    /** Mark the fragment's pages preserved in its root's map (default: yes under a mainline root). */
    preserve?: boolean;
  };

/** An FDT, from a DTS file (read and parsed at parse time) or an inline tree. */
export interface FdtFragmentSpec {
  kind: 'fdt';
  document: FdtDocument;
}

/** KHO's `kexec-metadata` blob (kho-format.md §6.5). */
export interface KexecMetadataSpec {
  kind: 'kexec-metadata';
  version: number;
  previousRelease: string;
  kexecCount: number;
}

/**
 * LUO's raw `struct luo_ser` (`luo-v5`, kho-format.md §6.3), or the feature-bit
 * layout queued in the mm tree (docs/kho-formats.md), with its sessions and
 * files in block sets.
 */
export interface LuoSerSpec {
  kind: 'luo-ser';
  /** The version string of the `luo-v5` layout; unused when `features` is given. */
  compatible: string;
  /** The 128-byte `luo_feature_hdr` opening the feature-bit layout (152 bytes) in place of the version string; null for `luo-v5`. */
  features: { supported: bigint; required: bigint; active: bigint } | null;
  liveupdateNum: bigint;
  /** Null writes `sessions_pa` = 0 (not serialized yet). */
  /** `count` overrides the file count written in the session entry (a broken image says more than it holds). */
  sessions:
    | { name: string; count: number | null; files: { compatible: string; token: bigint; data: string | bigint }[] }[]
    | null;
  /** Null writes `flbs_pa` = 0; otherwise an FLB header page with these entries. */
  flbs: { name: string; data: bigint; count: bigint }[] | null;
}

/** A `memfd_luo_ser` (kho-format.md §6.4) with its folios and the vmalloc'd folio-record array. */
export interface MemfdSpec {
  kind: 'memfd';
  version: 1 | 2;
  pos: bigint;
  size: bigint;
  seals: number;
  flags: number;
  folios: { index: bigint; flags: number; bytes: Uint8Array }[];
}

/** The `kho-test-v1` FDT of lib/test_kho.c with its folios (kho-format.md §6.2). */
export interface KhoTestSpec {
  kind: 'kho-test';
  /** `vmalloc` (6.18+: folios_info is a kho_vmalloc) or `u64-array` (6.17: the list itself). */
  storage: 'vmalloc' | 'u64-array';
  folios: { order: number; bytes: Uint8Array }[];
  /** `csum`; null computes khoscope's stand-in (see docs/build-spec.md). */
  csum: number | null;
}

/** Bytes given as they are (unknown blobs, or a blob broken on purpose). */
export interface RawBytesSpec {
  kind: 'raw';
  bytes: Uint8Array;
}

/** One KHO root. */
export interface RootSpec {
  fragment: string;
  /** `draft` (seed-design.md) or the mainline version whose rules the root follows. */
  scheme: 'draft' | 'kho-v1' | 'kho-v2' | 'kho-v3' | 'kho-v4';
  /** Root compatible; defaults to the scheme's (`kho-v1` for the draft, as the seed writes). */
  compatible: string;
  /** The map to write: none for the draft; chunk list for kho-v1, radix tree after; `zero` for "no map yet". */
  map: 'chunk-list' | 'radix-tree' | 'zero' | 'none';
  /** Chunk-list bitmap size: 512 (6.16/6.17) or the page size (6.18+). */
  chunkBitmapBytes: number;
  /** KHOANCH1 anchor pages holding the root's page list; the root fragment then needs `pages`. */
  anchor: { pages: number[]; perAnchor: number[] | null } | null;
  /** Mark the root page preserved (mainline default). */
  preserveRoot: boolean;
  /** A `preserved-memory-map` value to write instead of a map the builder makes (a broken image's). */
  mapPointer: number | null;
}

/** One link from a node of one fragment to another fragment. */
export interface LinkSpec {
  /** Fragment id holding the pointer. */
  from: string;
  /** Node path in that fragment (created, with its parents, when the tree lacks it). */
  node: string;
  /** Target fragment; null when `pointer` gives a raw address instead. */
  to: string | null;
  /** Page-list byte order (draft links). */
  order: ByteOrder;
  /** Override of the pointer property (`fdt`, `preserved-data`, `kho,recursive-fdt`). */
  property: string | null;
  /** Override of `blob-size`: a number, `null` to leave it out, undefined for the default. */
  blobSize?: number | null;
  /** Raw pointer value(s) to write instead of the target's address(es). */
  pointer: number[] | null;
}
