/**
 * The compact index of a structure block: one typed-array slot per node and
 * per property, filled in one pass by `scanStructureBlock`. Nodes are numbered
 * in blob order (pre-order, root = 0), so a node's subtree is the index range
 * [n, nodeSubtreeEnd[n]). Properties are numbered in blob order too, and since
 * a node's properties precede its subnodes, node n owns the range
 * [nodeFirstProperty[n], nodeFirstProperty[n + 1]).
 *
 * The arrays may be longer than the counts (they grow geometrically); only
 * the first `nodeCount` / `propertyCount` slots are meaningful.
 */
export interface FdtStructureTables {
  nodeCount: number;
  propertyCount: number;
  /** Blob offset of the node's BEGIN_NODE token. */
  nodeOffset: Uint32Array;
  /** Blob offset just past the node's END_NODE token. */
  nodeEnd: Uint32Array;
  /** Index of the parent node, -1 for the root. */
  nodeParent: Int32Array;
  /** Nesting depth, 0 for the root. */
  nodeDepth: Uint32Array;
  /** Index one past the node's last descendant. */
  nodeSubtreeEnd: Uint32Array;
  /** First property index of each node; slot `nodeCount` holds `propertyCount`. */
  nodeFirstProperty: Uint32Array;
  /** Blob offset of the property's PROP token. */
  propertyOffset: Uint32Array;
  /** Value length in bytes. */
  propertyLength: Uint32Array;
  /** Offset of the property name inside the strings block. */
  propertyNameOffset: Uint32Array;
  /** Blob offset of the FDT_END token; -1 when a truncated blob's bytes end before it. */
  endTokenOffset: number;
  /**
   * Blob offset where indexing stopped: just past FDT_END when the structure
   * block was read whole, else the first token (or property) a truncated
   * blob's bytes do not wholly hold.
   */
  stoppedAt: number;
  /** What a truncated blob's bytes cut at `stoppedAt`, in plain words; null when FDT_END was read. */
  cut: string | null;
  /** Nodes whose END_NODE a truncated blob's bytes do not hold, outermost first (empty when whole). */
  openNodes: number[];
  /** Largest name offset whose name is wholly (NUL included) in the bytes of the strings block. */
  lastNameOffset: number;
  /** Properties whose name lies in the part of the strings block the bytes do not hold. */
  missingNameCount: number;
}
