/**
 * What the user has selected in the KHO explorer. One selection is shared by
 * every view (graph, outline, inspector, hex view, memory map, diagnostics):
 * each view highlights it and each view can change it.
 *
 * Ids are those of the decoded `KhoGraph` (core/kho/model): fragment ids, link
 * ids; nodes by path inside their fragment; properties (or raw-struct fields)
 * by name inside their node.
 */
export type Selection =
  | { kind: 'fragment'; fragment: string }
  | { kind: 'node'; fragment: string; node: string }
  | { kind: 'property'; fragment: string; node: string; property: string }
  | { kind: 'link'; link: string }
  | { kind: 'diagnostic'; index: number }
  /** Physical bytes with no decoded owner (a preserved range, a hole, a page of a map). */
  | { kind: 'memory'; address: number; length: number };

/** Reads physical memory of the open image (served by the decoding worker). */
export type ReadMemory = (address: number, length: number) => Promise<Uint8Array>;
