import { describe, expect, it } from 'vitest';
import type { FdtDocument, FdtNode } from '../FdtDocument';
import { DtsError } from './DtsError';
import { parseDts } from './parseDts';

const text = (value: string): Uint8Array => Uint8Array.from([...value].map((c) => c.charCodeAt(0)));
const cells = (...values: number[]): Uint8Array => {
  const out = new Uint8Array(values.length * 4);
  values.forEach((value, i) => new DataView(out.buffer).setUint32(i * 4, value));
  return out;
};
const parse = (body: string): FdtDocument => parseDts(`/dts-v1/;\n${body}\n`);

/** A node by path ("/a/b"). */
function nodeAt(doc: FdtDocument, path: string): FdtNode {
  let node = doc.root;
  for (const name of path.split('/').filter(Boolean)) {
    const child = node.children.find((candidate) => candidate.name === name);
    if (!child) throw new Error(`no ${name} under ${node.name || '/'}`);
    node = child;
  }
  return node;
}

const propertyValue = (doc: FdtDocument, path: string, property: string): Uint8Array | undefined =>
  nodeAt(doc, path).properties.find((candidate) => candidate.name === property)?.value;

describe('parseDts', () => {
  it("builds the document dtc compiles, with dtc's header defaults", () => {
    const doc = parse('/memreserve/ 0x1000 (0x2000 + 1);\n/ {\n\tcompatible = "kho-v4";\n\tn@1 { reg = <1>; };\n};');
    expect(doc).toEqual({
      version: 17,
      lastCompVersion: 16,
      bootCpuidPhys: 0,
      memoryReservations: [{ address: 0x1000n, size: 0x2001n }],
      root: {
        name: '',
        properties: [{ name: 'compatible', value: text('kho-v4\0') }],
        children: [{ name: 'n@1', properties: [{ name: 'reg', value: cells(1) }], children: [] }],
      },
    });
  });

  it('joins value pieces: strings, cells, /bits/, bytes, character literals and expressions', () => {
    const doc = parse(
      '/ { s = "a\\tb", ""; c = <1 0x10 \'A\' (2 * 3 + 1)>; b = [00 ff 1A]; b8 = /bits/ 8 <1 (-1)>; b16 = /bits/ 16 <0x102>; b64 = /bits/ 64 <(~0)>; m = "x", <2>, [03]; };',
    );
    expect(propertyValue(doc, '/', 's')).toEqual(text('a\tb\0\0'));
    expect(propertyValue(doc, '/', 'c')).toEqual(cells(1, 16, 0x41, 7));
    expect(propertyValue(doc, '/', 'b')).toEqual(Uint8Array.of(0, 0xff, 0x1a));
    expect(propertyValue(doc, '/', 'b8')).toEqual(Uint8Array.of(1, 0xff));
    expect(propertyValue(doc, '/', 'b16')).toEqual(Uint8Array.of(1, 2));
    expect(propertyValue(doc, '/', 'b64')).toEqual(new Uint8Array(8).fill(0xff));
    expect(propertyValue(doc, '/', 'm')).toEqual(Uint8Array.of(0x78, 0, 0, 0, 0, 2, 3));
  });

  it('keeps node and property labels in the order dtc lists them', () => {
    const doc = parse('/ { a: b: node { c: prop; }; }; d: &a { };');
    const node = nodeAt(doc, '/node');
    expect(node.labels).toEqual(['d', 'a', 'b']);
    expect(node.properties[0].labels).toEqual(['c']);
    expect(doc.root.labels).toBeUndefined();
  });

  it('accepts labels before the root (the form dtc prints them in)', () => {
    expect(parse('top: / { };').root.labels).toEqual(['top']);
  });

  it('allocates phandles like dtc and appends the phandle property to the target', () => {
    const doc = parse('/ { p = <&b &a>; a: a { phandle = <1>; }; b: b { x; }; };');
    expect(propertyValue(doc, '/', 'p')).toEqual(cells(2, 1));
    expect(nodeAt(doc, '/b').properties.map((property) => property.name)).toEqual(['x', 'phandle']);
    expect(propertyValue(doc, '/b', 'phandle')).toEqual(cells(2));
  });

  it('turns a reference outside cells into the full path', () => {
    const doc = parse('/ { p = &t, &{/a/t}; a { t: t { }; }; };');
    expect(propertyValue(doc, '/', 'p')).toEqual(text('/a/t\0/a/t\0'));
  });

  it('merges root blocks and &label blocks, replacing values in place', () => {
    const doc = parse('/ { l: n { p = <1>; q; }; }; / { n { r; }; m { }; }; &l { p = <2>; };');
    expect(nodeAt(doc, '/n').properties.map((property) => property.name)).toEqual(['p', 'q', 'r']);
    expect(propertyValue(doc, '/n', 'p')).toEqual(cells(2));
    expect(doc.root.children.map((child) => child.name)).toEqual(['n', 'm']);
  });

  it('deletes properties and nodes, and brings them back in their old place', () => {
    const doc = parse(
      '/ { a { }; b { p; q; }; c { }; }; / { /delete-node/ a; b { /delete-property/ p; }; }; /delete-node/ &{/c}; / { a { x; }; };',
    );
    expect(doc.root.children.map((child) => child.name)).toEqual(['a', 'b']);
    expect(nodeAt(doc, '/b').properties.map((property) => property.name)).toEqual(['q']);
    expect(nodeAt(doc, '/a').properties.map((property) => property.name)).toEqual(['x']);
  });

  it('drops /omit-if-no-ref/ nodes nothing references', () => {
    const doc = parse('/ { r = <&kept>; /omit-if-no-ref/ gone { }; /omit-if-no-ref/ kept: kept { }; };');
    expect(doc.root.children.map((child) => child.name)).toEqual(['kept']);
  });

  it("guesses boot_cpuid_phys from the first CPU's reg, as dtc does", () => {
    expect(parse('/ { cpus { cpu@2 { reg = <2>; }; cpu@0 { reg = <0>; }; }; };').bootCpuidPhys).toBe(2);
    expect(parse('/ { cpus { cpu@2 { reg = <0 2>; }; }; };').bootCpuidPhys).toBe(0);
  });

  it('drops a name property equal to the base name, as dtc does', () => {
    expect(nodeAt(parse('/ { n@1 { name = "n"; }; };'), '/n@1').properties).toEqual([]);
  });

  it('skips comments and cpp line markers', () => {
    const doc = parseDts('# 1 "x.dts"\n/dts-v1/; // header\n/ { /* a */ p = <1>; // b\n};\n');
    expect(propertyValue(doc, '/', 'p')).toEqual(cells(1));
  });

  it.each([
    ['/ { };', 1, 1, "expected '/dts-v1/;' first"],
    ['/dts-v1/;\n/ {\n\tp = <1>\n};', 4, 1, "expected ';' after the value of property 'p', found '}'"],
    ['/dts-v1/;\n/ { p = <1 2; };', 2, 13, "expected a number, a character literal or '(', found ';'"],
    ['/dts-v1/;\n/ { n { }; p; };', 2, 12, 'properties must come before child nodes'],
    ['/dts-v1/;\n/ { p = <1>; p = <2>; };', 2, 5, "duplicate property name: 'p'"],
    ['/dts-v1/;\n/ { n { }; n { }; };', 2, 12, 'duplicate node name: /n'],
    ['/dts-v1/;\n/ { p = <&nowhere>; };', 2, 10, "does not exist: 'nowhere'"],
    ['/dts-v1/;\n/ { }; &nowhere { };', 2, 8, "label or path 'nowhere' not found"],
    ['/dts-v1/;\n/ { a: x { }; a: y { }; };', 2, 18, "duplicate label 'a'"],
    ['/dts-v1/;\n/ { p = <0x100000000>; };', 2, 10, 'does not fit in a 32-bit array element'],
    ['/dts-v1/;\n/ { p = <(1 / 0)>; };', 2, 13, 'division by zero'],
    ['/dts-v1/;\n/ { p = /bits/ 12 <1>; };', 2, 16, 'must be 8, 16, 32 or 64 bits'],
    [
      '/dts-v1/;\n/ { p = /bits/ 8 <&x>; x: x { }; };',
      2,
      19,
      'references are only allowed in arrays with 32-bit elements',
    ],
    ['/dts-v1/;\n/ { n { name = "other"; }; };', 2, 9, "property 'name' of /n is not the node's base name"],
    ['/dts-v1/;\n/ { n { phandle = <0>; }; };', 2, 9, 'bad value (0x0) in phandle property'],
    ['/dts-v1/;\n/ { n#1 { }; };', 2, 5, 'node name "n#1"'],
    ['/dts-v1/;\n/ { p = [0]; };', 2, 10, "expected two hex digits or ']'"],
    ['/dts-v1/;\n/ { p = "unterminated; };', 2, 9, "string has no closing '\"'"],
    ['/dts-v1/;\n/dts-v1/; /plugin/; / { };', 2, 11, '/plugin/ (device tree overlays) is not supported'],
    ['/dts-v1/;\n/ { p = /incbin/("file"); };', 2, 9, '/incbin/ is not supported'],
    ['/dts-v1/;\n/memreserve/ 1 0;\n/ { };', 2, 16, 'a /memreserve/ entry of size 0 cannot be stored'],
    ['/dts-v1/;\n/ { }; /memreserve/ 1 2;', 2, 8, '/memreserve/ must come before the first node'],
    ['/dts-v1/;\n/ { }; a: b: &{/} { };', 2, 14, 'only one label may precede'],
    ['/dts-v1/;\n/ { }; /delete-node/ &{/};', 2, 1, 'the root node is deleted'],
    ['/dts-v1/;', 1, 10, 'the text defines no root node'],
  ])('reports %j at its line and column', (source, line, column, reason) => {
    let error: unknown;
    try {
      parseDts(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DtsError);
    const dtsError = error as DtsError;
    expect([dtsError.line, dtsError.column]).toEqual([line, column]);
    expect(dtsError.reason).toContain(reason);
    expect(dtsError.message).toBe(`line ${line}, column ${column}: ${dtsError.reason}`);
  });

  describe('limits', () => {
    it('refuses text longer than maxInputLength', () => {
      expect(() => parseDts('/dts-v1/; / { };', { maxInputLength: 10 })).toThrow(
        'more than the 10 allowed (maxInputLength)',
      );
    });

    it('refuses nodes nested deeper than maxDepth, counted in the merged tree', () => {
      const nested = (depth: number): string => `${'n { '.repeat(depth)}${'}; '.repeat(depth)}`;
      expect(parseDts(`/dts-v1/; / { ${nested(4)} };`, { maxDepth: 4 }).root.children).toHaveLength(1);
      expect(() => parseDts(`/dts-v1/; / { ${nested(5)} };`, { maxDepth: 4 })).toThrow(
        'deeper than 4 levels (maxDepth)',
      );
      expect(() => parseDts(`/dts-v1/; / { a { b { l: c { }; }; }; }; &l { d { }; };`, { maxDepth: 3 })).toThrow(
        'maxDepth',
      );
    });

    it('refuses expressions nested deeper than maxExpressionDepth', () => {
      const expression = (depth: number): string => `${'('.repeat(depth)}1${')'.repeat(depth)}`;
      expect(
        parseDts(`/dts-v1/; / { p = <${expression(8)}>; };`, { maxExpressionDepth: 8 }).root.properties,
      ).toHaveLength(1);
      expect(() => parseDts(`/dts-v1/; / { p = <${expression(9)}>; };`, { maxExpressionDepth: 8 })).toThrow(
        'maxExpressionDepth',
      );
    });

    it('handles long runs of unary operators without deep recursion', () => {
      const doc = parseDts(`/dts-v1/; / { p = <(${'~'.repeat(100_000)}0)>; };`);
      expect(doc.root.properties[0].value).toEqual(cells(0));
    });

    it('bounds the work spent on reference lookups with maxLookupSteps', () => {
      const nodes = Array.from({ length: 50 }, (_, i) => `n${i} { };`).join(' ');
      const references = Array.from({ length: 50 }, () => '&{/n49} { };').join(' ');
      const source = `/dts-v1/; / { ${nodes} }; ${references}`;
      expect(() => parseDts(source, { maxLookupSteps: 1000 })).toThrow('maxLookupSteps');
      expect(parseDts(source).root.children).toHaveLength(50);
    });
  });
});
