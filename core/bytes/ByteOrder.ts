/**
 * Byte order a multi-byte value was read in. FDT structure fields are always
 * big-endian; KHO writes its property payloads native (little-endian on every
 * architecture with KHO), and the seed's draft writes page lists as DTS cells
 * (big-endian). Every reading the graph shows says which one it used.
 */
export type ByteOrder = 'le' | 'be';
