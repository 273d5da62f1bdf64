import { hex } from '../../../bytes/readers';
import { toAddress } from '../../../bytes/address';
import type { DecodeContext } from '../../decode/DecodeContext';
import type { Fragment } from '../../model/Fragment';
import type { LuoContent } from '../../model/UserContent';
import { readKhoBlockSet } from '../../raw/readBlockSet';
import { RawStructReader } from '../../raw/RawStructReader';
import { SESSION_ENTRY } from './luoEntries';
import { readLuoFlbs } from './readLuoFlbs';
import { readLuoSessions } from './readLuoSessions';

/** Bytes of `struct luo_ser`. */
export const LUO_SER_SIZE = 32;
/** The only raw LUO version known (kho-format.md §6.3). */
const KNOWN_RAW_VERSION = 'luo-v5';

/**
 * Decodes the raw `struct luo_ser` of `luo-v5` (v7.2+): compatible[8],
 * liveupdate_num, sessions_pa (block set of sessions; 0 until LUO serializes
 * on the way into kexec) and flbs_pa (FLB header page).
 */
export async function decodeLuoSer(ctx: DecodeContext, fragment: Fragment): Promise<void> {
  const location = { fragment: fragment.id };
  const reader = new RawStructReader(fragment.bytes);
  fragment.format = 'luo-ser';
  fragment.content = { kind: 'raw', format: 'luo-ser', fields: reader.fields };
  if (!reader.has(0, LUO_SER_SIZE)) {
    ctx.diagnostics.error('bad-size', `luo_ser is ${fragment.bytes.length} bytes; it needs ${LUO_SER_SIZE}`, location);
    return;
  }
  const compatible = reader.string('compatible', 0, 8);
  fragment.compatible = compatible;
  if (!compatible.startsWith('luo-v')) {
    ctx.diagnostics.error('bad-magic', `luo_ser compatible is "${compatible}", not "luo-v…"`, {
      ...location,
      property: 'compatible',
      offset: 0,
    });
    return;
  }
  if (compatible !== KNOWN_RAW_VERSION) {
    ctx.diagnostics.warning(
      'unknown-version',
      `"${compatible}" is not a known raw LUO version; decoded with the ${KNOWN_RAW_VERSION} layout`,
      { ...location, property: 'compatible', offset: 0 },
    );
  }
  const liveupdateNumber = reader.u64('liveupdate_num', 8);
  const sessionsRaw = reader.u64('sessions_pa', 16);
  const flbsRaw = reader.u64('flbs_pa', 24);
  const content: LuoContent = {
    user: 'luo',
    compatible,
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
      offset: 16,
    });
  } else if (content.sessionsAddress === 0) {
    ctx.diagnostics.info(
      'sessions-not-serialized',
      'sessions_pa is 0: LUO serializes its sessions only on the way into kexec, so none are recorded yet',
      { ...location, property: 'sessions_pa', offset: 16 },
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
      offset: 24,
    });
  } else if (content.flbsAddress !== 0) {
    content.flbs = await readLuoFlbs(ctx, fragment, '', 'flbs_pa', content.flbsAddress);
  }
}
