import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryError } from '../MemoryError';
import { expandTokens, greedyTokens, type CodecToken } from '../testing/codecTokens';
import { compressionVectors, fromBase64, vectorPage } from '../testing/compressionVectors';
import { encodeLzo1x } from '../testing/lzoTestEncoder';
import { decompressLzo1x } from './lzo1x';

const bytes = (...values: number[]) => Uint8Array.from(values);
const lit = (...values: number[]): CodecToken => ({ literal: Uint8Array.from(values) });
const copy = (distance: number, length: number): CodecToken => ({ copy: { distance, length } });

describe('LZO1X decompression', () => {
  it('decodes the reference compressor output (liblzo2 lzo1x_1 and lzo1x_999)', () => {
    expect(decompressLzo1x(fromBase64(compressionVectors.lzo1x1Page), 4096)).toEqual(vectorPage());
    expect(decompressLzo1x(fromBase64(compressionVectors.lzo1x999Page), 4096)).toEqual(vectorPage());
    expect(decompressLzo1x(fromBase64(compressionVectors.lzo1x1Zero), 4096)).toEqual(new Uint8Array(4096));
  });

  it('decodes a hand-written stream: first-byte literals, M2 run copy, end marker', () => {
    // 0x15 = 17 + 4: four literals; 0x6c = M2 length (0x6c >> 5) + 1 = 4, distance 1 + 3 (H = 0); end 0x11 0 0.
    const stream = bytes(0x15, 1, 2, 3, 4, 0x6c, 0, 0x11, 0, 0);
    expect(decompressLzo1x(stream, 8)).toEqual(bytes(1, 2, 3, 4, 1, 2, 3, 4));
  });

  it('decodes every instruction form produced by the test encoder', () => {
    const a = Uint8Array.from({ length: 25_000 }, (_, i) => (i * 13 + (i >> 8)) & 0xff);
    const tokens: CodecToken[] = [
      { literal: a }, // long literal run with extended length
      copy(2500, 3), // M1 after a literal run: 3 bytes from 2049..3072 back
      lit(9, 8), // 2 trailing literals in the match bits
      copy(5, 2), // M1 after 1-3 literals: 2 bytes within 1 KiB
      lit(7),
      copy(3, 6), // M2
      copy(1000, 40), // M3 with extended length
      lit(1, 2, 3, 4, 5), // literal run after a match
      copy(20_000, 300), // M4 (16..48 KiB back) with extended length
      copy(2, 33), // overlapping run copy, M3 short form
    ];
    const expected = expandTokens(tokens);
    expect(decompressLzo1x(encodeLzo1x(tokens), expected.length)).toEqual(expected);
  });

  it('round-trips pages with back-references (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.uint8Array({ minLength: 1, maxLength: 40 }),
            fc.constantFrom(new Uint8Array(64), new Uint8Array(200).fill(7)),
          ),
          { minLength: 1, maxLength: 60 },
        ),
        (parts) => {
          const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const p of parts) {
            data.set(p, at);
            at += p.length;
          }
          const doubled = new Uint8Array(data.length * 2);
          doubled.set(data);
          doubled.set(data, data.length);
          expect(decompressLzo1x(encodeLzo1x(greedyTokens(doubled, 49151)), doubled.length)).toEqual(doubled);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses hostile streams with a MemoryError naming the byte', () => {
    const cases: Array<[Uint8Array, number, RegExp]> = [
      [bytes(), 8, /ends before the end-of-stream marker/],
      [bytes(0x15, 1, 2), 4, /goes past the end of the data/],
      [bytes(0x15, 1, 2, 3, 4, 0x7c, 0, 0x11, 0, 0), 8, /8 bytes back reaches before the start of the output/],
      [bytes(0x15, 1, 2, 3, 4, 0x11, 0, 0), 8, /stream ends after 4 bytes, expected 8/],
      [bytes(0x15, 1, 2, 3, 4, 0x11, 0, 0, 0xff), 4, /1 bytes follow the end-of-stream marker/],
      // A run copy claiming 2 + 31 + 255·k bytes: a bomb for a 4-byte output.
      [bytes(0x15, 1, 2, 3, 4, 32, 0, 0, 0, 0, 9, 4, 0, 0x11, 0, 0), 64, /length run exceeds|output would exceed/],
      [bytes(0x15, 1, 2, 3, 4, 0x6c, 0), 6, /output would exceed 6 bytes/],
    ];
    for (const [stream, size, message] of cases) {
      expect(() => decompressLzo1x(stream, size)).toThrow(MemoryError);
      expect(() => decompressLzo1x(stream, size)).toThrow(message);
    }
  });

  it('never throws anything but MemoryError on random input, and never outputs more than asked (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        try {
          expect(decompressLzo1x(input, 256).length).toBe(256);
        } catch (error) {
          expect(error).toBeInstanceOf(MemoryError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
