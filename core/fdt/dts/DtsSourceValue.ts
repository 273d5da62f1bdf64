import type { DtsPosition } from './DtsError';

/**
 * One piece of a property value as written in DTS: plain bytes, a phandle
 * reference in a cell list (`<&lbl>`, 4 bytes once resolved) or a path
 * reference (`&lbl` outside cells: the target's full path and a NUL).
 */
export type DtsValueChunk =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'phandle'; ref: string; at: DtsPosition; phandle?: number }
  | { kind: 'path'; ref: string; at: DtsPosition; path?: string };

/** A property value before references are resolved, with the labels written inside it (`<a: 1 b: 2>`). */
export interface DtsSourceValue {
  chunks: DtsValueChunk[];
  /** Labels inside the value; they name no node, but dtc still rejects duplicates of them. */
  labels: string[];
}

/** A value with no bytes (`name;`, or a deleted property). */
export function emptySourceValue(): DtsSourceValue {
  return { chunks: [], labels: [] };
}

/**
 * The value's bytes. Before references are resolved (what dtc's checks see),
 * a phandle reference is 0xffffffff and a path reference has no bytes yet;
 * after, they hold the phandle and the path.
 */
export function sourceValueBytes(value: DtsSourceValue): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const chunk of value.chunks) {
    if (chunk.kind === 'bytes') {
      parts.push(chunk.bytes);
    } else if (chunk.kind === 'phandle') {
      const phandle = chunk.phandle ?? 0xffffffff;
      parts.push(Uint8Array.of(phandle >>> 24, (phandle >>> 16) & 0xff, (phandle >>> 8) & 0xff, phandle & 0xff));
    } else if (chunk.path !== undefined) {
      parts.push(Uint8Array.from([...chunk.path].map((c) => c.charCodeAt(0)).concat(0)));
    }
  }
  let length = 0;
  for (const part of parts) length += part.length;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
