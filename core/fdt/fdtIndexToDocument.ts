import type { FdtDocument, FdtNode, FdtProperty } from './FdtDocument';
import type { FdtIndex } from './FdtIndex';
import { fdtVersionFormat } from './FdtVersionFormat';
import { contentPropertiesEnd } from './contentPropertiesEnd';

/**
 * Builds the editable document of an index: nodes and properties in blob
 * order, values copied (so editing the document never changes the blob).
 * Iterative, so nesting depth is bounded only by the read limits.
 *
 * Versions before 16 carry each node's base name as a `name` property that
 * dtc adds after the node's own properties; when a node's last property is
 * exactly that (`contentPropertiesEnd`), it is format overhead, not content, and is
 * dropped. `writeFdt` adds it back for those versions, so the bytes survive.
 *
 * A truncated index gives the tree its bytes hold (`index.truncation` says
 * what is missing); one whose bytes end before the root's BEGIN_NODE gives an
 * empty, unnamed root, so a document always has one.
 */
export function fdtIndexToDocument(index: FdtIndex): FdtDocument {
  const format = fdtVersionFormat(index.version);
  const dropNameProperty = format?.nameProperties === true;
  const nodes: FdtNode[] = new Array<FdtNode>(index.nodeCount);
  for (let n = 0; n < index.nodeCount; n++) {
    const name = index.nodeName(n);
    const properties: FdtProperty[] = [];
    const first = index.nodeFirstProperty(n);
    const end = contentPropertiesEnd(index, n, name, dropNameProperty);
    for (let p = first; p < end; p++) {
      properties.push({ name: index.propertyName(p), value: index.propertyValue(p).slice() });
    }
    nodes[n] = { name, properties, children: [] };
    if (n > 0) nodes[index.nodeParent(n)].children.push(nodes[n]);
  }
  return {
    version: index.header.version,
    lastCompVersion: index.header.lastCompVersion,
    bootCpuidPhys: index.header.bootCpuidPhys ?? 0,
    memoryReservations: index.memoryReservations.map((entry) => ({ address: entry.address, size: entry.size })),
    root: nodes[0] ?? { name: '', properties: [], children: [] },
  };
}
