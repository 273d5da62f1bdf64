import { hex } from '../../bytes/readers';
import type { DecodedNode, FdtContent } from '../model/FdtContent';
import type { ChangeSink, PairPlace } from './ChangeSink';
import { plainValue } from './comparedValue';
import { compareValues, type IsPointer } from './compareValues';

/**
 * Compares two decoded FDTs of one tree place: header fields, memory
 * reservations, then the node trees by path (children matched by name).
 * A node only on one side is one change (its properties are not listed
 * again); a property whose bytes differ is `changed`, or `moved` when it is
 * a pointer on both sides.
 */
export function compareFdtContent(
  a: FdtContent,
  b: FdtContent,
  place: PairPlace,
  sink: ChangeSink,
  isPointer: IsPointer,
): void {
  const header = (name: string, before: string, after: string) => {
    if (before !== after)
      sink.add(place, {
        kind: 'changed',
        level: 'header',
        name,
        before: plainValue(before),
        after: plainValue(after),
        summary: `FDT header ${name} ${before} → ${after}`,
      });
  };
  header('version', String(a.version), String(b.version));
  header('last_comp_version', String(a.lastCompVersion), String(b.lastCompVersion));
  header('boot_cpuid_phys', String(a.bootCpuidPhys), String(b.bootCpuidPhys));
  header('memory reservations', reservations(a), reservations(b));
  compareNodes(a.root, b.root, place, sink, isPointer);
}

function reservations(content: FdtContent): string {
  if (content.memoryReservations.length === 0) return '(none)';
  return content.memoryReservations.map((entry) => `[${hex(entry.address)}, +${hex(entry.size)})`).join(' ');
}

function compareNodes(a: DecodedNode, b: DecodedNode, place: PairPlace, sink: ChangeSink, isPointer: IsPointer): void {
  compareValues(a.properties, b.properties, a.path, 'property', place, sink, isPointer);
  const bChildren = new Map(b.children.map((child) => [child.name, child]));
  const aChildren = new Set(a.children.map((child) => child.name));
  for (const child of a.children) {
    const other = bChildren.get(child.name);
    if (other) compareNodes(child, other, place, sink, isPointer);
    else
      sink.add(place, {
        kind: 'removed',
        level: 'node',
        node: child.path,
        summary: `node ${child.path} removed${subtreeSize(child)}`,
      });
  }
  for (const child of b.children) {
    if (!aChildren.has(child.name))
      sink.add(place, {
        kind: 'added',
        level: 'node',
        node: child.path,
        summary: `node ${child.path} added${subtreeSize(child)}`,
      });
  }
}

/** " (with N properties and M subnodes)" for a node's whole subtree, or "" when it is bare. */
function subtreeSize(node: DecodedNode): string {
  let properties = 0;
  let nodes = -1;
  const count = (n: DecodedNode) => {
    nodes++;
    properties += n.properties.length;
    for (const child of n.children) count(child);
  };
  count(node);
  if (properties === 0 && nodes === 0) return '';
  return ` (with ${properties} propert${properties === 1 ? 'y' : 'ies'} and ${nodes} subnode${nodes === 1 ? '' : 's'})`;
}
