import { MemoryError } from '../MemoryError';
import { PartList, type ExportPart } from './ExportPlan';

/** `e_phnum` escape value and the section-header-0 count it points to. */
const PN_XNUM = 0xffff;

/** One segment to write; `parts` are its file bytes (`p_filesz` = their total). */
export interface ElfSegmentOut {
  type: number;
  flags: number;
  vaddr: bigint;
  paddr: bigint;
  memsz: bigint;
  align: bigint;
  parts: ExportPart[];
  filesz: number;
  /** Place the data at an offset ≡ `remainder` (mod `modulus`); keeps the original file's alignment. */
  placeAt?: { modulus: number; remainder: number };
}

/** A whole ELF core to write. */
export interface ElfCoreOut {
  elfClass: 32 | 64;
  littleEndian: boolean;
  /** EI_OSABI and EI_ABIVERSION, copied from the input. */
  osAbi: number;
  abiVersion: number;
  machine: number;
  flags: number;
  entry: bigint;
  segments: ElfSegmentOut[];
}

/**
 * Lays out an ELF core (ET_CORE): header, program header table (with the
 * PN_XNUM section header when there are 65535 segments or more), then each
 * segment's data. Returns the parts of the file, headers as new bytes and
 * data as the segments' own parts. ELF32 fields that do not fit are refused.
 */
export function writeElfCore(spec: ElfCoreOut): { parts: ExportPart[]; size: number } {
  const is64 = spec.elfClass === 64;
  const ehsize = is64 ? 64 : 52;
  const phsize = is64 ? 56 : 32;
  const shsize = is64 ? 64 : 40;
  const count = spec.segments.length;
  const xnum = count >= PN_XNUM;
  const tableEnd = ehsize + count * phsize + (xnum ? shsize : 0);

  const offsets: number[] = [];
  let at = tableEnd;
  for (const segment of spec.segments) {
    at = Math.ceil(at / 4) * 4;
    if (segment.placeAt && segment.filesz > 0) {
      const { modulus, remainder } = segment.placeAt;
      at += (((remainder - at) % modulus) + modulus) % modulus;
    }
    offsets.push(at);
    at += segment.filesz;
  }
  const size = at;

  const header = new Uint8Array(tableEnd);
  const view = new DataView(header.buffer);
  const le = spec.littleEndian;
  const word = (where: number, value: bigint | number, what: string) => {
    const big = BigInt(value);
    if (is64) view.setBigUint64(where, big, le);
    else if (big > 0xffffffffn)
      throw new MemoryError('physical', 0, 'ELF32 export', `${what} 0x${big.toString(16)} does not fit an ELF32 field`);
    else view.setUint32(where, Number(big), le);
  };
  header.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, le ? 1 : 2, 1, spec.osAbi, spec.abiVersion]);
  view.setUint16(16, 4, le); // ET_CORE
  view.setUint16(18, spec.machine, le);
  view.setUint32(20, 1, le);
  word(24, spec.entry, 'e_entry');
  word(is64 ? 32 : 28, ehsize, 'e_phoff');
  word(is64 ? 40 : 32, xnum ? ehsize + count * phsize : 0, 'e_shoff');
  view.setUint32(is64 ? 48 : 36, spec.flags, le);
  const f = is64 ? 52 : 40;
  view.setUint16(f, ehsize, le);
  view.setUint16(f + 2, phsize, le);
  view.setUint16(f + 4, xnum ? PN_XNUM : count, le);
  view.setUint16(f + 6, xnum ? shsize : 0, le);
  view.setUint16(f + 8, xnum ? 1 : 0, le);
  if (xnum) view.setUint32(ehsize + count * phsize + (is64 ? 44 : 28), count, le);

  spec.segments.forEach((segment, i) => {
    const ph = ehsize + i * phsize;
    const what = `segment ${i}`;
    view.setUint32(ph, segment.type, le);
    view.setUint32(ph + (is64 ? 4 : 24), segment.flags, le);
    word(ph + (is64 ? 8 : 4), offsets[i], `${what} p_offset`);
    word(ph + (is64 ? 16 : 8), segment.vaddr, `${what} p_vaddr`);
    word(ph + (is64 ? 24 : 12), segment.paddr, `${what} p_paddr`);
    word(ph + (is64 ? 32 : 16), segment.filesz, `${what} p_filesz`);
    word(ph + (is64 ? 40 : 20), segment.memsz, `${what} p_memsz`);
    word(ph + (is64 ? 48 : 28), segment.align, `${what} p_align`);
  });

  const out = new PartList();
  out.push({ kind: 'bytes', bytes: header });
  spec.segments.forEach((segment, i) => {
    if (offsets[i] > out.size) out.push({ kind: 'zeros', length: offsets[i] - out.size });
    out.pushAll(segment.parts);
    if (out.size !== offsets[i] + segment.filesz) {
      throw new MemoryError(
        'physical',
        0,
        'ELF export',
        `segment ${i} parts hold ${out.size - offsets[i]} bytes but p_filesz is ${segment.filesz}`,
      );
    }
  });
  return { parts: out.parts, size };
}
