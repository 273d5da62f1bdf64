import type { FdtDocument, FdtNode, FdtProperty, MemoryReservation } from '../FdtDocument';
import { dtsComment } from './dtsComment';
import { formatDtsValue } from './formatDtsValue';
import type { PrintDtsOptions } from './PrintDtsOptions';

/**
 * The DTS text of a document, as `dtc -I dtb -O dts` (dtc 1.6.1) writes it:
 * the `/dts-v1/;` line and a blank line, one `/memreserve/` line per entry,
 * then the tree with tab indentation, nodes and properties in document order,
 * a blank line before every child node, and every value typed by dtc's guess
 * (`guessDtsValueType`). Labels in the document are written as dtc writes
 * labels it compiled from DTS (`lbl: name {`, `lbl: prop = ...`).
 *
 * Names are written as they are: a name read from a blob holds one char per
 * byte, so writing the text as latin1 gives dtc's bytes exactly. Header fields
 * other than the memory reservations (version, boot CPU) are not part of DTS,
 * as with dtc.
 *
 * `options.annotate` adds a trailing comment to property lines (see
 * `PrintDtsOptions`); without it the text is exactly the above, and no node
 * paths are even built.
 */
export function printDts(doc: FdtDocument, options: PrintDtsOptions = {}): string {
  const lines: string[] = ['/dts-v1/;', ''];
  for (const entry of doc.memoryReservations) lines.push(memoryReservationLine(entry));
  printNode(doc.root, 0, '/', lines, options.annotate);
  return `${lines.join('\n')}\n`;
}

/** dtc's `/memreserve/` line (no line break): a tab after the keyword and both u64s as 16 hex digits. */
export function memoryReservationLine(entry: MemoryReservation): string {
  return `/memreserve/\t0x${u64Hex(entry.address)} 0x${u64Hex(entry.size)};`;
}

function u64Hex(value: bigint): string {
  return BigInt.asUintN(64, value).toString(16).padStart(16, '0');
}

function labelPrefix(labels: readonly string[] | undefined): string {
  return labels ? labels.map((label) => `${label}: `).join('') : '';
}

/** `path` is the node's full path; it is only built (and only read) when there is an `annotate`. */
function printNode(
  node: FdtNode,
  depth: number,
  path: string,
  lines: string[],
  annotate: PrintDtsOptions['annotate'],
): void {
  const indent = '\t'.repeat(depth);
  // dtc writes the root as "/" because its name is empty; a named root (old blobs) keeps its name.
  lines.push(`${indent}${labelPrefix(node.labels)}${node.name === '' ? '/' : node.name} {`);
  for (const property of node.properties) {
    const note = annotate?.(path, property);
    lines.push(
      note ? `${indent}\t${propertyLine(property)} ${dtsComment(note)}` : `${indent}\t${propertyLine(property)}`,
    );
  }
  for (const child of node.children) {
    lines.push('');
    printNode(child, depth + 1, annotate ? childPath(path, child.name) : path, lines, annotate);
  }
  lines.push(`${indent}};`);
}

function childPath(parentPath: string, name: string): string {
  return parentPath === '/' ? `/${name}` : `${parentPath}/${name}`;
}

function propertyLine(property: FdtProperty): string {
  const head = `${labelPrefix(property.labels)}${property.name}`;
  return property.value.length === 0 ? `${head};` : `${head} = ${formatDtsValue(property.value)};`;
}
