import { describe, expect, it } from 'vitest';
import { formatDtsBytes, formatDtsCells, formatDtsString, formatDtsValue } from './formatDtsValue';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const text = (value: string): Uint8Array => Uint8Array.from([...value].map((c) => c.charCodeAt(0)));

describe('formatDtsValue', () => {
  it('writes strings with dtc escapes, inner NULs as \\0', () => {
    expect(formatDtsString(text('a\0b\0'))).toBe('"a\\0b"');
    expect(formatDtsString(text('q"\\\x07\b\t\n\v\f\r\0'))).toBe('"q\\"\\\\\\a\\b\\t\\n\\v\\f\\r"');
    expect(formatDtsString(text('\x01\x7f\0'))).toBe('"\\x01\\x7f"');
    expect(formatDtsString(bytes(0x80, 0xff, 0))).toBe('"\\x80\\xff"');
    expect(formatDtsString(text('\0'))).toBe('""');
  });

  it('writes a NUL before an octal digit as \\000, so the text reads back as the same bytes', () => {
    expect(formatDtsString(text('\x001\0'))).toBe('"\\0001"');
    expect(formatDtsString(text('\x008\0'))).toBe('"\\08"');
    expect(formatDtsString(text('a\x00\x00\0'))).toBe('"a\\0\\0"');
  });

  it('writes cells as lowercase hex with at least two digits', () => {
    expect(formatDtsCells(bytes(0, 0, 0, 0, 0, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef, 0, 0, 0x10, 0))).toBe(
      '<0x00 0x01 0xdeadbeef 0x1000>',
    );
    expect(formatDtsCells(bytes())).toBe('<>');
  });

  it('writes bytes as two-digit hex pairs', () => {
    expect(formatDtsBytes(bytes(0, 0x0a, 0xff))).toBe('[00 0a ff]');
  });

  it("follows dtc's guess unless a type is given", () => {
    expect(formatDtsValue(text('ok\0'))).toBe('"ok"');
    expect(formatDtsValue(text('ok\0'), 'bytes')).toBe('[6f 6b 00]');
    expect(formatDtsValue(bytes(1, 2, 3, 4), 'bytes')).toBe('[01 02 03 04]');
    expect(formatDtsValue(bytes())).toBe('');
  });

  it('refuses a type the bytes cannot have', () => {
    expect(() => formatDtsValue(text('abc'), 'string')).toThrow(RangeError);
    expect(() => formatDtsValue(bytes(1, 2, 3), 'cells')).toThrow(RangeError);
    expect(() => formatDtsValue(bytes(1), 'empty')).toThrow(RangeError);
  });
});
