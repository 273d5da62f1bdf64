import { PreservedRanges } from '../maps/PreservedRanges';
import type { KhoGraph } from '../model/KhoGraph';

/** Schema version of the JSON form (docs/graph-json-schema.md). */
export const GRAPH_JSON_VERSION = 1;

/**
 * The whole graph as JSON (docs/graph-json-schema.md): the graph's own
 * fields under a small envelope, with every bigint as a `0x…` hex string,
 * byte arrays as hex strings, and preserved ranges as `{start, end}` lists.
 * Numbers stay numbers (addresses are below 2^53 by construction).
 */
export function graphToJson(graph: KhoGraph): string {
  return JSON.stringify({ format: 'khoscope-graph', version: GRAPH_JSON_VERSION, ...graph }, jsonValue, 2);
}

function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `0x${value.toString(16)}`;
  if (value instanceof Uint8Array) return bytesToHex(value);
  if (value instanceof PreservedRanges) return value.toArray();
  return value;
}

/** Lowercase hex of every byte, no separators. */
export function bytesToHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}
