import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFdt } from '../readFdt';
import { dtsForDocument } from '../testing/dtsForDocument';
import { compileDtsWithDtc, requireDtc } from '../testing/NodeDtc';
import { writeFdt } from '../writeFdt';
import { parseDts } from './parseDts';
import { printDts } from './printDts';
import { DtsError } from './DtsError';
import { dtsDocumentArbitrary } from './testing/dtsArbitraries';
import { dtsProgramArbitrary } from './testing/dtsProgramArbitrary';
import { decompileWithDtc, reprintWithDtc } from './testing/NodeDtcDecompile';

// Differential tests against Debian's dtc 1.6.1. For every DTS source dtc
// compiles to a blob B:
//   (1) printDts(readFdt(B)) is exactly dtc's `-I dtb -O dts` text of B, but
//       for the one documented difference (`unambiguousNuls`);
//   (2) our text, compiled and decompiled by dtc, gives dtc's text again;
//   (3) parseDts(source) written by writeFdt is B, byte for byte;
//   (4) parseDts(our text) written by writeFdt is B too (blob → text → blob).

/**
 * dtc's text with our one change applied: inside strings, dtc writes a NUL
 * followed by a digit 0-7 as `\0` and the digit, which reads back as one
 * octal escape; we write `\000` there. Escapes are matched left to right, so
 * an escaped backslash before a 0 is left alone.
 */
function unambiguousNuls(dtcText: string): string {
  return dtcText.replace(/\\(?:(0)(?=[0-7])|.)/g, (match, nul: string | undefined) => (nul ? '\\000' : match));
}

function expectSameAsDtc(source: string): void {
  const blob = compileDtsWithDtc(source, []);
  const dtcText = decompileWithDtc(blob);
  const ourText = printDts(readFdt(blob).toDocument());
  expect(ourText).toBe(unambiguousNuls(dtcText));
  expect(decompileWithDtc(compileDtsWithDtc(ourText, []))).toBe(dtcText);
  expect(writeFdt(parseDts(source))).toEqual(blob);
  expect(writeFdt(parseDts(ourText))).toEqual(blob);
}

const repeat = (count: number, make: (i: number) => string): string =>
  Array.from({ length: count }, (_, i) => make(i)).join('\n');

function nested(depth: number): string {
  let body = 'leaf;';
  for (let i = depth; i > 0; i--) body = `level${i} { depth = <${i}>; ${body} };`;
  return body;
}

/** Hand-written sources (after `/dts-v1/;`), each aimed at one corner of dtc's typing, grammar or layout. */
const corpus: [string, string][] = [
  ['an empty root', '/ { };'],
  [
    'empty and odd-length values',
    '/ { e; b1 = [01]; b2 = [01 02]; b3 = [01 02 03]; b5 = [01 02 03 04 05]; b7 = [00 01 02 03 04 05 06]; };',
  ],
  [
    'strings and string lists',
    '/ { s = "hello"; l = "a", "b", "c"; one = "x"; compatible = "vendor,dev-v1", "generic"; };',
  ],
  [
    'embedded NULs and empty strings',
    '/ { a = "a", "b"; b = "a", "", "b"; c = "", "a"; d = "a", ""; e = "", ""; f = ""; g = "ab", "", "", "cd"; h = "x", "", ""; i = [00 61 00]; j = "\\0"; };',
  ],
  [
    'escapes dtc writes back',
    '/ { t = "tab\\there"; q = "quote\\"back\\\\slash"; c = "\\a\\b\\v\\f\\r\\n"; o = "\\101\\x42C"; };',
  ],
  ['a NUL before a digit (dtc writes it ambiguously)', '/ { a = "x", "1", "07"; b = "\\\\", "0"; c = "9", "8"; };'],
  [
    'non-printable bytes that make a value not a string',
    '/ { a = "\\x01"; b = "x\\x7f"; c = "\\xff"; d = "é"; e = "abc\\x80"; f = "a\\x01b"; };',
  ],
  [
    'values that look like strings but are not',
    '/ { a = [61 62 63 64]; b = [61 00 62]; c = <0x61626300>; d = <0>; e = [61 62 63 00 00]; f = [20 00]; };',
  ],
  ['cells and bytes', '/ { c = <1 2 0xffffffff 0 0x10 0xabcdef>; b = [de ad be ef 01]; z = <0 0>; };'],
  [
    '/bits/ forms',
    '/ { b8 = /bits/ 8 <1 2 0xff (-1)>; b16 = /bits/ 16 <1 0xffff (-2)>; b16odd = /bits/ 16 <7>; b32 = /bits/ 32 <5>; b64 = /bits/ 64 <1 0xffffffffffffffff (-1)>; };',
  ],
  ['mixed value pieces', '/ { m = "s", <1>, [02 03], /bits/ 16 <4>, "t"; n = <>, [], ""; };'],
  [
    'integer expressions and literals',
    "/ { e = <(1 + 2 * 3) (10 / 3) (10 % 3) (1 << 4 | 1) (~0) (-1) (!0) (3 > 2 ? 7 : 8) 010 0X1f 'a' '\\n' 1UL>; };",
  ],
  ['a long string list', `/ { list = ${repeat(40, (i) => `"string-${i}"`).replace(/\n/g, ', ')}; };`],
  ['deep nesting', `/ { ${nested(60)} };`],
  [
    'many nodes',
    `/ { ${repeat(300, (i) => `node${i}@${i.toString(16)} { reg = <${i}>; name-${i % 7} = "n${i}"; };`)} };`,
  ],
  [
    'memory reservations',
    '/memreserve/ 0x1000 0x2000; /memreserve/ 0 1; /memreserve/ 0xffffffffffffffff 0xffffffffffffffff; / { };',
  ],
  [
    'names with every allowed character',
    '/ { #address-cells = <1>; a,b.c_d+e?f*g#h-i = <1>; node,x_y.z+1-2@1,2 { }; 0x10 { }; 1 { }; };',
  ],
  [
    'property names sharing suffixes (string table)',
    '/ { size = <1>; a { cells-size = <1>; #size = <2>; size = <3>; }; };',
  ],
  [
    'labels, phandles and paths',
    '/ { a: x { }; b: y { p = <&a &b>, <&{/x}>; path = &a; paths = &a, "s", &{/y}; }; c: z { phandle = <5>; q = <&c>; }; };',
  ],
  [
    'explicit phandles and allocation around them',
    '/ { p = <&a &b &c>; a: a { phandle = <1>; }; b: b { linux,phandle = <2>; }; c: c { }; d: d { phandle = <&d>; }; };',
  ],
  [
    'merging root blocks and &label blocks',
    '/ { a: x { p = <1>; c { }; }; }; / { x { q; }; y { }; }; &a { p = <2>; r = "r"; }; / { y { s; }; };',
  ],
  [
    'deletion and revival',
    '/ { a: x { p = <1>; q; c { }; }; y { }; }; / { x { /delete-property/ q; /delete-node/ c; }; }; /delete-node/ &{/y}; / { y { z; }; x { q = <3>; }; };',
  ],
  [
    'omit-if-no-ref',
    '/ { r = <&used>; /omit-if-no-ref/ unused { }; used: used { }; kept: kept { }; }; /omit-if-no-ref/ &kept; / { k = &kept; };',
  ],
  [
    'boot CPU guessed from /cpus',
    '/ { cpus { #address-cells = <1>; #size-cells = <0>; cpu@3 { reg = <3>; }; cpu@0 { reg = <0>; }; }; };',
  ],
  ['a redundant name property dtc drops', '/ { node@1 { name = "node"; other = "node"; }; };'],
  ['comments, line markers and odd spacing', '# 1 "board.dts"\n/* block */ / {// line\n\tp=<1>;q\n=\n"x" ; };\n'],
];

describe('printDts and parseDts against dtc 1.6.1', () => {
  beforeAll(requireDtc);

  for (const [title, source] of corpus) {
    it(title, () => expectSameAsDtc(`/dts-v1/;\n${source}\n`));
  }

  it('writes labels the way dtc writes back labels it compiled', () => {
    const sources = [
      '/ { a: b: node { c: d: prop = <1>; e: empty; }; };',
      '/ { x: n { }; }; y: &x { }; z: &y { };',
      '/ { n { p = <1>; }; }; / { n { l: p = <2>; }; }; &{/n} { };',
      '/ { r = <&t>; t: target { }; };',
    ];
    for (const body of sources) {
      const source = `/dts-v1/;\n${body}\n`;
      expect(printDts(parseDts(source))).toBe(reprintWithDtc(source));
    }
  });
});

describe('random trees against dtc 1.6.1', () => {
  beforeAll(requireDtc);

  it('prints, re-reads and re-compiles every random tree as dtc does', () => {
    fc.assert(
      fc.property(dtsDocumentArbitrary, (doc) => {
        expectSameAsDtc(dtsForDocument(doc));
      }),
      { numRuns: 40 },
    );
  });
});

describe('random DTS programs against dtc 1.6.1', () => {
  beforeAll(requireDtc);

  it('accepts exactly what dtc accepts, and compiles it to the same bytes', () => {
    fc.assert(
      fc.property(dtsProgramArbitrary, (source) => {
        let blob: Uint8Array | undefined;
        try {
          blob = compileDtsWithDtc(source, []);
        } catch {
          blob = undefined;
        }
        if (blob) {
          expect(writeFdt(parseDts(source))).toEqual(blob);
        } else {
          expect(() => parseDts(source)).toThrow(DtsError);
        }
      }),
      { numRuns: 80 },
    );
  });
});
