import { describe, expect, it } from 'vitest';
import { FdtError } from './FdtError';
import { probeFdtHeader, readFdtHeader } from './FdtHeader';
import type { RawHeaderOverrides } from './testing/RawBlobBuilder';
import { RawBlobBuilder } from './testing/RawBlobBuilder';

/** A minimal valid blob (root with one property) of `version`, header fields overridable. */
function blob(version = 17, overrides: RawHeaderOverrides = {}): Uint8Array {
  return new RawBlobBuilder({ alignLargeValues: version < 16 })
    .beginNode(version < 16 ? '/' : '')
    .prop('p', [1, 2, 3, 4])
    .endNode()
    .end()
    .build(version, overrides);
}

function headerError(bytes: Uint8Array): FdtError {
  try {
    readFdtHeader(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(FdtError);
    expect(probeFdtHeader(bytes)).toBeUndefined();
    return error as FdtError;
  }
  throw new Error('header was accepted');
}

describe('readFdtHeader', () => {
  it('reads every field of a version 17 header', () => {
    const bytes = blob(17, { bootCpuidPhys: 7 });
    const header = readFdtHeader(bytes);
    expect(header).toEqual({
      magic: 0xd00dfeed,
      totalSize: bytes.length,
      offDtStruct: 56,
      offDtStrings: 56 + 32,
      offMemRsvmap: 40,
      version: 17,
      lastCompVersion: 16,
      bootCpuidPhys: 7,
      sizeDtStrings: 2,
      sizeDtStruct: 32,
      headerSize: 40,
      structEnd: 56 + 32,
      stringsEnd: 56 + 32 + 2,
    });
    expect(probeFdtHeader(bytes)).toEqual(header);
  });

  it.each([
    [1, 28, 32, undefined, undefined, undefined],
    [2, 32, 32, 0, undefined, undefined],
    [3, 36, 40, 0, 2, undefined],
    [16, 36, 40, 0, 2, undefined],
    [17, 40, 40, 0, 2, 32],
  ])(
    'version %i: %i-byte header, reservations at %i, optional fields by version',
    (version, headerSize, rsvmap, cpu, strings, struct) => {
      const bytes = blob(version);
      const header = readFdtHeader(bytes);
      expect(header.headerSize).toBe(headerSize);
      expect(header.offMemRsvmap).toBe(rsvmap);
      expect(header.bootCpuidPhys).toBe(cpu);
      expect(header.sizeDtStrings).toBe(strings);
      expect(header.sizeDtStruct).toBe(struct);
      // Without size fields the blocks run to totalsize.
      expect(header.structEnd).toBe(struct === undefined ? bytes.length : header.offDtStruct + struct);
      expect(header.stringsEnd).toBe(strings === undefined ? bytes.length : header.offDtStrings + strings);
    },
  );

  it('accepts later versions that declare version 17 compatibility, with the version 17 layout', () => {
    const header = readFdtHeader(blob(17, { version: 18, lastCompVersion: 16 }));
    expect(header.version).toBe(18);
    expect(header.headerSize).toBe(40);
  });

  it('refuses an empty or too short blob', () => {
    expect(headerError(new Uint8Array(0)).reason).toMatch(/0 bytes, too short/);
    expect(headerError(blob().subarray(0, 3)).reason).toMatch(/3 bytes/);
    expect(headerError(blob().subarray(0, 20)).reason).toMatch(/shorter than the smallest header/);
    const short = headerError(blob(17).subarray(0, 36));
    expect(short.reason).toMatch(/shorter than the version 17 header \(40 bytes\)/);
  });

  it('reports the offending field offset for each bad field', () => {
    const cases: [RawHeaderOverrides, number, RegExp][] = [
      [{ magic: 0xd00dfeee }, 0x00, /bad magic 0xd00dfeee/],
      [{ version: 0 }, 0x14, /version 0 is not/],
      [{ version: 5 }, 0x14, /version 5 is not/],
      [{ version: 15 }, 0x14, /version 15 is not/],
      [{ lastCompVersion: 0 }, 0x18, /last_comp_version 0/],
      [{ lastCompVersion: 18 }, 0x18, /last_comp_version 18 must be between 1 and the version/],
      [{ version: 19, lastCompVersion: 18 }, 0x18, /needs a reader of version 18/],
      [{ totalSize: 39 }, 0x04, /totalsize 39 is smaller than the version 17 header/],
      [{ offMemRsvmap: 36 }, 0x10, /off_mem_rsvmap 0x24 points inside the 40-byte header/],
      [{ offMemRsvmap: 44 }, 0x10, /off_mem_rsvmap 0x2c is not 8-byte aligned/],
      [{ offMemRsvmap: 0x1000 }, 0x10, /off_mem_rsvmap 0x1000 is past totalsize/],
      [{ offDtStruct: 4 }, 0x08, /off_dt_struct 0x4 points inside/],
      [{ offDtStruct: 58 }, 0x08, /off_dt_struct 0x3a is not 4-byte aligned/],
      [{ offDtStruct: 0xfffffff0 }, 0x08, /off_dt_struct 0xfffffff0 is past totalsize/],
      [{ sizeDtStruct: 0xffffffff }, 0x24, /size_dt_struct \(4294967295 bytes\) .* runs past totalsize/],
      [{ offDtStrings: 8 }, 0x0c, /off_dt_strings 0x8 points inside/],
      [{ offDtStrings: 0x7fffffff }, 0x0c, /off_dt_strings 0x7fffffff is past totalsize/],
      [{ sizeDtStrings: 3 }, 0x20, /size_dt_strings \(3 bytes\) .* runs past totalsize/],
    ];
    for (const [overrides, offset, reason] of cases) {
      const error = headerError(blob(17, overrides));
      expect({ overrides, offset: error.offset, structure: error.structure }).toEqual({
        overrides,
        offset,
        structure: 'header',
      });
      expect(error.reason).toMatch(reason);
      expect(error.message).toBe(`header at 0x${offset.toString(16)}: ${error.reason}`);
    }
  });

  it('needs room for the reservation terminator before totalsize', () => {
    const bytes = blob(17);
    // The last 8-aligned offset that leaves fewer than 16 bytes.
    const error = headerError(blob(17, { offMemRsvmap: (bytes.length - 9) & ~7 }));
    expect(error.offset).toBe(0x10);
    expect(error.reason).toMatch(/16-byte terminator entry/);
  });

  it('applies maxTotalSize', () => {
    const bytes = blob(17);
    expect(() => readFdtHeader(bytes, { maxTotalSize: bytes.length - 1 })).toThrow(/exceeds the limit maxTotalSize/);
    expect(readFdtHeader(bytes, { maxTotalSize: bytes.length }).totalSize).toBe(bytes.length);
    expect(probeFdtHeader(bytes, { maxTotalSize: 10 })).toBeUndefined();
  });

  it('validates the header alone: totalsize may exceed the bytes given (a one-page probe)', () => {
    const bytes = blob(17, { totalSize: 0x10000 });
    expect(readFdtHeader(bytes).totalSize).toBe(0x10000);
    expect(probeFdtHeader(bytes)?.totalSize).toBe(0x10000);
  });

  it('probe returns undefined for non-FDT bytes without throwing', () => {
    expect(probeFdtHeader(new Uint8Array(4096))).toBeUndefined();
    expect(probeFdtHeader(new Uint8Array([0xd0, 0x0d, 0xfe]))).toBeUndefined();
    expect(probeFdtHeader(new Uint8Array([0xd0, 0x0d, 0xfe, 0xed]))).toBeUndefined();
  });
});
