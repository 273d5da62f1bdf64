import { FdtError, probeFdtHeader, readFdt, type FdtIndex } from '../../fdt';
import type { ValidationReader } from './ValidationReader';

/** Bytes enough for every FDT header version. */
const HEADER_BYTES = 40;

/** An FDT read from memory, or a valid header whose blob could not be read. */
export type FdtAtAddress = { index: FdtIndex; size: number } | { index: null; size: number; problem: string };

/**
 * Reads the FDT at `address`: `null` when no valid header is there (a stray
 * magic), otherwise the indexed blob or the reason it could not be read
 * (runs into a hole, too large, broken structure).
 */
export async function readFdtAt(
  reader: ValidationReader,
  address: number,
  maxFdtBytes: number,
): Promise<FdtAtAddress | null> {
  const head = await reader.read(address, HEADER_BYTES);
  if (typeof head === 'string') return null;
  const header = probeFdtHeader(head, { maxTotalSize: Number.MAX_SAFE_INTEGER });
  if (header === undefined) return null;
  const size = header.totalSize;
  if (size > maxFdtBytes)
    return { index: null, size, problem: `totalsize ${size} is larger than the ${maxFdtBytes}-byte limit` };
  const bytes = await reader.read(address, size);
  if (typeof bytes === 'string') return { index: null, size, problem: `the ${size}-byte blob ${bytes}` };
  return parseFdt(bytes, size);
}

/** Indexes a blob already in hand; a broken one gives the reader's reason. */
export function parseFdt(bytes: Uint8Array, size: number): FdtAtAddress {
  try {
    return { index: readFdt(bytes), size };
  } catch (error) {
    if (error instanceof FdtError) return { index: null, size, problem: error.message };
    throw error;
  }
}

/** The first string of the root node's `compatible`, or null when there is none. */
export function rootCompatible(index: FdtIndex): string | null {
  const p = index.findProperty(0, 'compatible');
  if (p < 0) return null;
  const value = index.propertyValue(p);
  const nul = value.indexOf(0);
  const text = value.subarray(0, nul < 0 ? Math.min(value.length, 256) : Math.min(nul, 256));
  return String.fromCharCode(...text);
}
