import { FDT_MAGIC } from '../../fdt/constants';
import { readU32, startsWithAscii } from '../../bytes/readers';
import { KEXEC_METADATA_SIZE, KEXEC_METADATA_VERSION } from '../users/kexecMetadata';

/** What a `preserved-data` blob was taken to be, and why. */
export interface SniffResult {
  format: 'fdt' | 'luo-ser' | 'kexec-metadata' | 'unknown';
  reason: string;
}

/**
 * Decides what a kho-v3+ blob is (kho-format.md §10): the node name says
 * what to expect (`kexec-metadata`, `LUO`), then the bytes decide: FDT magic,
 * a `luo-v` prefix, or a 73-byte blob starting with metadata version 1.
 */
export function sniffBlob(nodeName: string, bytes: Uint8Array): SniffResult {
  const fdt = bytes.length >= 4 && readU32(bytes, 0, 'be') === FDT_MAGIC;
  const luo = startsWithAscii(bytes, 'luo-v');
  if (fdt) return { format: 'fdt', reason: 'starts with the FDT magic' };
  if (nodeName === 'kexec-metadata') return { format: 'kexec-metadata', reason: 'node name kexec-metadata' };
  if (nodeName === 'LUO') return { format: 'luo-ser', reason: 'node name LUO and no FDT magic (raw struct luo_ser)' };
  if (luo) return { format: 'luo-ser', reason: 'starts with "luo-v" (raw struct luo_ser)' };
  if (bytes.length === KEXEC_METADATA_SIZE && readU32(bytes, 0, 'le') === KEXEC_METADATA_VERSION) {
    return {
      format: 'kexec-metadata',
      reason: `${KEXEC_METADATA_SIZE} bytes starting with metadata version ${KEXEC_METADATA_VERSION}`,
    };
  }
  return { format: 'unknown', reason: 'neither an FDT, a luo_ser nor kexec-metadata' };
}
