import { describe, expect, it } from 'vitest';
import { guessDtsValueType, isDtsStringByte } from './guessDtsValueType';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const text = (value: string): Uint8Array => Uint8Array.from([...value].map((c) => c.charCodeAt(0)));

describe('guessDtsValueType (dtc 1.6.1 guess_value_type)', () => {
  it.each([
    ['nothing', bytes(), 'empty'],
    ['one string', text('abc\0'), 'string'],
    ['a string list', text('a\0b\0'), 'string'],
    ['a lone NUL (NULs outnumber the rest)', bytes(0), 'bytes'],
    ['two NULs', bytes(0, 0), 'bytes'],
    ['"a", "" (NULs equal the rest)', text('a\0\0'), 'bytes'],
    ['"ab", "", "cd" (NULs equal the rest)', text('ab\0\0\0cd\0'), 'string'],
    ['"x", "", "" as four bytes', text('x\0\0\0'), 'cells'],
    ['no terminating NUL, length 4', text('abcd'), 'cells'],
    ['no terminating NUL, odd length', text('abc'), 'bytes'],
    ['escapable controls', text('\x07\b\t\n\v\f\r\0'), 'string'],
    ['a control dtc cannot escape', text('a\x01\0'), 'bytes'],
    ['DEL', text('ab\x7f\0'), 'cells'],
    ['a high byte', bytes(0x61, 0x80, 0x62, 0x63, 0), 'bytes'],
    ['zero cells', bytes(0, 0, 0, 0), 'cells'],
  ])('%s', (_title, value, expected) => {
    expect(guessDtsValueType(value)).toBe(expected);
  });

  it('counts NUL, printable ASCII and \\a..\\r as string material, nothing else', () => {
    const material = Array.from({ length: 256 }, (_, byte) => byte).filter(isDtsStringByte);
    expect(material).toEqual([0, 7, 8, 9, 10, 11, 12, 13, ...Array.from({ length: 95 }, (_, i) => 0x20 + i)]);
  });
});
