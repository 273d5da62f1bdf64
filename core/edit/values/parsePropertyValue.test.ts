import { describe, expect, it } from 'vitest';
import { parsePropertyValue } from './parsePropertyValue';

const bytes = (text: string) => Array.from(parsePropertyValue(text));

describe('property values as the command line writes them', () => {
  it('reads DTS value syntax exactly as dtc does', () => {
    expect(bytes('<0x1 0x2>')).toEqual([0, 0, 0, 1, 0, 0, 0, 2]);
    expect(bytes('"str"')).toEqual([0x73, 0x74, 0x72, 0]);
    expect(bytes('"a", "b"')).toEqual([0x61, 0, 0x62, 0]);
    expect(bytes('[00 01]')).toEqual([0, 1]);
    expect(bytes('/bits/ 64 <0x1234>')).toEqual([0, 0, 0, 0, 0, 0, 0x12, 0x34]);
    expect(bytes('<1>, [ff]')).toEqual([0, 0, 0, 1, 0xff]);
    expect(bytes('')).toEqual([]);
  });

  it('reads u64le/u32le/u16le lists as little-endian integers', () => {
    expect(bytes('u64le:0x1234')).toEqual([0x34, 0x12, 0, 0, 0, 0, 0, 0]);
    expect(bytes('u64le:0x1f000000,4194304')).toEqual([0, 0, 0, 0x1f, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0]);
    expect(bytes('u32le:0x4b484f21')).toEqual([0x21, 0x4f, 0x48, 0x4b]);
    expect(bytes('u16le:1')).toEqual([1, 0]);
    expect(bytes('u64le:0xffffffffffffffff')).toEqual(new Array(8).fill(0xff));
  });

  it('refuses what is not one value', () => {
    expect(() => parsePropertyValue('u64le:0x1_0000_0000_0000_0000')).toThrow(
      /not a decimal or 0x-hex number below 2\^64/,
    );
    expect(() => parsePropertyValue('u32le:0x100000000')).toThrow(/below 2\^32/);
    expect(() => parsePropertyValue('<0x1')).toThrow(/not DTS value syntax/);
    expect(() => parsePropertyValue('<1>; x = <2>')).toThrow(/not one DTS value/);
    expect(() => parsePropertyValue('<1>; child { }')).toThrow(/not one DTS value/);
    expect(() => parsePropertyValue('<&label>')).toThrow(/not DTS value syntax/);
  });
});
