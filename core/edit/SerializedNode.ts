import type { FdtNode } from '../fdt/FdtDocument';
import { bytesToHex, hexToBytes } from './hexBytes';

/**
 * A node subtree as plain JSON, for operations that carry one (putting a
 * removed node back, the tree of a new fragment): property values are hex.
 * Any names survive, even ones dtc would refuse, so undo never fails on a
 * node read from an odd image.
 */
export interface SerializedNode {
  name: string;
  properties: [name: string, valueHex: string][];
  children: SerializedNode[];
}

/** The JSON form of a node and everything below it. */
export function serializeNode(node: FdtNode): SerializedNode {
  return {
    name: node.name,
    properties: node.properties.map((property) => [property.name, bytesToHex(property.value)]),
    children: node.children.map(serializeNode),
  };
}

/** The node a serialized subtree describes. Throws a RangeError for a value that is not hex. */
export function deserializeNode(node: SerializedNode): FdtNode {
  return {
    name: node.name,
    properties: node.properties.map(([name, value]) => ({ name, value: hexToBytes(value) })),
    children: node.children.map(deserializeNode),
  };
}
