import { MemoryError } from '../MemoryError';
import { KDUMP_SIGNATURE } from './KdumpHeader';
import { FLATTENED_SIGNATURE } from './FlattenedSource';

/** Big-endian magic at the start of a flattened device tree. */
export const FDT_MAGIC = 0xd00dfeed;

/** What the first bytes of a file say it is. */
export type DetectedContainer = 'elf' | 'kdump' | 'flattened' | 'dtb' | 'raw';

/** True when `bytes` begins with the FDT magic. */
export function startsWithFdtMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0 === FDT_MAGIC;
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Archive and compressor signatures a user may hand over by mistake (an unpacked image is needed). */
const PACKED: Array<[number[], string]> = [
  [[0x1f, 0x8b], 'gzip (unpack it with gunzip first)'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd (unpack it with unzstd first)'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz (unpack it with unxz first)'],
  [[0x42, 0x5a, 0x68], 'bzip2 (unpack it with bunzip2 first)'],
];

/**
 * Decides the container from the first bytes of a file (never its name).
 * Anything without a known signature is a raw dump. Compressed archives and
 * the unsupported old diskdump format are refused with a reason.
 */
export function detectContainer(head: Uint8Array): DetectedContainer {
  if (startsWith(head, '\x7fELF')) return 'elf';
  if (startsWith(head, KDUMP_SIGNATURE)) return 'kdump';
  if (startsWith(head, FLATTENED_SIGNATURE) && head.subarray(FLATTENED_SIGNATURE.length, 16).every((b) => b === 0))
    return 'flattened';
  if (startsWithFdtMagic(head)) return 'dtb';
  if (startsWith(head, 'DISKDUMP')) {
    throw new MemoryError(
      'file',
      0,
      'image file',
      'this is the old diskdump format, which khoscope does not read; convert it with makedumpfile',
    );
  }
  for (const [magic, what] of PACKED) {
    if (magic.every((b, i) => head[i] === b))
      throw new MemoryError('file', 0, 'image file', `the file is compressed with ${what}`);
  }
  return 'raw';
}
