import { hex } from '../../../bytes/readers';
import type { DecodeContext } from '../../decode/DecodeContext';
import type { FeatureBit, FeatureHeader } from '../../model/UserContent';
import type { RawStructReader } from '../../raw/RawStructReader';

/**
 * `struct luo_feature_hdr` (mm tree, include/linux/kho/abi/luo.h; docs/kho-formats.md):
 * u64 `supp`, u64 `req`, u64 `active`, then 13 reserved u64s, 128 bytes in all.
 * It opens `luo_ser` and every handler struct that took up feature bits in
 * place of a version string (memfd's `memfd_luo_ser`).
 */
export const FEATURE_HEADER_SIZE = 128;

/** Bits of the LUO core header in `luo_ser` (`LUO_FEATURE_*`). */
export const LUO_CORE_FEATURES: readonly FeatureName[] = [
  { bit: 0, name: 'NUMBER' },
  { bit: 1, name: 'SESSIONS' },
  { bit: 2, name: 'FLBS' },
];

/** Bits of memfd's header (`MEMFD_LUO_FEATURE_*`). */
export const MEMFD_FEATURES: readonly FeatureName[] = [
  { bit: 0, name: 'SEALS' },
  { bit: 1, name: 'FOLIOS' },
];

/** A feature bit khoscope knows by name. */
export interface FeatureName {
  bit: number;
  name: string;
}

const RESERVED_WORDS = 13;

/**
 * Reads a feature header at offset 0 of `reader` and names each set bit.
 * A required bit khoscope does not know is a warning: the kernel that wrote
 * it says the next kernel must understand that feature to read the rest,
 * and khoscope cannot vouch for how it reads it either. Reserved words that
 * are not zero are a warning too (the ABI keeps them for later features).
 */
export function readFeatureHeader(
  ctx: DecodeContext,
  fragment: string,
  reader: RawStructReader,
  what: string,
  known: readonly FeatureName[],
): FeatureHeader {
  const supported = reader.u64('features.supp', 0);
  const required = reader.u64('features.req', 8);
  const active = reader.u64('features.active', 16);
  let reservedSet = false;
  for (let i = 0; i < RESERVED_WORDS; i++)
    if (reader.u64(`features.reserved[${i}]`, 24 + i * 8) !== 0n) reservedSet = true;
  const all = supported | required | active;
  const bits: FeatureBit[] = [];
  for (let bit = 0; bit < 64; bit++) {
    const mask = 1n << BigInt(bit);
    if ((all & mask) === 0n) continue;
    bits.push({
      bit,
      name: known.find((feature) => feature.bit === bit)?.name ?? null,
      supported: (supported & mask) !== 0n,
      required: (required & mask) !== 0n,
      active: (active & mask) !== 0n,
    });
  }
  const knownMask = known.reduce((mask, feature) => mask | (1n << BigInt(feature.bit)), 0n);
  const unknownRequired = required & ~knownMask;
  if (unknownRequired !== 0n) {
    const names = bits.filter((b) => b.required && b.name === null).map((b) => `bit ${b.bit}`);
    ctx.diagnostics.warning(
      'unknown-required-feature',
      `${what} requires feature ${names.join(', ')} (req ${hex(required)}), which khoscope does not know: a kernel that does not know it must refuse this state, and the fields after the header may not mean what khoscope shows`,
      { fragment, property: 'features.req', offset: 8 },
    );
  }
  if (reservedSet) {
    ctx.diagnostics.warning('reserved-bits', `${what} has reserved feature-header words that are not zero`, {
      fragment,
      property: 'features.reserved',
      offset: 24,
    });
  }
  return { supported, required, active, bits, unknownRequired };
}
