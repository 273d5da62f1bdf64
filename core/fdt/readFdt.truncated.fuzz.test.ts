import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FdtError } from './FdtError';
import type { FdtIndex } from './FdtIndex';
import { readFdt } from './readFdt';
import { documentArbitrary } from './testing/fdtArbitraries';
import { writeFdt } from './writeFdt';

/** What the whole blob's index says, gathered once so that every prefix is checked against plain values. */
interface WholeTree {
  nodes: { offset: number; path: string; parent: number; firstProperty: number; end: number; children: string }[];
  properties: { offset: number; node: number; name: string; value: string }[];
  /** Where the item starting at each node or property offset ends: a value's last byte, a name's NUL. */
  itemEnds: Map<number, number>;
  endTokenOffset: number;
}

function wholeTree(whole: FdtIndex): WholeTree {
  const tree: WholeTree = { nodes: [], properties: [], itemEnds: new Map(), endTokenOffset: whole.endTokenOffset };
  for (let n = 0; n < whole.nodeCount; n++) {
    const offset = whole.nodeOffset(n);
    const children = whole.nodeChildren(n).join();
    tree.nodes.push({
      offset,
      path: whole.nodePath(n),
      parent: whole.nodeParent(n),
      firstProperty: whole.nodeFirstProperty(n),
      end: whole.nodeEndOffset(n),
      children,
    });
    tree.itemEnds.set(offset, whole.bytes.indexOf(0, offset + 4) + 1);
  }
  for (let p = 0; p < whole.propertyCount; p++) {
    const offset = whole.propertyOffset(p);
    tree.properties.push({
      offset,
      node: whole.propertyNode(p),
      name: whole.propertyName(p),
      value: whole.propertyValue(p).join(),
    });
    tree.itemEnds.set(offset, whole.propertyValueOffset(p) + whole.propertyLength(p));
  }
  return tree;
}

const PLACEHOLDER = /^<name at strings\+0x[0-9a-f]+ not in the \d+ bytes present>$/;

/**
 * Why the index of a prefix is not the whole blob's index cut at the same
 * place, or null when it is: every node and property it holds is the whole
 * blob's (same offsets, paths, parents, values), names are either right or
 * flagged missing, closed nodes keep their children, and it stops only at an
 * item the prefix does not wholly hold, with everything before it read.
 * Plain comparisons, so that checking every cut of a blob stays fast.
 */
function prefixProblem(cut: FdtIndex, whole: FdtIndex, tree: WholeTree, length: number): string | null {
  const truncation = cut.truncation;
  if (!truncation) return 'no truncation record';
  if (truncation.availableBytes !== length || truncation.totalSize !== whole.header.totalSize) return 'wrong sizes';
  if (truncation.reason.length === 0) return 'no reason';
  const reservations = cut.memoryReservations;
  if (
    reservations.some(
      (entry, i) =>
        entry.address !== whole.memoryReservations[i]?.address || entry.size !== whole.memoryReservations[i]?.size,
    )
  ) {
    return 'memory reservations differ';
  }
  if (truncation.memoryReservationsCutAt === null && reservations.length !== whole.memoryReservations.length)
    return 'memory reservations missing';
  if (cut.nodeCount > whole.nodeCount || cut.propertyCount > whole.propertyCount) return 'more than the whole blob';
  const open = new Set(truncation.openNodes);
  for (let n = 0; n < cut.nodeCount; n++) {
    const node = tree.nodes[n];
    if (
      cut.nodeOffset(n) !== node.offset ||
      cut.nodePath(n) !== node.path ||
      cut.nodeParent(n) !== node.parent ||
      cut.nodeFirstProperty(n) !== node.firstProperty
    ) {
      return `node ${n} differs`;
    }
    if (cut.nodeEndOffset(n) !== (open.has(n) ? truncation.stoppedAt : node.end)) return `node ${n} ends wrong`;
    if (!open.has(n) && cut.nodeChildren(n).join() !== node.children) return `closed node ${n} lost children`;
  }
  let missing = 0;
  for (let p = 0; p < cut.propertyCount; p++) {
    const property = tree.properties[p];
    if (
      cut.propertyOffset(p) !== property.offset ||
      cut.propertyNode(p) !== property.node ||
      cut.propertyValue(p).join() !== property.value
    ) {
      return `property ${p} differs`;
    }
    if (cut.propertyNameMissing(p)) missing++;
    if (cut.propertyNameMissing(p) ? !PLACEHOLDER.test(cut.propertyName(p)) : cut.propertyName(p) !== property.name)
      return `property ${p} has a wrong name`;
  }
  if (truncation.missingNameCount !== missing) return 'wrong missingNameCount';
  if (truncation.structureComplete) {
    if (
      cut.nodeCount !== whole.nodeCount ||
      cut.propertyCount !== whole.propertyCount ||
      cut.endTokenOffset !== tree.endTokenOffset
    )
      return 'whole structure block not all read';
    if (open.size > 0) return 'open nodes in a whole structure block';
  } else {
    if (cut.endTokenOffset !== -1) return 'FDT_END offset without FDT_END';
    if ((tree.itemEnds.get(truncation.stoppedAt) ?? truncation.stoppedAt + 4) <= length)
      return `stopped at 0x${truncation.stoppedAt.toString(16)} though the item there is present`;
    if (tree.nodes.slice(cut.nodeCount).some((node) => node.offset < truncation.stoppedAt))
      return 'a node before the stop was not read';
    if (tree.properties.slice(cut.propertyCount).some((property) => property.offset < truncation.stoppedAt))
      return 'a property before the stop was not read';
  }
  cut.toDocument();
  return null;
}

function tolerantPrefix(blob: Uint8Array, length: number): FdtIndex {
  return readFdt(blob.subarray(0, length), { allowTruncated: true });
}

describe('readFdt allowTruncated on prefixes of valid blobs', () => {
  it('never throws once the header is present, and gives a prefix of the whole tree', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (doc, fraction) => {
        const blob = writeFdt(doc);
        const whole = readFdt(blob);
        const headerSize = whole.header.headerSize;
        const length = headerSize + Math.floor(fraction * (blob.length - headerSize));
        if (length === blob.length) {
          expect(readFdt(blob, { allowTruncated: true }).truncation).toBeNull();
          return;
        }
        expect(prefixProblem(tolerantPrefix(blob, length), whole, wholeTree(whole), length)).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('gives a consistent prefix at every cut of one blob', () => {
    fc.assert(
      fc.property(documentArbitrary, (doc) => {
        const blob = writeFdt(doc);
        const whole = readFdt(blob);
        const tree = wholeTree(whole);
        for (let length = whole.header.headerSize; length < blob.length; length++) {
          const problem = prefixProblem(tolerantPrefix(blob, length), whole, tree, length);
          if (problem) expect(`${length}: ${problem}`).toBe(`${length}: consistent`);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('throws only FdtError, about the header, for a prefix shorter than the header', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.nat(), (doc, at) => {
        const blob = writeFdt(doc);
        const length = at % readFdt(blob).header.headerSize;
        let thrown: unknown;
        try {
          readFdt(blob.subarray(0, length), { allowTruncated: true });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(FdtError);
        expect((thrown as FdtError).structure).toBe('header');
      }),
      { numRuns: 100 },
    );
  });
});
