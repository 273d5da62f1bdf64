import type { FdtHeader } from './FdtHeader';
import type { FdtStructureTables } from './FdtStructureTables';
import { hexOffset } from './hexOffset';

/**
 * What a tolerant read (`readFdt(bytes, { allowTruncated: true })`) could not
 * index because the bytes end before the blob's `totalsize`. Everything the
 * index holds was read whole from the bytes present: nodes up to
 * `stoppedAt`, every value whole, the memory reservations before
 * `memoryReservationsCutAt`. Only property names can be missing
 * (`FdtIndex.propertyNameMissing`), since dtc and libfdt put the strings
 * block last.
 */
export interface FdtTruncation {
  /** Bytes of the blob present (`FdtIndex.bytes.length`). */
  availableBytes: number;
  /** The header's `totalsize`. */
  totalSize: number;
  /**
   * Blob offset where the structure walk stopped: the first token, property
   * or node name the bytes do not wholly hold (the block's start when none of
   * it is present), or just past FDT_END when the structure block is whole.
   */
  stoppedAt: number;
  /** Whether the structure block was read up to and including its FDT_END token. */
  structureComplete: boolean;
  /** Offset of the first memory reservation entry the bytes do not hold; null when the terminator was read. */
  memoryReservationsCutAt: number | null;
  /** Nodes whose END_NODE the bytes do not hold, outermost (the root) first; their subtrees end at `stoppedAt`. */
  openNodes: readonly number[];
  /** Properties whose name lies in the part of the strings block the bytes do not hold. */
  missingNameCount: number;
  /** Plain words, block by block: what was cut and what that leaves out (the sizes are the fields above). */
  reason: string;
}

/**
 * Builds the truncation record of a tolerant read. `nodePath` names the open
 * nodes in the reason (the index's own `nodePath`).
 */
export function fdtTruncation(
  availableBytes: number,
  header: FdtHeader,
  tables: FdtStructureTables,
  memoryReservationsCutAt: number | null,
  nodePath: (n: number) => string,
): FdtTruncation {
  const parts: string[] = [];
  if (memoryReservationsCutAt !== null)
    parts.push(`the memory reservation block is cut at ${hexOffset(memoryReservationsCutAt)}`);
  if (tables.cut === null) parts.push('the structure block is whole');
  else {
    const innermost = tables.openNodes[tables.openNodes.length - 1];
    const inside = innermost === undefined ? '' : `, inside node ${nodePath(innermost)}`;
    const read = `${count(tables.nodeCount, 'node')} and ${count(tables.propertyCount, 'property', 'properties')} read${inside}`;
    parts.push(`the structure block stops at ${hexOffset(tables.stoppedAt)}: ${tables.cut} (${read})`);
  }
  const stringsPresent = Math.max(0, Math.min(header.stringsEnd, availableBytes) - header.offDtStrings);
  const stringsSize = header.stringsEnd - header.offDtStrings;
  if (stringsPresent < stringsSize) {
    const names =
      tables.missingNameCount === 0
        ? 'no property read has its name there'
        : `${count(tables.missingNameCount, 'property name')} missing`;
    const present = stringsPresent === 0 ? 'none of it is present' : `only ${stringsPresent} of its bytes are present`;
    parts.push(
      `the strings block (${stringsSize} bytes at ${hexOffset(header.offDtStrings)}) is cut, ${present}: ${names}`,
    );
  }
  if (parts.length === 1 && tables.cut === null) parts[0] = 'every block is whole: only bytes after them are missing';
  return {
    availableBytes,
    totalSize: header.totalSize,
    stoppedAt: tables.stoppedAt,
    structureComplete: tables.cut === null,
    memoryReservationsCutAt,
    openNodes: Object.freeze([...tables.openNodes]),
    missingNameCount: tables.missingNameCount,
    reason: parts.join('; '),
  };
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
