import type { DecodeContext } from '../decode/DecodeContext';
import type { Fragment } from '../model/Fragment';
import { openRawStruct } from '../raw/openRawStruct';
import { flagState, readFolioRecords } from './folioRecords';
import { readDescriptor } from './memfd';

/** Bytes of `struct guest_memfd_luo_ser`: size, flags, nr_folios, vm_token, then a `kho_vmalloc`. */
const GUEST_MEMFD_SER_SIZE = 48;
/** guest_memfd's folio flag bits: UPTODATE is bit 0 here, where memfd has DIRTY. */
export const GUEST_MEMFD_FOLIO_FLAGS: readonly string[] = ['uptodate'];
/** File-level flags (`GUEST_MEMFD_LUO_FLAG_*`). */
const GUEST_MEMFD_FILE_FLAGS: readonly string[] = ['mmap', 'init-shared'];

/**
 * Decodes a `guest_memfd_luo_ser` (`guest_memfd_luo_v1`, KVM's guest memory
 * file, mm tree include/linux/kho/abi/kvm.h) and its folio records, which
 * share memfd's shape but not its flag numbering. Unknown file flags are a
 * warning: the next kernel rejects flags it does not support.
 */
export async function decodeGuestMemfd(ctx: DecodeContext, fragment: Fragment): Promise<void> {
  const reader = openRawStruct(ctx, fragment, 'guest_memfd data', GUEST_MEMFD_SER_SIZE);
  if (!reader) return;
  const size = reader.u64('size', 0);
  const flags = reader.u64('flags', 8);
  const nrFolios = reader.u64('nr_folios', 16);
  const vmToken = reader.u64('vm_token', 24);
  const descriptor = readDescriptor(reader, 32);
  const flagNames = flagState(flags, GUEST_MEMFD_FILE_FLAGS);
  if (flags >> BigInt(GUEST_MEMFD_FILE_FLAGS.length) !== 0n) {
    ctx.diagnostics.warning(
      'reserved-bits',
      `guest_memfd flags ${flagNames.join(', ')}: bits guest_memfd_luo_v1 does not define`,
      {
        fragment: fragment.id,
        property: 'flags',
        offset: 8,
      },
    );
  }
  const records = await readFolioRecords(ctx, fragment, nrFolios, descriptor, 'guest_memfd', GUEST_MEMFD_FOLIO_FLAGS);
  fragment.user = {
    user: 'guest-memfd',
    handler: fragment.compatible ?? fragment.format,
    size,
    flags,
    flagNames,
    nrFolios,
    vmToken,
    vmallocArea: records.vmallocArea,
    folios: records.folios,
  };
}
