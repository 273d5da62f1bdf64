import { ByteView } from '../binary/ByteView';
import type { ByteSource } from '../ByteSource';
import { MemoryError } from '../MemoryError';
import { readFully } from '../sources/readRange';

/** ELF program header types the memory layer acts on. */
export const PT_NULL = 0;
export const PT_LOAD = 1;
export const PT_NOTE = 4;
/** `e_phnum` value meaning "the count is in section header 0's `sh_info`". */
export const PN_XNUM = 0xffff;
const ET_CORE = 4;

/** One program header, fields as read (u64 fields that are not file positions stay bigint). */
export interface ProgramHeader {
  /** Position in the program header table. */
  index: number;
  /** File offset of this program header entry (for messages). */
  at: number;
  type: number;
  flags: number;
  /** File offset of the segment's bytes (checked: inside the file). */
  offset: number;
  /** Bytes stored in the file (checked: inside the file). */
  filesz: number;
  vaddr: bigint;
  paddr: bigint;
  memsz: bigint;
  align: bigint;
}

/** The parts of an ELF core's layout that reading and exporting need. */
export interface ElfCoreLayout {
  elfClass: 32 | 64;
  littleEndian: boolean;
  /** `e_machine`. */
  machine: number;
  /** The ELF header bytes as read (52 or 64), kept so an export can copy identity fields. */
  header: Uint8Array;
  /** Every program header except `PT_NULL`, in table order. */
  programHeaders: ProgramHeader[];
}

/**
 * Reads and validates the ELF header and program header table of a core
 * file: magic, class, byte order, `ET_CORE`, entry sizes, the PN_XNUM
 * extended count, the segment-count limit, and that every segment's stored
 * bytes lie inside the file.
 */
export async function readElfCoreLayout(source: ByteSource, maxSegments: number): Promise<ElfCoreLayout> {
  const ident = await readFully(source, 0, 16, 'ELF identification');
  if (ident[0] !== 0x7f || ident[1] !== 0x45 || ident[2] !== 0x4c || ident[3] !== 0x46) {
    throw new MemoryError('file', 0, 'ELF identification', 'no ELF magic');
  }
  if (ident[4] !== 1 && ident[4] !== 2)
    throw new MemoryError(
      'file',
      4,
      'ELF identification',
      `EI_CLASS ${ident[4]} is neither ELFCLASS32 (1) nor ELFCLASS64 (2)`,
    );
  if (ident[5] !== 1 && ident[5] !== 2)
    throw new MemoryError(
      'file',
      5,
      'ELF identification',
      `EI_DATA ${ident[5]} is neither little (1) nor big endian (2)`,
    );
  const elfClass = ident[4] === 2 ? 64 : 32;
  const littleEndian = ident[5] === 1;
  const word = elfClass === 64 ? 8 : 4;
  const header = await readFully(source, 0, elfClass === 64 ? 64 : 52, 'ELF header');
  const eh = new ByteView(header, littleEndian, 0, 'ELF header');
  const type = eh.u16(16);
  if (type !== ET_CORE) throw eh.error(16, `e_type ${type} is not ET_CORE (4): this ELF file is not a memory dump`);
  const machine = eh.u16(18);
  const phoff = eh.safeWord(elfClass === 64 ? 32 : 28, word, 'e_phoff');
  const shoff = eh.safeWord(elfClass === 64 ? 40 : 32, word, 'e_shoff');
  const fieldsAt = elfClass === 64 ? 54 : 42;
  const phentsize = eh.u16(fieldsAt);
  let phnum = eh.u16(fieldsAt + 2);
  const shentsize = eh.u16(fieldsAt + 4);
  const phdrSize = elfClass === 64 ? 56 : 32;
  if (phnum > 0 && phentsize !== phdrSize)
    throw eh.error(fieldsAt, `e_phentsize ${phentsize} is not ${phdrSize} for ELFCLASS${elfClass}`);

  if (phnum === PN_XNUM) {
    // More program headers than fit e_phnum: the real count is section header 0's sh_info.
    const shdrSize = elfClass === 64 ? 64 : 40;
    if (shoff === 0 || shentsize !== shdrSize)
      throw eh.error(fieldsAt + 2, 'e_phnum is PN_XNUM but there is no valid section header 0 holding the count');
    const sh0 = new ByteView(
      await readFully(source, shoff, shdrSize, 'ELF section header 0'),
      littleEndian,
      shoff,
      'ELF section header 0',
    );
    phnum = sh0.u32(elfClass === 64 ? 44 : 28);
  }
  if (phnum > maxSegments) throw eh.error(fieldsAt + 2, `${phnum} program headers exceed the limit of ${maxSegments}`);
  if (phnum === 0) return { elfClass, littleEndian, machine, header, programHeaders: [] };

  const table = await readFully(source, phoff, phnum * phdrSize, `ELF program header table (${phnum} entries)`);
  const programHeaders: ProgramHeader[] = [];
  for (let index = 0; index < phnum; index++) {
    const ph = new ByteView(
      table.subarray(index * phdrSize, (index + 1) * phdrSize),
      littleEndian,
      phoff + index * phdrSize,
      `ELF program header ${index}`,
    );
    const header64 = elfClass === 64;
    const entry: ProgramHeader = {
      index,
      at: phoff + index * phdrSize,
      type: ph.u32(0),
      flags: ph.u32(header64 ? 4 : 24),
      offset: ph.safeWord(header64 ? 8 : 4, word, 'p_offset'),
      vaddr: ph.word(header64 ? 16 : 8, word),
      paddr: ph.word(header64 ? 24 : 12, word),
      filesz: ph.safeWord(header64 ? 32 : 16, word, 'p_filesz'),
      memsz: ph.word(header64 ? 40 : 20, word),
      align: ph.word(header64 ? 48 : 28, word),
    };
    if (entry.type === PT_NULL) continue;
    if (entry.offset + entry.filesz > source.size) {
      throw ph.error(
        header64 ? 8 : 4,
        `segment bytes [0x${entry.offset.toString(16)}, 0x${(entry.offset + entry.filesz).toString(16)}) run past the end of the ${source.size}-byte file (truncated file or lying p_filesz)`,
      );
    }
    programHeaders.push(entry);
  }
  return { elfClass, littleEndian, machine, header, programHeaders };
}
