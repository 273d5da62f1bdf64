import { describe, expect, it } from 'vitest';
import { FdtError } from './FdtError';
import type { FdtIndex } from './FdtIndex';
import { readFdt } from './readFdt';
import { RawBlobBuilder } from './testing/RawBlobBuilder';

/** Offset of the structure block in a RawBlobBuilder version 17 blob without reservations. */
const STRUCT = 56;

/**
 * A small KHO-like root in dtc's layout: header, empty reservation map,
 * structure block at 56, strings block last.
 *
 *   56 BEGIN_NODE ""        64 PROP compatible "kho-v4"   84 PROP map u64
 *   104 BEGIN_NODE "memblock"   120 PROP size u64   140 PROP data u64   160 END_NODE
 *   164 BEGIN_NODE "LUO"    172 PROP size u64   192 PROP data u64   212 END_NODE
 *   216 END_NODE            220 END
 *   224 strings: compatible at +0, map at +0xb, size at +0xf, data at +0x14 (25 bytes)
 */
function khoLikeRoot(): Uint8Array {
  const u64 = (value: number): number[] => [
    value & 0xff,
    (value >>> 8) & 0xff,
    (value >>> 16) & 0xff,
    value >>> 24,
    0,
    0,
    0,
    0,
  ];
  const b = new RawBlobBuilder();
  const names = {
    compatible: b.string('compatible'),
    map: b.string('map'),
    size: b.string('size'),
    data: b.string('data'),
  };
  return b
    .beginNode('')
    .prop(names.compatible, [...'kho-v4'].map((c) => c.charCodeAt(0)).concat(0))
    .prop(names.map, u64(0x239000))
    .beginNode('memblock')
    .prop(names.size, u64(294))
    .prop(names.data, u64(0x1847000))
    .endNode()
    .beginNode('LUO')
    .prop(names.size, u64(32))
    .prop(names.data, u64(0x1844000))
    .endNode()
    .endNode()
    .end()
    .build();
}

const ROOT = khoLikeRoot();
const STRINGS = 224;

function tolerant(bytes: Uint8Array): FdtIndex {
  return readFdt(bytes, { allowTruncated: true });
}

function readError(read: () => unknown): FdtError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(FdtError);
    return error as FdtError;
  }
  throw new Error('blob was accepted');
}

describe('readFdt allowTruncated', () => {
  it('has the layout the tests below count on', () => {
    const index = readFdt(ROOT);
    expect([index.header.offDtStruct, index.header.offDtStrings, index.header.totalSize]).toEqual([
      STRUCT,
      STRINGS,
      STRINGS + 25,
    ]);
    expect([1, 2].map((n) => index.nodeOffset(n))).toEqual([104, 164]);
    expect(index.endTokenOffset).toBe(220);
  });

  it('changes nothing for a whole blob: truncation is null', () => {
    const index = tolerant(ROOT);
    expect(index.truncation).toBeNull();
    expect(index.toDocument()).toEqual(readFdt(ROOT).toDocument());
  });

  it('still refuses a short blob without the option', () => {
    expect(readError(() => readFdt(ROOT.subarray(0, 200))).reason).toBe(
      'totalsize 249 is larger than the 200 bytes available',
    );
  });

  it('indexes the nodes and values a structure-block cut leaves, with placeholder names for the missing strings block', () => {
    // Like the kernel's debugfs file: cut one byte into the PROP token of LUO's second property.
    const index = tolerant(ROOT.subarray(0, 193));
    expect(index.bytes.length).toBe(193);
    expect(index.truncation).toEqual({
      availableBytes: 193,
      totalSize: 249,
      stoppedAt: 192,
      structureComplete: false,
      memoryReservationsCutAt: null,
      openNodes: [0, 2],
      missingNameCount: 5,
      reason:
        'the structure block stops at 0xc0: the token there is cut ' +
        '(3 nodes and 5 properties read, inside node /LUO); the strings block (25 bytes at 0xe0) is cut, none of it is present: 5 property names missing',
    });
    expect([0, 1, 2].map((n) => index.nodePath(n))).toEqual(['/', '/memblock', '/LUO']);
    expect(index.nodeChildren(0)).toEqual([1, 2]);
    expect(index.nodeProperties(2)).toEqual([4]);
    expect(index.propertyName(0)).toBe('<name at strings+0x0 not in the 193 bytes present>');
    expect(index.propertyName(4)).toBe('<name at strings+0xf not in the 193 bytes present>');
    expect([0, 1, 2, 3, 4].map((p) => index.propertyNameMissing(p))).toEqual([true, true, true, true, true]);
    expect(index.propertyValue(1)).toEqual(Uint8Array.of(0x00, 0x90, 0x23, 0, 0, 0, 0, 0));
    expect(index.propertyValue(4)).toEqual(Uint8Array.of(32, 0, 0, 0, 0, 0, 0, 0));
    // Closed nodes keep their real end; open ones end where reading stopped.
    expect([0, 1, 2].map((n) => index.nodeEndOffset(n))).toEqual([192, 164, 192]);
    expect(index.endTokenOffset).toBe(-1);
    expect(index.findProperty(0, 'compatible')).toBe(-1);
    expect(index.findProperty(0, index.propertyName(0))).toBe(-1);
  });

  it('gives the document of what is present', () => {
    const doc = tolerant(ROOT.subarray(0, 150)).toDocument();
    expect(doc.root.properties.map((p) => p.name)).toEqual([
      '<name at strings+0x0 not in the 150 bytes present>',
      '<name at strings+0xb not in the 150 bytes present>',
    ]);
    expect(doc.root.children).toEqual([
      {
        name: 'memblock',
        properties: [
          {
            name: '<name at strings+0xf not in the 150 bytes present>',
            value: Uint8Array.of(0x26, 1, 0, 0, 0, 0, 0, 0),
          },
        ],
        children: [],
      },
    ]);
  });

  it('leaves out a property whose value is cut, and says so', () => {
    const index = tolerant(ROOT.subarray(0, 134));
    expect(index.nodeProperties(1)).toEqual([]);
    expect(index.truncation).toMatchObject({ stoppedAt: 120, openNodes: [0, 1] });
    expect(index.truncation!.reason).toContain(
      'stops at 0x78: the value of the property there is cut (len 8, 2 of its bytes present)',
    );
  });

  it('leaves out a property whose header is cut, and a node whose name is cut', () => {
    expect(tolerant(ROOT.subarray(0, 70)).truncation!.reason).toContain(
      'stops at 0x40: the property header there is cut (1 node and 0 properties read, inside node /)',
    );
    const index = tolerant(ROOT.subarray(0, 112));
    expect(index.nodeCount).toBe(1);
    expect(index.truncation).toMatchObject({ stoppedAt: 104, openNodes: [0] });
    expect(index.truncation!.reason).toContain('stops at 0x68: the name of the node there is cut');
  });

  it('names the properties whose names are present when only part of the strings block is cut', () => {
    const index = tolerant(ROOT.subarray(0, STRINGS + 20));
    expect(index.truncation).toMatchObject({
      structureComplete: true,
      stoppedAt: 224,
      openNodes: [],
      missingNameCount: 2,
    });
    expect(index.truncation!.reason).toBe(
      'the structure block is whole; the strings block (25 bytes at 0xe0) is cut, only 20 of its bytes are present: 2 property names missing',
    );
    expect(index.nodeProperties(1).map((p) => index.propertyName(p))).toEqual([
      'size',
      '<name at strings+0x14 not in the 244 bytes present>',
    ]);
    expect(index.nodeProperties(1).map((p) => index.propertyNameMissing(p))).toEqual([false, true]);
    expect(index.findProperty(1, 'size')).toBe(2);
    expect(index.findProperty(1, 'data')).toBe(-1);
    expect(index.endTokenOffset).toBe(220);
  });

  it('reads a blob whose only missing bytes are free space after its blocks', () => {
    const padded = new Uint8Array(ROOT.length + 64);
    padded.set(ROOT);
    new DataView(padded.buffer).setUint32(4, padded.length);
    const index = tolerant(padded.subarray(0, ROOT.length));
    expect(index.toDocument()).toEqual(readFdt(ROOT).toDocument());
    expect(index.truncation).toMatchObject({ structureComplete: true, missingNameCount: 0, openNodes: [] });
    expect(index.truncation!.reason).toBe('every block is whole: only bytes after them are missing');
  });

  it('has no node when the bytes end before the root, and the document then has an empty root', () => {
    const index = tolerant(ROOT.subarray(0, STRUCT + 2));
    expect(index.nodeCount).toBe(0);
    expect(index.propertyCount).toBe(0);
    expect(index.truncation!.reason).toContain(
      'the structure block stops at 0x38: none of it is present (0 nodes and 0 properties read)',
    );
    expect(index.toDocument().root).toEqual({ name: '', properties: [], children: [] });
    expect(() => index.nodeName(0)).toThrow(RangeError);
    expect(index.findNode('/')).toBe(-1);
  });

  it('keeps the memory reservations present before a cut in the reservation block', () => {
    const blob = new RawBlobBuilder()
      .reserve(0x1000n, 0x2000n)
      .reserve(0x5000n, 0x10n)
      .beginNode('')
      .endNode()
      .end()
      .build();
    const index = tolerant(blob.subarray(0, 40 + 16 + 10));
    expect(index.memoryReservations).toEqual([{ address: 0x1000n, size: 0x2000n }]);
    expect(index.truncation).toMatchObject({ memoryReservationsCutAt: 56, structureComplete: false, stoppedAt: 88 });
    expect(index.truncation!.reason).toMatch(
      /^the memory reservation block is cut at 0x38; the structure block stops at 0x58: none of it is present/,
    );
  });

  it('reads truncated version 16 (no size_dt_struct) and version 1 (full paths, aligned values) blobs', () => {
    const v16 = new RawBlobBuilder()
      .beginNode('')
      .prop('a', [1, 2, 3, 4])
      .beginNode('n')
      .prop('b', [5])
      .endNode()
      .endNode()
      .end()
      .build(16);
    const cut16 = tolerant(v16.subarray(0, 104));
    expect([cut16.nodeCount, cut16.propertyCount, cut16.nodePath(1)]).toEqual([2, 2, '/n']);
    const v1 = new RawBlobBuilder({ alignLargeValues: true })
      .beginNode('/')
      .prop('a', [1, 2, 3, 4, 5, 6, 7, 8])
      .beginNode('/n')
      .prop('b', [5])
      .endNode()
      .endNode()
      .end()
      .build(1);
    const whole = readFdt(v1);
    const cut1 = tolerant(v1.subarray(0, whole.propertyValueOffset(1)));
    expect(cut1.nodePath(1)).toBe('/n');
    expect(cut1.propertyCount).toBe(1);
    expect(cut1.propertyValue(0)).toEqual(whole.propertyValue(0));
  });

  it('still refuses corruption in the bytes present', () => {
    const unknownToken = new RawBlobBuilder().beginNode('').u32(7).endNode().end().build();
    expect(readError(() => tolerant(unknownToken.subarray(0, STRUCT + 12))).reason).toBe('unknown token 0x7');
    // A length that runs past the structure block the header gives is a lie, not a cut.
    const lying = new RawBlobBuilder().beginNode('').u32(3).u32(4096).u32(0).endNode().end().build();
    expect(readError(() => tolerant(lying.subarray(0, STRUCT + 20))).reason).toMatch(
      /^value runs past the end of the structure block \(len 4096/,
    );
    const badName = new RawBlobBuilder().beginNode('').prop(999, [1]).endNode().end().build();
    expect(readError(() => tolerant(badName.subarray(0, badName.length - 1))).reason).toBe(
      'name offset 999 is outside the strings block (0 bytes)',
    );
    const propertyFirst = new RawBlobBuilder().prop('a').beginNode('').endNode().end().build();
    expect(readError(() => tolerant(propertyFirst.subarray(0, STRUCT + 14))).reason).toBe(
      'property before the root node',
    );
  });

  it('needs the whole header: a shorter prefix is an FdtError', () => {
    const error = readError(() => tolerant(ROOT.subarray(0, 39)));
    expect([error.structure, error.offset]).toEqual(['header', 0]);
    expect(error.reason).toBe('blob is 39 bytes, shorter than the version 17 header (40 bytes)');
  });
});
