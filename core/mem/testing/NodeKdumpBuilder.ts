import { deflateSync } from 'node:zlib';
import { encodeLzo1x } from './lzoTestEncoder';
import { encodeSnappy } from './snappyTestEncoder';
import { greedyTokens } from './codecTokens';

/** How a test page is stored. */
export type TestCompression = 'none' | 'zlib' | 'lzo' | 'snappy';

/** A kdump-compressed file to build (test only; Node, for zlib). */
export interface KdumpSpec {
  blockSize: number;
  maxMapnr: number;
  littleEndian?: boolean;
  wordSize?: 4 | 8;
  /** Default 6 (max_mapnr_64 in the sub-header). */
  headerVersion?: number;
  machine?: string;
  release?: string;
  /** Page-frame runs [start, end) present in RAM (1st bitmap). */
  ram: Array<[number, number]>;
  /** Dumped pages by pfn (2nd bitmap); RAM pages not listed are excluded. `stored` bypasses the codecs (hostile pages). */
  pages: Map<number, { data: Uint8Array; compression: TestCompression } | { stored: Uint8Array; flags: number }>;
  vmcoreinfo?: string;
  /** Raw ELF note bytes for the sub-header's note region. */
  notes?: Uint8Array;
  /** Extra `status` flags. */
  status?: number;
}

/** Page bytes as a test codec stores them (real zlib; LZO/Snappy from the test encoders, with back-references). */
export function compressPage(data: Uint8Array, compression: TestCompression): { bytes: Uint8Array; flags: number } {
  switch (compression) {
    case 'none':
      return { bytes: data, flags: 0 };
    case 'zlib':
      return { bytes: new Uint8Array(deflateSync(data)), flags: 0x1 };
    case 'lzo':
      return { bytes: encodeLzo1x(greedyTokens(data, 49151)), flags: 0x2 };
    case 'snappy':
      return { bytes: encodeSnappy(greedyTokens(data, 65535, 64)), flags: 0x4 };
  }
}

/**
 * Builds a kdump-compressed file (Node: zlib pages use node:zlib): header block, sub-header block (with the
 * VMCOREINFO text and notes after it), both bitmaps, page descriptors, page
 * data. Layout and field offsets as QEMU writes them (32-bit: packed).
 */
export function buildKdump(spec: KdumpSpec): Uint8Array {
  const bs = spec.blockSize;
  const le = spec.littleEndian ?? true;
  const wide = (spec.wordSize ?? 8) === 8;
  const version = spec.headerVersion ?? 6;
  const bitmapBytes = Math.ceil(spec.maxMapnr / 8);
  const blocksPerBitmap = Math.ceil(bitmapBytes / bs);
  const bitmapBlocks = 2 * blocksPerBitmap;
  const vmcoreinfo = spec.vmcoreinfo ? new TextEncoder().encode(spec.vmcoreinfo) : new Uint8Array(0);
  const notes = spec.notes ?? new Uint8Array(0);
  const subSize = wide ? 104 : 80;
  const subBlocks = Math.ceil((subSize + vmcoreinfo.length + notes.length) / bs);
  const bitmapAt = (1 + subBlocks) * bs;
  const descAt = bitmapAt + bitmapBlocks * bs;

  const ram = new Uint8Array(bitmapBytes);
  for (const [start, end] of spec.ram) for (let pfn = start; pfn < end; pfn++) ram[pfn >> 3] |= 1 << (pfn & 7);
  const dumped = new Uint8Array(bitmapBytes);
  const pfns = [...spec.pages.keys()].sort((a, b) => a - b);
  for (const pfn of pfns) dumped[pfn >> 3] |= 1 << (pfn & 7);

  const stored = pfns.map((pfn) => {
    const page = spec.pages.get(pfn)!;
    if ('stored' in page) return { bytes: page.stored, flags: page.flags };
    const compressed = compressPage(page.data, page.compression);
    // As makedumpfile does: a page that does not get smaller is stored as it is.
    return compressed.bytes.length < bs ? compressed : { bytes: page.data, flags: 0 };
  });
  const dataAt = descAt + 24 * pfns.length;
  const size = dataAt + stored.reduce((n, s) => n + s.bytes.length, 0);
  const file = new Uint8Array(size);
  const view = new DataView(file.buffer);

  file.set(new TextEncoder().encode('KDUMP   '));
  view.setUint32(8, version, le);
  const uts = (field: number, text: string) =>
    file.set(new TextEncoder().encode(text).subarray(0, 64), 12 + 65 * field);
  uts(0, 'Linux');
  uts(2, spec.release ?? '7.3.4');
  uts(4, spec.machine ?? (wide ? 'x86_64' : 'i686'));
  const status = wide ? 424 : 412;
  view.setUint32(status, spec.status ?? 0, le);
  view.setInt32(status + 4, bs, le);
  view.setInt32(status + 8, subBlocks, le);
  view.setUint32(status + 12, bitmapBlocks, le);
  view.setUint32(status + 16, Math.min(spec.maxMapnr, 0xffffffff), le);

  const sub = bs;
  const infoAt = sub + subSize;
  const notesAt = infoAt + vmcoreinfo.length;
  file.set(vmcoreinfo, infoAt);
  file.set(notes, notesAt);
  if (wide) {
    view.setBigUint64(sub + 32, BigInt(vmcoreinfo.length ? infoAt : 0), le);
    view.setBigUint64(sub + 40, BigInt(vmcoreinfo.length), le);
    view.setBigUint64(sub + 48, BigInt(notes.length ? notesAt : 0), le);
    view.setBigUint64(sub + 56, BigInt(notes.length), le);
    view.setBigUint64(sub + 96, BigInt(spec.maxMapnr), le);
  } else {
    view.setBigUint64(sub + 20, BigInt(vmcoreinfo.length ? infoAt : 0), le);
    view.setUint32(sub + 28, vmcoreinfo.length, le);
    view.setBigUint64(sub + 32, BigInt(notes.length ? notesAt : 0), le);
    view.setUint32(sub + 40, notes.length, le);
    view.setBigUint64(sub + 72, BigInt(spec.maxMapnr), le);
  }
  file.set(ram, bitmapAt);
  file.set(dumped, bitmapAt + blocksPerBitmap * bs);

  let at = dataAt;
  stored.forEach((s, i) => {
    const d = descAt + 24 * i;
    view.setBigUint64(d, BigInt(at), le);
    view.setUint32(d + 8, s.bytes.length, le);
    view.setUint32(d + 12, s.flags, le);
    file.set(s.bytes, at);
    at += s.bytes.length;
  });
  return file;
}

/** Options for `flattenStream`. */
export interface FlattenOptions {
  /** Bytes of the file per record. */
  recordBytes: number;
  /** Write the records in reverse order (a stream need not be sequential). */
  reverse?: boolean;
  /** First write garbage over [offset, offset + length): a later record must win. */
  garbageFirst?: { offset: number; length: number };
  /** File offsets whose records are left out (a sparse file: those bytes read back as zero). */
  omitRecordsAt?: number[];
}

/** Wraps a file into a makedumpfile flattened stream (big-endian record headers, end marker). */
export function flattenStream(file: Uint8Array, options: FlattenOptions): Uint8Array {
  const records: Array<[number, Uint8Array]> = [];
  if (options.garbageFirst)
    records.push([options.garbageFirst.offset, new Uint8Array(options.garbageFirst.length).fill(0xa5)]);
  const pieces: Array<[number, Uint8Array]> = [];
  for (let at = 0; at < file.length; at += options.recordBytes) {
    if (!options.omitRecordsAt?.includes(at)) pieces.push([at, file.subarray(at, at + options.recordBytes)]);
  }
  if (options.reverse) pieces.reverse();
  records.push(...pieces);
  const size = 4096 + records.reduce((n, [, b]) => n + 16 + b.length, 0) + 16;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('makedumpfile'));
  view.setBigInt64(16, 1n, false);
  view.setBigInt64(24, 1n, false);
  let at = 4096;
  for (const [offset, bytes] of records) {
    view.setBigInt64(at, BigInt(offset), false);
    view.setBigInt64(at + 8, BigInt(bytes.length), false);
    out.set(bytes, at + 16);
    at += 16 + bytes.length;
  }
  view.setBigInt64(at, -1n, false);
  view.setBigInt64(at + 8, -1n, false);
  return out;
}
