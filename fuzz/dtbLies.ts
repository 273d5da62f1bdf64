import { FDT_HEADER_FIELDS } from '../core/fdt/FdtHeader';
import type { FuzzInput } from './FuzzInput';
import { mutateBytes } from './mutate';
import type { Rng } from './Rng';
import { realDebugfsFiles, realRootDtb, seedFdts } from './seeds';

/** Every starting FDT: the demos' roots (every KHO version) and sub-FDTs, the real kernel's root and sub-FDTs. */
function dtbSeeds(): Uint8Array[] {
  const real = realDebugfsFiles()
    .filter((file) => file.name === 'fdt' || file.name.startsWith('sub_fdts/'))
    .map((file) => file.bytes);
  return [...seedFdts(), realRootDtb(), ...real];
}

/** A header field told a structural lie; says which. */
function tellHeaderLie(blob: Uint8Array, rng: Rng): { bytes: Uint8Array; lie: string } {
  let bytes = blob.slice();
  const view = () => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const set = (field: keyof typeof FDT_HEADER_FIELDS, value: number) => {
    if (bytes.length >= FDT_HEADER_FIELDS[field] + 4) view().setUint32(FDT_HEADER_FIELDS[field], value >>> 0);
    return `${field} ${value >>> 0}`;
  };
  const length = bytes.length;
  switch (rng.below(8)) {
    case 0:
      return { bytes, lie: set('totalsize', length + rng.pick([1, 8, 4096, 1 << 20, 0x7fffffff, 0xffffffff])) };
    case 1:
      return { bytes, lie: set('totalsize', rng.below(length)) };
    case 2:
      return { bytes, lie: set('offDtStrings', length + rng.pick([0, 1, 4096, 0xffffff00])) };
    case 3:
      return { bytes, lie: set('sizeDtStruct', rng.pick([0x7fffffff, 0xffffffff, 0x80000000, length * 16, 0])) };
    case 4:
      return { bytes, lie: set('sizeDtStrings', rng.pick([0xffffffff, length, 0x10000000])) };
    case 5:
      return { bytes, lie: set('offMemRsvmap', rng.pick([length, length - 8, 41, 0xfffffff8, 0])) };
    case 6:
      return {
        bytes,
        lie: `${set('version', rng.pick([0, 1, 15, 16, 18, 0xffffffff]))}, ${set('lastCompVersion', rng.pick([16, 17, 99]))}`,
      };
    default: {
      // The file cut short of what its header declares.
      bytes = bytes.slice(0, rng.between(4, Math.max(4, length - 1)));
      return { bytes, lie: `cut to ${bytes.length} of ${length} bytes` };
    }
  }
}

/**
 * A lone DTB for the image pipeline: a demo or real-kernel FDT (a KHO root
 * of any version, or a sub-FDT), with a structural lie in its header
 * (totalsize larger or smaller than the file, off_dt_strings past the end,
 * huge sizes, odd versions, the file cut short), byte mutations, or both.
 */
export function makeDtb(rng: Rng): FuzzInput {
  const blob = rng.pick(dtbSeeds());
  if (rng.chance(0.05)) return { what: 'demo or kernel FDT', target: 'image', bytes: blob.slice() };
  const lied = rng.chance(0.5) ? tellHeaderLie(blob, rng) : { bytes: blob, lie: '' };
  const bytes = lied.lie === '' || rng.chance(0.3) ? mutateBytes(lied.bytes, rng, 3, 64) : lied.bytes;
  return { what: `FDT${lied.lie ? `, ${lied.lie}` : ''}`, target: 'image', bytes };
}
