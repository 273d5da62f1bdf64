import type { FdtDocument, FdtNode } from '../FdtDocument';

/**
 * A minimal DTS rendering of a document for feeding dtc in tests: every value
 * as a byte string, every name escaped with dtc's leading backslash (so names
 * such as "123" or "0x1" stay names), no labels. Not the DTS printer (that is
 * core/fdt/dts/); just enough for dtc to compile the same tree.
 */
export function dtsForDocument(doc: FdtDocument): string {
  const lines = ['/dts-v1/;'];
  for (const entry of doc.memoryReservations)
    lines.push(`/memreserve/ 0x${entry.address.toString(16)} 0x${entry.size.toString(16)};`);
  lines.push(`/ {`, ...nodeBody(doc.root, '\t'), '};', '');
  return lines.join('\n');
}

function nodeBody(node: FdtNode, indent: string): string[] {
  const lines: string[] = [];
  for (const property of node.properties) {
    const bytes = Array.from(property.value, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
    lines.push(
      property.value.length === 0 ? `${indent}\\${property.name};` : `${indent}\\${property.name} = [${bytes}];`,
    );
  }
  for (const child of node.children)
    lines.push(`${indent}\\${child.name} {`, ...nodeBody(child, `${indent}\t`), `${indent}};`);
  return lines;
}
