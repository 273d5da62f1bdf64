import type { FdtIndex } from '../../fdt/FdtIndex';
import type { DecodedNode, DecodedProperty, FdtContent } from '../model/FdtContent';
import { typePropertyValue, u64Readings } from '../values/typePropertyValue';

/**
 * Turns the reader's index of a validated FDT into the graph's plain FDT
 * content: the node tree with paths and offsets, and every property typed
 * (`typePropertyValue`) with both u64 readings where they apply. Each raw
 * value is a view into the index's bytes (the fragment's own, which the
 * fragment keeps anyway), not a copy: half a million copies, each its own
 * buffer, were most of what a 100k-fragment decode left the collector to
 * trace. Views are read-only by contract; an editor copies before changing.
 */
export function fdtContentFromIndex(index: FdtIndex): FdtContent {
  return {
    kind: 'fdt',
    totalSize: index.header.totalSize,
    version: index.header.version,
    lastCompVersion: index.header.lastCompVersion,
    bootCpuidPhys: index.header.bootCpuidPhys ?? 0,
    memoryReservations: index.memoryReservations.map((entry) => ({ address: entry.address, size: entry.size })),
    root: decodeNode(index, index.root, '/'),
  };
}

function decodeNode(index: FdtIndex, n: number, path: string): DecodedNode {
  const properties = index.nodeProperties(n).map((p): DecodedProperty => {
    const name = index.propertyName(p);
    const raw = index.propertyValue(p);
    const value = typePropertyValue(name, raw);
    const readings = u64Readings(raw, value);
    return {
      name,
      offset: index.propertyOffset(p),
      valueOffset: index.propertyValueOffset(p),
      raw,
      value,
      ...(readings ? { readings } : {}),
    };
  });
  const children = index.nodeChildren(n).map((child) => {
    const name = index.nodeName(child);
    return decodeNode(index, child, path === '/' ? `/${name}` : `${path}/${name}`);
  });
  return { name: index.nodeName(n), path, offset: index.nodeOffset(n), properties, children };
}
