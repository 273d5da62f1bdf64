import { describe, expect, it } from 'vitest';
import { FdtError } from './FdtError';
import type { FdtStructure } from './FdtError';
import type { FdtReadOptions } from './FdtReadOptions';
import { readFdt } from './readFdt';
import { RawBlobBuilder } from './testing/RawBlobBuilder';

/** The error readFdt gives, which must be an FdtError. */
function readError(bytes: Uint8Array, options?: FdtReadOptions): FdtError {
  try {
    readFdt(bytes, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FdtError);
    return error as FdtError;
  }
  throw new Error('blob was accepted');
}

function expectError(
  bytes: Uint8Array,
  structure: FdtStructure,
  offset: number,
  reason: RegExp,
  options?: FdtReadOptions,
): void {
  const error = readError(bytes, options);
  expect({ structure: error.structure, offset: error.offset }).toEqual({ structure, offset });
  expect(error.reason).toMatch(reason);
}

/** Offset of the structure block in a RawBlobBuilder version 17 blob without reservations. */
const STRUCT = 56;

describe('readFdt: the whole blob', () => {
  it('refuses a totalsize larger than the bytes given, accepts extra bytes after the blob', () => {
    const bytes = new RawBlobBuilder().beginNode('').endNode().end().build();
    expectError(
      bytes.subarray(0, bytes.length - 1),
      'header',
      4,
      /totalsize \d+ is larger than the \d+ bytes available/,
    );
    const padded = new Uint8Array(bytes.length + 100).fill(0xee);
    padded.set(bytes);
    const index = readFdt(padded);
    expect(index.bytes.length).toBe(bytes.length);
    expect(index.bytes.buffer).toBe(padded.buffer);
  });

  it('reads a blob that is a view at any byte offset of a larger buffer (a page of an image)', () => {
    const blob = new RawBlobBuilder().beginNode('').prop('p', [1, 2, 3]).endNode().end().build();
    const image = new Uint8Array(8192 + blob.length);
    image.set(blob, 4099);
    const index = readFdt(image.subarray(4099));
    expect(index.propertyName(0)).toBe('p');
    expect(index.propertyValue(0)).toEqual(new Uint8Array([1, 2, 3]));
    expect(index.propertyValue(0).byteOffset).toBe(4099 + index.propertyValueOffset(0));
  });

  it('refuses a 0-length blob and a blob shorter than its header', () => {
    expectError(new Uint8Array(0), 'header', 0, /too short/);
    expectError(
      new RawBlobBuilder().beginNode('').endNode().end().build().subarray(0, 30),
      'header',
      0,
      /shorter than the version 17 header/,
    );
  });
});

describe('readFdt: memory reservation block', () => {
  it('reads entries up to the terminator as u64 bigints', () => {
    const bytes = new RawBlobBuilder()
      .reserve(0x1000n, 0x2000n)
      .reserve(0xffff_ffff_ffff_f000n, 0xfffn)
      .reserve(0n, 1n)
      .beginNode('')
      .endNode()
      .end()
      .build();
    expect(readFdt(bytes).memoryReservations).toEqual([
      { address: 0x1000n, size: 0x2000n },
      { address: 0xffff_ffff_ffff_f000n, size: 0xfffn },
      { address: 0n, size: 1n },
    ]);
  });

  it('ends the list at the first entry of size 0, whatever its address (as dtc, libfdt and Linux do)', () => {
    const bytes = new RawBlobBuilder()
      .reserve(0x1000n, 0x10n)
      .reserve(0x5000n, 0n)
      .reserve(0x9000n, 0x10n)
      .beginNode('')
      .endNode()
      .end()
      .build();
    expect(readFdt(bytes).memoryReservations).toEqual([{ address: 0x1000n, size: 0x10n }]);
  });

  it('refuses a list that runs past totalsize without a terminator', () => {
    const builder = new RawBlobBuilder().beginNode('').endNode().end();
    const good = builder.build();
    // Point the map at the structure block: its tokens never make a zero size before the end.
    const bytes = builder.build(17, { offMemRsvmap: good.length - 24 });
    bytes.fill(0xff, good.length - 24);
    const error = readError(bytes);
    expect(error.structure).toBe('memory reservation block');
    expect(error.reason).toMatch(/runs past totalsize/);
  });

  it('applies maxMemoryReservations', () => {
    const builder = new RawBlobBuilder();
    for (let i = 1n; i <= 5n; i++) builder.reserve(i << 12n, 0x1000n);
    const bytes = builder.beginNode('').endNode().end().build();
    expect(readFdt(bytes, { maxMemoryReservations: 5 }).memoryReservations).toHaveLength(5);
    expectError(bytes, 'memory reservation block', 40 + 4 * 16, /more than 4 entries \(limit maxMemoryReservations\)/, {
      maxMemoryReservations: 4,
    });
  });
});

describe('readFdt: structure block tokens', () => {
  it('indexes nodes and properties in blob order', () => {
    const index = readFdt(
      new RawBlobBuilder()
        .beginNode('')
        .prop('a', [1])
        .beginNode('x@1')
        .prop('b')
        .endNode()
        .beginNode('y')
        .endNode()
        .endNode()
        .end()
        .build(),
    );
    expect(index.nodeCount).toBe(3);
    expect(index.propertyCount).toBe(2);
    expect([0, 1, 2].map((n) => index.nodePath(n))).toEqual(['/', '/x@1', '/y']);
    expect(index.nodeOffset(0)).toBe(STRUCT);
    expect(index.propertyOffset(0)).toBe(STRUCT + 8);
    expect(index.nodeOffset(1)).toBe(STRUCT + 8 + 16);
    expect(index.endTokenOffset).toBe(index.nodeEndOffset(0));
  });

  it('skips NOP tokens anywhere: before the root, between properties, between nodes, after the root', () => {
    const bytes = new RawBlobBuilder()
      .nop()
      .beginNode('')
      .nop()
      .prop('a', [1])
      .nop()
      .prop('b', [2])
      .beginNode('c')
      .nop()
      .endNode()
      .nop()
      .endNode()
      .nop()
      .end()
      .build();
    const index = readFdt(bytes);
    expect(index.nodeCount).toBe(2);
    expect(index.nodeProperties(0).map((p) => index.propertyName(p))).toEqual(['a', 'b']);
    expect(index.toDocument().root).toEqual({
      name: '',
      properties: [
        { name: 'a', value: new Uint8Array([1]) },
        { name: 'b', value: new Uint8Array([2]) },
      ],
      children: [{ name: 'c', properties: [], children: [] }],
    });
  });

  it('ignores whatever follows FDT_END inside the structure block', () => {
    const bytes = new RawBlobBuilder().beginNode('').endNode().end().u32(0xdeadbeef).raw([1, 2, 3]).build();
    expect(readFdt(bytes).nodeCount).toBe(1);
  });

  it('refuses unknown tokens', () => {
    const bytes = new RawBlobBuilder().beginNode('').u32(5).endNode().end().build();
    expectError(bytes, 'structure block', STRUCT + 8, /unknown token 0x5/);
    expectError(new RawBlobBuilder().u32(0xffffffff).build(), 'structure block', STRUCT, /unknown token 0xffffffff/);
  });

  it('refuses a structure block without FDT_END', () => {
    expectError(
      new RawBlobBuilder().beginNode('').endNode().build(),
      'structure block',
      STRUCT + 12,
      /ends without an FDT_END token/,
    );
    expectError(new RawBlobBuilder().build(), 'structure block', STRUCT, /ends without an FDT_END/);
  });

  it('refuses FDT_END before the root closes, or before any node', () => {
    expectError(new RawBlobBuilder().end().build(), 'structure block', STRUCT, /FDT_END token before any node/);
    expectError(
      new RawBlobBuilder().beginNode('').beginNode('a').end().build(),
      'structure block',
      STRUCT + 16,
      /while 2 node\(s\) are still open/,
    );
  });

  it('refuses END_NODE without an open node, and a second root', () => {
    expectError(
      new RawBlobBuilder().endNode().end().build(),
      'structure block',
      STRUCT,
      /END_NODE token with no open node/,
    );
    expectError(
      new RawBlobBuilder().beginNode('').endNode().endNode().end().build(),
      'structure block',
      STRUCT + 12,
      /no open node/,
    );
    expectError(
      new RawBlobBuilder().beginNode('').endNode().beginNode('').endNode().end().build(),
      'node',
      STRUCT + 12,
      /second root/,
    );
  });

  it('refuses properties outside nodes and after subnodes', () => {
    expectError(
      new RawBlobBuilder().prop('a').beginNode('').endNode().end().build(),
      'property',
      STRUCT,
      /before the root node/,
    );
    expectError(
      new RawBlobBuilder().beginNode('').endNode().prop('a').end().build(),
      'property',
      STRUCT + 12,
      /after the root node closed/,
    );
    expectError(
      new RawBlobBuilder().beginNode('').beginNode('a').endNode().prop('b').endNode().end().build(),
      'property',
      STRUCT + 20,
      /after a subnode of its node/,
    );
  });

  it('refuses node names that are not NUL-terminated inside the structure block', () => {
    const builder = new RawBlobBuilder().beginNode('').u32(1).raw([0x61, 0x62, 0x63, 0x64]);
    // The strings block right after starts with a NUL, which must not count.
    builder.string('');
    expectError(builder.build(), 'node', STRUCT + 8, /name is not NUL-terminated inside the structure block/);
  });

  it('refuses a named root and unnamed children (version 16 and later)', () => {
    expectError(new RawBlobBuilder().beginNode('r').endNode().end().build(), 'node', STRUCT, /root node has a name/);
    expectError(
      new RawBlobBuilder().beginNode('').beginNode('').endNode().endNode().end().build(),
      'node',
      STRUCT + 8,
      /node name is empty/,
    );
  });

  it('refuses a PROP token cut off by the end of the structure block', () => {
    const bytes = new RawBlobBuilder().beginNode('').u32(3).u32(0).build();
    expectError(bytes, 'property', STRUCT + 8, /no room for its length and name offset/);
  });

  it('refuses property values that run past the structure block, reporting what is left', () => {
    const bytes = new RawBlobBuilder().beginNode('').u32(3).u32(4096).u32(0).raw([0, 0, 0, 0]).endNode().end().build();
    const error = readError(bytes);
    expect(error.offset).toBe(STRUCT + 8);
    expect(error.message).toBe(
      `property at 0x${(STRUCT + 8).toString(16)}: value runs past the end of the structure block (len 4096, 12 bytes left)`,
    );
    const huge = new RawBlobBuilder().beginNode('').u32(3).u32(0xffffffff).u32(0).endNode().end().build();
    expectError(huge, 'property', STRUCT + 8, /len 4294967295, 8 bytes left/);
  });

  it('bounds values by size_dt_struct in version 17, not by totalsize', () => {
    const builder = new RawBlobBuilder().beginNode('').prop('a', [1, 2, 3, 4]).endNode().end();
    const sizeDtStruct = builder.structureLength;
    const shrunk = builder.build(17, { sizeDtStruct: 22 });
    expectError(shrunk, 'property', STRUCT + 8, /runs past the end of the structure block \(len 4, 2 bytes left\)/);
    expect(readFdt(builder.build(17, { sizeDtStruct })).propertyCount).toBe(1);
  });

  it('refuses property name offsets outside the strings block or without a NUL inside it', () => {
    const outside = new RawBlobBuilder().beginNode('').prop(2).endNode().end();
    outside.string('a');
    expectError(outside.build(), 'property', STRUCT + 8, /name offset 2 is outside the strings block \(2 bytes\)/);
    const unterminated = new RawBlobBuilder().beginNode('').prop(2).endNode().end();
    unterminated.string('a');
    unterminated.rawStrings([0x62, 0x63]);
    expectError(
      unterminated.build(),
      'property',
      STRUCT + 8,
      /name at strings offset 2 is not NUL-terminated inside the strings block/,
    );
  });

  it('uses size_dt_strings as the strings block end (a NUL after it does not count)', () => {
    const builder = new RawBlobBuilder().beginNode('').prop('abc').endNode().end();
    expect(readFdt(builder.build(17)).propertyName(0)).toBe('abc');
    expectError(builder.build(17, { sizeDtStrings: 3 }), 'property', STRUCT + 8, /not NUL-terminated/);
  });
});

describe('readFdt: limits', () => {
  /** Root with `width` children, each with one property, nested `depth` deep under the first. */
  function tree(width: number, depth: number): Uint8Array {
    const builder = new RawBlobBuilder().beginNode('');
    for (let i = 0; i < width; i++) builder.beginNode(`n${i}`).prop('p', [i]).endNode();
    for (let d = 0; d < depth; d++) builder.beginNode(`d${d}`);
    for (let d = 0; d < depth; d++) builder.endNode();
    return builder.endNode().end().build();
  }

  it('maxDepth counts the root as depth 0', () => {
    const bytes = tree(0, 5);
    expect(readFdt(bytes, { maxDepth: 5 }).nodeCount).toBe(6);
    const error = readError(bytes, { maxDepth: 4 });
    expect(error.reason).toBe('nested deeper than 4 levels (limit maxDepth)');
    expect(error.offset).toBe(readFdt(bytes).nodeOffset(5));
  });

  it('maxNodes counts the root', () => {
    const bytes = tree(4, 0);
    expect(readFdt(bytes, { maxNodes: 5 }).nodeCount).toBe(5);
    expect(readError(bytes, { maxNodes: 4 }).reason).toBe('more than 4 nodes (limit maxNodes)');
  });

  it('maxProperties counts properties over the whole tree', () => {
    const bytes = tree(100, 0);
    expect(readFdt(bytes, { maxProperties: 100 }).propertyCount).toBe(100);
    expect(readError(bytes, { maxProperties: 99 }).reason).toBe('more than 99 properties (limit maxProperties)');
    expect(readError(bytes, { maxProperties: 0 }).reason).toBe('more than 0 properties (limit maxProperties)');
  });

  it('grows its tables past the initial capacity', () => {
    const index = readFdt(tree(3000, 300));
    expect(index.nodeCount).toBe(3301);
    expect(index.propertyCount).toBe(3000);
    expect(index.nodePath(3300)).toMatch(/\/d0\/d1\/.*\/d299$/);
    expect(index.nodeDepth(3300)).toBe(300);
    expect(index.propertyValue(2999)).toEqual(new Uint8Array([2999 & 0xff]));
  });
});

describe('readFdt: versions before 16', () => {
  it('reads full paths as names and 8-byte aligned long values', () => {
    const bytes = new RawBlobBuilder({ alignLargeValues: true })
      .beginNode('/')
      .prop('short', [1, 2, 3, 4, 5, 6, 7])
      .prop('long', [1, 2, 3, 4, 5, 6, 7, 8, 9])
      .beginNode('/a@1')
      .beginNode('/a@1/b')
      .endNode()
      .endNode()
      .endNode()
      .end()
      .build(1);
    const index = readFdt(bytes);
    expect([0, 1, 2].map((n) => index.nodeName(n))).toEqual(['', 'a@1', 'b']);
    expect(index.nodePath(2)).toBe('/a@1/b');
    const struct = index.header.offDtStruct;
    // "short" (7 bytes): PROP at +8, value at +20, unaligned. "long": PROP at +28, value padded from +40... to 8.
    expect(index.propertyValueOffset(0) - struct).toBe(20);
    expect(index.propertyOffset(1) - struct).toBe(28);
    expect(index.propertyValueOffset(1) - struct).toBe(40);
    expect(index.propertyValue(1)).toEqual(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });

  it('aligns long values relative to the structure block start', () => {
    // Structure block at 56 (8-aligned) or moved to 60 (only 4-aligned): padding follows the block start.
    const base = new RawBlobBuilder({ alignLargeValues: true })
      .beginNode('/')
      .prop('x', [9, 9, 9, 9, 9, 9, 9, 9])
      .endNode()
      .end()
      .build(3);
    const { offDtStruct, offDtStrings } = readFdt(base).header;
    for (const shift of [0, 4]) {
      const moved = new Uint8Array(base.length + shift);
      moved.set(base.subarray(0, offDtStruct));
      moved.set(base.subarray(offDtStruct), offDtStruct + shift);
      const view = new DataView(moved.buffer);
      view.setUint32(4, moved.length);
      view.setUint32(8, offDtStruct + shift);
      view.setUint32(12, offDtStrings + shift);
      const index = readFdt(moved);
      expect(index.header.offDtStruct).toBe(offDtStruct + shift);
      expect(index.propertyValueOffset(0) - index.header.offDtStruct).toBe(24);
      expect(index.propertyValue(0)).toEqual(new Uint8Array(8).fill(9));
    }
  });

  it('refuses paths that do not continue the parent path', () => {
    const build = (root: string, child: string): Uint8Array =>
      new RawBlobBuilder({ alignLargeValues: true })
        .beginNode(root)
        .beginNode(child)
        .endNode()
        .endNode()
        .end()
        .build(2);
    expect(readFdt(build('/', '/a')).nodeName(1)).toBe('a');
    expectError(build('', '/a'), 'node', 48, /root node path must be "\/"/);
    expectError(build('/x', '/a'), 'node', 48, /root node path/);
    for (const child of ['a', '/', '//a', '/a/b', 'xa'])
      expectError(build('/', child), 'node', 56, /not its parent's path followed by one non-empty name/);
    const deep = new RawBlobBuilder({ alignLargeValues: true })
      .beginNode('/')
      .beginNode('/a')
      .beginNode('/b/c')
      .endNode()
      .endNode()
      .endNode()
      .end();
    expectError(deep.build(1), 'node', 48 + 8 + 8, /not its parent's path/);
  });
});
