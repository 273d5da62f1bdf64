import type { ByteSource } from './ByteSource';
import type { ElfCoreLayout } from './containers/ElfCoreHeader';
import type { ImageNotes } from './containers/ImageNotes';
import type { KdumpLayout } from './containers/KdumpHeader';
import type { KdumpMemory } from './containers/KdumpMemory';
import type { DebugfsFile, ScratchArea, ScratchNaming } from './containers/DebugfsSet';
import type { ImageMemory } from './ImageMemory';

/** Fields every image with physical memory has. */
interface MemoryImageBase {
  kind: 'memory';
  /** The file as the user gave it. */
  source: ByteSource;
  memory: ImageMemory;
  notes: ImageNotes;
  /** Page size in use: VMCOREINFO `PAGESIZE`, the kdump block size, else the option. */
  pageSize: number;
  /** Things that were tolerated but should be shown (overlapping segments, odd notes, ...). */
  warnings: string[];
}

/** A flat physical-memory dump: file byte 0 is physical address `base`. */
export interface RawImage extends MemoryImageBase {
  container: 'raw';
  base: number;
}

/** An ELF core (QEMU `dump-guest-memory`, /proc/vmcore, makedumpfile -E). */
export interface ElfImage extends MemoryImageBase {
  container: 'elf';
  /** True when the ELF came wrapped in a makedumpfile flattened stream. */
  flattened: boolean;
  /** The ELF file itself: `source`, or the file rebuilt from the flattened stream. */
  content: ByteSource;
  elf: ElfCoreLayout;
}

/** A kdump-compressed dump (makedumpfile, QEMU `-z`/`-l`/`-s`). */
export interface KdumpImage extends MemoryImageBase {
  container: 'kdump';
  memory: KdumpMemory;
  /** True when it came as a makedumpfile flattened stream. */
  flattened: boolean;
  /** The KDUMP file itself: `source`, or the file rebuilt from the flattened stream. */
  content: ByteSource;
  kdump: KdumpLayout;
}

/** Any image with physical memory. */
export type MemoryImage = RawImage | ElfImage | KdumpImage;

/** The kernel's KHO debugfs files (`kho/out/fdt`, `sub_fdts/<name>`, scratch lists): blobs, no memory. */
export interface DebugfsImage {
  kind: 'debugfs';
  /** Contents of `fdt` (possibly a truncated prefix of the real root: debugfs fixes the size at creation). */
  root: Uint8Array;
  /** `sub_fdts/<name>` contents by name. */
  children: Map<string, Uint8Array>;
  /** Scratch areas from `scratch_phys`/`scratch_len` (7.4: `bootmem_*`), in file order (empty when absent). */
  scratch: ScratchArea[];
  /** Which names the set's kernel gave the scratch files (null when it has none); export keeps them. */
  scratchNaming: ScratchNaming | null;
  /** The kernel command line from a `cmdline` file (a copy of `/proc/cmdline`), null without one. */
  cmdline: string | null;
  /** Every recognised file with its role, for export. */
  files: DebugfsFile[];
  warnings: string[];
}

/** A lone flattened device tree blob. */
export interface DtbImage {
  kind: 'dtb';
  bytes: Uint8Array;
  source: ByteSource;
  warnings: string[];
}

/** Whatever `openImage` found. */
export type OpenedImage = MemoryImage | DebugfsImage | DtbImage;
