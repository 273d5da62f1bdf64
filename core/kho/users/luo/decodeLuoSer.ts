import { hex, startsWithAscii } from '../../../bytes/readers';
import { toAddress } from '../../../bytes/address';
import type { DecodeContext } from '../../decode/DecodeContext';
import type { Fragment } from '../../model/Fragment';
import type { FeatureHeader, LuoContent } from '../../model/UserContent';
import { readKhoBlockSet } from '../../raw/readBlockSet';
import { RawStructReader } from '../../raw/RawStructReader';
import { FEATURE_HEADER_SIZE, LUO_CORE_FEATURES, readFeatureHeader } from './featureHeader';
import { SESSION_ENTRY } from './luoEntries';
import { readLuoFlbs } from './readLuoFlbs';
import { readLuoSessions } from './readLuoSessions';

/** Bytes of the versioned `struct luo_ser` (`luo-v5`). */
export const LUO_SER_SIZE = 32;
/** Bytes of the feature-bit `struct luo_ser`: a feature header, then liveupdate_num, sessions_pa, flbs_pa. */
export const LUO_FEATURE_SER_SIZE = FEATURE_HEADER_SIZE + 24;
/** The only raw LUO version string known (kho-format.md §6.3). */
const KNOWN_RAW_VERSION = 'luo-v5';
/** khoscope's name for the feature-bit layout, which carries no string of its own. */
export const LUO_FEATURES_LAYOUT = 'luo-features';

/**
 * Decodes a raw `struct luo_ser`: the `luo-v5` layout of v7.2 (compatible[8],
 * liveupdate_num, sessions_pa, flbs_pa: 32 bytes), or the feature-bit
 * layout queued in the mm tree (a 128-byte `luo_feature_hdr`, then the same
 * three u64s: 152 bytes). They are told apart by the `luo-v` string the
 * older one opens with. sessions_pa is a KHO block set of sessions (0 until
 * LUO serializes on the way into kexec); flbs_pa is the FLB header page.
 */
export async function decodeLuoSer(ctx: DecodeContext, fragment: Fragment): Promise<void> {
  const location = { fragment: fragment.id };
  const reader = new RawStructReader(fragment.bytes);
  fragment.format = 'luo-ser';
  fragment.content = { kind: 'raw', format: 'luo-ser', fields: reader.fields };
  if (startsWithAscii(fragment.bytes, 'luo-v')) return decodeVersioned(ctx, fragment, reader);
  if (!reader.has(0, LUO_FEATURE_SER_SIZE)) {
    // Too short for the feature layout: read it as a versioned one whose string is wrong.
    if (!reader.has(0, LUO_SER_SIZE)) {
      ctx.diagnostics.error(
        'bad-size',
        `luo_ser is ${fragment.bytes.length} bytes; it needs ${LUO_SER_SIZE} (luo-v5) or ${LUO_FEATURE_SER_SIZE} (feature header)`,
        location,
      );
      return;
    }
    const compatible = reader.string('compatible', 0, 8);
    fragment.compatible = compatible;
    ctx.diagnostics.error(
      'bad-magic',
      `luo_ser compatible is "${compatible}", not "luo-v…", and ${fragment.bytes.length} bytes are too few for the ${LUO_FEATURE_SER_SIZE}-byte feature-header layout`,
      { ...location, property: 'compatible', offset: 0 },
    );
    return;
  }
  const features = readFeatureHeader(ctx, fragment.id, reader, 'luo_ser', LUO_CORE_FEATURES);
  await decodeBody(ctx, fragment, reader, FEATURE_HEADER_SIZE, LUO_FEATURES_LAYOUT, features);
}

async function decodeVersioned(ctx: DecodeContext, fragment: Fragment, reader: RawStructReader): Promise<void> {
  const location = { fragment: fragment.id };
  if (!reader.has(0, LUO_SER_SIZE)) {
    ctx.diagnostics.error('bad-size', `luo_ser is ${fragment.bytes.length} bytes; it needs ${LUO_SER_SIZE}`, location);
    return;
  }
  const compatible = reader.string('compatible', 0, 8);
  fragment.compatible = compatible;
  if (compatible !== KNOWN_RAW_VERSION) {
    ctx.diagnostics.warning(
      'unknown-version',
      `"${compatible}" is not a known raw LUO version; decoded with the ${KNOWN_RAW_VERSION} layout`,
      { ...location, property: 'compatible', offset: 0 },
    );
  }
  await decodeBody(ctx, fragment, reader, 8, compatible, null);
}

/** liveupdate_num, sessions_pa and flbs_pa at `base`, and what they point at. */
async function decodeBody(
  ctx: DecodeContext,
  fragment: Fragment,
  reader: RawStructReader,
  base: number,
  compatible: string,
  features: FeatureHeader | null,
): Promise<void> {
  const location = { fragment: fragment.id };
  const liveupdateNumber = reader.u64('liveupdate_num', base);
  const sessionsRaw = reader.u64('sessions_pa', base + 8);
  const flbsRaw = reader.u64('flbs_pa', base + 16);
  const content: LuoContent = {
    user: 'luo',
    compatible,
    features,
    liveupdateNumber,
    sessionsAddress: toAddress(sessionsRaw),
    flbsAddress: toAddress(flbsRaw),
    sessions: [],
    flbs: [],
  };
  fragment.user = content;
  if (content.sessionsAddress === null) {
    ctx.diagnostics.error('address-too-large', `sessions_pa ${hex(sessionsRaw)} is not a usable physical address`, {
      ...location,
      property: 'sessions_pa',
      offset: base + 8,
    });
  } else if (content.sessionsAddress === 0) {
    ctx.diagnostics.info(
      'sessions-not-serialized',
      'sessions_pa is 0: LUO serializes its sessions only on the way into kexec, so none are recorded yet',
      { ...location, property: 'sessions_pa', offset: base + 8 },
    );
  } else {
    const ref = { fragment: fragment.id, node: '', property: 'sessions_pa' };
    const entries = await readKhoBlockSet(ctx, ref, fragment.root, content.sessionsAddress, SESSION_ENTRY);
    content.sessions = await readLuoSessions(ctx, fragment, '', entries, 'kho-block');
  }
  if (content.flbsAddress === null) {
    ctx.diagnostics.error('address-too-large', `flbs_pa ${hex(flbsRaw)} is not a usable physical address`, {
      ...location,
      property: 'flbs_pa',
      offset: base + 16,
    });
  } else if (content.flbsAddress !== 0) {
    content.flbs = await readLuoFlbs(ctx, fragment, '', 'flbs_pa', content.flbsAddress);
  }
}
