import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryError } from '../MemoryError';
import { expandTokens, greedyTokens, type CodecToken } from '../testing/codecTokens';
import { compressionVectors, fromBase64, vectorPage } from '../testing/compressionVectors';
import { encodeSnappy } from '../testing/snappyTestEncoder';
import { decompressSnappy } from './snappy';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('Snappy decompression', () => {
  it('decodes the reference compressor output (libsnappy)', () => {
    expect(decompressSnappy(fromBase64(compressionVectors.snappyPage), 4096)).toEqual(vectorPage());
    expect(decompressSnappy(fromBase64(compressionVectors.snappyZero), 4096)).toEqual(new Uint8Array(4096));
  });

  it('decodes a hand-written block: literal, 1-byte-offset run copy', () => {
    // length 9; literal "ab" (tag 1 << 2); copy length 7 offset 2 (tag 01, (7-4) << 2).
    expect(decompressSnappy(bytes(9, 1 << 2, 0x61, 0x62, 1 | (3 << 2), 2), 9)).toEqual(
      new TextEncoder().encode('ababababa'),
    );
  });

  it('decodes every element form produced by the test encoder', () => {
    const big = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) & 0xff);
    const tokens: CodecToken[] = [
      { literal: big }, // literal with 3 length bytes
      { copy: { distance: 69_999, length: 100 } }, // 4-byte offsets, split in 64-byte pieces
      { copy: { distance: 3000, length: 20 } }, // 2-byte offset
      { copy: { distance: 5, length: 9 } }, // 1-byte offset
      { literal: new Uint8Array(61).fill(3) }, // literal with 1 length byte
    ];
    const expected = expandTokens(tokens);
    expect(decompressSnappy(encodeSnappy(tokens), expected.length)).toEqual(expected);
  });

  it('round-trips data with back-references (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 600 }), fc.integer({ min: 1, max: 4 }), (data, times) => {
        const repeated = new Uint8Array(data.length * times);
        for (let i = 0; i < times; i++) repeated.set(data, i * data.length);
        expect(decompressSnappy(encodeSnappy(greedyTokens(repeated, 65535)), repeated.length)).toEqual(repeated);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a block that declares a huge output before doing any work', () => {
    expect(() => decompressSnappy(bytes(0xff, 0xff, 0xff, 0xff, 0x0f), 4096)).toThrow(
      /declares 4294967295 bytes, expected 4096/,
    );
  });

  it('refuses hostile blocks with a MemoryError', () => {
    const cases: Array<[Uint8Array, number, RegExp]> = [
      [bytes(4, 3 << 2, 1, 2), 4, /goes past the end/],
      [bytes(4, 0 << 2, 1, 1 | (0 << 2), 5), 4, /copy offset 5 is outside/],
      [bytes(4, 0 << 2, 1, 2 | (0 << 2), 0, 0), 4, /copy offset 0/],
      [bytes(4, 0 << 2, 1, 1 | (7 << 2), 1), 4, /output would exceed 4 bytes/],
      [bytes(8, 0 << 2, 1), 8, /block ends after 1 bytes, expected 8/],
      [bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x01), 4, /longer than 5 bytes/],
    ];
    for (const [block, size, message] of cases) expect(() => decompressSnappy(block, size)).toThrow(message);
  });

  it('never throws anything but MemoryError on random input (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        const block = new Uint8Array(input.length + 2);
        block.set([0x80, 0x02]); // declares 256 bytes
        block.set(input, 2);
        try {
          expect(decompressSnappy(block, 256).length).toBe(256);
        } catch (error) {
          expect(error).toBeInstanceOf(MemoryError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
