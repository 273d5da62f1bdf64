import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FdtDocument, FdtNode, FdtProperty } from '../FdtDocument';
import { emptyFdtDocument } from '../FdtDocument';
import { parseDts } from './parseDts';
import { printDts } from './printDts';
import { labelledDtsDocumentArbitrary } from './testing/dtsArbitraries';

const text = (value: string): Uint8Array => Uint8Array.from([...value].map((c) => c.charCodeAt(0)));

function documentWith(root: FdtNode, memoryReservations: FdtDocument['memoryReservations'] = []): FdtDocument {
  return { ...emptyFdtDocument(), memoryReservations, root };
}

describe('printDts', () => {
  it('writes an empty tree as dtc does', () => {
    expect(printDts(emptyFdtDocument())).toBe('/dts-v1/;\n\n/ {\n};\n');
  });

  it("writes memory reservations with dtc's tab and 16-digit hex, right before the root", () => {
    const doc = documentWith({ name: '', properties: [], children: [] }, [
      { address: 0x1000n, size: 0x2000n },
      { address: 0xffff_ffff_ffff_ffffn, size: 1n },
    ]);
    expect(printDts(doc)).toBe(
      '/dts-v1/;\n\n/memreserve/\t0x0000000000001000 0x0000000000002000;\n/memreserve/\t0xffffffffffffffff 0x0000000000000001;\n/ {\n};\n',
    );
  });

  it('indents with tabs and puts a blank line before every child node', () => {
    const doc = documentWith({
      name: '',
      properties: [
        { name: 'compatible', value: text('kho-v4\0') },
        { name: 'empty', value: new Uint8Array(0) },
      ],
      children: [
        {
          name: 'a@1',
          properties: [{ name: 'reg', value: Uint8Array.of(0, 0, 0, 1) }],
          children: [{ name: 'b', properties: [], children: [] }],
        },
        { name: 'c', properties: [{ name: 'odd', value: Uint8Array.of(1, 2, 3) }], children: [] },
      ],
    });
    expect(printDts(doc)).toBe(
      [
        '/dts-v1/;',
        '',
        '/ {',
        '\tcompatible = "kho-v4";',
        '\tempty;',
        '',
        '\ta@1 {',
        '\t\treg = <0x01>;',
        '',
        '\t\tb {',
        '\t\t};',
        '\t};',
        '',
        '\tc {',
        '\t\todd = [01 02 03];',
        '\t};',
        '};',
        '',
      ].join('\n'),
    );
  });

  it('writes labels before names, as dtc writes labels it compiled', () => {
    const doc = documentWith({
      name: '',
      labels: ['top'],
      properties: [{ name: 'p', value: new Uint8Array(0), labels: ['a', 'b'] }],
      children: [{ name: 'n', labels: ['l'], properties: [], children: [] }],
    });
    expect(printDts(doc)).toBe('/dts-v1/;\n\ntop: / {\n\ta: b: p;\n\n\tl: n {\n\t};\n};\n');
  });

  it('keeps the name of a named root, as dtc does for old blobs', () => {
    expect(printDts(documentWith({ name: 'root', properties: [], children: [] }))).toBe('/dts-v1/;\n\nroot {\n};\n');
  });
});

describe('printDts annotate', () => {
  const tree: FdtNode = {
    name: '',
    properties: [{ name: 'compatible', value: text('kho-v4\0') }],
    children: [
      {
        name: 'a@1',
        properties: [
          { name: 'reg', value: Uint8Array.of(0, 0, 0, 1) },
          { name: 'flag', value: new Uint8Array(0) },
        ],
        children: [{ name: 'b', properties: [{ name: 'reg', value: Uint8Array.of(2) }], children: [] }],
      },
    ],
  };

  it('calls annotate once per property in print order, with the node path and the document object', () => {
    const doc = documentWith(tree);
    const calls: [string, FdtProperty][] = [];
    printDts(doc, { annotate: (path, property) => void calls.push([path, property]) });
    const a = doc.root.children[0];
    expect(calls).toEqual([
      ['/', doc.root.properties[0]],
      ['/a@1', a.properties[0]],
      ['/a@1', a.properties[1]],
      ['/a@1/b', a.children[0].properties[0]],
    ]);
    expect(calls[1][1]).toBe(a.properties[0]);
  });

  it('prints a note as a trailing comment on the property line and nothing for undefined or empty notes', () => {
    const notes = new Map([
      ['/a@1 reg', 'u32 LE 0x1000000'],
      ['/a@1 flag', ''],
      ['/a@1/b reg', 'has */ and\na line break'],
    ]);
    expect(printDts(documentWith(tree), { annotate: (path, property) => notes.get(`${path} ${property.name}`) })).toBe(
      [
        '/dts-v1/;',
        '',
        '/ {',
        '\tcompatible = "kho-v4";',
        '',
        '\ta@1 {',
        '\t\treg = <0x01>; /* u32 LE 0x1000000 */',
        '\t\tflag;',
        '',
        '\t\tb {',
        '\t\t\treg = [02]; /* has *\\/ and a line break */',
        '\t\t};',
        '\t};',
        '};',
        '',
      ].join('\n'),
    );
  });

  it('uses the root path "/" for a named root', () => {
    const paths: string[] = [];
    printDts(
      documentWith({
        name: 'root',
        properties: [{ name: 'p', value: new Uint8Array(0) }],
        children: [{ name: 'c', properties: [{ name: 'q', value: new Uint8Array(0) }], children: [] }],
      }),
      {
        annotate: (path) => void paths.push(path),
      },
    );
    expect(paths).toEqual(['/', '/c']);
  });

  it('leaves the text unchanged apart from the comments, which parseDts skips', () => {
    fc.assert(
      fc.property(
        labelledDtsDocumentArbitrary,
        fc.string({ unit: fc.constantFrom('a', '*', '/', ' ', '\n', '\\'), maxLength: 12 }),
        (doc, note) => {
          const plain = printDts(doc);
          const annotated = printDts(doc, { annotate: (path, property) => `${path} ${property.name} ${note}` });
          expect(parseDts(annotated)).toEqual(doc);
          expect(annotated.replace(/ \/\* (?:[^*]|\*(?!\/))* \*\/$/gm, '')).toBe(plain);
          expect(printDts(doc, { annotate: () => undefined })).toBe(plain);
        },
      ),
      { numRuns: 150 },
    );
  });
});
