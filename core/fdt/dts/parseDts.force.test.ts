import { beforeAll, describe, expect, it } from 'vitest';
import { emptyFdtDocument, type FdtDocument, type FdtNode } from '../FdtDocument';
import { readFdt } from '../readFdt';
import { compileDtsWithDtc, requireDtc } from '../testing/NodeDtc';
import { writeFdt } from '../writeFdt';
import type { DtsError } from './DtsError';
import { parseDts } from './parseDts';
import { printDts } from './printDts';

const cell = (value: number) => Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
const text = (value: string) => new TextEncoder().encode(`${value}\0`);

/** The trees dtc refuses without -f, as issue 14's fuzz campaign met them in blobs. */
const REFUSED = `/dts-v1/;
/ {
	b {
		name = "zz";
	};
	c {
		phandle = <0x01>;
	};
	d {
		phandle = <0x01>;
	};
	e {
		phandle = <0xffffffff>;
	};
	f {
		x = <0x01>;
		x = <0x02>;
	};
};
`;

describe('parseDts with force (dtc -f)', () => {
  beforeAll(requireDtc);

  it('refuses without force, as dtc does', () => {
    expect(() => parseDts(REFUSED)).toThrow("duplicate property name: 'x' is defined twice in /f");
    expect(() => compileDtsWithDtc(REFUSED, [])).toThrow(/ERROR \(duplicate_property_names\)/);
  });

  it('keeps the tree as written, reports each problem, and writes what dtc -f writes', () => {
    const forced: DtsError[] = [];
    const doc = parseDts(REFUSED, { force: true, onForced: (problem) => forced.push(problem) });
    expect(forced.map((problem) => problem.message)).toEqual([
      "line 16, column 3: duplicate property name: 'x' is defined twice in /f",
      "line 4, column 3: property 'name' of /b is not the node's base name 'b'",
      'line 9, column 2: duplicated phandle 0x1 in /d (seen before at /c)',
      'line 13, column 3: bad value (0xffffffff) in phandle property of /e',
    ]);
    expect(writeFdt(doc, { force: true })).toEqual(compileDtsWithDtc(REFUSED, ['-f']));
  });

  it('keeps a name property equal to the node name, which dtc -f drops, so blobs round-trip', () => {
    const source = '/dts-v1/;\n/ {\n\ta {\n\t\tname = "a";\n\t};\n};\n';
    expect(parseDts(source).root.children[0].properties).toEqual([]);
    expect(parseDts(source, { force: true }).root.children[0].properties).toEqual([{ name: 'name', value: text('a') }]);
  });

  it('round-trips through text every tree the reader accepts that DTS can spell', () => {
    // Duplicate node names, duplicate properties, a matching and a wrong name
    // property, duplicated and all-ones phandles, names dtc's rules refuse.
    const node = (name: string, properties: FdtNode['properties'], children: FdtNode[] = []): FdtNode => ({
      name,
      properties,
      children,
    });
    const doc: FdtDocument = emptyFdtDocument();
    doc.root = node(
      '',
      [{ name: 'compatible', value: text('kho-v1') }],
      [
        node('a', [{ name: 'name', value: text('a') }]),
        node('a', [{ name: 'name', value: text('other') }]),
        node('p@1@2', [
          { name: 'phandle', value: cell(7) },
          { name: 'phandle', value: cell(7) },
        ]),
        node('q', [
          { name: 'phandle', value: cell(7) },
          { name: 'linux,phandle', value: cell(0xffffffff) },
          { name: 'Node-Char@s', value: new Uint8Array(0) },
        ]),
      ],
    );
    expect(() => writeFdt(doc)).toThrow(/two children of \/ are named "a"/);
    const blob = writeFdt(doc, { force: true });
    const read = readFdt(blob).toDocument();
    expect(read).toEqual(doc);
    const again = parseDts(printDts(read), { force: true });
    expect(writeFdt(again, { force: true })).toEqual(blob);
  });

  it('still refuses what no blob can hold', () => {
    const doc = emptyFdtDocument();
    doc.root.children.push({ name: 'a\0b', properties: [], children: [] });
    expect(() => writeFdt(doc, { force: true })).toThrow(/character no blob can hold \(U\+0000\)/);
  });
});
