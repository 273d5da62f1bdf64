import { describe, expect, it } from 'vitest';
import { formatSize } from './formatSize';
import { formatHex, hexByteGroups } from './formatHex';
import { dtsFileName } from './dtsFileName';
import { latin1Bytes } from './latin1Bytes';
import { formatPageSize } from './formatPageSize';
import { parseAddress } from './parseAddress';

describe('formatSize', () => {
  it('uses bytes below 1 KiB and binary units above', () => {
    expect(formatSize(0)).toBe('0 bytes');
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(1023)).toBe('1023 bytes');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(20 * 1024)).toBe('20 KiB');
    expect(formatSize(3.25 * 1024 ** 3)).toBe('3.3 GiB');
  });
});

describe('formatHex', () => {
  it('prints numbers and bigints in full', () => {
    expect(formatHex(0x1a4)).toBe('0x1a4');
    expect(formatHex(0xffff_ffff_ffff_ffffn)).toBe('0xffffffffffffffff');
  });

  it('groups bytes by FDT cell', () => {
    expect(hexByteGroups(Uint8Array.of(0, 0, 0, 1, 0x40, 0, 0x10, 0, 0xab))).toEqual([
      '00 00 00 01',
      '40 00 10 00',
      'ab',
    ]);
    expect(hexByteGroups(new Uint8Array(0))).toEqual([]);
  });
});

describe('dtsFileName', () => {
  it('swaps a blob extension for .dts', () => {
    expect(dtsFileName('board.dtb')).toBe('board.dts');
    expect(dtsFileName('overlay.DTBO')).toBe('overlay.dts');
    expect(dtsFileName('fdt')).toBe('fdt.dts');
    expect(dtsFileName('.dtb')).toBe('tree.dts');
  });
});

describe('latin1Bytes', () => {
  it('writes one byte per char, as dtc writes names', () => {
    expect(Array.from(latin1Bytes('a\u00e9/'))).toEqual([0x61, 0xe9, 0x2f]);
  });
});

describe('formatPageSize', () => {
  it('prints whole KiB, and bytes below', () => {
    expect(formatPageSize(4096)).toBe('4 KiB');
    expect(formatPageSize(65536)).toBe('64 KiB');
    expect(formatPageSize(512)).toBe('512 bytes');
  });
});

describe('parseAddress', () => {
  it('reads 0x-hex and decimal below 2^53, and nothing else', () => {
    expect(parseAddress(' 0x23A000 ')).toBe(0x23a000);
    expect(parseAddress('0x1_0000')).toBe(0x10000);
    expect(parseAddress('4096')).toBe(4096);
    expect(parseAddress('0x20000000000000')).toBeNull();
    expect(parseAddress('12ab')).toBeNull();
    expect(parseAddress('')).toBeNull();
  });
});
