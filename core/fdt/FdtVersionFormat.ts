/**
 * What each FDT format version changes in the byte layout, as dtc's
 * `version_table` (flattree.c) and libfdt's header-size rules define it.
 */
export interface FdtVersionFormat {
  /** The version number written in the header. */
  version: FdtWritableVersion;
  /** Bytes of the header for this version (dtc writes exactly these, then pads to 8). */
  headerSize: number;
  /** `last_comp_version` dtc writes for this version. */
  dtcLastCompVersion: number;
  /** BEGIN_NODE carries the full path ("/a/b@1") instead of the node's own name. */
  fullPathNames: boolean;
  /** Property values of 8 bytes or more start 8-byte aligned (relative to the structure block). */
  alignLargeValues: boolean;
  /** dtc adds a `name` property (base name + NUL) to every node that lacks one. */
  nameProperties: boolean;
  /** Header has `boot_cpuid_phys`. */
  hasBootCpuid: boolean;
  /** Header has `size_dt_strings`. */
  hasStringsSize: boolean;
  /** Header has `size_dt_struct`. */
  hasStructSize: boolean;
}

/** The versions dtc can emit (`dtc -V`), and so the ones the writer produces. */
export type FdtWritableVersion = 1 | 2 | 3 | 16 | 17;

/** Newest format version this reader knows; later versions must declare compatibility with it. */
export const FDT_LATEST_VERSION = 17;

const OLD_LAYOUT = { fullPathNames: true, alignLargeValues: true, nameProperties: true, dtcLastCompVersion: 1 };
const NEW_LAYOUT = { fullPathNames: false, alignLargeValues: false, nameProperties: false, dtcLastCompVersion: 16 };

const FORMATS: readonly FdtVersionFormat[] = [
  { version: 1, headerSize: 28, ...OLD_LAYOUT, hasBootCpuid: false, hasStringsSize: false, hasStructSize: false },
  { version: 2, headerSize: 32, ...OLD_LAYOUT, hasBootCpuid: true, hasStringsSize: false, hasStructSize: false },
  { version: 3, headerSize: 36, ...OLD_LAYOUT, hasBootCpuid: true, hasStringsSize: true, hasStructSize: false },
  { version: 16, headerSize: 36, ...NEW_LAYOUT, hasBootCpuid: true, hasStringsSize: true, hasStructSize: false },
  { version: 17, headerSize: 40, ...NEW_LAYOUT, hasBootCpuid: true, hasStringsSize: true, hasStructSize: true },
];

/** The versions dtc emits, oldest first. */
export const FDT_WRITABLE_VERSIONS: readonly FdtWritableVersion[] = FORMATS.map((format) => format.version);

/**
 * The layout rules of a header `version`, or undefined for versions that were
 * never defined (0 and 4..15). Versions above 17 use the version 17 layout: a
 * blob may only claim them while its `last_comp_version` says a version 17
 * reader can read it, which the header check enforces.
 */
export function fdtVersionFormat(version: number): FdtVersionFormat | undefined {
  if (version > FDT_LATEST_VERSION) return FORMATS[FORMATS.length - 1];
  return FORMATS.find((format) => format.version === version);
}
