import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FdtIndex } from './FdtIndex';
import { readFdt } from './readFdt';
import { documentArbitrary } from './testing/fdtArbitraries';
import { RawBlobBuilder } from './testing/RawBlobBuilder';
import { writeFdt } from './writeFdt';

/**
 * /                 compatible = "t"; #address-cells = <1>
 *   cpus            (no properties)
 *     cpu@0         reg = <0>
 *     cpu@1         reg = <1>
 *   memory@80000000 reg = <0x80000000 0x1000>; device_type = "memory"
 *   chosen          bootargs = ""
 */
const SAMPLE_NODE_NAMES = ['', 'cpus', 'cpu@0', 'cpu@1', 'memory@80000000', 'chosen'];

function sampleBlob(): Uint8Array {
  return new RawBlobBuilder()
    .beginNode('')
    .prop('compatible', [0x74, 0])
    .prop('#address-cells', [0, 0, 0, 1])
    .beginNode('cpus')
    .beginNode('cpu@0')
    .prop('reg', [0, 0, 0, 0])
    .endNode()
    .beginNode('cpu@1')
    .prop('reg', [0, 0, 0, 1])
    .endNode()
    .endNode()
    .beginNode('memory@80000000')
    .prop('reg', [0x80, 0, 0, 0, 0, 0, 0x10, 0])
    .prop('device_type', [...'memory'].map((c) => c.charCodeAt(0)).concat(0))
    .endNode()
    .beginNode('chosen')
    .prop('bootargs')
    .endNode()
    .endNode()
    .end()
    .build();
}

describe('FdtIndex', () => {
  const index = readFdt(sampleBlob());

  it('numbers nodes in blob order and answers tree questions', () => {
    expect(index.nodeCount).toBe(6);
    expect(index.propertyCount).toBe(7);
    expect(index.root).toBe(0);
    expect(Array.from({ length: 6 }, (_, n) => index.nodePath(n))).toEqual([
      '/',
      '/cpus',
      '/cpus/cpu@0',
      '/cpus/cpu@1',
      '/memory@80000000',
      '/chosen',
    ]);
    expect(Array.from({ length: 6 }, (_, n) => index.nodeName(n))).toEqual(SAMPLE_NODE_NAMES);
    expect(Array.from({ length: 6 }, (_, n) => index.nodeParent(n))).toEqual([-1, 0, 1, 1, 0, 0]);
    expect(Array.from({ length: 6 }, (_, n) => index.nodeDepth(n))).toEqual([0, 1, 2, 2, 1, 1]);
    expect(index.nodeChildren(0)).toEqual([1, 4, 5]);
    expect(index.nodeChildren(1)).toEqual([2, 3]);
    expect(index.nodeChildren(2)).toEqual([]);
    expect(index.nodeSubtreeEnd(1)).toBe(4);
    expect(index.nodeSubtreeEnd(0)).toBe(6);
  });

  it('gives each node its property range', () => {
    expect(index.nodeProperties(0)).toEqual([0, 1]);
    expect(index.nodeProperties(1)).toEqual([]);
    expect(index.nodeFirstProperty(4)).toBe(4);
    expect(index.nodePropertyCount(4)).toBe(2);
    expect(index.nodeProperties(5)).toEqual([6]);
    expect(Array.from({ length: 7 }, (_, p) => index.propertyNode(p))).toEqual([0, 0, 2, 3, 4, 4, 5]);
  });

  it('gives byte offsets of tokens, values and node extents', () => {
    const struct = index.header.offDtStruct;
    expect(index.nodeOffset(0)).toBe(struct);
    expect(index.propertyOffset(0)).toBe(struct + 8);
    expect(index.propertyValueOffset(0)).toBe(struct + 20);
    expect(index.nodeEndOffset(0)).toBe(index.endTokenOffset);
    for (let n = 1; n < index.nodeCount; n++) {
      // A node's bytes nest inside its parent's.
      const parent = index.nodeParent(n);
      expect(index.nodeOffset(n)).toBeGreaterThan(index.nodeOffset(parent));
      expect(index.nodeEndOffset(n)).toBeLessThan(index.nodeEndOffset(parent));
      expect(readU32(index.bytes, index.nodeOffset(n))).toBe(1);
      expect(readU32(index.bytes, index.nodeEndOffset(n) - 4)).toBe(2);
    }
    expect(index.nodeEndOffset(2)).toBe(index.nodeOffset(3));
  });

  it('decodes names lazily and returns values as views into the blob', () => {
    expect(index.propertyName(0)).toBe('compatible');
    expect(index.propertyName(2)).toBe('reg');
    expect(index.propertyName(3)).toBe('reg');
    const strings = index.header.offDtStrings;
    expect(
      index.bytes.subarray(strings + index.propertyNameOffset(3), strings + index.propertyNameOffset(3) + 4),
    ).toEqual(new Uint8Array([0x72, 0x65, 0x67, 0]));
    const value = index.propertyValue(4);
    expect(value).toEqual(new Uint8Array([0x80, 0, 0, 0, 0, 0, 0x10, 0]));
    expect(value.buffer).toBe(index.bytes.buffer);
    expect(value.byteOffset).toBe(index.bytes.byteOffset + index.propertyValueOffset(4));
    expect(index.propertyLength(6)).toBe(0);
    expect(index.propertyValue(6)).toHaveLength(0);
  });

  it('finds nodes by path like fdt_path_offset, and properties by name', () => {
    expect(index.findNode('/')).toBe(0);
    expect(index.findNode('/cpus/cpu@1')).toBe(3);
    expect(index.findNode('//cpus//cpu@1/')).toBe(3);
    expect(index.findNode('/memory')).toBe(4);
    expect(index.findNode('/cpus/cpu')).toBe(2);
    expect(index.findNode('/cpus/cpu@2')).toBe(-1);
    expect(index.findNode('/cpu')).toBe(-1);
    expect(index.findNode('/chosen/x')).toBe(-1);
    expect(index.findNode('cpus')).toBe(-1);
    expect(index.findNode('/memory@8')).toBe(-1);
    expect(index.findChild(1, 'cpu@0')).toBe(2);
    expect(index.findProperty(4, 'device_type')).toBe(5);
    expect(index.findProperty(4, 'reg')).toBe(4);
    expect(index.findProperty(4, 're')).toBe(-1);
    expect(index.findProperty(1, 'reg')).toBe(-1);
    expect(index.findProperty(0, '#address-cells')).toBe(1);
  });

  it('throws RangeError for indexes out of range', () => {
    expect(() => index.nodeName(6)).toThrow(RangeError);
    expect(() => index.nodeParent(-1)).toThrow(RangeError);
    expect(() => index.nodeChildren(1.5)).toThrow(RangeError);
    expect(() => index.propertyValue(7)).toThrow(RangeError);
    expect(() => index.propertyNode(-1)).toThrow(RangeError);
  });

  it('decodes names of any length', () => {
    const long = 'x'.repeat(20_000);
    const index = readFdt(
      new RawBlobBuilder().beginNode('').prop(long).beginNode(long).endNode().endNode().end().build(),
    );
    expect(index.propertyName(0)).toBe(long);
    expect(index.nodeName(1)).toBe(long);
    expect(index.findProperty(0, long)).toBe(0);
  });

  it('keeps every byte of odd names (one char per byte)', () => {
    const bytes = new RawBlobBuilder()
      .beginNode('')
      .beginNode('\u0080\u00ff/x')
      .prop('\u0090')
      .endNode()
      .endNode()
      .end()
      .build();
    const odd = readFdt(bytes);
    expect(odd.nodeName(1)).toBe('\u0080\u00ff/x');
    expect(odd.propertyName(0)).toBe('\u0090');
    expect(odd.findChild(0, '\u0080\u00ff/x')).toBe(1);
  });
});

/** What `visit` reports, as one list of plain records. */
function visited(index: FdtIndex): unknown[] {
  const seen: unknown[] = [];
  index.visit({
    node: (n, name, depth) => void seen.push(['node', n, name, depth]),
    property: (p, name, valueOffset, length) => void seen.push(['property', p, name, valueOffset, length]),
  });
  return seen;
}

/** The same facts through the per-item accessors. */
function byAccessors(index: FdtIndex): unknown[] {
  const seen: unknown[] = [];
  for (let n = 0; n < index.nodeCount; n++) {
    seen.push(['node', n, index.nodeName(n), index.nodeDepth(n)]);
    for (const p of index.nodeProperties(n)) {
      seen.push(['property', p, index.propertyName(p), index.propertyValueOffset(p), index.propertyLength(p)]);
    }
  }
  return seen;
}

describe('FdtIndex.visit', () => {
  it('reports every node and property in blob order, with values as offsets into the blob', () => {
    const index = readFdt(sampleBlob());
    const seen = visited(index);
    expect(seen.filter((item) => (item as unknown[])[0] === 'node').map((item) => (item as unknown[])[2])).toEqual(
      SAMPLE_NODE_NAMES,
    );
    const reg = index.findProperty(index.findNode('/memory'), 'reg');
    const [, , name, offset, length] = seen.find(
      (item) => (item as unknown[])[1] === reg && (item as unknown[])[0] === 'property',
    ) as [string, number, string, number, number];
    expect(name).toBe('reg');
    expect([...index.bytes.subarray(offset, offset + length)]).toEqual([0x80, 0, 0, 0, 0, 0, 0x10, 0]);
  });

  it('says what the accessors say, for random trees in every version and cut short at any length', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (doc, fraction) => {
        const blob = writeFdt(doc);
        const whole = readFdt(blob);
        expect(visited(whole)).toEqual(byAccessors(whole));
        let cut: FdtIndex;
        try {
          cut = readFdt(blob.subarray(0, Math.max(40, Math.floor(blob.length * fraction))), { allowTruncated: true });
        } catch {
          return; // a cut inside the header or memory reservations
        }
        expect(visited(cut)).toEqual(byAccessors(cut));
      }),
      { numRuns: 200 },
    );
  });

  it('calls only the callbacks given', () => {
    const index = readFdt(sampleBlob());
    let properties = 0;
    index.visit({ property: () => void properties++ });
    expect(properties).toBe(index.propertyCount);
    let nodes = 0;
    index.visit({ node: () => void nodes++ });
    expect(nodes).toBe(index.nodeCount);
  });
});

describe('FdtIndex.toDocument', () => {
  it('builds the tree with copied values and the header fields', () => {
    const bytes = new RawBlobBuilder()
      .reserve(0x1000n, 0x10n)
      .beginNode('')
      .prop('a', [1, 2])
      .beginNode('b@1')
      .endNode()
      .endNode()
      .end()
      .build(17, { bootCpuidPhys: 3 });
    const index = readFdt(bytes);
    const doc = index.toDocument();
    expect(doc).toEqual({
      version: 17,
      lastCompVersion: 16,
      bootCpuidPhys: 3,
      memoryReservations: [{ address: 0x1000n, size: 0x10n }],
      root: {
        name: '',
        properties: [{ name: 'a', value: new Uint8Array([1, 2]) }],
        children: [{ name: 'b@1', properties: [], children: [] }],
      },
    });
    doc.root.properties[0].value[0] = 99;
    expect(index.propertyValue(0)[0]).toBe(1);
  });

  it('works for trees far deeper than the call stack would allow recursively', () => {
    const builder = new RawBlobBuilder().beginNode('');
    for (let d = 0; d < 20_000; d++) builder.beginNode('d');
    for (let d = 0; d < 20_000; d++) builder.endNode();
    const index = readFdt(builder.endNode().end().build(), { maxDepth: 20_000 });
    let node = index.toDocument().root;
    let depth = 0;
    while (node.children.length > 0) {
      node = node.children[0];
      depth++;
    }
    expect(depth).toBe(20_000);
  });

  describe('before version 16, the name property dtc adds', () => {
    const text = (s: string): number[] => [...s].map((c) => c.charCodeAt(0)).concat(0);
    function oldBlob(rootProps: [string, number[]][], childProps: [string, number[]][], childName = 'a@1'): Uint8Array {
      const builder = new RawBlobBuilder({ alignLargeValues: true }).beginNode('/');
      for (const [name, value] of rootProps) builder.prop(name, value);
      builder.beginNode(`/${childName}`);
      for (const [name, value] of childProps) builder.prop(name, value);
      return builder.endNode().endNode().end().build(1);
    }
    const propertyNames = (bytes: Uint8Array): string[][] => {
      const root = readFdt(bytes).toDocument().root;
      return [root.properties.map((p) => p.name), root.children[0].properties.map((p) => p.name)];
    };

    it('is left out when it is the last property and exactly the base name', () => {
      expect(
        propertyNames(
          oldBlob(
            [
              ['x', [1]],
              ['name', [0]],
            ],
            [['name', text('a')]],
          ),
        ),
      ).toEqual([['x'], []]);
    });

    it('is kept when it is not last, not exact, or not the only one', () => {
      expect(
        propertyNames(
          oldBlob(
            [
              ['name', [0]],
              ['x', [1]],
            ],
            [],
          ),
        ),
      ).toEqual([['name', 'x'], []]);
      expect(propertyNames(oldBlob([], [['name', text('a@1')]]))).toEqual([[], ['name']]);
      expect(propertyNames(oldBlob([], [['name', text('b')]]))).toEqual([[], ['name']]);
      expect(propertyNames(oldBlob([], [['name', [0x61]]]))).toEqual([[], ['name']]);
      expect(
        propertyNames(
          oldBlob(
            [],
            [
              ['name', text('a')],
              ['name', text('a')],
            ],
          ),
        ),
      ).toEqual([[], ['name', 'name']]);
    });

    it('is kept in version 16 and later', () => {
      const bytes = new RawBlobBuilder()
        .beginNode('')
        .beginNode('a')
        .prop('name', text('a'))
        .endNode()
        .endNode()
        .end()
        .build(17);
      expect(
        readFdt(bytes)
          .toDocument()
          .root.children[0].properties.map((p) => p.name),
      ).toEqual(['name']);
    });
  });
});

function readU32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset);
}
