import { describe, expect, it } from 'vitest';
import type { FdtDocument, FdtNode } from '../FdtDocument';
import { emptyFdtDocument } from '../FdtDocument';
import { printDts } from './printDts';

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
