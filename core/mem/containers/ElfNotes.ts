import { ByteView } from '../binary/ByteView';

/** One ELF note (`Elf_Nhdr` + name + descriptor), as found in a core file. */
export interface NoteEntry {
  /** Owner name: `CORE`, `QEMU`, `VMCOREINFO`, `LINUX`, ... */
  name: string;
  /** `n_type`. */
  type: number;
  /** A readable name for well-known types (`NT_PRSTATUS`, ...), else undefined. */
  typeName?: string;
  /** File offset of the descriptor. */
  offset: number;
  /** Descriptor size in bytes. */
  size: number;
  /** The descriptor bytes. */
  desc: Uint8Array;
}

const CORE_NOTE_TYPES: Record<number, string> = {
  1: 'NT_PRSTATUS',
  2: 'NT_PRFPREG',
  3: 'NT_PRPSINFO',
  4: 'NT_TASKSTRUCT',
  6: 'NT_AUXV',
  514: 'NT_X86_XSTATE',
  1397311305: 'NT_SIGINFO',
  1179208773: 'NT_FILE',
};

function typeName(name: string, type: number): string | undefined {
  if (name === 'CORE' || name === 'LINUX') return CORE_NOTE_TYPES[type];
  if (name === 'QEMU' && type === 0) return 'QEMU CPU state';
  if (name === 'VMCOREINFO' && type === 0) return 'VMCOREINFO';
  return undefined;
}

/**
 * Parses a run of ELF notes (4-byte aligned name and descriptor, as in core
 * files). A malformed note stops parsing with a warning instead of failing the
 * image: the memory is still readable without the remaining notes.
 * `fileOffset` is where `bytes` start in the file.
 */
export function parseElfNotes(
  bytes: Uint8Array,
  littleEndian: boolean,
  fileOffset: number,
  maxNotes: number,
  warnings: string[],
): NoteEntry[] {
  const view = new ByteView(bytes, littleEndian, fileOffset, 'ELF note');
  const entries: NoteEntry[] = [];
  let at = 0;
  // Not `(n + 3) & ~3`: sizes are u32 and bitwise operators would wrap them.
  const align = (n: number) => n + ((4 - (n % 4)) % 4);
  while (at + 12 <= bytes.length) {
    const nameSize = view.u32(at);
    const descSize = view.u32(at + 4);
    const type = view.u32(at + 8);
    if (nameSize === 0 && descSize === 0 && type === 0) break; // zero padding after the last note
    const nameAt = at + 12;
    const descAt = nameAt + align(nameSize);
    const end = descAt + align(descSize);
    if (descAt + descSize > bytes.length) {
      warnings.push(
        `ELF note at file offset 0x${(fileOffset + at).toString(16)}: name or descriptor size runs past the note segment; later notes ignored`,
      );
      break;
    }
    if (entries.length >= maxNotes) {
      warnings.push(`more than ${maxNotes} ELF notes; the rest are ignored`);
      break;
    }
    const name = view.cString(nameAt, nameSize);
    entries.push({
      name,
      type,
      typeName: typeName(name, type),
      offset: fileOffset + descAt,
      size: descSize,
      desc: bytes.subarray(descAt, descAt + descSize),
    });
    at = Math.min(end, bytes.length);
  }
  return entries;
}
