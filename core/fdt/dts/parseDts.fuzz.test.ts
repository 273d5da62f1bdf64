import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeFdt } from '../writeFdt';
import { DtsError } from './DtsError';
import { parseDts } from './parseDts';

// Whatever the text, parseDts returns a document (that the writer accepts) or
// throws a DtsError; nothing else, and never a hang.

function expectDocumentOrDtsError(text: string): void {
  let doc: ReturnType<typeof parseDts>;
  try {
    doc = parseDts(text, { maxLookupSteps: 200_000 });
  } catch (error) {
    if (!(error instanceof DtsError)) throw error;
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.column).toBeGreaterThanOrEqual(1);
    return;
  }
  writeFdt(doc);
}

/** Pieces of DTS, valid and not, for building token soup. */
const FRAGMENTS = [
  '/dts-v1/;',
  '/dts-v1/',
  '/plugin/;',
  '/memreserve/',
  '/bits/',
  '/delete-node/',
  '/delete-property/',
  '/omit-if-no-ref/',
  '/incbin/',
  '/include/',
  '/',
  '{',
  '}',
  ';',
  '=',
  ',',
  '<',
  '>',
  '[',
  ']',
  '(',
  ')',
  '?',
  ':',
  '+',
  '-',
  '*',
  '%',
  '&',
  '|',
  '^',
  '~',
  '!',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  ' ',
  '\n',
  '\t',
  'node',
  'n@1',
  'reg',
  '#size-cells',
  'name',
  'phandle',
  'linux,phandle',
  'cpus',
  'lbl:',
  'a:',
  'b:',
  '&lbl',
  '&a',
  '&{/}',
  '&{/node}',
  '&{/n@1/x}',
  '0',
  '1',
  '0x10',
  '077',
  '08',
  '4294967296',
  '18446744073709551616',
  '1ULL',
  "'a'",
  "'\\n'",
  "''",
  '"str"',
  '"a\\0b"',
  '"\\x"',
  '"\\777"',
  '""',
  '00',
  'ff',
  'ab',
  '/* c */',
  '// c\n',
  '/*',
  '"',
  "'",
  '\\',
  '\\x',
  '# 1 "f"\n',
  'é',
  '\u0000',
  '\ud800',
];

const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
const validStart = soup.map((rest) => `/dts-v1/;\n/ { ${rest}`);

const SEEDS = [
  '/dts-v1/;\n/memreserve/ 0x1000 0x2000;\n/ {\n\t#address-cells = <1>;\n\tcompatible = "a", "b";\n\tl: n@1 { reg = <1>; p = <&l>, &l, [00 01]; };\n};\n',
  '/dts-v1/;\n/ { a: x { p = /bits/ 16 <1 (2 + 3)>; c { }; }; }; &a { q; /delete-property/ p; }; /delete-node/ &{/x/c};\n',
  '/dts-v1/;\n/ { cpus { cpu@0 { reg = <0>; }; }; s = "t\\x41\\101"; c = <\'a\' (1 ? 2 : 3)>; /omit-if-no-ref/ o { }; };\n',
];

/** One random edit: insert a fragment, delete a range, or duplicate a range. */
const edit = fc.tuple(
  fc.nat(),
  fc.nat({ max: 12 }),
  fc.constantFrom(...FRAGMENTS),
  fc.constantFrom('insert', 'delete', 'duplicate'),
);

const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([seed, edits]) =>
    edits.reduce((text, [at, length, fragment, kind]) => {
      const start = at % (text.length + 1);
      if (kind === 'insert') return text.slice(0, start) + fragment + text.slice(start);
      if (kind === 'delete') return text.slice(0, start) + text.slice(start + length);
      return text.slice(0, start + length) + text.slice(start, start + length) + text.slice(start + length);
    }, seed),
  );

describe('parseDts on hostile text', () => {
  it('token soup', () => {
    fc.assert(fc.property(soup, expectDocumentOrDtsError), { numRuns: 1500 });
  });

  it('token soup after a valid start', () => {
    fc.assert(fc.property(validStart, expectDocumentOrDtsError), { numRuns: 1500 });
  });

  it('mutated valid sources', () => {
    fc.assert(fc.property(mutated, expectDocumentOrDtsError), { numRuns: 1500 });
  });

  it('arbitrary Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), expectDocumentOrDtsError), { numRuns: 500 });
  });

  it('pathological shapes finish quickly with a document or a DtsError', () => {
    const shapes = [
      `/dts-v1/; / { ${'n { '.repeat(5000)}`,
      `/dts-v1/; / { p = <${'('.repeat(5000)}1`,
      `/dts-v1/; / { p = <(${'1 ? '.repeat(5000)}`,
      `/dts-v1/; / { l: n { }; }; ${'&l { }; '.repeat(5000)}`,
      `/dts-v1/; / { ${'"'.repeat(5000)}`,
      `/dts-v1/; / { p = ${"'\\'".repeat(5000)}`,
      `/dts-v1/; / { ${'/*'.repeat(5000)}`,
      `/dts-v1/; / { p = [${'0'.repeat(5001)}]; };`,
    ];
    for (const shape of shapes) {
      const started = performance.now();
      expectDocumentOrDtsError(shape);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });
});
