import type { FdtDocument, FdtNode } from '../fdt/FdtDocument';
import { sameBytes } from './hexBytes';

/** True when two nodes have the same names, property values and children, in the same order (labels ignored). */
export function sameNode(a: FdtNode, b: FdtNode): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.properties.length !== b.properties.length || a.children.length !== b.children.length)
    return false;
  for (let i = 0; i < a.properties.length; i++) {
    if (a.properties[i].name !== b.properties[i].name || !sameBytes(a.properties[i].value, b.properties[i].value))
      return false;
  }
  return a.children.every((child, i) => sameNode(child, b.children[i]));
}

/** True when two documents would be written as the same blob (header fields, reservations, tree). */
export function sameDocument(a: FdtDocument, b: FdtDocument): boolean {
  return sameDocumentHeader(a, b) && sameNode(a.root, b.root);
}

/** True when two documents have the same header fields and memory reservations (their trees not compared). */
export function sameDocumentHeader(a: FdtDocument, b: FdtDocument): boolean {
  return (
    a.version === b.version &&
    a.lastCompVersion === b.lastCompVersion &&
    a.bootCpuidPhys === b.bootCpuidPhys &&
    a.memoryReservations.length === b.memoryReservations.length &&
    a.memoryReservations.every(
      (entry, i) => entry.address === b.memoryReservations[i].address && entry.size === b.memoryReservations[i].size,
    )
  );
}
