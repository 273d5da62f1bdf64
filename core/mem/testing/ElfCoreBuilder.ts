import { encodeElfNotes, type ElfNoteSpec } from '../export/elfNoteEncoding';

/**
 * Test-only ELF core writer, independent of the export code so tests can
 * check one against the other. Builds ELF32/ELF64 in either byte order,
 * places segments sequentially unless given an offset (for sparse files),
 * and lets tests lie in any field.
 */

/** One program header to write. */
export interface ElfSegmentSpec {
  /** p_type; default PT_LOAD (1). */
  type?: number;
  paddr: number | bigint;
  vaddr?: number | bigint;
  /** Bytes stored in the file (default none). */
  data?: Uint8Array;
  /** p_memsz; default the data length. */
  memsz?: number | bigint;
  /** Overrides p_filesz (default the data length) — to lie. */
  filesz?: number | bigint;
  /** Where the data goes (default: after the previous data, 8-aligned). */
  offset?: number;
  flags?: number;
}

/** A whole core file. */
export interface ElfCoreSpec {
  elfClass: 32 | 64;
  littleEndian: boolean;
  segments: ElfSegmentSpec[];
  /** Notes, written as a PT_NOTE segment placed first. */
  notes?: ElfNoteSpec[];
  /** e_type; default ET_CORE (4). */
  type?: number;
  machine?: number;
  /** Write e_phnum = PN_XNUM and the real count in section header 0. */
  pnXnum?: boolean;
}

/** Bytes of a built file as pieces at offsets (a sparse file), plus its size. */
export interface BuiltFile {
  pieces: Array<{ offset: number; bytes: Uint8Array }>;
  size: number;
}

/** Concatenates the pieces of a (small) built file into one array. */
export function flattenPieces(file: BuiltFile): Uint8Array {
  const out = new Uint8Array(file.size);
  for (const piece of file.pieces) out.set(piece.bytes, piece.offset);
  return out;
}

/** Builds the file described by `spec`. */
export function buildElfCore(spec: ElfCoreSpec): BuiltFile {
  const is64 = spec.elfClass === 64;
  const ehsize = is64 ? 64 : 52;
  const phsize = is64 ? 56 : 32;
  const segments: ElfSegmentSpec[] = [...spec.segments];
  if (spec.notes) segments.unshift({ type: 4, paddr: 0, data: encodeElfNotes(spec.notes, spec.littleEndian) });
  const tableEnd = ehsize + phsize * segments.length;
  const shAt = spec.pnXnum ? tableEnd : 0;
  let next = tableEnd + (spec.pnXnum ? (is64 ? 64 : 40) : 0);
  const offsets: number[] = [];
  for (const s of segments) {
    next = Math.ceil(next / 8) * 8;
    const offset = s.offset ?? next;
    offsets.push(offset);
    next = Math.max(next, offset + (s.data?.length ?? 0));
  }
  const head = new Uint8Array(tableEnd + (spec.pnXnum ? (is64 ? 64 : 40) : 0));
  const view = new DataView(head.buffer);
  const le = spec.littleEndian;
  const word = (at: number, value: number | bigint) => {
    if (is64) view.setBigUint64(at, BigInt(value), le);
    else view.setUint32(at, Number(value), le);
  };
  head.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, le ? 1 : 2, 1]);
  view.setUint16(16, spec.type ?? 4, le);
  view.setUint16(18, spec.machine ?? 62, le);
  view.setUint32(20, 1, le);
  word(is64 ? 32 : 28, ehsize);
  word(is64 ? 40 : 32, shAt);
  const f = is64 ? 52 : 40;
  view.setUint16(f, ehsize, le);
  view.setUint16(f + 2, phsize, le);
  view.setUint16(f + 4, spec.pnXnum ? 0xffff : segments.length, le);
  view.setUint16(f + 6, is64 ? 64 : 40, le);
  view.setUint16(f + 8, spec.pnXnum ? 1 : 0, le);
  if (spec.pnXnum) view.setUint32(shAt + (is64 ? 44 : 28), segments.length, le);
  segments.forEach((s, i) => {
    const at = ehsize + i * phsize;
    const filesz = s.filesz ?? s.data?.length ?? 0;
    const memsz = s.memsz ?? s.data?.length ?? 0;
    view.setUint32(at, s.type ?? 1, le);
    view.setUint32(at + (is64 ? 4 : 24), s.flags ?? 7, le);
    word(at + (is64 ? 8 : 4), offsets[i]);
    word(at + (is64 ? 16 : 8), s.vaddr ?? 0);
    word(at + (is64 ? 24 : 12), s.paddr);
    word(at + (is64 ? 32 : 16), filesz);
    word(at + (is64 ? 40 : 20), memsz);
  });
  const pieces: BuiltFile['pieces'] = [{ offset: 0, bytes: head }];
  segments.forEach((s, i) => {
    if (s.data && s.data.length > 0) pieces.push({ offset: offsets[i], bytes: s.data });
  });
  return { pieces, size: next };
}
