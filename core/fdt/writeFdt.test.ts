import { describe, expect, it } from 'vitest';
import type { FdtDocument, FdtNode } from './FdtDocument';
import { emptyFdtDocument } from './FdtDocument';
import { FdtWriteError } from './FdtWriteError';
import { readFdt } from './readFdt';
import { writeFdt } from './writeFdt';
import type { FdtWriteOptions } from './writeFdt';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const node = (name: string, properties: [string, Uint8Array][] = [], children: FdtNode[] = []): FdtNode => ({
  name,
  properties: properties.map(([propertyName, value]) => ({ name: propertyName, value })),
  children,
});
const documentWith = (root: FdtNode, fields: Partial<FdtDocument> = {}): FdtDocument => ({
  ...emptyFdtDocument(),
  root,
  ...fields,
});

function writeError(doc: FdtDocument, options?: FdtWriteOptions): FdtWriteError {
  try {
    writeFdt(doc, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FdtWriteError);
    return error as FdtWriteError;
  }
  throw new Error('document was written');
}

function hex(blob: Uint8Array): string {
  return Buffer.from(blob).toString('hex');
}

describe('writeFdt layout', () => {
  it('writes the empty tree exactly as dtc -V 17 does', () => {
    // dtc -I dts -O dtb of "/dts-v1/; / { };"
    expect(hex(writeFdt(emptyFdtDocument()))).toBe(
      'd00dfeed00000048000000380000004800000028000000110000001000000000000000000000001000000000000000000000000000000000000000010000000000000002' +
        '00000009',
    );
  });

  it('puts header, reservations, structure and strings back to back at dtc offsets', () => {
    const doc = documentWith(node('', [['a', bytes(1)]]), {
      memoryReservations: [
        { address: 0x1000n, size: 0x2000n },
        { address: 0xffff_ffff_0000_0000n, size: 1n },
      ],
      bootCpuidPhys: 5,
    });
    const blob = writeFdt(doc);
    const index = readFdt(blob);
    expect(index.header).toMatchObject({
      offMemRsvmap: 40,
      offDtStruct: 40 + 3 * 16,
      version: 17,
      lastCompVersion: 16,
      bootCpuidPhys: 5,
      totalSize: blob.length,
    });
    expect(index.header.offDtStrings).toBe(index.header.offDtStruct + (index.header.sizeDtStruct ?? 0));
    expect(index.header.stringsEnd).toBe(blob.length);
    expect(index.memoryReservations).toEqual(doc.memoryReservations);
    expect(index.endTokenOffset).toBe(index.header.offDtStrings - 4);
  });

  it.each([
    [1, 28, 32, 1],
    [2, 32, 32, 1],
    [3, 36, 40, 1],
    [16, 36, 40, 16],
    [17, 40, 40, 16],
  ] as const)(
    'version %i: %i-byte header zero-padded to %i, last_comp_version %i',
    (version, headerSize, reservations, lastComp) => {
      const blob = writeFdt(emptyFdtDocument(), { version });
      const header = readFdt(blob).header;
      expect(header).toMatchObject({ version, lastCompVersion: lastComp, headerSize, offMemRsvmap: reservations });
      expect(blob.subarray(headerSize, reservations).every((byte) => byte === 0)).toBe(true);
    },
  );

  it('keeps the document last_comp_version when writing its own version', () => {
    const blob = writeFdt({ ...emptyFdtDocument(), lastCompVersion: 17 });
    expect(readFdt(blob).header.lastCompVersion).toBe(17);
    expect(
      readFdt(writeFdt({ ...emptyFdtDocument(), lastCompVersion: 17 }, { version: 16 })).header.lastCompVersion,
    ).toBe(16);
  });

  it('shares strings as dtc does: repeated names and tails of earlier names', () => {
    const doc = documentWith(
      node(
        '',
        [
          ['linux,name', bytes()],
          ['reg', bytes()],
        ],
        [
          node('a', [
            ['name', bytes()],
            ['reg', bytes()],
            ['g', bytes()],
          ]),
        ],
      ),
    );
    const index = readFdt(writeFdt(doc));
    const strings = index.bytes.subarray(index.header.offDtStrings, index.header.stringsEnd);
    expect(new TextDecoder().decode(strings)).toBe('linux,name\0reg\0');
    expect([0, 1, 2, 3, 4].map((p) => index.propertyNameOffset(p))).toEqual([0, 11, 6, 11, 13]);
  });

  it('pads names and values to 4 bytes with zeros', () => {
    const doc = documentWith(node('', [['p', bytes(0xff, 0xff, 0xff, 0xff, 0xff)]], [node('ab')]));
    const index = readFdt(writeFdt(doc));
    const struct = index.header.offDtStruct;
    expect(hex(index.bytes.subarray(struct, index.header.structEnd))).toBe(
      '00000001' +
        '00000000' +
        '00000003' +
        '00000005' +
        '00000000' +
        'ffffffffff000000' +
        '00000001' +
        '61620000' +
        '00000002' +
        '00000002' +
        '00000009',
    );
  });

  describe('versions before 16', () => {
    it('writes full paths, adds name properties after the node own ones, aligns long values to 8', () => {
      const doc = documentWith(
        node('', [['x', bytes(1, 2, 3, 4, 5, 6, 7, 8)]], [node('a@1', [], [node('b', [['name', bytes(0x62, 0)]])])]),
      );
      const index = readFdt(writeFdt(doc, { version: 1 }));
      expect([0, 1, 2].map((n) => index.nodePath(n))).toEqual(['/', '/a@1', '/a@1/b']);
      expect(index.bytes.subarray(index.nodeOffset(1) + 4, index.nodeOffset(1) + 9)).toEqual(
        new TextEncoder().encode('/a@1\0'),
      );
      expect([0, 1, 2].map((n) => index.nodeProperties(n).map((p) => index.propertyName(p)))).toEqual([
        ['x', 'name'],
        ['name'],
        ['name'],
      ]);
      expect(index.propertyValue(1)).toEqual(bytes(0));
      expect(index.propertyValue(2)).toEqual(bytes(0x61, 0));
      expect((index.propertyValueOffset(0) - index.header.offDtStruct) % 8).toBe(0);
      expect(index.propertyValueOffset(0) - index.propertyOffset(0)).toBe(16);
      // b's own name property is exactly what dtc adds, so the document read back leaves it out;
      // writing that document adds it again, to the same bytes.
      const readBack = index.toDocument();
      expect(readBack.root.children[0].children[0].properties).toEqual([]);
      expect(writeFdt(readBack, { version: 1 })).toEqual(writeFdt(doc, { version: 1 }));
    });

    it('refuses a node name without a base name, which dtc would write as a broken name property', () => {
      const doc = documentWith(node('', [], [node('@1')]));
      expect(writeError(doc, { version: 3 }).message).toBe(
        'node /@1: version 3 needs a base name before "@" (for the name property)',
      );
      expect(readFdt(writeFdt(doc, { version: 16 })).nodeName(1)).toBe('@1');
    });

    it('refuses a boot CPU for version 1, which has no field for it', () => {
      expect(writeError({ ...emptyFdtDocument(), bootCpuidPhys: 1 }, { version: 1 }).reason).toMatch(
        /version 1 has no boot_cpuid_phys field/,
      );
      expect(readFdt(writeFdt({ ...emptyFdtDocument(), bootCpuidPhys: 1 }, { version: 2 })).header.bootCpuidPhys).toBe(
        1,
      );
    });
  });
});

describe('writeFdt validation', () => {
  it('refuses versions dtc cannot write', () => {
    for (const version of [0, 4, 15, 18]) {
      expect(writeError({ ...emptyFdtDocument(), version }).reason).toMatch(
        new RegExp(`cannot write version ${version}`),
      );
    }
  });

  it('refuses bad header fields', () => {
    expect(writeError({ ...emptyFdtDocument(), lastCompVersion: 0 }).reason).toMatch(/lastCompVersion 0/);
    expect(writeError({ ...emptyFdtDocument(), lastCompVersion: 18 }).reason).toMatch(/lastCompVersion 18/);
    expect(writeError({ ...emptyFdtDocument(), bootCpuidPhys: -1 }).reason).toMatch(/bootCpuidPhys -1 is not a u32/);
    expect(writeError({ ...emptyFdtDocument(), bootCpuidPhys: 2 ** 32 }).reason).toMatch(/is not a u32/);
  });

  it('refuses reservations that are not u64 or have size 0', () => {
    const withReservation = (address: unknown, size: unknown): FdtDocument =>
      ({ ...emptyFdtDocument(), memoryReservations: [{ address, size }] }) as FdtDocument;
    expect(writeError(withReservation(1n, 0n)).reason).toMatch(/size 0, which readers take as the end of the list/);
    expect(writeError(withReservation(-1n, 1n)).reason).toMatch(/address -1 is not a u64/);
    expect(writeError(withReservation(1n << 64n, 1n)).reason).toMatch(/is not a u64/);
    expect(writeError(withReservation(1, 1n)).reason).toMatch(/address 1 is not a u64 bigint/);
    expect(writeError(withReservation(1n, 1n << 64n)).reason).toMatch(/size \d+ is not a u64/);
  });

  it('refuses names dtc refuses, naming the node and property', () => {
    const cases: [FdtNode, string][] = [
      [node('', [], [node('')]), 'node /: node name is empty'],
      [node('', [], [node('a*b')]), 'node /a*b: node name "a*b" has a character outside letters, digits and ",._+-@"'],
      [
        node('', [], [node('a', [], [node('b c')])]),
        'node /a/b c: node name "b c" has a character outside letters, digits and ",._+-@"',
      ],
      [node('', [], [node('a@1@2')]), 'node /a@1@2: node name "a@1@2" has more than one "@"'],
      [node('', [], [node('a'), node('a')]), 'node /a: two children of / are named "a"'],
      [node('x'), 'node /: the root node\'s name must be empty, not "x"'],
      [node('', [['', bytes()]]), 'property "" of node /: property name is empty'],
      [
        node('', [], [node('n', [['p@x', bytes()]])]),
        'property "p@x" of node /n: property name "p@x" has a character outside letters, digits and ",._+*#?-"',
      ],
      [
        node('', [
          ['p', bytes()],
          ['p', bytes(1)],
        ]),
        'property "p" of node /: the node has two properties of this name',
      ],
      [node('', [['p', [1, 2] as unknown as Uint8Array]]), 'property "p" of node /: value is not a Uint8Array'],
    ];
    for (const [root, message] of cases) expect(writeError(documentWith(root)).message).toBe(message);
  });

  it('accepts every character dtc accepts', () => {
    const doc = documentWith(node('', [['az,AZ._+*#?-09', bytes()]], [node('az,AZ._+-09@', [], [node('x@1,2')])]));
    expect(readFdt(writeFdt(doc)).toDocument().root).toEqual(doc.root);
  });

  it('refuses shared and cyclic node objects instead of looping', () => {
    const shared = node('s');
    expect(writeError(documentWith(node('', [], [node('a', [], [shared]), node('b', [], [shared])]))).message).toBe(
      'node /b/s: the same node object appears twice in the tree',
    );
    const loop = node('l');
    loop.children.push(loop);
    expect(writeError(documentWith(node('', [], [loop]))).reason).toMatch(/appears twice/);
  });

  it('refuses malformed node objects', () => {
    expect(
      writeError(documentWith({ name: '', properties: undefined, children: [] } as unknown as FdtNode)).reason,
    ).toMatch(/properties are not an array/);
    expect(writeError(documentWith(node('', [], [null as unknown as FdtNode]))).reason).toMatch(
      /node name is not a string/,
    );
  });

  it('writes deep trees without recursion', () => {
    const root = node('');
    let at = root;
    for (let d = 0; d < 20_000; d++) {
      const child = node('d');
      at.children.push(child);
      at = child;
    }
    const index = readFdt(writeFdt(documentWith(root)), { maxDepth: 20_000 });
    expect(index.nodeCount).toBe(20_001);
  });
});
