import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLatin1 } from '../../bytes/latin1';
import { emptyFdtDocument, type FdtDocument, type FdtNode } from '../FdtDocument';
import { readFdt } from '../readFdt';
import { documentArbitrary } from '../testing/fdtArbitraries';
import { writeFdt } from '../writeFdt';
import { parseDts } from './parseDts';
import { printDts } from './printDts';
import { printFdtIndexDts } from './printFdtIndexDts';

/** Every chunk of the index printer joined, as one-char-per-byte text like printDts returns. */
function streamedText(blob: Uint8Array, chunkBytes?: number, allowTruncated = false): { text: string } {
  return { text: joined(printFdtIndexDts(readFdt(blob, { allowTruncated }), { chunkBytes })) };
}

function joined(chunks: Iterable<Uint8Array>): string {
  return [...chunks].map((chunk) => decodeLatin1(chunk, 0, chunk.length)).join('');
}

/** A version 17 document (`emptyFdtDocument`'s header) with this root. */
const documentWith = (root: FdtNode): FdtDocument => ({ ...emptyFdtDocument(), root });

const latin1 = (value: string): Uint8Array => Uint8Array.from([...value].map((c) => c.charCodeAt(0)));

describe('printFdtIndexDts', () => {
  it('prints exactly what printDts prints for the same blob, in every format version', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.integer({ min: 16, max: 512 }), (doc, chunkBytes) => {
        const blob = writeFdt(doc);
        const expected = printDts(readFdt(blob).toDocument());
        expect(streamedText(blob).text).toBe(expected);
        // Small chunks split the text at node ends; joined they are the same text.
        expect(streamedText(blob, chunkBytes).text).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('prints a truncated blob as its document prints, cut at every length', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (doc, fraction) => {
        const blob = writeFdt(doc);
        const cut = blob.subarray(0, Math.max(40, Math.floor(blob.length * fraction)));
        let index: ReturnType<typeof readFdt>;
        try {
          index = readFdt(cut, { allowTruncated: true });
        } catch {
          return; // a cut the tolerant reader refuses too (inside the header or memory reservations)
        }
        expect(streamedText(cut, undefined, true).text).toBe(printDts(index.toDocument()));
      }),
      { numRuns: 300 },
    );
  });

  it('hands out the text in chunks of about the size asked for, each a separate array', () => {
    const doc = documentWith({
      name: '',
      properties: [],
      children: Array.from({ length: 200 }, (_, i) => ({
        name: `node@${i}`,
        properties: [{ name: 'reg', value: Uint8Array.of(0, 0, 0, i & 0xff) }],
        children: [],
      })),
    });
    const chunks = [...printFdtIndexDts(readFdt(writeFdt(doc)), { chunkBytes: 256 })];
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(256);
      expect(chunk.length).toBeLessThan(256 + 64);
    }
    expect(new Set(chunks.map((chunk) => chunk.buffer)).size).toBe(chunks.length);
  });

  it('grows a chunk for one value longer than the chunk size instead of cutting it', () => {
    const value = new Uint8Array(10_000).fill(0x41);
    value[value.length - 1] = 0;
    const doc = {
      ...documentWith({ name: '', properties: [{ name: 'long', value }], children: [] }),
      memoryReservations: [{ address: 0x1000n, size: 0x2000n }],
    };
    const blob = writeFdt(doc);
    expect(streamedText(blob, 64).text).toBe(printDts(readFdt(blob).toDocument()));
    const [first] = printFdtIndexDts(readFdt(blob), { chunkBytes: 64 });
    expect(first.length).toBeGreaterThan(value.length);
  });
});

describe('printFdtIndexDts annotate', () => {
  // A version 17 blob (no implied name properties); a@1 holds two properties and a child.
  const doc = documentWith({
    name: '',
    properties: [{ name: 'compatible', value: latin1('kho-v4\0') }],
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
  });

  it('calls annotate once per property in print order, with node and property numbers', () => {
    const index = readFdt(writeFdt(doc));
    const calls: [string, string][] = [];
    joined(
      printFdtIndexDts(index, {
        annotate: (n, p) => void calls.push([index.nodePath(n), index.propertyName(p)]),
      }),
    );
    expect(calls).toEqual([
      ['/', 'compatible'],
      ['/a@1', 'reg'],
      ['/a@1', 'flag'],
      ['/a@1/b', 'reg'],
    ]);
  });

  it('does not call annotate for the name property dtc implies in old versions', () => {
    const index = readFdt(writeFdt({ ...doc, version: 3, lastCompVersion: 1 }));
    expect(index.propertyCount).toBe(4 + 3); // one implied name property per node
    const names: string[] = [];
    const text = joined(printFdtIndexDts(index, { annotate: (_n, p) => void names.push(index.propertyName(p)) }));
    expect(names).toEqual(['compatible', 'reg', 'flag', 'reg']);
    expect(text).toBe(printDts(index.toDocument()));
  });

  it('prints a note as a trailing comment on the property line and nothing for undefined or empty notes', () => {
    const index = readFdt(writeFdt(doc));
    const notes = new Map([
      ['/a@1 reg', 'u32 LE 0x1000000'],
      ['/a@1 flag', ''],
      ['/a@1/b reg', 'has */ and\na line break'],
    ]);
    const annotate = (n: number, p: number) => notes.get(`${index.nodePath(n)} ${index.propertyName(p)}`);
    expect(joined(printFdtIndexDts(index, { annotate }))).toBe(
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

  it('leaves the text unchanged apart from the comments, which parseDts skips', () => {
    fc.assert(
      fc.property(
        documentArbitrary,
        fc.string({ unit: fc.constantFrom('a', '*', '/', ' ', '\n', '\\'), maxLength: 12 }),
        fc.integer({ min: 16, max: 512 }),
        (document, note, chunkBytes) => {
          const index = readFdt(writeFdt(document));
          const plain = printDts(index.toDocument());
          const annotated = joined(
            printFdtIndexDts(index, {
              chunkBytes,
              annotate: (n, p) => `${index.nodePath(n)} ${index.propertyName(p)} ${note}`,
            }),
          );
          expect(parseDts(annotated)).toEqual(parseDts(plain));
          expect(annotated.replace(/ \/\* (?:[^*]|\*(?!\/))* \*\/$/gm, '')).toBe(plain);
          expect(joined(printFdtIndexDts(index, { annotate: () => undefined }))).toBe(plain);
        },
      ),
      { numRuns: 150 },
    );
  });
});
