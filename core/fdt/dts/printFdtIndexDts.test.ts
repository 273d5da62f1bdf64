import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLatin1 } from '../../bytes/latin1';
import { readFdt } from '../readFdt';
import { documentArbitrary } from '../testing/fdtArbitraries';
import { writeFdt } from '../writeFdt';
import { printDts } from './printDts';
import { printFdtIndexDts } from './printFdtIndexDts';

/** Every chunk of the index printer joined, as one-char-per-byte text like printDts returns. */
function streamedText(blob: Uint8Array, chunkBytes?: number, allowTruncated = false): { text: string } {
  const chunks = [...printFdtIndexDts(readFdt(blob, { allowTruncated }), { chunkBytes })];
  const text = chunks.map((chunk) => decodeLatin1(chunk, 0, chunk.length)).join('');
  return { text };
}

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
    const doc = {
      version: 17,
      lastCompVersion: 16,
      bootCpuidPhys: 0,
      memoryReservations: [],
      root: {
        name: '',
        properties: [],
        children: Array.from({ length: 200 }, (_, i) => ({
          name: `node@${i}`,
          properties: [{ name: 'reg', value: Uint8Array.of(0, 0, 0, i & 0xff) }],
          children: [],
        })),
      },
    };
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
      version: 17,
      lastCompVersion: 16,
      bootCpuidPhys: 0,
      memoryReservations: [{ address: 0x1000n, size: 0x2000n }],
      root: { name: '', properties: [{ name: 'long', value }], children: [] },
    };
    const blob = writeFdt(doc);
    expect(streamedText(blob, 64).text).toBe(printDts(readFdt(blob).toDocument()));
    const [first] = printFdtIndexDts(readFdt(blob), { chunkBytes: 64 });
    expect(first.length).toBeGreaterThan(value.length);
  });
});
