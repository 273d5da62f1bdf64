import { inflateSync } from 'node:zlib';
import type { Inflater } from './Inflater';

/** `Inflater` over Node's zlib (Node only): synchronous per page, bounded by `maxOutputLength`. */
export class NodeZlibInflater implements Inflater {
  /** Inflates `data`; zlib itself refuses output past `maxOutput` bytes. */
  async inflate(data: Uint8Array, maxOutput: number): Promise<Uint8Array> {
    const out = inflateSync(data, { maxOutputLength: maxOutput });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
}
