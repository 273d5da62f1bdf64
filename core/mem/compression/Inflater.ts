/**
 * zlib decompression as the platform provides it (Node's `zlib`, the
 * browser's `DecompressionStream`), injected so core code stays
 * platform-neutral. Implementations must stop as soon as the output would
 * exceed `maxOutput` bytes, so a crafted page cannot inflate to gigabytes.
 */
export interface Inflater {
  /** Inflates one zlib (RFC 1950) stream; rejects on corrupt data or output larger than `maxOutput`. */
  inflate(data: Uint8Array, maxOutput: number): Promise<Uint8Array>;
}
