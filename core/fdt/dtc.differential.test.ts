import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FdtDocument, FdtNode, MemoryReservation } from './FdtDocument';
import { FDT_WRITABLE_VERSIONS, fdtVersionFormat } from './FdtVersionFormat';
import type { FdtWritableVersion } from './FdtVersionFormat';
import { readFdt } from './readFdt';
import { dtsForDocument } from './testing/dtsForDocument';
import { documentArbitrary } from './testing/fdtArbitraries';
import { compileDtsWithDtc, requireDtc } from './testing/NodeDtc';
import { writeFdt } from './writeFdt';

// Differential tests against Debian's dtc: for every source and every version dtc
// writes, (a) readFdt reads dtc's blob as the expected tree, (b) writing what was
// read gives dtc's bytes back, and (c) writing the expected tree directly gives
// dtc's bytes too.

const latin1 = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
/** Strings, each NUL-terminated, as dtc stores `"a", "b"`. */
const strs = (...texts: string[]): Uint8Array => new Uint8Array(texts.flatMap((text) => [...latin1(text), 0]));
/** Big-endian u32 cells, as dtc stores `<1 2>`. */
const cells = (...values: number[]): Uint8Array => {
  const out = new Uint8Array(values.length * 4);
  values.forEach((value, i) => new DataView(out.buffer).setUint32(i * 4, value));
  return out;
};
const raw = (...values: number[]): Uint8Array => new Uint8Array(values);
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(parts.flatMap((part) => [...part]));
const node = (name: string, properties: [string, Uint8Array][] = [], children: FdtNode[] = []): FdtNode => ({
  name,
  properties: properties.map(([propertyName, value]) => ({ name: propertyName, value })),
  children,
});

/** One hand-written source and the tree dtc must make of it. */
interface CorpusEntry {
  title: string;
  /** DTS after the `/dts-v1/;` line. */
  source: string;
  root: FdtNode;
  memoryReservations?: MemoryReservation[];
  bootCpuidPhys?: number;
}

/** The document dtc's blob of `version` must read as. */
function expectedDocument(
  version: FdtWritableVersion,
  root: FdtNode,
  reservations: MemoryReservation[],
  bootCpuidPhys: number,
): FdtDocument {
  const format = fdtVersionFormat(version)!;
  return {
    version,
    lastCompVersion: format.dtcLastCompVersion,
    bootCpuidPhys: format.hasBootCpuid ? bootCpuidPhys : 0,
    memoryReservations: reservations,
    root,
  };
}

/** Checks (a), (b) and (c) for one source in every version. */
function expectSameAsDtc(
  source: string,
  root: FdtNode,
  reservations: MemoryReservation[] = [],
  bootCpuidPhys = 0,
): void {
  for (const version of FDT_WRITABLE_VERSIONS) {
    const dtcBlob = compileDtsWithDtc(source, ['-V', String(version), '-b', String(bootCpuidPhys)]);
    const expected = expectedDocument(version, root, reservations, bootCpuidPhys);
    const readBack = readFdt(dtcBlob).toDocument();
    expect(readBack, `version ${version}: tree read from dtc's blob`).toEqual(expected);
    expect(hex(writeFdt(readBack, { version })), `version ${version}: re-encoded dtc blob`).toBe(hex(dtcBlob));
    expect(hex(writeFdt(expected, { version })), `version ${version}: expected tree encoded`).toBe(hex(dtcBlob));
  }
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function deepSource(levels: number): { source: string; root: FdtNode } {
  let source = '';
  for (let level = 0; level < levels; level++) source += `level${level}@${level.toString(16)} { depth = <${level}>; `;
  source += '}; '.repeat(levels);
  let inner: FdtNode | undefined;
  for (let level = levels - 1; level >= 0; level--) {
    inner = node(`level${level}@${level.toString(16)}`, [['depth', cells(level)]], inner ? [inner] : []);
  }
  return { source: `/ { ${source}};`, root: node('', [], inner ? [inner] : []) };
}

function wideSource(groups: number, perGroup: number): { source: string; root: FdtNode } {
  const lines = ['/ {'];
  const children: FdtNode[] = [];
  for (let g = 0; g < groups; g++) {
    lines.push(`\tgroup@${g} {`);
    const members: FdtNode[] = [];
    for (let m = 0; m < perGroup; m++) {
      lines.push(`\t\tdev@${m.toString(16)} { reg = <${m}>; label-text = "g${g}m${m}"; };`);
      members.push(
        node(`dev@${m.toString(16)}`, [
          ['reg', cells(m)],
          ['label-text', strs(`g${g}m${m}`)],
        ]),
      );
    }
    lines.push('\t};');
    children.push(node(`group@${g}`, [], members));
  }
  lines.push('};');
  return { source: lines.join('\n'), root: node('', [], children) };
}

const longList = Array.from({ length: 300 }, (_, i) => `vendor,device-${i}`);
const deep = deepSource(60);
const wide = wideSource(50, 100);

const corpus: CorpusEntry[] = [
  { title: 'empty root', source: '/ { };', root: node('') },
  {
    title: 'empty and odd-length values, every alignment case',
    source: `/ {
      empty;
      one = [01];
      three = [01 02 03];
      five = [01 02 03 04 05];
      seven = "abcdef";
      eight = [01 02 03 04 05 06 07 08];
      nine = "abcdefgh";
      emptystr = "";
      cells = <1 0xffffffff>;
      b8 = /bits/ 8 <1 2 3>;
      b16 = /bits/ 16 <0x1234 5>;
      b64 = /bits/ 64 <0x123456789abcdef0 1>;
      mixed = "s", <7>, [ab cd];
      child { tail = [ff]; };
    };`,
    root: node(
      '',
      [
        ['empty', raw()],
        ['one', raw(1)],
        ['three', raw(1, 2, 3)],
        ['five', raw(1, 2, 3, 4, 5)],
        ['seven', strs('abcdef')],
        ['eight', raw(1, 2, 3, 4, 5, 6, 7, 8)],
        ['nine', strs('abcdefgh')],
        ['emptystr', strs('')],
        ['cells', cells(1, 0xffffffff)],
        ['b8', raw(1, 2, 3)],
        ['b16', raw(0x12, 0x34, 0, 5)],
        ['b64', raw(0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0, 0, 0, 0, 0, 0, 0, 1)],
        ['mixed', concat(strs('s'), cells(7), raw(0xab, 0xcd))],
      ],
      [node('child', [['tail', raw(0xff)]])],
    ),
  },
  {
    title: 'embedded NULs and escapes',
    source: String.raw`/ {
      nul = "a\0b";
      esc = "t\t\n\r\"\\q\x7f\101\0";
      list = "first", "", "third";
    };`,
    root: node('', [
      ['nul', raw(0x61, 0, 0x62, 0)],
      ['esc', raw(0x74, 9, 10, 13, 0x22, 0x5c, 0x71, 0x7f, 0x41, 0, 0)],
      ['list', strs('first', '', 'third')],
    ]),
  },
  {
    title: 'a long string list',
    source: `/ { compatible = ${longList.map((s) => `"${s}"`).join(', ')}; };`,
    root: node('', [['compatible', strs(...longList)]]),
  },
  { title: '60 levels of nesting', ...deep },
  { title: '5000 nodes', ...wide },
  {
    title: 'memory reservations',
    source: '/memreserve/ 0x1000 0x2000;\n/memreserve/ 0xffffffff00000000 0xffffffff;\n/memreserve/ 0 1;\n/ { };',
    root: node(''),
    memoryReservations: [
      { address: 0x1000n, size: 0x2000n },
      { address: 0xffffffff00000000n, size: 0xffffffffn },
      { address: 0n, size: 1n },
    ],
  },
  {
    title: 'property names sharing names and suffixes',
    source: `/ {
      linux,name = "x";
      reg = <1>;
      node@1 { abc,reg = <2>; reg = <3>; #size-cells = <1>; size-cells = <2>; ells = <3>; s = <4>; };
      other { linux,name = "y"; ame = <5>; };
    };`,
    root: node(
      '',
      [
        ['linux,name', strs('x')],
        ['reg', cells(1)],
      ],
      [
        node('node@1', [
          ['abc,reg', cells(2)],
          ['reg', cells(3)],
          ['#size-cells', cells(1)],
          ['size-cells', cells(2)],
          ['ells', cells(3)],
          ['s', cells(4)],
        ]),
        node('other', [
          ['linux,name', strs('y')],
          ['ame', cells(5)],
        ]),
      ],
    ),
  },
  {
    title: 'labels, phandle and path references',
    source: `/ {
      l1: a { l2: p = <1>; };
      b { ref = <&l1>; path = &l1; lbl3: q; };
    };`,
    root: node(
      '',
      [],
      [
        node('a', [
          ['p', cells(1)],
          ['phandle', cells(1)],
        ]),
        node('b', [
          ['ref', cells(1)],
          ['path', strs('/a')],
          ['q', raw()],
        ]),
      ],
    ),
  },
  {
    title: 'unusual but legal names, escaped names',
    source: String.raw`/ { a,b_c.d+e-f@1,2 { }; UPPER@ABC { }; x@ { }; \0x1 { \#x = [01]; \123; }; };`,
    root: node(
      '',
      [],
      [
        node('a,b_c.d+e-f@1,2'),
        node('UPPER@ABC'),
        node('x@'),
        node('0x1', [
          ['#x', raw(1)],
          ['123', raw()],
        ]),
      ],
    ),
  },
  { title: 'boot CPU id', source: '/ { cpus { }; };', root: node('', [], [node('cpus')]), bootCpuidPhys: 3 },
];

describe('differential against dtc', () => {
  beforeAll(() => requireDtc());

  for (const entry of corpus) {
    it(`${entry.title}: same tree and same bytes as dtc in every version`, () => {
      expectSameAsDtc(`/dts-v1/;\n${entry.source}\n`, entry.root, entry.memoryReservations, entry.bootCpuidPhys);
    });
  }

  it('random trees: same tree and same bytes as dtc in every version', () => {
    fc.assert(
      fc.property(documentArbitrary, (doc) => {
        expectSameAsDtc(dtsForDocument(doc), doc.root, doc.memoryReservations, doc.bootCpuidPhys);
      }),
      { numRuns: 20 },
    );
  });

  it('free space dtc adds on request (-R, -p, -S, -a) is read but not written back', () => {
    const source = '/dts-v1/;\n/memreserve/ 0x1000 0x1000;\n/ { a = <1>; };\n';
    const plain = compileDtsWithDtc(source, []);
    for (const args of [
      ['-R', '3'],
      ['-p', '100'],
      ['-S', '512'],
      ['-a', '64'],
      ['-R', '2', '-p', '7'],
    ]) {
      const spaced = compileDtsWithDtc(source, args);
      expect(spaced.length, args.join(' ')).toBeGreaterThan(plain.length);
      const doc = readFdt(spaced).toDocument();
      expect(doc).toEqual(readFdt(plain).toDocument());
      expect(hex(writeFdt(doc)), args.join(' ')).toBe(hex(plain));
    }
  });
});
