import { describe, expect, it } from 'vitest';
import { readU16, readU32 } from './readers';

/** Bytes that differ at every offset, so a read from the wrong place or order shows. */
const bytes = Uint8Array.from({ length: 23 }, (_, i) => (i * 73 + 0x91) & 0xff);
/** A subarray not at the start of its buffer: reads must be relative to it. */
const inner = bytes.subarray(3, 19);

describe('readU32 and readU16', () => {
  it('read what a DataView reads, in either byte order, at every offset of a subarray', () => {
    const view = new DataView(inner.buffer, inner.byteOffset, inner.byteLength);
    for (let offset = 0; offset + 4 <= inner.length; offset++) {
      expect(readU32(inner, offset, 'le')).toBe(view.getUint32(offset, true));
      expect(readU32(inner, offset, 'be')).toBe(view.getUint32(offset, false));
    }
    for (let offset = 0; offset + 2 <= inner.length; offset++) {
      expect(readU16(inner, offset, 'le')).toBe(view.getUint16(offset, true));
      expect(readU16(inner, offset, 'be')).toBe(view.getUint16(offset, false));
    }
  });

  it('gives values with the top bit set as unsigned', () => {
    const high = Uint8Array.of(0xff, 0xfe, 0xfd, 0xfc);
    expect(readU32(high, 0, 'be')).toBe(0xfffefdfc);
    expect(readU32(high, 0, 'le')).toBe(0xfcfdfeff);
    expect(readU16(high, 0, 'be')).toBe(0xfffe);
  });

  it('throw the RangeError a DataView throws for a read past either end of the subarray', () => {
    for (const offset of [-1, inner.length - 3, inner.length, 2 ** 53]) {
      expect(() => readU32(inner, offset, 'le')).toThrow(RangeError);
      expect(() => readU32(inner, offset, 'be')).toThrow(RangeError);
    }
    for (const offset of [-1, inner.length - 1]) {
      expect(() => readU16(inner, offset, 'le')).toThrow(RangeError);
      expect(() => readU16(inner, offset, 'be')).toThrow(RangeError);
    }
  });
});
