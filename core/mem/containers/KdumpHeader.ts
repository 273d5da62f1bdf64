import { ByteView } from '../binary/ByteView';
import type { ByteSource } from '../ByteSource';
import { MemoryError } from '../MemoryError';
import { isPlausiblePageSize, type MemoryLimits } from '../OpenImageOptions';
import { readFully } from '../sources/readRange';

/** The 8-byte signature at the start of a kdump-compressed file. */
export const KDUMP_SIGNATURE = 'KDUMP   ';
/** `status` flag: makedumpfile ran out of space and the dump is incomplete. */
const DUMP_DH_COMPRESSED_INCOMPLETE = 0x8;

/** A region of the file (VMCOREINFO text, ELF notes). */
export interface FileRegion {
  offset: number;
  size: number;
}

/** Everything needed to read a kdump-compressed file, from `disk_dump_header` and `kdump_sub_header`. */
export interface KdumpLayout {
  littleEndian: boolean;
  /** Word size of the dumped machine (selects the header layout). */
  wordSize: 4 | 8;
  headerVersion: number;
  /** `utsname.machine` (`x86_64`, `aarch64`, ...). */
  machine: string;
  /** `utsname.release`. */
  release: string;
  status: number;
  /** Block size = page size of the dumped machine. */
  blockSize: number;
  /** Page frames covered (`max_mapnr_64` from header version 6, else `max_mapnr`). */
  maxMapnr: number;
  /** File offset of the 1st bitmap (pages present in RAM). */
  ramBitmapOffset: number;
  /** File offset of the 2nd bitmap (pages dumped); equals the 1st when the file has one bitmap. */
  dumpedBitmapOffset: number;
  /** File offset of the page descriptor table (24 bytes per dumped page). */
  descriptorsOffset: number;
  vmcoreinfo?: FileRegion;
  notes?: FileRegion;
}

const MACHINES_64 = /^(x86_64|aarch64|arm64|ppc64(le)?|s390x|riscv64|loongarch64|mips64(el)?|sparc64|alpha|ia64)$/;
const MACHINES_32 = /^(i[3-6]86|arm.*|ppc|powerpc|s390|mips(el)?|riscv32|sh.*|sparc)$/;

/** Offsets of the fields after `utsname`, which depend on the dumped machine's `struct timeval`. */
function fieldOffsets(wordSize: 4 | 8) {
  const status = wordSize === 8 ? 424 : 412;
  return {
    status,
    blockSize: status + 4,
    subHeaderBlocks: status + 8,
    bitmapBlocks: status + 12,
    maxMapnr: status + 16,
    end: status + 40,
  };
}

/**
 * Reads and validates `disk_dump_header` and `kdump_sub_header` (both byte
 * orders, 32- and 64-bit layouts as QEMU and makedumpfile write them):
 * signature, version, block size, bitmap sizes against `max_mapnr` and the
 * limits, and that every region lies inside the file.
 */
export async function readKdumpLayout(
  source: ByteSource,
  limits: MemoryLimits,
  warnings: string[],
): Promise<KdumpLayout> {
  const bytes = await readFully(source, 0, Math.min(source.size, 512), 'kdump header');
  const signature = new TextDecoder().decode(bytes.subarray(0, 8));
  if (signature !== KDUMP_SIGNATURE) throw new MemoryError('file', 0, 'kdump header', 'no KDUMP signature');
  const little = new ByteView(bytes, true, 0, 'kdump header');
  const versionLE = little.u32(8);
  const littleEndian = versionLE > 0 && versionLE < 64;
  const view = new ByteView(bytes, littleEndian, 0, 'kdump header');
  const headerVersion = view.u32(8);
  if (headerVersion === 0 || headerVersion >= 64)
    throw view.error(8, `header_version ${versionLE} is not a plausible version in either byte order`);
  const release = view.cString(12 + 65 * 2, 65);
  const machine = view.cString(12 + 65 * 4, 65);
  const wordSize = wordSizeOf(machine, view);
  const at = fieldOffsets(wordSize);
  const blockSize = view.i32(at.blockSize);
  if (!isPlausiblePageSize(blockSize))
    throw view.error(at.blockSize, `block_size ${blockSize} is not a power of two from 512 to 1 MiB`);
  const subHeaderBlocks = view.i32(at.subHeaderBlocks);
  const bitmapBlocks = view.u32(at.bitmapBlocks);
  const status = view.u32(at.status);
  if (subHeaderBlocks < 0) throw view.error(at.subHeaderBlocks, `sub_hdr_size ${subHeaderBlocks} is negative`);
  if (status & DUMP_DH_COMPRESSED_INCOMPLETE)
    warnings.push(
      'kdump header says the dump is incomplete (makedumpfile ran out of space): pages past the cut cannot be read',
    );

  const sub = await readSubHeader(source, blockSize, subHeaderBlocks, headerVersion, wordSize, littleEndian, limits);
  let maxMapnr = view.u32(at.maxMapnr);
  if (sub.maxMapnr64 !== undefined) maxMapnr = sub.maxMapnr64;
  if (maxMapnr === 0) throw view.error(at.maxMapnr, 'max_mapnr is 0: the dump describes no page frames');
  if (!Number.isSafeInteger(maxMapnr * blockSize))
    throw view.error(at.maxMapnr, `max_mapnr ${maxMapnr} pages of ${blockSize} bytes reach past 2^53`);

  const bitmapArea = bitmapBlocks * blockSize;
  if (bitmapArea > limits.maxBitmapBytes)
    throw view.error(at.bitmapBlocks, `bitmaps of ${bitmapArea} bytes exceed the ${limits.maxBitmapBytes}-byte limit`);
  const blocksPerBitmap = Math.ceil(Math.ceil(maxMapnr / 8) / blockSize);
  const ramBitmapOffset = (1 + subHeaderBlocks) * blockSize;
  let dumpedBitmapOffset: number;
  if (bitmapBlocks >= 2 * blocksPerBitmap) {
    dumpedBitmapOffset = ramBitmapOffset + bitmapArea / 2;
  } else if (bitmapBlocks >= blocksPerBitmap) {
    // Old single-bitmap files: every page present is also dumped (crash reads them the same way).
    dumpedBitmapOffset = ramBitmapOffset;
    warnings.push('kdump file has a single bitmap: every page present in RAM is treated as dumped');
  } else {
    throw view.error(
      at.bitmapBlocks,
      `bitmap_blocks ${bitmapBlocks} cannot hold a bitmap of max_mapnr ${maxMapnr} pages`,
    );
  }
  const descriptorsOffset = ramBitmapOffset + bitmapArea;
  if (descriptorsOffset > source.size) {
    throw view.error(
      at.bitmapBlocks,
      `header, sub-header and bitmaps need 0x${descriptorsOffset.toString(16)} bytes but the file has 0x${source.size.toString(16)} (truncated file)`,
    );
  }
  return {
    littleEndian,
    wordSize,
    headerVersion,
    machine,
    release,
    status,
    blockSize,
    maxMapnr,
    ramBitmapOffset,
    dumpedBitmapOffset,
    descriptorsOffset,
    vmcoreinfo: sub.vmcoreinfo,
    notes: sub.notes,
  };
}

/** 32- or 64-bit layout: from the machine name, else from where a plausible block size sits. */
function wordSizeOf(machine: string, view: ByteView): 4 | 8 {
  if (MACHINES_64.test(machine)) return 8;
  if (MACHINES_32.test(machine)) return 4;
  if (isPlausiblePageSize(view.i32(fieldOffsets(8).blockSize))) return 8;
  if (isPlausiblePageSize(view.i32(fieldOffsets(4).blockSize))) return 4;
  throw view.error(12 + 65 * 4, `unknown machine '${machine}' and no plausible block_size in either header layout`);
}

interface SubHeader {
  maxMapnr64?: number;
  vmcoreinfo?: FileRegion;
  notes?: FileRegion;
}

/**
 * `kdump_sub_header` fields by version. 64-bit: unsigned long / off_t are 8
 * bytes. 32-bit: QEMU's packed layout (same as i386 makedumpfile), where the
 * off_t offsets are 8 bytes and the sizes 4.
 */
async function readSubHeader(
  source: ByteSource,
  blockSize: number,
  blocks: number,
  version: number,
  wordSize: 4 | 8,
  littleEndian: boolean,
  limits: MemoryLimits,
): Promise<SubHeader> {
  const wide = wordSize === 8;
  const fields = wide
    ? { vmcoreinfo: 32, vmcoreinfoSize: 40, note: 48, noteSize: 56, maxMapnr64: 96, end: [0, 32, 32, 48, 64, 80, 104] }
    : { vmcoreinfo: 20, vmcoreinfoSize: 28, note: 32, noteSize: 40, maxMapnr64: 72, end: [0, 20, 20, 32, 44, 56, 80] };
  const need = fields.end[Math.min(version, 6)];
  if (need === 0) return {};
  if (blocks * blockSize < need) {
    throw new MemoryError(
      'file',
      blockSize,
      'kdump sub-header',
      `header_version ${version} needs ${need} bytes of sub-header but sub_hdr_size gives ${blocks * blockSize}`,
    );
  }
  const view = new ByteView(
    await readFully(source, blockSize, need, 'kdump sub-header'),
    littleEndian,
    blockSize,
    'kdump sub-header',
  );
  const region = (offsetAt: number, sizeAt: number, what: string): FileRegion | undefined => {
    const offset = view.safe(view.u64(offsetAt), offsetAt, `${what} offset`);
    const size = view.safeWord(sizeAt, wordSize, `${what} size`);
    if (size === 0) return undefined;
    if (size > limits.maxNoteBytes)
      throw view.error(sizeAt, `${what} size ${size} exceeds the ${limits.maxNoteBytes}-byte limit`);
    if (offset + size > source.size)
      throw view.error(offsetAt, `${what} [0x${offset.toString(16)}, +${size}) lies past the end of the file`);
    return { offset, size };
  };
  const sub: SubHeader = {};
  if (version >= 3) sub.vmcoreinfo = region(fields.vmcoreinfo, fields.vmcoreinfoSize, 'VMCOREINFO');
  if (version >= 4) sub.notes = region(fields.note, fields.noteSize, 'ELF notes');
  if (version >= 6) sub.maxMapnr64 = view.safe(view.u64(fields.maxMapnr64), fields.maxMapnr64, 'max_mapnr_64');
  return sub;
}
