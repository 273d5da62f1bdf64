import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FdtDocument } from './FdtDocument';
import type { FdtIndex } from './FdtIndex';
import { FDT_WRITABLE_VERSIONS, fdtVersionFormat } from './FdtVersionFormat';
import { readFdt } from './readFdt';
import { documentArbitrary } from './testing/fdtArbitraries';
import { writeFdt } from './writeFdt';

/** The index agrees with itself: parents, depths, children, subtree ranges, property owners. */
function expectConsistentIndex(index: FdtIndex): void {
  for (let n = 0; n < index.nodeCount; n++) {
    const parent = index.nodeParent(n);
    expect(index.nodeDepth(n)).toBe(parent < 0 ? 0 : index.nodeDepth(parent) + 1);
    for (const child of index.nodeChildren(n)) expect(index.nodeParent(child)).toBe(n);
    expect(index.nodeSubtreeEnd(n)).toBeGreaterThan(n);
    for (const p of index.nodeProperties(n)) {
      expect(index.propertyNode(p)).toBe(n);
      expect(index.findProperty(n, index.propertyName(p))).toBe(p);
    }
  }
}

describe('writeFdt → readFdt round trip (random trees)', () => {
  it('gives back the same document, and the same bytes when written again', () => {
    fc.assert(
      fc.property(documentArbitrary, (doc) => {
        const blob = writeFdt(doc);
        const index = readFdt(blob);
        expectConsistentIndex(index);
        const readBack = index.toDocument();
        expect(readBack).toEqual(doc);
        expect(writeFdt(readBack)).toEqual(blob);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the tree through every version dtc can write', () => {
    fc.assert(
      fc.property(documentArbitrary, (doc) => {
        for (const version of FDT_WRITABLE_VERSIONS) {
          const format = fdtVersionFormat(version);
          const source: FdtDocument = format?.hasBootCpuid ? doc : { ...doc, bootCpuidPhys: 0 };
          const readBack = readFdt(writeFdt(source, { version })).toDocument();
          expect(readBack.root).toEqual(doc.root);
          expect(readBack.memoryReservations).toEqual(doc.memoryReservations);
          expect(readBack.version).toBe(version);
        }
      }),
      { numRuns: 100 },
    );
  });
});
