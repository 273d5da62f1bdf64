import { emptyFdtDocument, type FdtDocument, type FdtNode } from '../fdt/FdtDocument';
import { writeFdt } from '../fdt/writeFdt';

/** Properties of a node being built, in order: name → raw value bytes. */
export type PropertyList = [name: string, value: Uint8Array][];

/** A node with properties (in the given order) and children. */
export function fdtNode(name: string, properties: PropertyList = [], children: FdtNode[] = []): FdtNode {
  return { name, properties: properties.map(([propertyName, value]) => ({ name: propertyName, value })), children };
}

/** A version 17 document whose root has these properties and children. */
export function fdtDocument(properties: PropertyList = [], children: FdtNode[] = []): FdtDocument {
  const doc = emptyFdtDocument();
  doc.root = fdtNode('', properties, children);
  return doc;
}

/** The blob of a document whose root has these properties and children (laid out as dtc does). */
export function fdtBlob(properties: PropertyList = [], children: FdtNode[] = []): Uint8Array {
  return writeFdt(fdtDocument(properties, children));
}
