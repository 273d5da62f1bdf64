/**
 * The editable in-memory model of one flattened device tree.
 *
 * The reader's compact index (`FdtIndex`) is for looking; this model is for
 * changing and writing. Property values stay raw bytes: typing them is a view
 * concern (DTS printer, KHO ABI typing), never a storage one, so a round trip
 * cannot lose information.
 */

/** One `/memreserve/` entry. u64 fields, so bigint. */
export interface MemoryReservation {
  address: bigint;
  size: bigint;
}

/** One property: a name and its raw value bytes (big-endian cells as stored). */
export interface FdtProperty {
  name: string;
  value: Uint8Array;
  /** DTS labels written before the property (`lbl: prop = ...`); kept for DTS round trips. */
  labels?: string[];
}

/** One node: name (with `@unit` if any), its properties and children, in blob order. */
export interface FdtNode {
  /** The node name; the root's name is the empty string. */
  name: string;
  properties: FdtProperty[];
  children: FdtNode[];
  /** DTS labels of the node (`lbl: node { ... }`); kept for DTS round trips. */
  labels?: string[];
}

/** A whole tree with the header fields that survive a round trip. */
export interface FdtDocument {
  /** FDT format version the blob was read with or is to be written as (1, 2, 3, 16 or 17). */
  version: number;
  /** `last_comp_version` header field (16 for version 17 blobs). */
  lastCompVersion: number;
  /** `boot_cpuid_phys` header field (version 2 and later). */
  bootCpuidPhys: number;
  memoryReservations: MemoryReservation[];
  root: FdtNode;
}

/** A new, empty version-17 document. */
export function emptyFdtDocument(): FdtDocument {
  return {
    version: 17,
    lastCompVersion: 16,
    bootCpuidPhys: 0,
    memoryReservations: [],
    root: { name: '', properties: [], children: [] },
  };
}
