import { hex, readU64 } from '../../../bytes/readers';
import { toAddress } from '../../../bytes/address';
import type { DecodeContext } from '../../decode/DecodeContext';
import type { FdtContent } from '../../model/FdtContent';
import type { Fragment } from '../../model/Fragment';
import type { LuoContent } from '../../model/UserContent';
import { readEntryArray } from '../../raw/readBlockSet';
import { stringProperty, u64Property } from '../fdtProperties';
import { SESSION_ENTRY, SESSION_HEADER_SIZE } from './luoEntries';
import { readLuoFlbs } from './readLuoFlbs';
import { readLuoSessions } from './readLuoSessions';

/** Session node compatibles with the 80-byte session entry (file sets). */
const SESSION_COMPATIBLES = ['luo-session-v2'];

/**
 * Decodes the LUO FDT of 6.19–7.1 (`luo-v1`): `liveupdate-number`, node
 * `luo-session` whose `luo-session-header` points at {u64 count} followed by
 * that many `luo_session_ser` (files in plain arrays), and from 7.0 node
 * `luo-flb` whose `luo-flb-header` points at the FLB header page.
 */
export async function decodeLuoFdt(ctx: DecodeContext, fragment: Fragment, fdt: FdtContent): Promise<void> {
  const root = fdt.root;
  const content: LuoContent = {
    user: 'luo',
    compatible: fragment.compatible ?? '',
    features: null,
    liveupdateNumber: u64Property(ctx, fragment, root, 'liveupdate-number'),
    sessionsAddress: null,
    flbsAddress: null,
    sessions: [],
    flbs: [],
  };
  fragment.user = content;
  const sessionNode = root.children.find((child) => child.name === 'luo-session');
  if (sessionNode) {
    const sessionCompatible = stringProperty(sessionNode, 'compatible');
    if (sessionCompatible !== null && !SESSION_COMPATIBLES.includes(sessionCompatible)) {
      ctx.diagnostics.warning(
        'unknown-version',
        `session node compatible "${sessionCompatible}" is not known; decoded as luo-session-v2`,
        { fragment: fragment.id, node: sessionNode.path, property: 'compatible' },
      );
    }
    const headerRaw = u64Property(ctx, fragment, sessionNode, 'luo-session-header');
    content.sessionsAddress = headerRaw === null ? null : toAddress(headerRaw);
    if (headerRaw !== null && content.sessionsAddress === null) {
      ctx.diagnostics.error(
        'address-too-large',
        `luo-session-header ${hex(headerRaw)} is not a usable physical address`,
        { fragment: fragment.id, node: sessionNode.path, property: 'luo-session-header' },
      );
    }
    if (content.sessionsAddress) {
      const ref = { fragment: fragment.id, node: sessionNode.path, property: 'luo-session-header' };
      const header = await ctx.read(content.sessionsAddress, SESSION_HEADER_SIZE, 'luo_session_header_ser', ref);
      const entries =
        header &&
        (await readEntryArray(
          ctx,
          ref,
          fragment.root,
          content.sessionsAddress,
          SESSION_HEADER_SIZE,
          readU64(header, 0, 'le'),
          SESSION_ENTRY,
        ));
      if (entries) content.sessions = await readLuoSessions(ctx, fragment, sessionNode.path, entries, 'array');
    }
  }
  const flbNode = root.children.find((child) => child.name === 'luo-flb');
  if (flbNode) {
    const headerRaw = u64Property(ctx, fragment, flbNode, 'luo-flb-header');
    content.flbsAddress = headerRaw === null ? null : toAddress(headerRaw);
    if (content.flbsAddress)
      content.flbs = await readLuoFlbs(ctx, fragment, flbNode.path, 'luo-flb-header', content.flbsAddress);
  }
}
