import type { FdtDocument, FdtNode, FdtProperty, MemoryReservation } from '../FdtDocument';
import { formatDtsValue } from './formatDtsValue';

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
 */
export function printDts(doc: FdtDocument): string {
  const lines: string[] = ['/dts-v1/;', ''];
  for (const entry of doc.memoryReservations) lines.push(memoryReservationLine(entry));
  printNode(doc.root, 0, lines);
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

function printNode(node: FdtNode, depth: number, lines: string[]): void {
  const indent = '\t'.repeat(depth);
  // dtc writes the root as "/" because its name is empty; a named root (old blobs) keeps its name.
  lines.push(`${indent}${labelPrefix(node.labels)}${node.name === '' ? '/' : node.name} {`);
  for (const property of node.properties) lines.push(`${indent}\t${propertyLine(property)}`);
  for (const child of node.children) {
    lines.push('');
    printNode(child, depth + 1, lines);
  }
  lines.push(`${indent}};`);
}

function propertyLine(property: FdtProperty): string {
  const head = `${labelPrefix(property.labels)}${property.name}`;
  return property.value.length === 0 ? `${head};` : `${head} = ${formatDtsValue(property.value)};`;
}
