import { FDT_MAGIC, FDT_RESERVE_ENTRY_SIZE, FDT_U32_MAX } from './constants';
import type { FdtDocument, MemoryReservation } from './FdtDocument';
import { FDT_WRITABLE_VERSIONS, fdtVersionFormat } from './FdtVersionFormat';
import type { FdtVersionFormat, FdtWritableVersion } from './FdtVersionFormat';
import { FdtWriteError } from './FdtWriteError';
import { flattenTree } from './flattenTree';

/** Options of `writeFdt`. */
export interface FdtWriteOptions {
  /**
   * Format version to write; defaults to the document's. When it differs from
   * the document's, `last_comp_version` is the one dtc writes for it (1 for
   * versions 1-3, 16 for 16 and 17) instead of the document's.
   */
  version?: FdtWritableVersion;
  /**
   * Like `dtc -f`: write names dtc's rules refuse (empty, characters outside
   * dtc's sets, several `@`) and duplicate node or property names, as a blob
   * can hold them all; so any tree `readFdt` accepts can be written back.
   * What no blob can hold (a NUL or a character above U+00FF in a name, a
   * value or blob past u32 sizes) is still refused.
   */
  force?: boolean;
}

const U64_LIMIT = 1n << 64n;

/**
 * Writes a document as a blob laid out exactly as `dtc -O dtb -V <version>`
 * lays it out: header, zero padding to 8, the memory reservation block with
 * its zero terminator, the structure block, then the strings block with dtc's
 * de-duplication; no free space at the end. Validates the document first (dtc's
 * name rules, duplicate names, value sizes, header fields) and throws only
 * `FdtWriteError`.
 */
export function writeFdt(doc: FdtDocument, options: FdtWriteOptions = {}): Uint8Array {
  const version = options.version ?? doc.version;
  const format = FDT_WRITABLE_VERSIONS.includes(version as FdtWritableVersion) ? fdtVersionFormat(version) : undefined;
  if (!format)
    throw new FdtWriteError(
      '',
      undefined,
      `cannot write version ${version}; dtc's versions are ${FDT_WRITABLE_VERSIONS.join(', ')}`,
    );
  const lastCompVersion = version === doc.version ? doc.lastCompVersion : format.dtcLastCompVersion;
  checkHeaderFields(format, lastCompVersion, doc.bootCpuidPhys);
  checkReservations(doc.memoryReservations);
  const { structure, strings } = flattenTree(doc.root, format, options.force === true);

  const reservationsOffset = align8(format.headerSize);
  const structureOffset = reservationsOffset + (doc.memoryReservations.length + 1) * FDT_RESERVE_ENTRY_SIZE;
  const stringsOffset = structureOffset + structure.length;
  const totalSize = stringsOffset + strings.length;
  if (totalSize > FDT_U32_MAX)
    throw new FdtWriteError('', undefined, `the blob would be ${totalSize} bytes, more than totalsize can hold`);

  const blob = new Uint8Array(totalSize);
  const view = new DataView(blob.buffer);
  const header = [FDT_MAGIC, totalSize, structureOffset, stringsOffset, reservationsOffset, version, lastCompVersion];
  if (format.hasBootCpuid) header.push(doc.bootCpuidPhys);
  if (format.hasStringsSize) header.push(strings.length);
  if (format.hasStructSize) header.push(structure.length);
  header.forEach((field, i) => view.setUint32(i * 4, field));
  doc.memoryReservations.forEach((entry, i) => {
    view.setBigUint64(reservationsOffset + i * FDT_RESERVE_ENTRY_SIZE, entry.address);
    view.setBigUint64(reservationsOffset + i * FDT_RESERVE_ENTRY_SIZE + 8, entry.size);
  });
  blob.set(structure, structureOffset);
  blob.set(strings, stringsOffset);
  return blob;
}

function checkHeaderFields(format: FdtVersionFormat, lastCompVersion: number, bootCpuidPhys: number): void {
  if (!Number.isInteger(lastCompVersion) || lastCompVersion < 1 || lastCompVersion > format.version) {
    throw new FdtWriteError(
      '',
      undefined,
      `lastCompVersion ${lastCompVersion} must be an integer from 1 to the version (${format.version})`,
    );
  }
  if (!Number.isInteger(bootCpuidPhys) || bootCpuidPhys < 0 || bootCpuidPhys > FDT_U32_MAX) {
    throw new FdtWriteError('', undefined, `bootCpuidPhys ${bootCpuidPhys} is not a u32`);
  }
  if (!format.hasBootCpuid && bootCpuidPhys !== 0) {
    throw new FdtWriteError(
      '',
      undefined,
      `version ${format.version} has no boot_cpuid_phys field to hold ${bootCpuidPhys}`,
    );
  }
}

function checkReservations(reservations: MemoryReservation[]): void {
  if (!Array.isArray(reservations)) throw new FdtWriteError('', undefined, 'memoryReservations is not an array');
  reservations.forEach((entry, i) => {
    const { address, size } = entry ?? {};
    if (typeof address !== 'bigint' || address < 0n || address >= U64_LIMIT) {
      throw new FdtWriteError('', undefined, `memory reservation ${i}: address ${String(address)} is not a u64 bigint`);
    }
    if (typeof size !== 'bigint' || size < 0n || size >= U64_LIMIT) {
      throw new FdtWriteError('', undefined, `memory reservation ${i}: size ${String(size)} is not a u64 bigint`);
    }
    if (size === 0n) {
      throw new FdtWriteError(
        '',
        undefined,
        `memory reservation ${i} has size 0, which readers take as the end of the list`,
      );
    }
  });
}

function align8(offset: number): number {
  return (offset + 7) & ~7;
}
