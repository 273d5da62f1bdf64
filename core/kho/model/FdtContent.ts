import type { TypedValue, U64Readings } from './TypedValue';

/**
 * The decoded content of an FDT fragment: its header fields, memory
 * reservations and node tree. In-place subnodes are simply children here:
 * they belong to the fragment that contains them.
 */
export interface FdtContent {
  kind: 'fdt';
  /** Header `totalsize`: bytes the FDT says it uses. */
  totalSize: number;
  version: number;
  lastCompVersion: number;
  bootCpuidPhys: number;
  memoryReservations: { address: bigint; size: bigint }[];
  root: DecodedNode;
}

/** One node with its full path (`/` for the root) and where it starts in the blob. */
export interface DecodedNode {
  name: string;
  path: string;
  /** Byte offset of the node's BEGIN_NODE token in the fragment. */
  offset: number;
  properties: DecodedProperty[];
  children: DecodedNode[];
}

/** One property: raw bytes, the typed reading, and both u64 readings where that makes sense. */
export interface DecodedProperty {
  name: string;
  /** Byte offset of the PROP token in the fragment. */
  offset: number;
  /** Byte offset of the value in the fragment. */
  valueOffset: number;
  raw: Uint8Array;
  value: TypedValue;
  /** Both byte-order readings, for every value that is a whole number of u64s (not strings). */
  readings?: U64Readings;
}

/** The property named `name` of `node`, if any. */
export function propertyOf(node: DecodedNode, name: string): DecodedProperty | undefined {
  return node.properties.find((property) => property.name === name);
}

/** Calls `visit` for `node` and every node below it, parents first. */
export function forEachNode(node: DecodedNode, visit: (node: DecodedNode) => void): void {
  visit(node);
  for (const child of node.children) forEachNode(child, visit);
}
