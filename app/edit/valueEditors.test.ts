import { describe, expect, it } from 'vitest';
import { defaultEditor, encodeValueText, ValueTextError, valueText } from './valueEditors';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('typed value editors', () => {
  it('opens KHO u64s little-endian, dtc cells big-endian, strings as text', () => {
    expect(defaultEditor({ kind: 'u64', value: 1n, order: 'le', basis: 'abi' })).toEqual({ kind: 'u64', order: 'le' });
    expect(defaultEditor({ kind: 'u32-list', values: [1], order: 'be', basis: 'dtc' })).toEqual({
      kind: 'u32',
      order: 'be',
    });
    expect(defaultEditor({ kind: 'string-list', values: ['a'], basis: 'dtc' }).kind).toBe('strings');
    expect(defaultEditor({ kind: 'bytes', basis: 'dtc' }).kind).toBe('bytes');
  });

  it('writes each editor exactly', () => {
    expect(encodeValueText('string', 'hi', 'le')).toEqual(bytes(0x68, 0x69, 0));
    expect(encodeValueText('strings', 'a\nbc', 'le')).toEqual(bytes(0x61, 0, 0x62, 0x63, 0));
    expect(encodeValueText('u32', '0x1 2', 'be')).toEqual(bytes(0, 0, 0, 1, 0, 0, 0, 2));
    expect(encodeValueText('u64', '0x1f000000', 'le')).toEqual(bytes(0, 0, 0, 0x1f, 0, 0, 0, 0));
    expect(encodeValueText('u64', '0x1f000000', 'be')).toEqual(bytes(0, 0, 0, 0, 0x1f, 0, 0, 0));
    expect(encodeValueText('bytes', '00 1f,A0', 'le')).toEqual(bytes(0, 0x1f, 0xa0));
    expect(encodeValueText('dts', '<0x1>, "x"', 'le')).toEqual(bytes(0, 0, 0, 1, 0x78, 0));
    expect(encodeValueText('dts', 'u64le:0x10', 'le')).toEqual(bytes(0x10, 0, 0, 0, 0, 0, 0, 0));
    expect(encodeValueText('dts', '', 'le')).toEqual(bytes());
  });

  it('reads bytes back into each editor, or says they do not fit (null)', () => {
    const le = bytes(0, 0, 0, 0x1f, 0, 0, 0, 0);
    expect(valueText('u64', le, 'le')).toBe('0x1f000000');
    expect(valueText('u64', le, 'be')).toBe('0x1f00000000');
    expect(valueText('u32', le, 'le')).toBe('0x1f000000 0x0');
    expect(valueText('u64', bytes(1, 2, 3), 'le')).toBeNull();
    expect(valueText('string', bytes(0x61, 0), 'le')).toBe('a');
    expect(valueText('string', bytes(0x61, 0, 0x62, 0), 'le')).toBeNull();
    expect(valueText('strings', bytes(0x61, 0, 0x62, 0), 'le')).toBe('a\nb');
    expect(valueText('bytes', bytes(0, 0xab), 'le')).toBe('00 ab');
    expect(valueText('dts', bytes(0x61, 0), 'le')).toBe('"a"');
  });

  it('refuses text it cannot write, in plain words', () => {
    const refusal = (kind: Parameters<typeof encodeValueText>[0], text: string) => {
      try {
        encodeValueText(kind, text, 'le');
      } catch (error) {
        expect(error).toBeInstanceOf(ValueTextError);
        return (error as Error).message;
      }
      throw new Error(`${kind} ${text} was accepted`);
    };
    expect(refusal('u32', '0x100000000')).toBe('0x100000000 does not fit in 32 bits');
    expect(refusal('u64', 'ten')).toBe("'ten' is not a number (write decimal or 0x-hex)");
    expect(refusal('u64', ' ')).toBe('give at least one number (decimal or 0x-hex)');
    expect(refusal('bytes', 'abc')).toBe('raw bytes are hex pairs: one digit is left over');
    expect(refusal('string', 'é€')).toBe("'€' in string 1 is not a Latin-1 character (a property holds bytes)");
    expect(refusal('dts', '<0x1')).toMatch(/^not DTS value syntax: /);
  });
});
